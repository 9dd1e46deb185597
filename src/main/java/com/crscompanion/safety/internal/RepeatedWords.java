package com.crscompanion.safety.internal;

import java.util.Arrays;

/**
 * Remembers recent words of one message by spelling, so a word that occurs again ("the", "he", "fever") takes its
 * word ids from its earlier occurrence instead of another {@link WordIndex} lookup: about half the words of a long
 * message are repeats. A direct-mapped cache of token numbers: a new word replaces whatever shared its slot, so
 * it never grows, and a hit is always checked letter by letter, so it can miss a repeat but never return a
 * different word.
 */
final class RepeatedWords {

	/** Enough for the distinct words of a few thousand characters; more would cost more to clear than it saves. */
	private static final int MAX_SLOTS = 1024;

	private char[] chars;

	private Tokens tokens;

	/** Per slot: 1 + the token last stored there, or 0. Only the first {@code mask + 1} are in use. */
	private final int[] slots = new int[MAX_SLOTS];

	private int mask;

	RepeatedWords(Tokens tokens) {
		reset(tokens);
	}

	/** An instance for no message yet: {@link #reset} it before each one. */
	RepeatedWords() {
	}

	/** Forgets the words seen so far and starts on the tokens of another message. */
	void reset(Tokens tokens) {
		this.tokens = tokens;
		this.chars = tokens.text().chars();
		// a short message clears a small part of the table, not all of it
		int size = Math.min(MAX_SLOTS, Integer.highestOneBit(Math.max(8, 2 * tokens.count()) - 1) << 1);
		Arrays.fill(this.slots, 0, size, 0);
		this.mask = size - 1;
	}

	/**
	 * An earlier token spelt exactly as token {@code token}, or -1; in that case remembers {@code token} for the
	 * words after it.
	 */
	int earlierOccurrence(int token) {
		int start = this.tokens.start(token);
		int end = this.tokens.end(token);
		// length and three letters: enough to tell most words apart, and the letter check below decides anyway
		int hash = (((end - start) * 31 + this.chars[start]) * 31 + this.chars[(start + end) >>> 1]) * 31
				+ this.chars[end - 1];
		int slot = (hash ^ (hash >>> 15)) * 0x9E3779B1 >>> 22 & this.mask;
		int earlier = this.slots[slot] - 1;
		if (earlier >= 0 && sameSpelling(earlier, start, end)) {
			return earlier;
		}
		this.slots[slot] = token + 1;
		return -1;
	}

	private boolean sameSpelling(int earlier, int start, int end) {
		return Arrays.equals(this.chars, this.tokens.start(earlier), this.tokens.end(earlier), this.chars, start, end);
	}

}
