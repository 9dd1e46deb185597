package com.crscompanion.safety.internal;

import java.util.Arrays;

/**
 * The phrase-file words that each token of one message stands for. All ids share one array, because a long
 * message has thousands of tokens and an array for each would be thousands of allocations: token t's ids are
 * {@code id(k)} for k from {@code from(t)} to {@code to(t)}, each once, in the order the {@link WordIndex} found
 * them. Filled token by token, in order.
 */
final class TokenWords implements WordIndex.WordIdSink {

	/** {@code from[t]}: where token t's ids start; {@code from[t + 1]}: where they end. */
	private int[] from;

	private int[] ids;

	private int size;

	/** Where the ids of the token being filled start. */
	private int tokenStart;

	TokenWords(int tokenCount) {
		this.from = new int[tokenCount + 1];
		this.ids = new int[Math.max(16, tokenCount)];
	}

	/** Empties this for a message of {@code tokenCount} tokens, keeping the arrays when they are large enough. */
	void reset(int tokenCount) {
		if (this.from.length < tokenCount + 1) {
			this.from = new int[tokenCount + 1];
		}
		if (this.ids.length < tokenCount) {
			this.ids = new int[tokenCount];
		}
		this.from[0] = 0;
		this.size = 0;
		this.tokenStart = 0;
	}

	/** Room for this many tokens without growing. */
	int capacity() {
		return this.from.length - 1;
	}

	/** Closes token {@code token}: ids added later belong to the next token. */
	void endToken(int token) {
		this.from[token + 1] = this.size;
		this.tokenStart = this.size;
	}

	int from(int token) {
		return this.from[token];
	}

	int to(int token) {
		return this.from[token + 1];
	}

	int id(int k) {
		return this.ids[k];
	}

	/** Gives the token being filled the ids of an earlier token spelt the same (already each once). */
	void repeat(int earlierToken) {
		int from = from(earlierToken);
		int to = to(earlierToken);
		if (this.size + (to - from) > this.ids.length) {
			this.ids = Arrays.copyOf(this.ids, Math.max(this.size * 2, this.size + (to - from)));
		}
		for (int k = from; k < to; k++) {
			this.ids[this.size++] = this.ids[k]; // a loop: usually one id, too few for System.arraycopy's setup
		}
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public void add(int wordId) {
		for (int k = this.tokenStart; k < this.size; k++) {
			if (this.ids[k] == wordId) {
				return;
			}
		}
		if (this.size == this.ids.length) {
			this.ids = Arrays.copyOf(this.ids, this.size * 2);
		}
		this.ids[this.size++] = wordId;
	}

}
