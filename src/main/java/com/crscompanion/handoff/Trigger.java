package com.crscompanion.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Why a family needs a coordinator.
 *
 * @param reason what happened
 * @param signs for an emergency, the danger signs found (else empty)
 * @param matchedText for an emergency, the words that matched (not the whole message), else {@code null}
 * @param at when
 */
public record Trigger(Reason reason, List<String> signs, String matchedText, Instant at) {

	public Trigger {
		Objects.requireNonNull(reason, "reason");
		signs = (signs == null) ? List.of() : List.copyOf(signs);
	}

	public static Trigger of(Reason reason) {
		return new Trigger(reason, List.of(), null, null);
	}

	public enum Reason {

		/** The guard found a danger sign: urgent. */
		EMERGENCY,
		/** The family asked for a person (command, button, or in words). */
		ASKED,
		/** Two answers in a row the bot could not give. */
		UNANSWERED,
		/** Two 👎 in a row. */
		UNHELPFUL

	}

}
