package com.crscompanion.safety.internal;

/**
 * A Bloom filter over 64-bit hashes that answers with one memory read: each key sets two bits of one 64-bit
 * word. Small enough to stay in the CPU's near caches, it lets an index answer most absent keys without touching
 * its large table. It may say "maybe" for a key never added (rarely, depending on {@code keysPerWord}) but never
 * "no" for a key that was.
 */
final class HashFilter {

	private static final long SPREAD = 0x9E3779B97F4A7C15L;

	private final long[] words;

	private final int mask;

	/** A filter for about {@code keys} keys with about {@code keysPerWord} of them per 64-bit word. */
	HashFilter(int keys, int keysPerWord) {
		int size = Integer.highestOneBit(Math.max(1, keys / keysPerWord) * 2 - 1);
		this.words = new long[size];
		this.mask = size - 1;
	}

	void add(long key) {
		this.words[word(key)] |= bits(key);
	}

	/** False only for a key that was never added. */
	boolean mightContain(long key) {
		long bits = bits(key);
		return (this.words[word(key)] & bits) == bits;
	}

	private int word(long key) {
		return (int) ((key * SPREAD) >>> 40) & this.mask;
	}

	/** Two bits of one word, from hash bits that neither the word number nor a table slot uses. */
	private static long bits(long key) {
		long mixed = key * SPREAD;
		return (1L << (mixed >>> 58)) | (1L << (mixed >>> 26));
	}

}
