package com.crscompanion.safety.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The arrays that assessing one message works in, kept for the next message. A 4,096-character message needs
 * about 50 KB of them; allocated afresh for every message, that memory is cold in the CPU's caches, and it
 * doubled the guard's 99th-percentile time. Everything is cleared as a message is taken up, and the folded text
 * is wiped when the message is done, so no family's words stay behind in a pooled buffer.
 */
final class MessageBuffers {

	/** Buffers grown past this many characters (a pasted document) are dropped after the message, not kept. */
	static final int MAX_KEPT_CHARS = 16_384;

	/** Per-token flags, by the number the assessment gives each kind. */
	static final int TEMPERATURE_WORD = 0;

	static final int NOT_TEMPERATURE = 1;

	static final int NORMAL_READING = 2;

	static final int OXYGEN_WORD = 3;

	static final int PULSE_WORD = 4;

	static final int BLOOD_PRESSURE_WORD = 5;

	static final int SCOPE_END = 6;

	static final int NEGATION_CUE_ENDS = 7;

	static final int NEGATION_CUE_STARTS = 8;

	static final int NEGATION_WORD = 9;

	static final int NOT_NEGATION = 10;

	static final int NEGATION_SCOPE_END = 11;

	static final int PRESSURE_PAIR_WORD = 12;

	private static final int FLAG_KINDS = 13;

	/** Per-token numbers, by the number the assessment gives each kind. */
	static final int BENIGN_REACH = 0;

	static final int SIGNS_AT = 1;

	private static final int NUMBER_KINDS = 2;

	private char[] folded = new char[0];

	private int foldedLength;

	final NormalizedText.SourceMap.Builder sourceMap = new NormalizedText.SourceMap.Builder();

	final Tokens tokens = Tokens.reusable();

	final TokenWords words = new TokenWords(16);

	final RepeatedWords repeated = new RepeatedWords();

	/** Scratch for {@link WordIndex#lookup}: prefix hashes of one word. */
	final long[] prefixHashes = new long[64];

	final List<Mention> signs = new ArrayList<>();

	final List<Mention> benign = new ArrayList<>();

	final List<Mention> scopeEnds = new ArrayList<>();

	final List<Mention> negationsBefore = new ArrayList<>();

	final List<Mention> negationsAfter = new ArrayList<>();

	final List<Mention> notNegations = new ArrayList<>();

	private final boolean[][] flags = new boolean[FLAG_KINDS][16];

	private final int[][] numbers = new int[NUMBER_KINDS][16];

	/** Folds {@code text} into the kept character array (or a larger one, kept from then on). */
	NormalizedText fold(String text) {
		NormalizedText normalized = TextNormalizer.normalize(text, this.folded, this.sourceMap);
		this.folded = normalized.chars();
		this.foldedLength = normalized.length();
		return normalized;
	}

	/** The kept character array, whole: what a test checks was wiped. */
	char[] foldedChars() {
		return this.folded;
	}

	/** The flags of one kind for {@code size} tokens, all false. */
	boolean[] flags(int kind, int size) {
		if (this.flags[kind].length < size) {
			this.flags[kind] = new boolean[size];
		}
		else {
			Arrays.fill(this.flags[kind], 0, size, false);
		}
		return this.flags[kind];
	}

	/** Per-token numbers of one kind for {@code size} tokens, all 0. */
	int[] numbers(int kind, int size) {
		if (this.numbers[kind].length < size) {
			this.numbers[kind] = new int[size];
		}
		else {
			Arrays.fill(this.numbers[kind], 0, size, 0);
		}
		return this.numbers[kind];
	}

	/** Empties the mention lists for a new message. */
	void clearMentions() {
		this.signs.clear();
		this.benign.clear();
		this.scopeEnds.clear();
		this.negationsBefore.clear();
		this.negationsAfter.clear();
		this.notNegations.clear();
	}

	/**
	 * Wipes the message's folded text; whether these buffers are small enough to keep. The mention lists hold no
	 * text and are emptied when the next message is taken up.
	 */
	boolean wipe() {
		Arrays.fill(this.folded, 0, Math.min(this.foldedLength, this.folded.length), '\0');
		this.foldedLength = 0;
		// a token takes at least one character, so no per-token array of a kept message outgrows its characters
		return this.folded.length <= MAX_KEPT_CHARS + 16 && this.tokens.capacity() <= MAX_KEPT_CHARS
				&& this.words.capacity() <= MAX_KEPT_CHARS;
	}

	/**
	 * A few buffers for the threads assessing at the same time, lock-free: a thread takes a free set or makes
	 * one, and gives it back unless all places are full or it grew too large.
	 */
	static final class Pool {

		private final AtomicReferenceArray<MessageBuffers> free;

		Pool(int places) {
			this.free = new AtomicReferenceArray<>(places);
		}

		MessageBuffers take() {
			for (int k = 0; k < this.free.length(); k++) {
				MessageBuffers buffers = this.free.get(k);
				if (buffers != null && this.free.compareAndSet(k, buffers, null)) {
					return buffers;
				}
			}
			return new MessageBuffers();
		}

		void giveBack(MessageBuffers buffers) {
			if (!buffers.wipe()) {
				return;
			}
			for (int k = 0; k < this.free.length(); k++) {
				if (this.free.get(k) == null && this.free.compareAndSet(k, null, buffers)) {
					return;
				}
			}
		}

	}

}
