package com.crscompanion.channels.telegram;

import java.util.Optional;

/**
 * What an inline button does, written into its {@code callback_data} (at most 64 bytes). The data carries no
 * state of this instance: a suggestion is read back from the pressed button's own label, a vote names its passage by
 * a short digest. Any instance behind a load balancer can handle any button.
 */
sealed interface ButtonData {

	String ASK_PREFIX = "ask:";

	String FEEDBACK_PREFIX = "fb:";

	String COORDINATOR = "human";

	String CLAIM_PREFIX = "hc:";

	String RESOLVE_PREFIX = "hr:";

	/** Ask the question written on the button (the button's label is the suggestion). */
	record Ask(int index) implements ButtonData {

		@Override
		public String encode() {
			return ASK_PREFIX + this.index;
		}

	}

	/** "Talk to a coordinator". */
	record Coordinator() implements ButtonData {

		@Override
		public String encode() {
			return COORDINATOR;
		}

	}

	/** 👍 or 👎 under an answer; {@code passageRef} comes from {@link PassageReferences}. */
	record Feedback(boolean helpful, String passageRef) implements ButtonData {

		@Override
		public String encode() {
			return FEEDBACK_PREFIX + (this.helpful ? "y:" : "n:") + this.passageRef;
		}

	}

	/** Claim on a handoff card in the coordinators' group. */
	record Claim(long handoffId) implements ButtonData {

		@Override
		public String encode() {
			return CLAIM_PREFIX + this.handoffId;
		}

	}

	/** Resolve on a handoff card in the coordinators' group. */
	record Resolve(long handoffId) implements ButtonData {

		@Override
		public String encode() {
			return RESOLVE_PREFIX + this.handoffId;
		}

	}

	String encode();

	static Optional<ButtonData> parse(String data) {
		if (data == null) {
			return Optional.empty();
		}
		if (data.equals(COORDINATOR)) {
			return Optional.of(new Coordinator());
		}
		if (data.startsWith(CLAIM_PREFIX) || data.startsWith(RESOLVE_PREFIX)) {
			try {
				long id = Long.parseLong(data.substring(3));
				return Optional.of(data.startsWith(CLAIM_PREFIX) ? new Claim(id) : new Resolve(id));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		if (data.startsWith(ASK_PREFIX)) {
			try {
				return Optional.of(new Ask(Integer.parseInt(data.substring(ASK_PREFIX.length()))));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		if (data.startsWith(FEEDBACK_PREFIX + "y:") || data.startsWith(FEEDBACK_PREFIX + "n:")) {
			String ref = data.substring(FEEDBACK_PREFIX.length() + 2);
			return ref.isEmpty() ? Optional.empty() : Optional.of(new Feedback(data.charAt(3) == 'y', ref));
		}
		return Optional.empty();
	}

}
