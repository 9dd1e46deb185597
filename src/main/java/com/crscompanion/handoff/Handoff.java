package com.crscompanion.handoff;

import java.time.Instant;
import java.util.List;

import com.crscompanion.history.ConversationRef;

/**
 * A handoff as coordinators see it.
 *
 * @param id its number
 * @param conversation the family's conversation
 * @param reference the family's reference number
 * @param familyName the name the channel gives, or {@code null}
 * @param status open, claimed or resolved
 * @param priority urgent once any trigger was an emergency
 * @param triggers the latest triggers of each reason (up to ten each, and the latest of every distinct set of
 *     signs), oldest first
 * @param openedAt when the first trigger came
 * @param claimedBy who holds it, or {@code null}
 * @param resolvedBy who resolved it, or {@code null}
 * @param resolvedAt when, or {@code null}
 */
public record Handoff(long id, ConversationRef conversation, long reference, String familyName, Status status,
		Priority priority, List<Trigger> triggers, Instant openedAt, Coordinator claimedBy, String resolvedBy,
		Instant resolvedAt) {

	public Handoff {
		triggers = List.copyOf(triggers);
	}

	public boolean urgent() {
		return this.priority == Priority.URGENT;
	}

	public boolean isOpen() {
		return this.status != Status.RESOLVED;
	}

	public enum Status {

		/** Waiting for a coordinator. */
		OPEN,
		/** A coordinator holds it: the bot answers no questions on its own, the guard still fires. */
		CLAIMED,
		/** Back with the bot. */
		RESOLVED

	}

	public enum Priority {

		URGENT, NORMAL

	}

}
