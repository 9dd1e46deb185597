package com.crscompanion.channels.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.crscompanion.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** The Telegram channel's shared state on both databases, with two instances working on it at once. */
class TelegramStoreTests {

	private static final Outbox.SendPermit ALWAYS = (chat, group, now) -> Duration.ZERO;

	static List<String> databases() {
		return TestDatabases.names().toList();
	}

	private static JdbcOutbox outbox(DataSource dataSource) {
		return new JdbcOutbox(JdbcClient.create(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), TelegramConfiguration.json(), 1000,
				Duration.ofSeconds(30), Clock.systemUTC());
	}

	@ParameterizedTest
	@MethodSource("databases")
	void eachUpdateIsHandledOnceAcrossInstances(String database) throws Exception {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			List<JdbcProcessedUpdates> instances = List.of(
					new JdbcProcessedUpdates(JdbcClient.create(db.connect()), Duration.ofHours(48), Clock.systemUTC()),
					new JdbcProcessedUpdates(JdbcClient.create(db.connect()), Duration.ofHours(48), Clock.systemUTC()));
			ExecutorService threads = Executors.newFixedThreadPool(4);
			try {
				List<Future<Boolean>> firsts = new java.util.ArrayList<>();
				for (int update = 1; update <= 200; update++) {
					long id = update;
					for (JdbcProcessedUpdates instance : instances) {
						firsts.add(threads.submit(() -> instance.firstTime(id)));
					}
				}
				long handled = 0;
				for (Future<Boolean> first : firsts) {
					handled += first.get() ? 1 : 0;
				}
				assertThat(handled).isEqualTo(200);
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void twoInstancesSendEachMessageOnceInOrderPerChatAndUrgentFirst(String database) throws Exception {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			JdbcOutbox a = outbox(db.connect());
			JdbcOutbox b = outbox(db.connect());
			a.add(List.of(message(1, "1-first"), message(1, "1-second"), message(2, "2-first")));
			b.add(List.of(new OutgoingMessage(3, false, null, null, "3-urgent", List.of(), true)));
			Instant now = Instant.now();
			Outbox.Claim first = a.claim(now, ALWAYS);
			assertThat(first).isInstanceOfSatisfying(Outbox.Claim.Ready.class,
					ready -> assertThat(ready.message().message().html()).isEqualTo("3-urgent"));

			ConcurrentHashMap<String, Integer> sent = new ConcurrentHashMap<>();
			sent.merge(((Outbox.Claim.Ready) first).message().message().html(), 1, Integer::sum);
			a.delivered(((Outbox.Claim.Ready) first).message());
			for (int i = 0; i < 10 && a.size() > 0; i++) {
				for (JdbcOutbox instance : List.of(a, b)) {
					if (instance.claim(Instant.now(), ALWAYS) instanceof Outbox.Claim.Ready ready) {
						sent.merge(ready.message().message().html(), 1, Integer::sum);
						// chat 1's second message may not leave while its first is in flight, on either instance
						if (ready.message().message().html().equals("1-first")
								&& b.claim(Instant.now(), ALWAYS) instanceof Outbox.Claim.Ready other) {
							assertThat(other.message().message().html()).isNotEqualTo("1-second");
							sent.merge(other.message().message().html(), 1, Integer::sum);
							b.delivered(other.message());
						}
						instance.delivered(ready.message());
					}
				}
			}
			assertThat(sent).containsOnlyKeys("3-urgent", "1-first", "1-second", "2-first").allSatisfy((k, n) -> assertThat(n).isOne());
			assertThat(a.size()).isZero();
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aMessageLeasedByAnInstanceThatDiedIsSentByAnotherOnceTheLeaseRunsOut(String database) throws Exception {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			JdbcOutbox dead = outbox(db.connect());
			JdbcOutbox alive = outbox(db.connect());
			dead.add(List.of(message(7, "card")));
			Instant now = Instant.now();
			assertThat(dead.claim(now, ALWAYS)).isInstanceOf(Outbox.Claim.Ready.class);
			assertThat(alive.claim(now.plusSeconds(5), ALWAYS)).isNotInstanceOf(Outbox.Claim.Ready.class);
			assertThat(alive.claim(now.plusSeconds(31), ALWAYS)).isInstanceOfSatisfying(Outbox.Claim.Ready.class,
					ready -> assertThat(ready.message().message().html()).isEqualTo("card"));
		}
	}

	private static OutgoingMessage message(long chat, String html) {
		return new OutgoingMessage(chat, false, null, null, html, List.of(List.of(new OutgoingMessage.Button("b", "d"))),
				false);
	}

}
