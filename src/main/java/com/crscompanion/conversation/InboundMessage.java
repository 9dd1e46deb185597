package com.crscompanion.conversation;

/**
 * A family's message as any channel received it.
 *
 * @param conversationId the channel's stable reference for the family's conversation (chat id, web session id)
 * @param channel which channel it came from ("web", "telegram", "cli")
 * @param text the text as typed, possibly empty; never logged at INFO
 * @param displayName the sender's name as the channel shows it (for coordinators), or {@code null}
 */
public record InboundMessage(String conversationId, String channel, String text, String displayName) {

	public InboundMessage {
		text = (text == null) ? "" : text;
	}

	public InboundMessage(String conversationId, String channel, String text) {
		this(conversationId, channel, text, null);
	}

}
