package com.crscompanion.history;

import java.util.Objects;

/**
 * A family's conversation on one channel.
 *
 * @param channel "telegram", "web", "cli"
 * @param id the channel's own id for it (Telegram chat id, web session id)
 */
public record ConversationRef(String channel, String id) {

	public ConversationRef {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(id, "id");
	}

	@Override
	public String toString() {
		return this.channel + ":" + this.id;
	}

}
