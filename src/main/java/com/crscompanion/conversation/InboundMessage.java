package com.crscompanion.conversation;

/**
 * A family's message as any channel received it.
 *
 * @param conversationId the channel's stable reference for the family's conversation (chat id, web session id)
 * @param channel which channel it came from ("web", "telegram", "cli")
 * @param text the text as typed, possibly empty; never logged at INFO
 */
public record InboundMessage(String conversationId, String channel, String text) {

	public InboundMessage {
		text = (text == null) ? "" : text;
	}

}
