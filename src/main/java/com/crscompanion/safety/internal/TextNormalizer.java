package com.crscompanion.safety.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Folds text for matching in one pass through a precomputed table of the whole Basic Multilingual Plane:
 * compatibility decomposition (full-width letters and digits, ligatures, ℃), accents and other combining marks
 * removed, lower case, apostrophes and invisible format characters dropped ("can't" → "cant"), Arabic-Indic
 * digits and letter variants unified. Characters outside the BMP (emoji) become spaces. Phrase files go through
 * the same folding, so both sides always agree.
 */
final class TextNormalizer {

	private static final char DROP = '\uFFFF';

	private static final char EXPANDS = '\uFFFE';

	private static final char[] FOLDED = new char[0x10000];

	private static final String[] EXPANSIONS = new String[0x10000];

	static {
		for (int c = 0; c < 0x10000; c++) {
			String folded = fold((char) c);
			if (folded.isEmpty()) {
				FOLDED[c] = DROP;
			}
			else if (folded.length() == 1) {
				FOLDED[c] = folded.charAt(0);
			}
			else {
				FOLDED[c] = EXPANDS;
				EXPANSIONS[c] = folded;
			}
		}
	}

	private TextNormalizer() {
	}

	static NormalizedText normalize(String text) {
		return normalize(text, new char[0], new NormalizedText.SourceMap.Builder());
	}

	/**
	 * Folds {@code text} into {@code into} when it has room (else into a new array: the result's {@code chars()}),
	 * and its source map into {@code sourceMap}, which is reset first.
	 */
	static NormalizedText normalize(String text, char[] into, NormalizedText.SourceMap.Builder sourceMap) {
		int length = text.length();
		// room for every remaining original character one to one, so only an expansion needs to check for space
		char[] chars = (into.length >= length + 16) ? into : new char[length + 16];
		sourceMap.reset();
		int out = 0;
		int i = 0;
		while (i < length) {
			// a run of characters that fold one to one: almost all of a message, so this loop is kept tight
			int runStart = i;
			int runOut = out;
			while (i < length) {
				char c = text.charAt(i);
				char folded = FOLDED[c];
				if (folded >= EXPANDS || Character.isSurrogate(c)) {
					break;
				}
				chars[out++] = folded;
				i++;
			}
			if (i > runStart) {
				sourceMap.run(runOut, runStart);
			}
			if (i == length) {
				break;
			}
			// then one that does not: dropped, expanded, a surrogate pair or a lone surrogate
			char c = text.charAt(i);
			char folded = FOLDED[c];
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				sourceMap.single(out, i, 2);
				chars[out++] = ' ';
				i += 2;
			}
			else if (folded == EXPANDS) {
				String expansion = EXPANSIONS[c];
				int needed = out + expansion.length() + (length - i - 1);
				if (needed > chars.length) {
					chars = Arrays.copyOf(chars, Math.max(needed, chars.length + (chars.length >> 1) + 16));
				}
				sourceMap.single(out, i, 1);
				expansion.getChars(0, expansion.length(), chars, out);
				out += expansion.length();
				i++;
			}
			else if (folded == DROP) {
				i++;
			}
			else {
				sourceMap.single(out, i, 1); // a lone surrogate, folded like any other character
				chars[out++] = folded;
				i++;
			}
		}
		return new NormalizedText(chars, out, sourceMap.build());
	}

	/** Folds a short string (a phrase from a phrase file) the same way as messages. */
	static String foldPhrase(String text) {
		NormalizedText normalized = normalize(text);
		return new String(normalized.chars(), 0, normalized.length());
	}

	private static String fold(char c) {
		String special = special(c);
		if (special != null) {
			return special;
		}
		String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
		StringBuilder kept = new StringBuilder(decomposed.length());
		for (int k = 0; k < decomposed.length(); k++) {
			char d = decomposed.charAt(k);
			int type = Character.getType(d);
			if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
				continue;
			}
			String specialPart = (d != c) ? special(d) : null;
			kept.append((specialPart != null) ? specialPart : String.valueOf(d));
		}
		return kept.toString();
	}

	/** Foldings that Unicode decomposition does not give, or null. */
	private static String special(char c) {
		if (Character.isSurrogate(c)) {
			return " ";
		}
		switch (c) {
			case '\'', '\u2019', '\u2018', '\u02BC', '\u0060', '\u00B4', '\u2032', '\u00AD', '\u0640':
				return ""; // apostrophes ("can't" = "cant"), soft hyphen, Arabic tatweel
			case '\u00BA', '\u02DA':
				return "\u00B0"; // º and ˚ are typed for the degree sign
			case '\u066B':
				return "."; // Arabic decimal separator
			case '\u066C':
				return ","; // Arabic thousands separator
			case '\u0649':
				return "\u064A"; // alef maksura written for yeh
			case '\u0629':
				return "\u0647"; // teh marbuta written for heh
			case '\r', '\u2028', '\u2029', '\u0085':
				return "\n";
			case EXPANDS:
				return " "; // a noncharacter, and this table's own marker: it must not fold to itself
			default:
				break;
		}
		if (c >= '\u0660' && c <= '\u0669') {
			return String.valueOf((char) ('0' + (c - '\u0660')));
		}
		if (c >= '\u06F0' && c <= '\u06F9') {
			return String.valueOf((char) ('0' + (c - '\u06F0')));
		}
		int type = Character.getType(c);
		if (type == Character.FORMAT || (type == Character.CONTROL && c != '\n')) {
			return (c == '\t') ? " " : "";
		}
		if (c != '\n' && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
			return " ";
		}
		return null;
	}

}
