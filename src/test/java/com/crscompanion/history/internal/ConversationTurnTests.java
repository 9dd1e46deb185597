package com.crscompanion.history.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.crscompanion.history.Author;
import com.crscompanion.history.BotReply;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.history.LoggedMessage;
import com.crscompanion.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's two writes per message, on H2 and PostgreSQL: the family's words (creating the conversation on
 * first use) and the bot's replies; and what the next turn learns from them.
 */
class ConversationTurnTests {

	static List<String> databases() {
		return TestDatabases.names().toList();
	}

	private static JdbcConversationHistory history(DataSource dataSource) {
		return HistoryForTests.jdbc(dataSource, Clock.systemUTC());
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aTurnIsStoredInOrderAndTheNextTurnSeesTheBotsLastReply(String database) {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			JdbcConversationHistory history = history(db.connect());
			ConversationRef family = new ConversationRef("telegram", "5001");

			assertThat(history.lastBotReplyKind(family)).isEmpty();
			history.recordTurn(family, "Li Wei", "my dad feels hot, what is a fever",
					List.of(new BotReply("emergency", "Contact the ward immediately"), new BotReply("fallback", "…")));
			long reference = history.find(family).orElseThrow().reference();
			assertThat(history.find(family)).get().extracting(info -> info.displayName()).isEqualTo("Li Wei");
			// a coordinator's pushed answer is not the bot's reply
			history.record(family, Author.COORDINATOR, "Anna", "coordinator", "I am calling the ward", true);
			assertThat(history.lastBotReplyKind(family)).contains("fallback");

			// words that a handoff must see first, then the replies
			history.recordFamilyMessage(family, null, "can I talk to someone");
			assertThat(history.lastBotReplyKind(family)).contains("fallback");
			history.recordBotReplies(family, List.of(new BotReply("handoff", "I have asked a coordinator")));
			assertThat(history.lastBotReplyKind(family)).contains("handoff");
			assertThat(history.find(family)).get().satisfies(info -> {
				assertThat(info.reference()).isEqualTo(reference);
				assertThat(info.displayName()).isEqualTo("Li Wei");
			});
			assertThat(history.recent(family, 10)).extracting(LoggedMessage::author, LoggedMessage::kind)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(Author.FAMILY, "message"),
						org.assertj.core.groups.Tuple.tuple(Author.BOT, "emergency"),
						org.assertj.core.groups.Tuple.tuple(Author.BOT, "fallback"),
						org.assertj.core.groups.Tuple.tuple(Author.COORDINATOR, "coordinator"),
						org.assertj.core.groups.Tuple.tuple(Author.FAMILY, "message"),
						org.assertj.core.groups.Tuple.tuple(Author.BOT, "handoff"));
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aFamilysFirstMessagesArrivingTogetherMakeOneConversationAndLoseNoWords(String database) throws Exception {
		try (TestDatabases.Database db = TestDatabases.open(database);
				ExecutorService threads = Executors.newFixedThreadPool(4)) {
			JdbcConversationHistory history = history(db.connect());
			List<BotReply> reply = List.of(new BotReply("answer", "CRS is…"));
			for (int round = 0; round < 10; round++) {
				ConversationRef family = new ConversationRef("web", "race-" + round);
				CyclicBarrier start = new CyclicBarrier(4);
				List<CompletableFuture<Void>> turns = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					String text = "message " + i;
					turns.add(CompletableFuture.runAsync(() -> {
						await(start);
						history.recordTurn(family, null, text, reply);
					}, threads));
				}
				turns.forEach(CompletableFuture::join);
				assertThat(JdbcClient.create(db.connect())
					.sql("select count(*) from conversation where external_id = ?")
					.params(family.id())
					.query(Integer.class)
					.single()).isEqualTo(1);
				assertThat(history.recent(family, 10)).extracting(LoggedMessage::text)
					.containsExactlyInAnyOrder("message 0", "message 1", "message 2", "message 3", "CRS is…", "CRS is…",
							"CRS is…", "CRS is…");
			}
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
