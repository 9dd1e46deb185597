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
		int length = text.length();
		int capacity = length + 16;
		char[] chars = new char[capacity];
		int[] sourceStart = new int[capacity];
		int[] sourceEnd = new int[capacity];
		int out = 0;
		for (int i = 0; i < length;) {
			char c = text.charAt(i);
			int width = 1;
			char folded;
			String expansion = null;
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				width = 2;
				folded = ' ';
			}
			else {
				folded = FOLDED[c];
				if (folded == EXPANDS) {
					expansion = EXPANSIONS[c];
				}
			}
			if (folded != DROP) {
				int needed = out + ((expansion != null) ? expansion.length() : 1);
				if (needed > chars.length) {
					int grown = Math.max(needed, chars.length + (chars.length >> 1) + 16);
					chars = Arrays.copyOf(chars, grown);
					sourceStart = Arrays.copyOf(sourceStart, grown);
					sourceEnd = Arrays.copyOf(sourceEnd, grown);
				}
				if (expansion == null) {
					chars[out] = folded;
					sourceStart[out] = i;
					sourceEnd[out++] = i + width;
				}
				else {
					for (int k = 0; k < expansion.length(); k++) {
						chars[out] = expansion.charAt(k);
						sourceStart[out] = i;
						sourceEnd[out++] = i + width;
					}
				}
			}
			i += width;
		}
		return new NormalizedText(chars, out, sourceStart, sourceEnd);
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
