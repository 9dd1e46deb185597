package com.crscompanion.safety;

/** The "Contact the ward immediately" text, in the family's language when the guard detected one it knows. */
public interface EmergencyReplies {

	String emergencyMessage(String language);

}
