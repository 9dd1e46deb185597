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
 * @param editMessageId the message to change instead of sending a new one (a handoff card), or {@code null}
 * @param handoffId the handoff a coordinators' group message belongs to, so replies to it reach the family, or
 * {@code null}
 * @param card whether it is a handoff card (edited when the handoff changes)
 */
record OutgoingMessage(long chatId, boolean groupChat, Integer threadId, Integer replyToMessageId, String html,
		List<List<Button>> keyboard, boolean urgent, Integer editMessageId, Long handoffId, boolean card) {

	OutgoingMessage {
		Objects.requireNonNull(html, "html");
		keyboard = (keyboard == null) ? List.of() : keyboard.stream().map(List::copyOf).toList();
	}

	OutgoingMessage(long chatId, boolean groupChat, Integer threadId, Integer replyToMessageId, String html,
			List<List<Button>> keyboard, boolean urgent) {
		this(chatId, groupChat, threadId, replyToMessageId, html, keyboard, urgent, null, null, false);
	}

	/** An inline keyboard button; {@code callbackData} is at most 64 bytes (see {@link ButtonData}). */
	record Button(String label, String callbackData) {
	}

}
