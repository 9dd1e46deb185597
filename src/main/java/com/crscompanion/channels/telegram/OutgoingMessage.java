package com.crscompanion.channels.telegram;

import java.util.List;
import java.util.Objects;

/**
 * One Telegram message to send: already formatted, within Telegram's length limit, with its buttons. Plain data, so
 * a database outbox can store it as it is.
 *
 * @param chatId where to send it
 * @param groupChat whether the chat is a group (stricter rate limit)
 * @param threadId forum topic the family wrote in, or {@code null}
 * @param replyToMessageId the family's message this answers (in groups, so the answer is threaded), or {@code null}
 * @param html the text in Telegram's HTML parse mode, escaped
 * @param keyboard inline buttons, row by row (may be empty)
 * @param urgent the emergency message: sent before anything else waiting
 */
record OutgoingMessage(long chatId, boolean groupChat, Integer threadId, Integer replyToMessageId, String html,
		List<List<Button>> keyboard, boolean urgent) {

	OutgoingMessage {
		Objects.requireNonNull(html, "html");
		keyboard = (keyboard == null) ? List.of() : keyboard.stream().map(List::copyOf).toList();
	}

	/** An inline keyboard button; {@code callbackData} is at most 64 bytes (see {@link ButtonData}). */
	record Button(String label, String callbackData) {
	}

}
