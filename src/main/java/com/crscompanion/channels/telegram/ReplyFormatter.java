package com.crscompanion.channels.telegram;

import java.util.ArrayList;
import java.util.List;

import com.crscompanion.channels.telegram.OutgoingMessage.Button;
import com.crscompanion.conversation.Reply;
import com.crscompanion.conversation.ReplyKind;

/**
 * Turns the pipeline's replies into Telegram messages: HTML parse mode with every text escaped, the emergency
 * message in bold, an answer's section and disclaimer under it, texts over Telegram's limit split at paragraph
 * boundaries, and buttons for suggestions, the coordinator and 👍/👎 on the last part.
 */
final class ReplyFormatter {

	/** Telegram's limit for one message, counted after HTML parsing; Java's UTF-16 length never undercounts it. */
	static final int MAX_MESSAGE_LENGTH = 4096;

	private static final String PARAGRAPH_BREAK = "\n\n";

	private final TelegramTexts texts;

	private final int maxLength;

	private enum Style {

		PLAIN, BOLD, ITALIC

	}

	private record Block(String text, Style style) {
	}

	ReplyFormatter(TelegramTexts texts) {
		this(texts, MAX_MESSAGE_LENGTH);
	}

	ReplyFormatter(TelegramTexts texts, int maxLength) {
		this.texts = texts;
		this.maxLength = maxLength;
	}

	List<OutgoingMessage> format(List<Reply> replies, Destination to) {
		List<OutgoingMessage> messages = new ArrayList<>();
		for (Reply reply : replies) {
			messages.addAll(messages(blocks(reply), keyboard(reply), reply.kind() == ReplyKind.EMERGENCY, to));
		}
		return messages;
	}

	/** The channel's own texts (command replies, notices), with optional buttons. */
	List<OutgoingMessage> notice(String text, List<List<Button>> keyboard, Destination to) {
		return messages(paragraphs(text, Style.PLAIN), keyboard, false, to);
	}

	/** One button per suggestion, then "Talk to a coordinator" when asked for. */
	List<List<Button>> suggestionButtons(List<String> suggestions, boolean withCoordinator) {
		List<List<Button>> rows = new ArrayList<>();
		for (int i = 0; i < suggestions.size(); i++) {
			rows.add(List.of(new Button(suggestions.get(i), new ButtonData.Ask(i).encode())));
		}
		if (withCoordinator) {
			rows.add(List.of(new Button(this.texts.coordinatorButton(), new ButtonData.Coordinator().encode())));
		}
		return rows;
	}

	private List<Block> blocks(Reply reply) {
		List<Block> blocks = new ArrayList<>(
				paragraphs(reply.text(), reply.kind() == ReplyKind.EMERGENCY ? Style.BOLD : Style.PLAIN));
		if (reply.source() != null) {
			blocks.add(new Block(this.texts.sourcePrefix() + reply.source(), Style.ITALIC));
		}
		if (reply.disclaimer() != null) {
			blocks.add(new Block(reply.disclaimer(), Style.ITALIC));
		}
		if (asksForFeedback(reply)) {
			blocks.add(new Block(this.texts.feedbackPrompt(), Style.PLAIN));
		}
		return blocks;
	}

	private List<List<Button>> keyboard(Reply reply) {
		if (asksForFeedback(reply)) {
			String ref = PassageReferences.of(reply.passageId());
			return List.of(List.of(new Button(this.texts.helpfulButton(), new ButtonData.Feedback(true, ref).encode()),
					new Button(this.texts.notHelpfulButton(), new ButtonData.Feedback(false, ref).encode())));
		}
		return suggestionButtons(reply.suggestions(), reply.kind() == ReplyKind.FALLBACK);
	}

	private static boolean asksForFeedback(Reply reply) {
		return reply.kind() == ReplyKind.ANSWER && reply.passageId() != null;
	}

	private static List<Block> paragraphs(String text, Style style) {
		List<Block> blocks = new ArrayList<>();
		for (String paragraph : text.strip().split("\\n[ \\t]*\\n\\s*")) {
			if (!paragraph.isBlank()) {
				blocks.add(new Block(paragraph.strip(), style));
			}
		}
		return blocks;
	}

	/** Packs whole paragraphs into messages; only a paragraph longer than a message is itself cut. */
	private List<OutgoingMessage> messages(List<Block> blocks, List<List<Button>> keyboard, boolean urgent,
			Destination to) {
		List<String> parts = new ArrayList<>();
		StringBuilder html = new StringBuilder();
		int length = 0;
		for (Block block : blocks) {
			for (String piece : cut(block.text())) {
				int separator = (length == 0) ? 0 : PARAGRAPH_BREAK.length();
				if (length + separator + piece.length() > this.maxLength) {
					parts.add(html.toString());
					html.setLength(0);
					length = 0;
					separator = 0;
				}
				if (separator > 0) {
					html.append(PARAGRAPH_BREAK);
				}
				html.append(styled(piece, block.style()));
				length += separator + piece.length();
			}
		}
		if (length > 0) {
			parts.add(html.toString());
		}
		List<OutgoingMessage> messages = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			boolean last = i == parts.size() - 1;
			messages.add(new OutgoingMessage(to.chatId(), to.groupChat(), to.threadId(),
					(i == 0) ? to.replyToMessageId() : null, parts.get(i), last ? keyboard : List.of(), urgent));
		}
		return messages;
	}

	/** Cuts an over-long paragraph at a line break, else after a sentence, else at a space, else anywhere. */
	private List<String> cut(String paragraph) {
		List<String> pieces = new ArrayList<>();
		String rest = paragraph;
		while (rest.length() > this.maxLength) {
			int at = lastBreak(rest, "\n", 1);
			if (at < 0) {
				at = lastBreak(rest, ". ", 1);
			}
			if (at < 0) {
				at = lastBreak(rest, " ", 0);
			}
			if (at < 0) {
				at = Character.isHighSurrogate(rest.charAt(this.maxLength - 1)) ? this.maxLength - 1 : this.maxLength;
			}
			pieces.add(rest.substring(0, at).strip());
			rest = rest.substring(at).strip();
		}
		if (!rest.isEmpty()) {
			pieces.add(rest);
		}
		return pieces;
	}

	/** End of the first part when cutting at the last {@code separator} in the second half of the allowed length. */
	private int lastBreak(String text, String separator, int keep) {
		int found = text.lastIndexOf(separator, this.maxLength - separator.length());
		return (found >= this.maxLength / 2) ? found + keep : -1;
	}

	private static String styled(String text, Style style) {
		String escaped = escape(text);
		return switch (style) {
			case PLAIN -> escaped;
			case BOLD -> "<b>" + escaped + "</b>";
			case ITALIC -> "<i>" + escaped + "</i>";
		};
	}

	/** Telegram's HTML mode knows only these three (and &quot;); Spring's HtmlUtils would write entities it rejects. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
