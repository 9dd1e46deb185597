package com.crscompanion.handoff;

import java.util.List;
import java.util.Optional;

import com.crscompanion.history.ConversationRef;

/**
 * Opening, claiming, answering and resolving handoffs. Safe to call from several instances on one database: a claim
 * pressed twice is won once.
 */
public interface Handoffs {

	/** Opens the family's handoff or adds the trigger to the open one. */
	Requested request(ConversationRef conversation, Trigger trigger);

	/** The family's open (or claimed) handoff. */
	Optional<Handoff> openFor(ConversationRef conversation);

	/** A family's message while a handoff is open: relayed to the coordinators. */
	void familyWrote(Handoff handoff, String text);

	Claim claim(long handoffId, Coordinator coordinator);

	/** Sends a coordinator's words to the family; empty when the handoff is not open any more. */
	Optional<Handoff> reply(long handoffId, Coordinator coordinator, String text);

	/** Returns the family to the bot and tells them; empty when it was not open. */
	Optional<Handoff> resolve(long handoffId, Coordinator coordinator);

	Optional<Handoff> find(long handoffId);

	/** Open and claimed handoffs, urgent first, then the longest waiting. */
	List<Handoff> open();

	/**
	 * What a request did.
	 *
	 * @param handoff the handoff as it is now
	 * @param opened whether this request opened it (else it was added to an open one)
	 * @param officeOpen whether coordinators are at work now
	 * @param nextOpening when they are next at work, in the family's words ("tomorrow at 09:00 Beijing time, in about
	 * 7 hours"); empty while they are at work
	 */
	record Requested(Handoff handoff, boolean opened, boolean officeOpen, String nextOpening) {
	}

	/** What a claim did. */
	sealed interface Claim {

		/** This coordinator now holds it. */
		record Won(Handoff handoff) implements Claim {
		}

		/** Someone else (or the same coordinator) holds it already. */
		record Taken(Handoff handoff) implements Claim {
		}

		/** Resolved or unknown. */
		record Closed() implements Claim {
		}

	}

}
