package com.crscompanion.safety.internal;

/**
 * Finds dangerous vital signs written as numbers next to their words: oxygen saturation at or below
 * {@value #OXYGEN_ALARM_MAX}% ("sats dropped to 91%"), heart rate above {@value #PULSE_ALARM_ABOVE} ("pulse 135") and
 * systolic blood pressure at or below {@value #SYSTOLIC_ALARM_MAX} ("BP 85/50"). Uses the same rules as
 * {@link TemperatureReader} to skip dates, codes, phone numbers and money.
 */
final class VitalSignsReader {

	static final int OXYGEN_ALARM_MAX = 93;

	private static final int OXYGEN_MIN = 50;

	static final int PULSE_ALARM_ABOVE = 100;

	private static final int PULSE_MAX = 250;

	static final int SYSTOLIC_ALARM_MAX = 90;

	private static final int SYSTOLIC_MIN = 40;

	/**
	 * A pair whose numbers are both at most this is in centimetres of mercury, as French, Spanish and Italian
	 * speakers write it ("la tension est à 8/5" is 80/50).
	 */
	private static final int CENTIMETRES_MAX = 25;

	private static final int WORDS_BEFORE = 6;

	private static final int WORDS_AFTER = 2;

	/** Receives a dangerous reading as a token range. */
	interface VitalSink {

		void lowOxygen(int startToken, int endToken);

		void fastPulse(int startToken, int endToken);

		void lowBloodPressure(int startToken, int endToken);

	}

	/** Token flags: which tokens are oxygen, pulse and blood pressure words, and words joining a pressure pair. */
	record VitalWords(boolean[] oxygen, boolean[] pulse, boolean[] bloodPressure, boolean[] pairWord) {
	}

	private VitalSignsReader() {
	}

	static void read(Tokens tokens, VitalWords words, VitalSink sink) {
		char[] chars = tokens.text().chars();
		int length = tokens.text().length();
		for (int t = 0; t < tokens.count(); t++) {
			if (tokens.type(t) != Tokens.NUMBER) {
				continue;
			}
			int start = tokens.start(t);
			int end = tokens.end(t);
			int second = isPressurePair(tokens, t, chars, length) ? t + 1 : spokenPairSecond(tokens, t, words);
			if (second > t) {
				double systolic = TemperatureReader.parse(chars, start, end);
				double diastolic = TemperatureReader.parse(chars, tokens.start(second), tokens.end(second));
				// a diastolic above the systolic is not a blood pressure: a pain score ("6/10") or a date ("5/12")
				if (diastolic < systolic) {
					if (systolic <= CENTIMETRES_MAX) {
						systolic *= 10;
					}
					if (systolic >= SYSTOLIC_MIN && systolic <= SYSTOLIC_ALARM_MAX && TemperatureReader
						.near(words.bloodPressure(), tokens, t, WORDS_BEFORE, WORDS_AFTER, false)) {
						sink.lowBloodPressure(t, second + 1);
					}
					t = second;
					continue;
				}
				if (second == t + 1) {
					t++;
					continue; // numbers joined by a slash are never a reading on their own
				}
			}
			if (!TemperatureReader.standsAlone(tokens, t, chars, length, start, end)
					|| (end < length && Tokens.isLetter(chars[end]))) {
				continue;
			}
			double value = TemperatureReader.parse(chars, start, end);
			if (value >= OXYGEN_MIN && value <= OXYGEN_ALARM_MAX
					&& TemperatureReader.near(words.oxygen(), tokens, t, WORDS_BEFORE, WORDS_AFTER, false)) {
				sink.lowOxygen(t, t + 1);
			}
			else if (value > PULSE_ALARM_ABOVE && value <= PULSE_MAX
					&& TemperatureReader.near(words.pulse(), tokens, t, WORDS_BEFORE, WORDS_AFTER, false)) {
				sink.fastPulse(t, t + 1);
			}
			else if (value >= SYSTOLIC_MIN && value <= SYSTOLIC_ALARM_MAX
					&& TemperatureReader.near(words.bloodPressure(), tokens, t, 3, 0, true)) {
				sink.lowBloodPressure(t, t + 1);
			}
		}
	}

	/**
	 * The token of the second number of a pressure said in words ("120 на 80", "١٢٠ على ٨٠", "120 over 80": a
	 * phrase file's [BLOOD PRESSURE PAIR WORDS] between two numbers), or -1.
	 */
	private static int spokenPairSecond(Tokens tokens, int t, VitalWords words) {
		boolean spoken = t + 2 < tokens.count() && words.pairWord()[t + 1] && tokens.type(t + 2) == Tokens.NUMBER
				&& tokens.end(t) - tokens.start(t) <= 3 && tokens.end(t + 2) - tokens.start(t + 2) <= 3;
		return spoken ? t + 2 : -1;
	}

	/**
	 * "85/50" or "8/5": two numbers of one to three digits joined by a slash, not part of a longer chain like a
	 * date.
	 */
	private static boolean isPressurePair(Tokens tokens, int t, char[] chars, int length) {
		if (t + 1 >= tokens.count() || tokens.type(t + 1) != Tokens.NUMBER) {
			return false;
		}
		int end = tokens.end(t);
		int nextStart = tokens.start(t + 1);
		int nextEnd = tokens.end(t + 1);
		int start = tokens.start(t);
		return nextStart == end + 1 && chars[end] == '/' && end - start <= 3 && nextEnd - nextStart <= 3
				&& (start == 0 || (!Tokens.isDigit(chars[start - 1]) && chars[start - 1] != '/'))
				&& (nextEnd >= length || chars[nextEnd] != '/');
	}

}
