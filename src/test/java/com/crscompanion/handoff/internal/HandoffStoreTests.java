package com.crscompanion.handoff.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.crscompanion.handoff.Coordinator;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.HandoffAnnounced;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.handoff.MessageToFamily;
import com.crscompanion.handoff.Trigger;
import com.crscompanion.history.Author;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.history.internal.HistoryForTests;
import com.crscompanion.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handoff state on both databases the app runs on. "Two instances" are two stores with their own connection pools
 * on one database, as two app instances behind a load balancer would be.
 */
class HandoffStoreTests {

	private static final HandoffProperties PROPERTIES = new HandoffProperties(Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofSeconds(30), "BACK WITH BOT");

	private static final OfficeHoursProperties ALWAYS_OPEN = new OfficeHoursProperties("UTC", "UTC",
			Map.of(java.time.DayOfWeek.MONDAY, List.of("00:00-24:00"), java.time.DayOfWeek.TUESDAY, List.of("00:00-24:00"),
					java.time.DayOfWeek.WEDNESDAY, List.of("00:00-24:00"), java.time.DayOfWeek.THURSDAY,
					List.of("00:00-24:00"), java.time.DayOfWeek.FRIDAY, List.of("00:00-24:00"), java.time.DayOfWeek.SATURDAY,
					List.of("00:00-24:00"), java.time.DayOfWeek.SUNDAY, List.of("00:00-24:00")),
			List.of(), new OfficeHoursProperties.Words("today {time}", "tomorrow {time}", "{day} {time}", "{n} min",
					"{n} h", "{n} d", "later"));

	private final List<Object> events = new CopyOnWriteArrayList<>();

	static List<String> databases() {
		return TestDatabases.names().toList();
	}

	private JdbcHandoffs instance(DataSource dataSource) {
		ConversationHistory history = HistoryForTests.on(dataSource, Clock.systemUTC());
		return new JdbcHandoffs(JdbcClient.create(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), history,
				new WeeklySchedule(ALWAYS_OPEN), PROPERTIES, this.events::add, Clock.systemUTC());
	}

	@ParameterizedTest
	@MethodSource("databases")
	void oneOpenHandoffPerFamilyNewTriggersAddToItAndAnEmergencyMakesItUrgent(String database) {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			JdbcHandoffs handoffs = instance(db.connect());
			ConversationRef family = new ConversationRef("web", "family-1");
			Handoffs.Requested first = handoffs.request(family, Trigger.of(Trigger.Reason.ASKED));
			Handoffs.Requested second = handoffs.request(family,
					new Trigger(Trigger.Reason.EMERGENCY, List.of("FEVER"), "fever 39.5", null));
			assertThat(first.opened()).isTrue();
			assertThat(second.opened()).isFalse();
			assertThat(second.handoff().id()).isEqualTo(first.handoff().id());
			assertThat(second.handoff().urgent()).isTrue();
			assertThat(second.handoff().triggers()).extracting(Trigger::reason)
				.containsExactly(Trigger.Reason.ASKED, Trigger.Reason.EMERGENCY);
			assertThat(second.handoff().triggers().get(1).matchedText()).isEqualTo("fever 39.5");
			// announced when opened, and again when it became urgent
			assertThat(this.events).filteredOn(HandoffAnnounced.class::isInstance).hasSize(2);
			assertThat(handoffs.open()).extracting(Handoff::id).containsExactly(first.handoff().id());

			Coordinator anna = new Coordinator("console:anna", "Anna");
			assertThat(handoffs.resolve(first.handoff().id(), anna)).isPresent();
			assertThat(handoffs.openFor(family)).isEmpty();
			assertThat(this.events).filteredOn(MessageToFamily.class::isInstance).singleElement()
				.extracting(e -> ((MessageToFamily) e).text()).isEqualTo("BACK WITH BOT");
			assertThat(handoffs.request(family, Trigger.of(Trigger.Reason.ASKED)).opened()).as("a new one after resolve")
				.isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aLongRunningHandoffShowsWhyItOpenedEverySignAndTheLatestReportsNotEveryTrigger(String database) {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			JdbcHandoffs handoffs = instance(db.connect());
			ConversationRef family = new ConversationRef("web", "family-all-night");
			handoffs.request(family, Trigger.of(Trigger.Reason.ASKED));
			handoffs.request(family, new Trigger(Trigger.Reason.EMERGENCY, List.of("SEIZURE"), "had a fit", null));
			int reports = JdbcHandoffs.TRIGGERS_PER_REASON + 25;
			for (int i = 1; i <= reports; i++) {
				handoffs.request(family, new Trigger(Trigger.Reason.EMERGENCY, List.of("FEVER"), "report " + i, null));
			}
			Handoff handoff = handoffs.openFor(family).orElseThrow();
			assertThat(handoff.triggers()).first().extracting(Trigger::reason).isEqualTo(Trigger.Reason.ASKED);
			assertThat(handoff.triggers()).filteredOn(t -> t.reason() == Trigger.Reason.EMERGENCY)
				.extracting(Trigger::matchedText)
				.hasSize(JdbcHandoffs.TRIGGERS_PER_REASON + 1)
				.startsWith("had a fit")
				.endsWith("report " + (reports - 1), "report " + reports);
			assertThat(handoffs.find(handoff.id()).orElseThrow().triggers()).isEqualTo(handoff.triggers());
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aClaimPressedOnTwoInstancesAtOnceIsWonByExactlyOne(String database) throws Exception {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			JdbcHandoffs instanceA = instance(db.connect());
			JdbcHandoffs instanceB = instance(db.connect());
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				for (int round = 0; round < 20; round++) {
					long id = instanceA.request(new ConversationRef("telegram", "race-" + round),
							Trigger.of(Trigger.Reason.ASKED)).handoff().id();
					CountDownLatch start = new CountDownLatch(1);
					Future<Handoffs.Claim> a = threads.submit(() -> {
						start.await();
						return instanceA.claim(id, new Coordinator("telegram:1", "Anna"));
					});
					Future<Handoffs.Claim> b = threads.submit(() -> {
						start.await();
						return instanceB.claim(id, new Coordinator("console:ben", "Ben"));
					});
					start.countDown();
					List<Handoffs.Claim> outcomes = List.of(a.get(), b.get());
					assertThat(outcomes).filteredOn(Handoffs.Claim.Won.class::isInstance).hasSize(1);
					assertThat(outcomes).filteredOn(Handoffs.Claim.Taken.class::isInstance).hasSize(1);
					Handoff claimed = instanceB.find(id).orElseThrow();
					Handoffs.Claim.Won won = (Handoffs.Claim.Won) outcomes.stream()
						.filter(Handoffs.Claim.Won.class::isInstance)
						.findFirst()
						.orElseThrow();
					assertThat(claimed.claimedBy()).isEqualTo(won.handoff().claimedBy());
				}
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void requestsArrivingOnTwoInstancesAtOnceOpenOneHandoff(String database) throws Exception {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			JdbcHandoffs instanceA = instance(db.connect());
			JdbcHandoffs instanceB = instance(db.connect());
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				for (int round = 0; round < 10; round++) {
					ConversationRef family = new ConversationRef("telegram", "twice-" + round);
					CountDownLatch start = new CountDownLatch(1);
					List<Future<Handoffs.Requested>> both = new ArrayList<>();
					for (JdbcHandoffs instance : List.of(instanceA, instanceB)) {
						both.add(threads.submit(() -> {
							start.await();
							return instance.request(family, Trigger.of(Trigger.Reason.ASKED));
						}));
					}
					start.countDown();
					Handoffs.Requested one = both.get(0).get();
					Handoffs.Requested two = both.get(1).get();
					assertThat(one.handoff().id()).isEqualTo(two.handoff().id());
					assertThat(List.of(one.opened(), two.opened())).containsExactlyInAnyOrder(true, false);
				}
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aCoordinatorsReplyIsStoredForTheFamilyAndForgettingDeletesTheFamilysData(String database) {
		try (TestDatabases.Database db = TestDatabases.open(database)) {
			DataSource dataSource = db.connect();
			JdbcHandoffs handoffs = instance(dataSource);
			ConversationHistory history = HistoryForTests.on(dataSource, Clock.systemUTC());
			ConversationRef family = new ConversationRef("web", "family-2");
			history.record(family, Author.FAMILY, null, "message", "can I talk to someone", false);
			long id = handoffs.request(family, Trigger.of(Trigger.Reason.ASKED)).handoff().id();
			assertThat(handoffs.reply(id, new Coordinator("console:anna", "Anna"), "Hello, I am Anna")).isPresent();
			assertThat(history.pushedAfter(family, 0)).singleElement().satisfies(m -> {
				assertThat(m.author()).isEqualTo(Author.COORDINATOR);
				assertThat(m.authorName()).isEqualTo("Anna");
				assertThat(m.text()).isEqualTo("Hello, I am Anna");
			});
			assertThat(handoffs.find(id).orElseThrow().status()).as("answering holds it").isEqualTo(Handoff.Status.CLAIMED);

			assertThat(history.forget(family)).isTrue();
			assertThat(history.recent(family, 10)).isEmpty();
			assertThat(handoffs.find(id)).isEmpty();
			assertThat(handoffs.open()).isEmpty();
			assertThat(history.forget(family)).isFalse();
		}
	}

}
