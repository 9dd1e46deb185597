package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crscompanion.conversation.internal.MessagesProperties;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.safety.EmergencyReplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handoff through Telegram, the whole application against a fake Bot API on 127.0.0.1: a family's request puts a
 * card in the coordinators' group, a coordinator's reply reaches the family, Claim and Resolve work and show on the
 * card, the family's messages are relayed, an emergency makes an urgent card that is announced again while nobody
 * claims it. Coordinators are at work (the test configuration's office hours cover the whole week).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "telegram.bot-token=" + FakeBotApi.TOKEN, "telegram.polling.timeout=2s",
				"telegram.polling.retry-initial=50ms", "telegram.delivery.retry-initial=50ms",
				"telegram.delivery.retry-max=200ms", "telegram.http.read-timeout=1s",
				"telegram.delivery.messages-per-second=1000", "telegram.delivery.per-chat-per-second=100",
				"telegram.delivery.per-chat-burst=50", "telegram.delivery.per-group-per-minute=6000",
				"telegram.delivery.per-group-burst=50", "telegram.coordinator-chat-id=" + CoordinatorDeskTests.GROUP,
				"crs.handoff.reannounce-urgent=2s", "crs.handoff.check-every=300ms" })
@DirtiesContext
class CoordinatorDeskTests {

	static final long GROUP = -100777;

	static final FakeBotApi telegram = new FakeBotApi();

	private static final Duration WAIT = Duration.ofSeconds(10);

	@DynamicPropertySource
	static void fakeApi(DynamicPropertyRegistry registry) {
		registry.add("telegram.api-url", telegram::url);
	}

	@TestConfiguration
	static class FakeApiLifetime {

		@Bean(destroyMethod = "close")
		FakeBotApi fakeBotApi() {
			return telegram;
		}

	}

	@Autowired
	MessagesProperties messages;

	@Autowired
	TelegramTexts texts;

	@Autowired
	Handoffs handoffs;

	@Autowired
	EmergencyReplies emergencyReplies;

	@Test
	void humanPutsACardInTheGroupAndTheCoordinatorsReplyReachesTheFamilyUntilResolved() {
		long family = 5001;
		telegram.offer(Updates.text(family, "how long does CRS last?"));
		awaitSent(family, 1);
		telegram.offer(Updates.command(family, "/human"));
		assertThat(awaitSent(family, 2).get(1).text()).isEqualTo(ReplyFormatter.escape(this.messages.handoff().requested()));

		FakeBotApi.Sent card = awaitCard("ref #" + reference(family));
		assertThat(card.text()).contains("Family asks for a coordinator", "asked for a person", "Last messages",
				"how long does CRS last?");
		assertThat(buttons(card)).containsExactly(this.texts.desk().claimButton(), this.texts.desk().resolveButton());

		telegram.offer(Updates.coordinatorReply(GROUP, card.messageId(), 77, "Anna", "Hello, I am Anna. How is he now?"));
		assertThat(awaitSent(family, 3).get(2).text())
			.isEqualTo("<b>Coordinator Anna</b>\nHello, I am Anna. How is he now?");
		Handoff held = this.handoffs.openFor(ref(family)).orElseThrow();
		assertThat(held.status()).isEqualTo(Handoff.Status.CLAIMED);
		assertThat(held.claimedBy().name()).isEqualTo("Anna");
		await().atMost(WAIT).until(() -> edits(card.messageId()).stream().anyMatch(e -> e.contains("Claimed by</b> Anna")));

		// held by Anna: the family's question goes to her, not to the bot
		telegram.offer(Updates.text(family, "what does tocilizumab do?"));
		FakeBotApi.Sent relayed = await().atMost(WAIT)
			.until(() -> telegram.sentTo(GROUP).stream().filter(s -> s.text().contains("what does tocilizumab do?")).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(relayed.request().get("reply_parameters").get("message_id").asInt()).isEqualTo(card.messageId());
		assertThat(telegram.sentTo(family)).hasSize(3);

		telegram.offer(Updates.coordinatorButton(GROUP, card.messageId(), 77, "Anna",
				new ButtonData.Resolve(held.id()).encode()));
		assertThat(awaitSent(family, 4).get(3).text()).contains("you are back with the CRS assistant");
		await().atMost(WAIT).until(() -> edits(card.messageId()).stream().anyMatch(e -> e.contains("Resolved</b> by Anna")));
		assertThat(this.handoffs.openFor(ref(family))).isEmpty();

		telegram.offer(Updates.text(family, "what does tocilizumab do?"));
		assertThat(awaitSent(family, 5).get(4).text()).contains("From the CRS family guide");
	}

	@Test
	void claimIsWonOnceAndOnlyFromInsideTheCoordinatorsGroup() {
		long family = 5101;
		telegram.offer(Updates.command(family, "/human"));
		FakeBotApi.Sent card = awaitCard("ref #" + reference(family));
		long handoff = this.handoffs.openFor(ref(family)).orElseThrow().id();
		String claim = new ButtonData.Claim(handoff).encode();

		telegram.offer(Updates.coordinatorButton(family, 999, family, "Family", claim));
		awaitCallbackAnswer(this.texts.desk().notAllowed());
		assertThat(this.handoffs.openFor(ref(family)).orElseThrow().status()).isEqualTo(Handoff.Status.OPEN);

		telegram.offer(Updates.coordinatorButton(GROUP, card.messageId(), 77, "Anna", claim));
		awaitCallbackAnswer(this.texts.desk().claimed());
		telegram.offer(Updates.coordinatorButton(GROUP, card.messageId(), 88, "Ben", claim));
		awaitCallbackAnswer(this.texts.desk().taken().replace("{name}", "Anna"));
		assertThat(this.handoffs.openFor(ref(family)).orElseThrow().claimedBy().name()).isEqualTo("Anna");
		await().atMost(WAIT).until(() -> edits(card.messageId()).stream().anyMatch(e -> e.contains("Claimed by</b> Anna")));
	}

	@Test
	void anEmergencyMakesAnUrgentCardThatIsAnnouncedAgainWhileUnclaimed() {
		long family = 5201;
		telegram.offer(Updates.text(family, "my dad has a fever of 39.8 and is shaking"));
		List<FakeBotApi.Sent> replies = awaitSent(family, 2);
		assertThat(replies.get(0).text())
			.isEqualTo("<b>" + ReplyFormatter.escape(this.emergencyReplies.emergencyMessage("en")) + "</b>");
		assertThat(replies.get(1).text()).isEqualTo(ReplyFormatter.escape(this.messages.handoff().emergencyAlerted()));

		FakeBotApi.Sent card = awaitCard("ref #" + reference(family));
		assertThat(card.text()).contains("URGENT", "emergency signs reported", "<b>Signs:</b> fever", "<b>Matched:</b>",
				"39.8");
		FakeBotApi.Sent again = await().atMost(WAIT)
			.until(() -> cards("ref #" + reference(family)), cards -> cards.size() >= 2)
			.get(1);
		assertThat(again.text()).contains("URGENT, still unclaimed");
	}

	@Test
	void twoQuestionsInARowTheGuideCannotAnswerHandTheFamilyOver() {
		long family = 5301;
		telegram.offer(Updates.text(family, "can I bring our dog to the hospital?"));
		awaitSent(family, 1);
		assertThat(this.handoffs.openFor(ref(family))).isEmpty();
		telegram.offer(Updates.text(family, "where is the best place to park the car?"));
		assertThat(awaitSent(family, 3).get(2).text())
			.isEqualTo(ReplyFormatter.escape(this.messages.handoff().unanswered()));
		assertThat(awaitCard("ref #" + reference(family)).text()).contains("two questions the guide could not answer");
	}

	private long reference(long family) {
		return await().atMost(WAIT).until(() -> this.handoffs.openFor(ref(family)), java.util.Optional::isPresent)
			.orElseThrow()
			.reference();
	}

	private static ConversationRef ref(long chat) {
		return new ConversationRef("telegram", Long.toString(chat));
	}

	private static List<FakeBotApi.Sent> awaitSent(long chatId, int count) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> telegram.sentTo(chatId).size() >= count);
		return telegram.sentTo(chatId);
	}

	private static List<FakeBotApi.Sent> cards(String reference) {
		return telegram.sentTo(GROUP).stream().filter(s -> s.text().contains(reference + " ")).toList();
	}

	private static FakeBotApi.Sent awaitCard(String reference) {
		return await().atMost(WAIT).until(() -> cards(reference), cards -> !cards.isEmpty()).get(0);
	}

	private static List<String> buttons(FakeBotApi.Sent card) {
		return card.request().get("reply_markup").get("inline_keyboard").get(0).findValuesAsText("text");
	}

	private static List<String> edits(int messageId) {
		return telegram.calls("editmessagetext")
			.stream()
			.map(FakeBotApi.Call::json)
			.filter(json -> json.get("message_id").asInt() == messageId)
			.map(json -> json.get("text").asText())
			.toList();
	}

	private static void awaitCallbackAnswer(String text) {
		await().atMost(WAIT)
			.until(() -> telegram.calls("answercallbackquery").stream().map(FakeBotApi.Call::json)
				.map(JsonNode.class::cast)
				.anyMatch(json -> text.equals(json.path("text").asText())));
	}

}
