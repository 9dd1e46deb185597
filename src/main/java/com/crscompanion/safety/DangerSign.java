package com.crscompanion.safety;

/** The danger signs of the guide's disclaimer and symptom list that must reach the ward at once. */
public enum DangerSign {

	FEVER,
	BREATHING,
	/** Confusion, drowsiness, slurred speech, tremor, word-finding trouble, strange behaviour (ICANS). */
	NEUROLOGICAL,
	SEIZURE,
	/** Fainting, collapse, dizziness on standing. */
	FAINTING,
	/** Fast or pounding heartbeat, low blood pressure. */
	HEART,
	SEVERE_WEAKNESS,
	SEVERE_PAIN,
	RAPID_WORSENING,
	UNRESPONSIVE

}
