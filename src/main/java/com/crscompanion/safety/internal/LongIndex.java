package com.crscompanion.safety.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable open-addressing map from a 64-bit hash to a small list of ints, with no boxing on lookup. Built
 * once at start-up; callers verify candidates, so hash collisions cost only a comparison.
 */
final class LongIndex {

	private static final int[] NONE = new int[0];

	private final long[] keys;

	private final int[][] values;

	private final int mask;

	private LongIndex(Map<Long, int[]> entries) {
		int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) * 2 - 1);
		this.keys = new long[capacity];
		this.values = new int[capacity][];
		this.mask = capacity - 1;
		entries.forEach((key, value) -> {
			int slot = slot(key);
			while (this.values[slot] != null) {
				slot = (slot + 1) & this.mask;
			}
			this.keys[slot] = key;
			this.values[slot] = value;
		});
	}

	int[] get(long key) {
		int slot = slot(key);
		int[] value;
		while ((value = this.values[slot]) != null) {
			if (this.keys[slot] == key) {
				return value;
			}
			slot = (slot + 1) & this.mask;
		}
		return NONE;
	}

	private int slot(long key) {
		long mixed = key * 0x9E3779B97F4A7C15L;
		return (int) (mixed ^ (mixed >>> 32)) & this.mask;
	}

	static final class Builder {

		private final Map<Long, int[]> entries = new LinkedHashMap<>();

		void add(long key, int value) {
			int[] existing = this.entries.get(key);
			if (existing == null) {
				this.entries.put(key, new int[] { value });
			}
			else if (Arrays.stream(existing).noneMatch(v -> v == value)) {
				int[] grown = Arrays.copyOf(existing, existing.length + 1);
				grown[existing.length] = value;
				this.entries.put(key, grown);
			}
		}

		LongIndex build() {
			return new LongIndex(this.entries);
		}

	}

}
