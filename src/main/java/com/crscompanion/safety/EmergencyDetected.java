package com.crscompanion.safety;

import java.time.Instant;
import java.util.List;

/**
 * Published when a family's message reports a danger sign; the handoff module turns it into an urgent
 * coordinator alert. Carries the matched spans (not the whole message) so the alert can explain itself.
 */
public record EmergencyDetected(String conversationId, String channel, Instant detectedAt, String language,
		List<SignMatch> matches) {

	public EmergencyDetected {
		matches = List.copyOf(matches);
	}

}
