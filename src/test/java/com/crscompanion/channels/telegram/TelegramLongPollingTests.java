package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.handoff.Trigger;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.conversation.internal.MessagesProperties;
import com.crscompanion.knowledge.KnowledgeBase;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.safety.EmergencyReplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application with the real TelegramBots library, long polling a fake Bot API on 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "telegram.bot-token=" + FakeBotApi.TOKEN,
				"telegram.polling.timeout=2s", "telegram.polling.retry-initial=50ms",
				"telegram.delivery.retry-initial=50ms", "telegram.delivery.retry-max=200ms", "telegram.http.read-timeout=1s",
				// the fake API has no flood control; the limiter has its own tests
				"telegram.delivery.messages-per-second=1000", "telegram.delivery.per-chat-per-second=100",
				"telegram.delivery.per-chat-burst=20", "telegram.coordinator-chat-id=-100999",
				// one worker: updates are handled in the order offered, so "nothing else came" can be awaited
				"telegram.handling.workers=1" })
@DirtiesContext
class TelegramLongPollingTests {

	static final FakeBotApi telegram = new FakeBotApi();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String QUESTION = "will the IL-6 drug stop the CAR-T working?";

	private static final String PASSAGE = "frequently-asked-questions/will-tocilizumab-affect-how-well-the";

	/** A danger sign the emergency guard must always catch (from its evaluation set). */
	private static final String DANGER = "HIS FEVER IS 40 PLEASE HELP";

	@DynamicPropertySource
	static void telegramApi(DynamicPropertyRegistry registry) {
		registry.add("telegram.api-url", telegram::url);
	}

	/** Closes the fake API only after the channel has stopped, so shutdown can still confirm and drain. */
	@TestConfiguration
	static class FakeApiLifetime {

		@Bean(destroyMethod = "close")
		FakeBotApi fakeBotApi() {
			return telegram;
		}

	}

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	MessagesProperties messages;

	@Autowired
	TelegramTexts texts;

	@Autowired
	ConversationHistory history;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Handoffs handoffs;

	@Autowired
	Outbox outbox;

	@Autowired
	EmergencyReplies emergencyReplies;

	@Test
	void startsWithGetMeAndTheCommandMenuThenPollsWithoutWebhook() {
		await().atMost(WAIT).until(() -> !telegram.calls("getupdates").isEmpty() && !telegram.calls("getme").isEmpty());
		List<String> methods = telegram.calls().stream().map(FakeBotApi.Call::method).distinct().toList();
		assertThat(methods).containsSubsequence("getme", "setmycommands", "deletewebhook", "getupdates");
		JsonNode commands = telegram.calls("setmycommands").get(0).json().get("commands");
		assertThat(commands).extracting(c -> c.get("command").asText()).containsExactly("start", "help", "human", "forget");
		assertThat(telegram.calls("getupdates").get(0).json().get("allowed_updates"))
			.extracting(JsonNode::asText)
			.containsExactly("message", "edited_message", "callback_query");
	}

	@Test
	void aQuestionGetsTheGuideAnswerWithItsSourceAndDisclaimerAndAFeedbackKeyboard() {
		Passage expected = this.knowledge.current().find(PASSAGE).orElseThrow();
		telegram.offer(Updates.text(1001, QUESTION));
		List<JsonNode> replies = awaitReplies(1001, 1);
		JsonNode answer = replies.get(0);
		assertThat(answer.get("parse_mode").asText()).isEqualToIgnoringCase("HTML");
		assertThat(answer.get("text").asText()).contains(ReplyFormatter.escape(firstParagraph(expected.displayText())))
			.contains("<i>" + ReplyFormatter.escape(this.texts.sourcePrefix() + expected.source()) + "</i>")
			.contains("<i>" + ReplyFormatter.escape(this.messages.disclaimer()) + "</i>")
			.endsWith(this.texts.feedbackPrompt());
		JsonNode buttons = answer.get("reply_markup").get("inline_keyboard").get(0);
		assertThat(buttons).extracting(b -> b.get("text").asText())
			.containsExactly(this.texts.helpfulButton(), this.texts.notHelpfulButton());
		assertThat(buttons.get(0).get("callback_data").asText()).isEqualTo("fb:y:" + PassageReferences.of(PASSAGE));
	}

	@Test
	void anEmergencyGetsTheEmergencyMessageFirstInBold() {
		telegram.offer(Updates.text(1002, DANGER + " what is CRS?"));
		List<JsonNode> replies = awaitReplies(1002, 1);
		assertThat(replies.get(0).get("text").asText()).isEqualTo(emergencyHtml());
	}

	@Test
	void anEditedMessageAndAPhotoCaptionGoThroughTheGuardFirst() {
		telegram.offer(Updates.edited(1003, "edited: " + DANGER));
		telegram.offer(Updates.photo(1004, "look at him, " + DANGER));
		assertThat(awaitReplies(1003, 1).get(0).get("text").asText()).isEqualTo(emergencyHtml());
		assertThat(awaitReplies(1004, 1).get(0).get("text").asText()).isEqualTo(emergencyHtml());
	}

	@Test
	void faultsFrom429And500AndABrokenProxyLoseNothingAndSendNothingTwice() {
		List<Long> chats = List.of(1101L, 1102L, 1103L);
		awaitAllSettled();
		telegram.failNextSends(FakeBotApi.tooManyRequests(1), FakeBotApi.serverError(), FakeBotApi.badGatewayPage(),
				FakeBotApi.serverError());
		for (long chat : chats) {
			telegram.offer(Updates.text(chat, QUESTION));
		}
		for (long chat : chats) {
			awaitReplies(chat, 1);
		}
		awaitAllSettled();
		for (long chat : chats) {
			assertThat(telegram.deliveredTo(chat)).as("chat %d", chat).hasSize(1);
		}
		assertThat(telegram.calls("sendmessage")
			.stream()
			.filter(c -> c.status() != 200 && chats.contains(c.json().get("chat_id").asLong()))).hasSize(4);
	}

	@Test
	void aSendThatTimesOutIsSentAgain() {
		awaitAllSettled();
		telegram.failNextSends(FakeBotApi.noAnswer());
		telegram.offer(Updates.text(1111, QUESTION));
		awaitReplies(1111, 1);
		awaitAllSettled();
		assertThat(telegram.deliveredTo(1111)).hasSize(1);
		assertThat(telegram.calls("sendmessage")
			.stream()
			.filter(c -> c.status() == 0 && c.json().get("chat_id").asLong() == 1111)).hasSize(1);
	}

	@Test
	void aDuplicateUpdateIsAnsweredOnce() {
		telegram.offerTwice(Updates.text(1201, QUESTION));
		telegram.offer(Updates.text(1201, "hello"));
		List<JsonNode> replies = awaitReplies(1201, 2);
		awaitAllSettled();
		assertThat(telegram.deliveredTo(1201)).hasSize(2);
		assertThat(replies.get(1).get("text").asText()).isEqualTo(ReplyFormatter.escape(this.messages.greeting()));
	}

	@Test
	void stickersAndVoiceGetTheTextOnlyReply() {
		telegram.offer(Updates.sticker(1301));
		telegram.offer(Updates.voice(1302));
		telegram.offer(Updates.photo(1303, null));
		for (long chat : List.of(1301L, 1302L, 1303L)) {
			assertThat(awaitReplies(chat, 1).get(0).get("text").asText())
				.isEqualTo(ReplyFormatter.escape(this.texts.textOnly()));
		}
	}

	@Test
	void startWelcomesWithSuggestionsAndTheCoordinatorButton() {
		telegram.offer(Updates.command(1401, "/start"));
		JsonNode welcome = awaitReplies(1401, 1).get(0);
		assertThat(welcome.get("text").asText()).startsWith(ReplyFormatter.escape(firstParagraph(this.texts.welcome())));
		List<String> labels = new ArrayList<>();
		welcome.get("reply_markup").get("inline_keyboard").forEach(row -> labels.add(row.get(0).get("text").asText()));
		assertThat(labels).endsWith(this.texts.coordinatorButton())
			.containsAll(this.messages.defaultSuggestions());
	}

	@Test
	void humanOpensAHandoffAndTellsTheFamilyACoordinatorWillAnswerHere() {
		telegram.offer(Updates.command(1402, "/human"));
		assertThat(awaitReplies(1402, 1).get(0).get("text").asText())
			.isEqualTo(ReplyFormatter.escape(this.messages.handoff().requested()));
		Handoff handoff = this.handoffs.openFor(new ConversationRef("telegram", "1402")).orElseThrow();
		assertThat(handoff.triggers()).extracting(Trigger::reason).containsExactly(Trigger.Reason.ASKED);
	}

	@Test
	void aCommandsWordsStillReachTheGuardFirst() {
		telegram.offer(Updates.command(1403, "/human " + DANGER));
		List<JsonNode> replies = awaitReplies(1403, 2);
		assertThat(replies.get(0).get("text").asText()).isEqualTo(emergencyHtml());
		assertThat(replies.get(1).get("text").asText())
			.isEqualTo(ReplyFormatter.escape(this.messages.handoff().emergencyAlerted()));
		assertThat(this.handoffs.openFor(new ConversationRef("telegram", "1403")).orElseThrow().urgent()).isTrue();
	}

	@Test
	void helpAndUnknownCommandsGetTheirTexts() {
		telegram.offer(Updates.command(1404, "/help"));
		telegram.offer(Updates.command(1405, "/weather tomorrow"));
		assertThat(awaitReplies(1404, 1).get(0).get("text").asText())
			.startsWith(ReplyFormatter.escape(firstParagraph(this.texts.help())));
		assertThat(awaitReplies(1405, 1).get(0).get("text").asText())
			.isEqualTo(ReplyFormatter.escape(this.texts.unknownCommand()));
	}

	@Test
	void aSuggestionButtonAsksItsLabelAndTheCoordinatorButtonHandsOff() {
		telegram.offer(Updates.command(1501, "/help"));
		JsonNode keyboard = awaitReplies(1501, 1).get(0).get("reply_markup");
		JsonNode first = keyboard.get("inline_keyboard").get(0).get(0);
		telegram.offer(Updates.button(1501, first.get("callback_data").asText(), keyboard));
		List<JsonNode> replies = awaitReplies(1501, 2);
		assertThat(replies.get(1).get("text").asText()).contains(this.texts.sourcePrefix());
		telegram.offer(Updates.button(1501, ButtonData.COORDINATOR, keyboard));
		assertThat(awaitReplies(1501, 3).get(2).get("text").asText())
			.isEqualTo(ReplyFormatter.escape(this.messages.handoff().requested()));
		assertThat(this.handoffs.openFor(new ConversationRef("telegram", "1501"))).isPresent();
		assertThat(telegram.calls("answercallbackquery")).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aVoteIsRecordedCountedAndAcknowledged() {
		double before = this.meters.counter("crs.feedback", "channel", "telegram", "helpful", "no").count();
		telegram.offer(Updates.button(1601, new ButtonData.Feedback(false, PassageReferences.of(PASSAGE)).encode(), null));
		ConversationRef chat = new ConversationRef("telegram", "1601");
		await().atMost(WAIT).until(() -> !this.history.recentFeedback(chat, 5).isEmpty());
		assertThat(this.history.recentFeedback(chat, 5)).containsExactly(false);
		assertThat(this.meters.counter("crs.feedback", "channel", "telegram", "helpful", "no").count())
			.isEqualTo(before + 1);
		await().atMost(WAIT)
			.until(() -> telegram.calls("answercallbackquery")
				.stream()
				.anyMatch(c -> c.json().path("text").asText().equals(this.texts.feedbackThanks())));
	}

	@Test
	void aSecondThumbsDownInARowHandsTheFamilyToACoordinator() {
		String vote = new ButtonData.Feedback(false, PassageReferences.of(PASSAGE)).encode();
		telegram.offer(Updates.button(1602, vote, null));
		ConversationRef chat = new ConversationRef("telegram", "1602");
		await().atMost(WAIT).until(() -> this.history.recentFeedback(chat, 5).size() == 1);
		assertThat(this.handoffs.openFor(chat)).as("one 👎 is not enough").isEmpty();
		telegram.offer(Updates.button(1602, vote, null));
		assertThat(awaitReplies(1602, 1).get(0).get("text").asText())
			.isEqualTo(ReplyFormatter.escape(this.messages.handoff().unhelpful()));
		assertThat(this.handoffs.openFor(chat).orElseThrow().triggers()).extracting(Trigger::reason)
			.containsExactly(Trigger.Reason.UNHELPFUL);
	}

	@Test
	void forgetDeletesWhatWasStoredAndSaysSo() {
		ConversationRef chat = new ConversationRef("telegram", "1603");
		telegram.offer(Updates.text(1603, QUESTION));
		awaitReplies(1603, 1);
		await().atMost(WAIT).until(() -> !this.history.recent(chat, 5).isEmpty());
		telegram.offer(Updates.command(1603, "/forget"));
		assertThat(awaitReplies(1603, 2).get(1).get("text").asText())
			.isEqualTo(ReplyFormatter.escape(this.messages.handoff().forgotten()));
		assertThat(this.history.find(chat)).isEmpty();
		assertThat(this.history.recent(chat, 5)).isEmpty();
		telegram.offer(Updates.command(1603, "/forget"));
		assertThat(awaitReplies(1603, 3).get(2).get("text").asText())
			.isEqualTo(ReplyFormatter.escape(this.messages.handoff().nothingToForget()));
	}

	@Test
	void inAFamilyGroupTheBotAnswersOnlyWhenAddressedButAlwaysRoutesAnEmergency() {
		long group = -1701;
		telegram.offer(Updates.groupText(group, QUESTION));
		telegram.offer(Updates.groupText(group, "grandma says hello"));
		telegram.offer(Updates.groupMention(group, QUESTION));
		List<JsonNode> replies = awaitReplies(group, 1);
		assertThat(replies.get(0).get("text").asText()).contains(this.texts.sourcePrefix());
		assertThat(replies.get(0).get("reply_parameters").get("message_id").asInt()).isPositive();
		telegram.offer(Updates.groupText(group, DANGER));
		assertThat(awaitReplies(group, 2).get(1).get("text").asText()).isEqualTo(emergencyHtml());
		telegram.offer(Updates.groupCommand(group, "/help@other_bot"));
		telegram.offer(Updates.groupCommand(group, "/help@other_bot " + DANGER));
		assertThat(awaitReplies(group, 3).get(2).get("text").asText()).isEqualTo(emergencyHtml());
		awaitAllSettled();
		assertThat(telegram.deliveredTo(group)).hasSize(3);
	}

	@Test
	void theBotAnswersNoQuestionsInTheCoordinatorsGroup() {
		int update = telegram.offer(Updates.groupCommand(-100999, "/help"));
		telegram.offer(Updates.groupMention(-100999, QUESTION));
		telegram.offer(Updates.text(1801, "hello"));
		awaitReplies(1801, 1);
		assertThat(update).isPositive();
		assertThat(telegram.deliveredTo(-100999)).noneMatch(m -> m.get("text").asText().contains(this.texts.sourcePrefix())
				|| m.get("text").asText().startsWith(ReplyFormatter.escape(firstParagraph(this.texts.help()))));
	}

	@Test
	void aBrokenUpdateIsLoggedAndTheNextOneIsAnswered() {
		telegram.offer(Updates.withBrokenEntity(1901));
		telegram.offer(Updates.text(1902, QUESTION));
		assertThat(awaitReplies(1901, 1).get(0).get("text").asText())
			.isEqualTo(ReplyFormatter.escape(this.texts.failure()));
		assertThat(awaitReplies(1902, 1).get(0).get("text").asText()).contains(this.texts.sourcePrefix());
	}

	@Test
	void endToEndLatencyFromUpdateAvailableToSendMessageReceived() {
		int updates = 200;
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < updates; i++) {
			long chat = 100_000 + i;
			int update = telegram.offer(Updates.text(chat, (i % 2 == 0) ? QUESTION : "how long does CRS last?"));
			await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> !telegram.deliveredTo(chat).isEmpty());
			long received = telegram.calls("sendmessage")
				.stream()
				.filter(c -> c.status() == 200 && c.json().get("chat_id").asLong() == chat)
				.findFirst()
				.orElseThrow()
				.receivedNanos();
			latencies.add(received - telegram.offeredAtNanos(update));
		}
		latencies.sort(null);
		System.out.printf("Telegram end-to-end latency over %d updates (update available in getUpdates -> sendMessage "
				+ "received by the fake Bot API): p50 = %.1f ms, p95 = %.1f ms, max = %.1f ms%n", updates,
				percentile(latencies, 50), percentile(latencies, 95), latencies.get(latencies.size() - 1) / 1e6);
		assertThat(percentile(latencies, 95)).isLessThan(1_000);
	}

	private String emergencyHtml() {
		return "<b>" + ReplyFormatter.escape(this.emergencyReplies.emergencyMessage("en")) + "</b>";
	}

	private static double percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private void awaitAllSettled() {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> this.outbox.size() == 0);
	}

	private static List<JsonNode> awaitReplies(long chatId, int count) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> telegram.deliveredTo(chatId).size() >= count);
		return telegram.deliveredTo(chatId);
	}

	private static String firstParagraph(String text) {
		return text.strip().split("\\n\\s*\\n")[0].strip();
	}

}
