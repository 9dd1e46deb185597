package com.crscompanion.safety;

/**
 * Reads a message for danger signs. Deterministic, never throws, linear in the length of the text: it runs on
 * every inbound text of every channel before anything else does.
 */
public interface EmergencyGuard {

	EmergencyVerdict assess(String text);

}
