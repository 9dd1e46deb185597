package com.crscompanion.channels.telegram;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.crscompanion.channels.telegram.OutgoingMessage.Button;
import com.crscompanion.conversation.Reply;
import com.crscompanion.conversation.ReplyKind;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyFormatterTests {

	private final TelegramTexts texts = TelegramTestTexts.texts();

	private final ReplyFormatter formatter = new ReplyFormatter(this.texts);

	private final Destination privateChat = new Destination(42, false, null, null);

	@Test
	void everyTextIsEscapedForTelegramsHtmlMode() {
		Reply answer = new Reply(ReplyKind.ANSWER, "Fever > 38 °C & chills <b>now</b>", "FAQ › Fever <1>",
				"Ask the ward & team.", List.of(), "faq/fever");
		String html = this.formatter.format(List.of(answer), this.privateChat).get(0).html();
		assertThat(html).isEqualTo("Fever &gt; 38 °C &amp; chills &lt;b&gt;now&lt;/b&gt;\n\n"
				+ "<i>From the guide: FAQ › Fever &lt;1&gt;</i>\n\n<i>Ask the ward &amp; team.</i>\n\nWas this helpful?");
	}

	@Test
	void theEmergencyMessageIsBoldAndUrgent() {
		List<OutgoingMessage> messages = this.formatter.format(
				List.of(Reply.of(ReplyKind.EMERGENCY, "Contact the ward immediately."), Reply.of(ReplyKind.INFO, "Hi")),
				this.privateChat);
		assertThat(messages.get(0).html()).isEqualTo("<b>Contact the ward immediately.</b>");
		assertThat(messages.get(0).urgent()).isTrue();
		assertThat(messages.get(1).urgent()).isFalse();
	}

	@Test
	void anAnswerCarriesTheVoteButtonsWithDataWithinSixtyFourBytes() {
		String longId = "a-very-long-section-name-with-many-words/and-a-very-long-first-sentence-slug-too";
		Reply answer = new Reply(ReplyKind.ANSWER, "Text", "Source", "Disclaimer", List.of(), longId);
		List<List<Button>> keyboard = this.formatter.format(List.of(answer), this.privateChat).get(0).keyboard();
		assertThat(keyboard).hasSize(1);
		assertThat(keyboard.get(0)).extracting(Button::label).containsExactly("👍 Yes", "👎 No");
		for (Button button : keyboard.get(0)) {
			assertThat(button.callbackData().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
		}
		assertThat(ButtonData.parse(keyboard.get(0).get(1).callbackData()))
			.contains(new ButtonData.Feedback(false, PassageReferences.of(longId)));
	}

	@Test
	void aFallbackOffersItsSuggestionsAndTheCoordinator() {
		Reply fallback = new Reply(ReplyKind.FALLBACK, "Not covered.", null, null, List.of("What is CRS?", "How long?"),
				null);
		List<List<Button>> keyboard = this.formatter.format(List.of(fallback), this.privateChat).get(0).keyboard();
		assertThat(keyboard).extracting(row -> row.get(0).label())
			.containsExactly("What is CRS?", "How long?", "Talk to a coordinator");
		assertThat(keyboard).extracting(row -> row.get(0).callbackData()).containsExactly("ask:0", "ask:1", "human");
	}

	@Test
	void longTextsAreSplitAtParagraphBoundariesWithTheKeyboardOnTheLastPart() {
		ReplyFormatter small = new ReplyFormatter(this.texts, 100);
		String paragraph = "x".repeat(40);
		Reply reply = new Reply(ReplyKind.FALLBACK, String.join("\n\n", paragraph + "1", paragraph + "2", paragraph + "3"),
				null, null, List.of("Suggestion"), null);
		List<OutgoingMessage> parts = small.format(List.of(reply), new Destination(7, true, 3, 99));
		assertThat(parts).extracting(OutgoingMessage::html)
			.containsExactly(paragraph + "1\n\n" + paragraph + "2", paragraph + "3");
		assertThat(parts.get(0).keyboard()).isEmpty();
		assertThat(parts.get(1).keyboard()).isNotEmpty();
		assertThat(parts).extracting(OutgoingMessage::replyToMessageId).containsExactly(99, null);
		assertThat(parts).allSatisfy(part -> assertThat(part.threadId()).isEqualTo(3));
	}

	@Test
	void anOverLongParagraphIsCutAtALineThenASentenceThenASpace() {
		ReplyFormatter small = new ReplyFormatter(this.texts, 50);
		String lines = "a".repeat(30) + "\n" + "b".repeat(30);
		String sentences = "c".repeat(30) + ". " + "d".repeat(30);
		String words = "e".repeat(30) + " " + "f".repeat(30);
		String unbroken = "g".repeat(120);
		assertThat(htmlOf(small, lines)).containsExactly("a".repeat(30), "b".repeat(30));
		assertThat(htmlOf(small, sentences)).containsExactly("c".repeat(30) + ".", "d".repeat(30));
		assertThat(htmlOf(small, words)).containsExactly("e".repeat(30), "f".repeat(30));
		assertThat(htmlOf(small, unbroken)).containsExactly("g".repeat(50), "g".repeat(50), "g".repeat(20));
	}

	@Test
	void noPartOfARealisticLongAnswerExceedsTelegramsLimit() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			text.append("Paragraph ").append(i).append(": ").append("Fever & chills < 38 °C. ".repeat(8)).append("\n\n");
		}
		Reply answer = new Reply(ReplyKind.ANSWER, text.toString(), "Source", "Disclaimer", List.of(), "id");
		List<OutgoingMessage> parts = this.formatter.format(List.of(answer), this.privateChat);
		assertThat(parts).hasSizeGreaterThan(1);
		assertThat(parts).allSatisfy(part -> assertThat(visibleLength(part.html())).isLessThanOrEqualTo(4096));
		assertThat(parts.get(parts.size() - 1).html()).endsWith("Was this helpful?");
	}

	private static List<String> htmlOf(ReplyFormatter formatter, String text) {
		return formatter.format(List.of(Reply.of(ReplyKind.INFO, text)), new Destination(1, false, null, null))
			.stream()
			.map(OutgoingMessage::html)
			.toList();
	}

	/** What Telegram counts: the text after tags and entities are parsed. */
	private static int visibleLength(String html) {
		return html.replaceAll("</?[bi]>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").length();
	}

}
