package com.crscompanion.safety.internal;

/** What a phrase in a phrase file is for; each kind is one kind of section. */
enum PhraseKind {

	/** Reports a danger sign; section {@code [FEVER]}, {@code [SEIZURE severe]} and so on. */
	SIGN,
	/** {@code [NEGATION BEFORE]}: negates a sign mentioned shortly after it ("no fever"). */
	NEGATION_BEFORE,
	/** {@code [NEGATION AFTER]}: says a sign mentioned shortly before it has gone ("fever has gone"). */
	NEGATION_AFTER,
	/** {@code [NOT NEGATION]}: contains a negation word but negates nothing ("no better", "not sure"). */
	NOT_NEGATION,
	/** {@code [SCOPE END]}: a negation does not reach over it ("no fever but ..."), nor a sign phrase's gap. */
	SCOPE_END,
	/**
	 * {@code [NEGATION SCOPE END]}: a negation does not reach over it ("not eating and very confused", "passed out
	 * and fell"), but a sign phrase may step over it ("severe and constant pain") and so may a normal reading beside
	 * a fever word ("fever and temp 36.8").
	 */
	NEGATION_SCOPE_END,
	/** {@code [BENIGN]}: an everyday phrase that contains sign words but is not a sign ("fit to fly"). */
	BENIGN,
	/** {@code [TEMPERATURE WORDS]}: makes a nearby bare number a temperature ("temp 38.6"). */
	TEMPERATURE_WORD,
	/** {@code [NOT TEMPERATURE]}: right next to a number, shows it is not a temperature ("room 39"). */
	NOT_TEMPERATURE,
	/** {@code [OXYGEN WORDS]}: makes a nearby number an oxygen saturation ("sats 89"). */
	OXYGEN_WORD,
	/** {@code [PULSE WORDS]}: makes a nearby number a heart rate ("pulse 135"). */
	PULSE_WORD,
	/** {@code [BLOOD PRESSURE WORDS]}: makes a nearby number or pair a blood pressure ("BP 85/50"). */
	BLOOD_PRESSURE_WORD,
	/** {@code [BLOOD PRESSURE PAIR WORDS]}: joins the two numbers of a blood pressure said in words ("120 over 80"). */
	PRESSURE_PAIR_WORD,
	/** {@code [LANGUAGE HINTS]}: very common words, used only to choose the reply language. */
	LANGUAGE_HINT;

	/** Sign words and the words around them get inflection, typo and repeated-letter tolerance; cue words not. */
	boolean tolerant() {
		return this != NEGATION_BEFORE && this != NEGATION_AFTER && this != NOT_NEGATION && this != SCOPE_END
				&& this != NEGATION_SCOPE_END && this != PRESSURE_PAIR_WORD && this != LANGUAGE_HINT;
	}

}
