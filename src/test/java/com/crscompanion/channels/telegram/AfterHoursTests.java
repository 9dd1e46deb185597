package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crscompanion.conversation.internal.MessagesProperties;
import com.crscompanion.knowledge.KnowledgeBase;
import com.crscompanion.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After the coordinators' office hours (Monday to Friday, 09:00 to 17:00 UTC here; it is Monday 20:00): a family
 * asking for a person is told the ward is open all night, when a coordinator will answer in their terms, and the
 * guide's calming advice; the request still reaches the group, and is announced again at opening time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "telegram.bot-token=" + FakeBotApi.TOKEN, "telegram.polling.timeout=2s",
				"telegram.polling.retry-initial=50ms", "telegram.delivery.retry-initial=50ms",
				"telegram.delivery.retry-max=200ms", "telegram.http.read-timeout=1s",
				"telegram.delivery.messages-per-second=1000", "telegram.delivery.per-chat-per-second=100",
				"telegram.delivery.per-chat-burst=50", "telegram.delivery.per-group-per-minute=6000",
				"telegram.delivery.per-group-burst=50", "telegram.coordinator-chat-id=" + AfterHoursTests.GROUP,
				"crs.handoff.check-every=200ms", "crs.office-hours.time-zone=UTC", "crs.office-hours.zone-label=UTC",
				"crs.office-hours.weekly.monday=09:00-17:00", "crs.office-hours.weekly.tuesday=09:00-17:00",
				"crs.office-hours.weekly.wednesday=09:00-17:00", "crs.office-hours.weekly.thursday=09:00-17:00",
				"crs.office-hours.weekly.friday=09:00-17:00", "crs.office-hours.weekly.saturday=",
				"crs.office-hours.weekly.sunday=" })
@DirtiesContext
class AfterHoursTests {

	static final long GROUP = -100555;

	static final FakeBotApi telegram = new FakeBotApi();

	/** A Monday evening. */
	static final Instant MONDAY_EVENING = Instant.parse("2026-11-23T20:00:00Z");

	private static final Duration WAIT = Duration.ofSeconds(10);

	@DynamicPropertySource
	static void fakeApi(DynamicPropertyRegistry registry) {
		registry.add("telegram.api-url", telegram::url);
	}

	@TestConfiguration
	static class Beans {

		@Bean(destroyMethod = "close")
		FakeBotApi fakeBotApi() {
			return telegram;
		}

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock().startingAt(MONDAY_EVENING);
		}

	}

	@Autowired
	MessagesProperties messages;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	MovableClock clock;

	@Test
	void aRequestAfterHoursGetsReassuranceTheNextOpeningAndTheGuidesCalmingAdviceThenWaitsForOpeningTime() {
		long family = 6001;
		telegram.offer(Updates.command(family, "/human"));
		await().atMost(WAIT).until(() -> telegram.sentTo(family).size() >= 4);
		List<FakeBotApi.Sent> replies = telegram.sentTo(family);
		assertThat(replies.get(0).text()).contains("the ward is staffed all night")
			.contains("a coordinator will answer you here tomorrow at 09:00 UTC, in about 13 hours");
		// the guide's own words, with their sections
		for (int i = 0; i < 3; i++) {
			String id = this.messages.handoff().calmingPassages().get(i);
			String firstLine = this.knowledge.current().find(id).orElseThrow().displayText().lines().findFirst().orElseThrow();
			assertThat(replies.get(i + 1).text()).contains(ReplyFormatter.escape(firstLine)).contains("From the CRS family guide");
		}
		assertThat(replies).noneMatch(r -> r.text().contains(ReplyFormatter.escape(this.messages.handoff().requested())));

		// announced when opened, and again at opening time
		await().atMost(WAIT).until(() -> cards(family).size() == 1);
		this.clock.moveTo(Instant.parse("2026-11-24T09:00:05Z"));
		await().atMost(WAIT).until(() -> cards(family).size() == 2);
		assertThat(cards(family).get(1).text()).contains("still unclaimed");
	}

	@Test
	void aNormalQuestionAfterHoursGetsItsAnswerWithoutAnAfterHoursNotice() {
		long family = 6101;
		telegram.offer(Updates.text(family, "how long does CRS last?"));
		await().atMost(WAIT).until(() -> telegram.sentTo(family).size() >= 1);
		await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> telegram.sentTo(family).size() == 1);
		assertThat(telegram.sentTo(family).get(0).text()).contains("From the CRS family guide")
			.doesNotContain("staffed all night");
	}

	private static List<FakeBotApi.Sent> cards(long family) {
		return telegram.sentTo(GROUP).stream().filter(s -> s.text().contains("telegram") && s.text().contains("Family")).toList();
	}

}
