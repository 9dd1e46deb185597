package com.crscompanion.safety;

import java.util.List;

/**
 * The guard's decision on one message. {@code language} is the language of the first alarming mention (an ISO
 * 639-1 code such as "en" or "zh"), used to pick the emergency reply; {@code matches} lists every mention found,
 * negated or not, for the audit trail.
 */
public record EmergencyVerdict(boolean emergency, String language, List<SignMatch> matches) {

	public EmergencyVerdict {
		matches = List.copyOf(matches);
	}

	public static EmergencyVerdict none() {
		return new EmergencyVerdict(false, "en", List.of());
	}

	/** The distinct signs that caused the alarm (non-negated mentions, or severe ones). */
	public List<DangerSign> alarmingSigns() {
		return this.matches.stream().filter(SignMatch::raisesAlarm).map(SignMatch::sign).distinct().toList();
	}

}
