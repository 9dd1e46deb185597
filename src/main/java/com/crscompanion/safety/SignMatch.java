package com.crscompanion.safety;

/**
 * One mention of a danger sign: what was found, in which language, and where, so a coordinator and the
 * audit log can see why the guard fired. {@code start}/{@code end} index the original message text.
 */
public record SignMatch(DangerSign sign, String language, int start, int end, String matchedText, boolean negated,
		boolean severe) {

	/** Whether this mention sounds the alarm: it is not negated, or the sign is too severe for a negation to cancel. */
	public boolean raisesAlarm() {
		return !this.negated || this.severe;
	}

}
