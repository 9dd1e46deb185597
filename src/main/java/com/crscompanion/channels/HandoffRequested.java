package com.crscompanion.channels;

import java.time.Instant;
import java.util.Objects;

/**
 * Published when a family asks to talk to a person. The handoff module turns it into a request in the coordinators'
 * group; until then the family is shown the configured coordinator offer.
 *
 * @param conversationId the channel's reference for the family's conversation (for Telegram, the chat id)
 * @param channel which channel it came from ("telegram", "web")
 * @param reason how the family asked
 * @param requestedAt when
 */
public record HandoffRequested(String conversationId, String channel, Reason reason, Instant requestedAt) {

	public HandoffRequested {
		Objects.requireNonNull(conversationId, "conversationId");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(requestedAt, "requestedAt");
	}

	/** How the family asked for a person. */
	public enum Reason {

		/** A command such as Telegram's {@code /human}. */
		COMMAND,
		/** The "Talk to a coordinator" button. */
		BUTTON

	}

}
