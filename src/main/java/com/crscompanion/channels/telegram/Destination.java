package com.crscompanion.channels.telegram;

/**
 * Where the replies to one family message go.
 *
 * @param chatId the chat
 * @param groupChat whether it is a group
 * @param threadId the forum topic, or {@code null}
 * @param replyToMessageId the message answered (set in groups only), or {@code null}
 */
record Destination(long chatId, boolean groupChat, Integer threadId, Integer replyToMessageId) {

	String conversationId() {
		return Long.toString(this.chatId);
	}

}
