package com.crscompanion.safety.internal;

import java.util.Arrays;

/**
 * The tokens of a folded message: words (runs of letters), numbers (digits with at most internal '.' or ','),
 * single CJK characters (Chinese has no spaces, so every character is a token) and breaks (punctuation that ends
 * a clause or a sentence). Spaces and other symbols are not tokens. Offsets index the folded text.
 */
final class Tokens {

	static final byte WORD = 1;

	static final byte NUMBER = 2;

	static final byte CJK = 3;

	/** , ; : ( ) and the like: ends a negation scope or a phrase gap, but a temperature word may reach over it. */
	static final byte CLAUSE_BREAK = 4;

	/** . ! ? and line ends. */
	static final byte SENTENCE_BREAK = 5;

	private static final byte OTHER = 0;

	private static final byte LETTER = 1;

	private static final byte DIGIT = 2;

	private static final byte[] CLASS = new byte[0x10000];

	static {
		for (int c = 0; c < 0x10000; c++) {
			CLASS[c] = classify((char) c);
		}
	}

	private NormalizedText text;

	private int count;

	private int[] starts;

	private int[] ends;

	private byte[] types;

	private boolean hasCjk;

	private Tokens() {
		this.starts = new int[16];
		this.ends = new int[16];
		this.types = new byte[16];
	}

	static Tokens of(NormalizedText text) {
		Tokens tokens = new Tokens();
		tokens.reset(text);
		return tokens;
	}

	/** Tokens of no text yet, to be {@link #reset} for each message: they keep their arrays from one to the next. */
	static Tokens reusable() {
		return new Tokens();
	}

	/** Forgets the previous text's tokens and tokenises {@code text}. */
	void reset(NormalizedText text) {
		this.text = text;
		this.count = 0;
		this.hasCjk = false;
		int capacity = Math.max(16, text.length() / 3);
		if (this.starts.length < capacity) {
			this.starts = new int[capacity];
			this.ends = new int[capacity];
			this.types = new byte[capacity];
		}
		scan();
	}

	/** Room for this many tokens without growing: what a reused instance holds on to. */
	int capacity() {
		return this.starts.length;
	}

	private void scan() {
		char[] chars = this.text.chars();
		int length = this.text.length();
		int i = 0;
		while (i < length) {
			byte cls = CLASS[chars[i]];
			int j = i + 1;
			switch (cls) {
				case LETTER -> {
					while (j < length && CLASS[chars[j]] == LETTER) {
						j++;
					}
					add(i, j, WORD);
				}
				case DIGIT -> {
					while (j < length) {
						if (CLASS[chars[j]] == DIGIT) {
							j++;
						}
						else if ((chars[j] == '.' || chars[j] == ',') && j + 1 < length && CLASS[chars[j + 1]] == DIGIT) {
							j += 2;
						}
						else {
							break;
						}
					}
					add(i, j, NUMBER);
				}
				case CJK -> {
					this.hasCjk = true;
					add(i, j, cls);
				}
				case CLAUSE_BREAK, SENTENCE_BREAK -> add(i, j, cls);
				default -> {
				}
			}
			i = j;
		}
	}

	private void add(int start, int end, byte type) {
		if (this.count == this.starts.length) {
			int grown = this.count * 2;
			this.starts = Arrays.copyOf(this.starts, grown);
			this.ends = Arrays.copyOf(this.ends, grown);
			this.types = Arrays.copyOf(this.types, grown);
		}
		this.starts[this.count] = start;
		this.ends[this.count] = end;
		this.types[this.count++] = type;
	}

	int count() {
		return this.count;
	}

	int start(int token) {
		return this.starts[token];
	}

	int end(int token) {
		return this.ends[token];
	}

	byte type(int token) {
		return this.types[token];
	}

	/** Whether any Chinese (or Japanese) character occurs, i.e. whether CJK phrases can match at all. */
	boolean hasCjk() {
		return this.hasCjk;
	}

	boolean isBreak(int token) {
		return this.types[token] >= CLAUSE_BREAK;
	}

	NormalizedText text() {
		return this.text;
	}

	/** Index of the first token that starts at or after the folded offset (binary search). */
	int firstTokenAtOrAfter(int offset) {
		int low = 0;
		int high = this.count;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.starts[mid] < offset) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	static boolean isLetter(char c) {
		return CLASS[c] == LETTER;
	}

	static boolean isDigit(char c) {
		return CLASS[c] == DIGIT;
	}

	static boolean isCjk(char c) {
		return CLASS[c] == CJK;
	}

	private static byte classify(char c) {
		if (c >= '0' && c <= '9') {
			return DIGIT;
		}
		switch (c) {
			case '.', '!', '?', '\n', '\u3002', '\u061F', '\uFF61':
				return SENTENCE_BREAK;
			case ',', ';', ':', '(', ')', '[', ']', '"', '\u3001', '\u060C', '\u061B', '\u2013', '\u2014', '\u201C',
					'\u201D', '\u00AB', '\u00BB', '\u300C', '\u300D', '\u3010', '\u3011':
				return CLAUSE_BREAK;
			default:
				break;
		}
		if (Character.isSurrogate(c)) {
			return OTHER;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(c);
		if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA) {
			return Character.isLetter(c) || Character.isIdeographic(c) ? CJK : OTHER;
		}
		int type = Character.getType(c);
		if (Character.isLetter(c) || type == Character.COMBINING_SPACING_MARK || type == Character.NON_SPACING_MARK) {
			return LETTER;
		}
		return OTHER;
	}

}
