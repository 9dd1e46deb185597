package com.crscompanion.history.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.crscompanion.history.Author;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.support.MovableClock;
import com.crscompanion.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Family data older than the retention period goes; a family still waiting for a coordinator stays. */
class RetentionTests {

	static List<String> databases() {
		return TestDatabases.names().toList();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void oldConversationsAreDeletedButOneWithAnOpenHandoffIsKept(String database) {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			DataSource dataSource = db.connect();
			MovableClock clock = new MovableClock().startingAt(Instant.parse("2026-01-01T10:00:00Z"));
			JdbcConversationHistory history = history(dataSource, clock);
			ConversationRef old = new ConversationRef("web", "old");
			ConversationRef waiting = new ConversationRef("web", "waiting");
			history.record(old, Author.FAMILY, null, "message", "how long does CRS last", false);
			history.recordFeedback(old, "p", false);
			history.record(waiting, Author.FAMILY, null, "message", "can I talk to someone", false);
			long waitingId = history.find(waiting).orElseThrow().reference();
			JdbcClient.create(dataSource)
				.sql("insert into handoff (conversation_id, open_conversation, status, priority, opened_at, "
						+ "last_announced_at, version) values (?, ?, 'OPEN', 'NORMAL', ?, ?, 0)")
				.params(waitingId, waitingId, java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now())
				.update();

			clock.moveTo(Instant.parse("2026-02-15T10:00:00Z"));
			ConversationRef recent = new ConversationRef("web", "recent");
			history.record(recent, Author.FAMILY, null, "message", "is fever normal", false);
			assertThat(history.purge(Instant.parse("2026-01-16T10:00:00Z"))).isPositive();

			assertThat(history.find(old)).isEmpty();
			assertThat(history.recentFeedback(old, 5)).isEmpty();
			assertThat(history.find(waiting)).as("still waiting for a coordinator").isPresent();
			assertThat(history.recent(recent, 5)).hasSize(1);
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aFamilyThatKeepsWritingKeepsItsConversationAndItsLatestName(String database) {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			DataSource dataSource = db.connect();
			MovableClock clock = new MovableClock().startingAt(Instant.parse("2026-01-01T10:00:00Z"));
			JdbcConversationHistory history = history(dataSource, clock);
			ConversationRef family = new ConversationRef("telegram", "42");
			history.recordFamilyMessage(family, "Li", "is fever normal");
			for (int day = 1; day <= 40; day++) {
				// several messages a few seconds apart, every day for 40 days
				clock.moveTo(Instant.parse("2026-01-01T10:00:00Z").plus(java.time.Duration.ofDays(day)));
				history.recordFamilyMessage(family, null, "day " + day);
				clock.moveTo(clock.instant().plusSeconds(20));
				history.recordTurn(family, null, "and again", List.of());
			}
			assertThat(history.touch(family, "Li Wei").displayName()).isEqualTo("Li Wei");
			assertThat(history.touch(family, null).displayName()).isEqualTo("Li Wei");

			history.purge(clock.instant().minus(java.time.Duration.ofDays(30)));
			assertThat(history.find(family)).as("seen yesterday: kept").isPresent();
			// the test clock keeps ticking from where it is set
			assertThat(history.find(family).orElseThrow().firstSeen()).isBetween(Instant.parse("2026-01-01T10:00:00Z"),
					Instant.parse("2026-01-01T10:00:05Z"));
		}
	}

	private static JdbcConversationHistory history(DataSource dataSource, Clock clock) {
		return HistoryForTests.jdbc(dataSource, clock);
	}

}
