package com.crscompanion.safety.internal;

/**
 * Finds body temperatures at or above fever level (38.0 °C, 100.4 °F) written as numbers: "39.2", "38,6", "39C",
 * "39 °C", "101.3F", "39度", "三十九度". A number with a unit (°, C, F) is a temperature; a bare number only when a
 * temperature word ([TEMPERATURE WORDS]: temp, thermometer, degrees, 体温, температура ...) stands a few words
 * before or after it in the same sentence, and no [NOT TEMPERATURE] word (room, bed, yuan, years ...) right next
 * to it. Numbers that are part of dates, times, ranges of three or more groups, phone numbers, codes ("CD19",
 * "IL-6"), money ("$39", "39,000") or percentages are never temperatures.
 */
final class TemperatureReader {

	static final double CELSIUS_FEVER = 38.0;

	static final double FAHRENHEIT_FEVER = 100.4;

	/** Above these a number is not a body temperature in that scale. */
	private static final double CELSIUS_MAX = 45.0;

	private static final double FAHRENHEIT_MAX = 113.0;

	private static final int WORDS_BEFORE = 6;

	private static final int WORDS_AFTER = 3;

	/** How far a [NOT TEMPERATURE] word reaches: "room 39", "39 degrees outside". */
	private static final int NOT_TEMPERATURE_REACH = 2;

	/**
	 * A number with one decimal in this range is a temperature even without a temperature word ("she has 38.3"):
	 * in a family's message about a CAR-T patient nothing else is written that way.
	 */
	private static final double ONE_DECIMAL_MIN = 38.0;

	private static final double ONE_DECIMAL_MAX = 42.0;

	/** Readings from here up to fever level are normal: they stand down a fever word next to them. */
	private static final double CELSIUS_NORMAL_MIN = 34.0;

	private static final double FAHRENHEIT_NORMAL_MIN = 93.0;

	private enum Unit {

		NONE, DEGREE, CELSIUS, FAHRENHEIT

	}

	/** Receives readings as token ranges. */
	interface ReadingSink {

		void fever(int startToken, int endToken);

		/** A temperature below fever level ("температура 36,6"). */
		void normal(int startToken, int endToken);

	}

	private TemperatureReader() {
	}

	static void read(Tokens tokens, boolean[] temperatureWord, boolean[] notTemperature, ReadingSink sink) {
		for (int t = 0; t < tokens.count(); t++) {
			if (tokens.type(t) == Tokens.NUMBER) {
				readNumber(tokens, t, temperatureWord, notTemperature, sink);
			}
			else if (tokens.type(t) == Tokens.CJK) {
				t = readChineseNumber(tokens, t, sink);
			}
		}
	}

	private static void readNumber(Tokens tokens, int t, boolean[] temperatureWord, boolean[] notTemperature,
			ReadingSink sink) {
		char[] chars = tokens.text().chars();
		int length = tokens.text().length();
		int start = tokens.start(t);
		int end = tokens.end(t);
		if (!standsAlone(tokens, t, chars, length, start, end)) {
			return;
		}
		double value = parse(chars, start, end);
		boolean oneDecimal = end - start >= 3 && (chars[end - 2] == '.' || chars[end - 2] == ',');
		if (Double.isNaN(value)) {
			return;
		}
		Unit unit = Unit.NONE;
		int endToken = t + 1;
		int k = skipSpaces(chars, end, length);
		if (k < length && chars[k] == '%') {
			return;
		}
		if (k < length && chars[k] == '\u00B0') {
			unit = Unit.DEGREE;
			k = skipSpaces(chars, k + 1, length);
			Unit letter = unitLetter(chars, k, length);
			if (letter != Unit.NONE) {
				unit = letter;
				endToken = tokens.firstTokenAtOrAfter(k) + 1;
			}
		}
		else if (end < length && Tokens.isLetter(chars[end])) {
			Unit letter = unitLetter(chars, end, length);
			if (letter != Unit.NONE) {
				unit = letter;
				endToken = t + 2;
			}
			else if (t + 1 >= tokens.count() || !temperatureWord[t + 1]) {
				return; // "39th", "3am", "39cm"
			}
		}
		else if (k > end && k < length) {
			Unit letter = unitLetter(chars, k, length);
			if (letter != Unit.NONE) {
				unit = letter;
				endToken = t + 2;
			}
		}
		boolean celsius = value >= CELSIUS_NORMAL_MIN && value <= CELSIUS_MAX;
		boolean fahrenheit = value >= FAHRENHEIT_NORMAL_MIN && value <= FAHRENHEIT_MAX;
		boolean plausible = switch (unit) {
			case CELSIUS -> celsius;
			case FAHRENHEIT -> fahrenheit;
			default -> celsius || fahrenheit;
		};
		if (!plausible || near(notTemperature, tokens, t, NOT_TEMPERATURE_REACH, NOT_TEMPERATURE_REACH, true)) {
			return;
		}
		boolean fever = (unit != Unit.FAHRENHEIT && value >= CELSIUS_FEVER && value <= CELSIUS_MAX)
				|| (unit != Unit.CELSIUS && value >= FAHRENHEIT_FEVER);
		boolean temperature = unit != Unit.NONE || near(temperatureWord, tokens, t, WORDS_BEFORE, WORDS_AFTER, false)
				|| (oneDecimal && value >= ONE_DECIMAL_MIN && value <= ONE_DECIMAL_MAX);
		if (!temperature) {
			return;
		}
		if (fever) {
			sink.fever(t, endToken);
		}
		else if (value < CELSIUS_FEVER || (value >= FAHRENHEIT_NORMAL_MIN && value < FAHRENHEIT_FEVER)) {
			sink.normal(t, endToken);
		}
	}

	/** False for numbers that belong to codes, dates, times, phone numbers, money or long digit groups. */
	static boolean standsAlone(Tokens tokens, int t, char[] chars, int length, int start, int end) {
		char before = (start > 0) ? chars[start - 1] : ' ';
		char beforeThat = (start > 1) ? chars[start - 2] : ' ';
		if (Tokens.isLetter(before) || isMoneyOrNumberSign(before)) {
			return false;
		}
		if ((before == '/' || before == ':' || before == '-' || before == '.') && Tokens.isLetter(beforeThat)) {
			return false; // "IL-6", "No.39"
		}
		if ((before == '/' || before == ':') && Tokens.isDigit(beforeThat)) {
			return false; // "21/11", "10:39"
		}
		char after = (end < length) ? chars[end] : ' ';
		char afterThat = (end + 1 < length) ? chars[end + 1] : ' ';
		if ((after == '/' || after == ':') && Tokens.isDigit(afterThat)) {
			return false;
		}
		boolean dashBefore = before == '-' && Tokens.isDigit(beforeThat);
		boolean dashAfter = after == '-' && Tokens.isDigit(afterThat);
		if (dashBefore && (dashAfter || dashBefore(tokens, t - 1, chars))) {
			return false; // third group of "2026-11-21", "138-3838-3838"
		}
		if (dashAfter && t + 1 < tokens.count() && dashAfter(tokens, t + 1, chars, length)) {
			return false;
		}
		int integerDigits = 0;
		for (int i = start; i < end && Tokens.isDigit(chars[i]); i++) {
			integerDigits++;
		}
		return integerDigits <= 3;
	}

	/** "$39", "#39", "+39", "№39". A switch, not String.indexOf: this runs for every number of every message. */
	private static boolean isMoneyOrNumberSign(char c) {
		return switch (c) {
			case '$', '€', '£', '¥', '#', '+', '№' -> true;
			default -> false;
		};
	}

	private static boolean dashBefore(Tokens tokens, int t, char[] chars) {
		int start = tokens.start(t);
		return start > 1 && chars[start - 1] == '-' && Tokens.isDigit(chars[start - 2]);
	}

	private static boolean dashAfter(Tokens tokens, int t, char[] chars, int length) {
		int end = tokens.end(t);
		return end + 1 < length && chars[end] == '-' && Tokens.isDigit(chars[end + 1]);
	}

	/** The value, or NaN when the number has more than one separator or a separator followed by 3+ digits. */
	static double parse(char[] chars, int start, int end) {
		long whole = 0;
		long fraction = 0;
		int fractionDigits = -1;
		for (int i = start; i < end; i++) {
			char c = chars[i];
			if (c == '.' || c == ',') {
				if (fractionDigits >= 0) {
					return Double.NaN; // "21.11.2026"
				}
				fractionDigits = 0;
			}
			else if (fractionDigits >= 0) {
				fraction = fraction * 10 + (c - '0');
				if (++fractionDigits > 2) {
					return Double.NaN; // "39,000"
				}
			}
			else {
				whole = whole * 10 + (c - '0');
				if (whole > 100_000) {
					return Double.NaN;
				}
			}
		}
		return (fractionDigits > 0) ? whole + fraction / Math.pow(10, fractionDigits) : whole;
	}

	private static Unit unitLetter(char[] chars, int k, int length) {
		if (k >= length || (k + 1 < length && Tokens.isLetter(chars[k + 1]))) {
			return Unit.NONE;
		}
		return switch (chars[k]) {
			case 'c' -> Unit.CELSIUS;
			case 'f' -> Unit.FAHRENHEIT;
			default -> Unit.NONE;
		};
	}

	private static int skipSpaces(char[] chars, int from, int length) {
		int k = from;
		while (k < length && chars[k] == ' ') {
			k++;
		}
		return k;
	}

	/**
	 * Whether a flagged token lies within {@code before} tokens before or {@code after} tokens after token t,
	 * within the sentence (or, when {@code clauseOnly}, within the clause).
	 */
	static boolean near(boolean[] flags, Tokens tokens, int t, int before, int after, boolean clauseOnly) {
		byte stop = clauseOnly ? Tokens.CLAUSE_BREAK : Tokens.SENTENCE_BREAK;
		for (int j = t - 1; j >= 0 && j >= t - before; j--) {
			if (tokens.type(j) >= stop) {
				break;
			}
			if (flags[j]) {
				return true;
			}
		}
		for (int j = t + 1; j < tokens.count() && j <= t + after; j++) {
			if (tokens.type(j) >= stop) {
				break;
			}
			if (flags[j]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * "三十九度", "三十八点五度", "三十八度五": Chinese numerals followed by 度. Returns the last token consumed so
	 * the caller continues after the numeral.
	 */
	private static int readChineseNumber(Tokens tokens, int t, ReadingSink sink) {
		char[] chars = tokens.text().chars();
		int end = t;
		while (end < tokens.count() && tokens.type(end) == Tokens.CJK && isChineseNumeral(chars[tokens.start(end)])
				&& (end == t || tokens.start(end) == tokens.end(end - 1))) {
			end++;
		}
		if (end == t) {
			return t;
		}
		if (end < tokens.count() && tokens.type(end) == Tokens.CJK && chars[tokens.start(end)] == '度') {
			double value = parseChinese(chars, tokens.start(t), tokens.start(end));
			int last = end;
			if (last + 1 < tokens.count() && tokens.type(last + 1) == Tokens.CJK
					&& digitValue(chars[tokens.start(last + 1)]) >= 0) {
				value += digitValue(chars[tokens.start(last + 1)]) / 10.0; // 三十八度五 = 38.5
				last++;
			}
			if (value >= CELSIUS_FEVER && value <= CELSIUS_MAX) {
				sink.fever(t, last + 1);
			}
		}
		return end - 1;
	}

	private static boolean isChineseNumeral(char c) {
		return digitValue(c) >= 0 || c == '十' || c == '点';
	}

	/** The value of a Chinese digit, or -1. A switch, not String.indexOf: this runs for every Chinese character. */
	private static int digitValue(char c) {
		return switch (c) {
			case '零', '〇' -> 0;
			case '一' -> 1;
			case '二', '两' -> 2;
			case '三' -> 3;
			case '四' -> 4;
			case '五' -> 5;
			case '六' -> 6;
			case '七' -> 7;
			case '八' -> 8;
			case '九' -> 9;
			default -> -1;
		};
	}

	private static double parseChinese(char[] chars, int from, int to) {
		double whole = 0;
		int pending = -1;
		int i = from;
		for (; i < to && chars[i] != '点'; i++) {
			if (chars[i] == '十') {
				whole += ((pending < 0) ? 1 : pending) * 10;
				pending = -1;
			}
			else {
				pending = (pending < 0) ? digitValue(chars[i]) : pending * 10 + digitValue(chars[i]);
			}
		}
		whole += Math.max(pending, 0);
		double scale = 0.1;
		for (i++; i < to; i++) {
			if (digitValue(chars[i]) >= 0) {
				whole += digitValue(chars[i]) * scale;
				scale /= 10;
			}
		}
		return whole;
	}

}
