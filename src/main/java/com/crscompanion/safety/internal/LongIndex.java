package com.crscompanion.safety.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable open-addressing map from a 64-bit hash to a small list of ints, with no boxing and no allocation on
 * lookup. Built once at start-up; callers verify candidates, so hash collisions cost only a comparison.
 * <p>
 * Laid out for the guard's hot loop, where most lookups find nothing: a small bit-set filter of the keys (8 bits a
 * key, so it stays in the CPU's near caches) answers most misses without touching the table, and a slot holds its
 * key next to its value (inline when there is one value, as for almost every key), so a hit reads one cache line
 * of the table instead of three scattered objects.
 */
final class LongIndex {

	/** What {@link #find} returns for a key that is not there: an entry with no values. */
	static final long NOT_FOUND = 0L;

	private static final long SPREAD = 0x9E3779B97F4A7C15L;

	/** Two longs per slot: the key, then the entry ({@code count << 32 | value or overflow offset}; 0 = empty). */
	private final long[] slots;

	/** The values of keys that have more than one, each list in the order they were added. */
	private final int[] overflow;

	private final int mask;

	private final HashFilter filter;

	private LongIndex(Map<Long, int[]> entries) {
		int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) * 2 - 1);
		this.slots = new long[capacity * 2];
		this.mask = capacity - 1;
		this.filter = new HashFilter(entries.size(), 8);
		int[] spill = new int[entries.values().stream().mapToInt(values -> (values.length > 1) ? values.length : 0)
			.sum()];
		int spilled = 0;
		for (Map.Entry<Long, int[]> entry : entries.entrySet()) {
			long key = entry.getKey();
			int[] values = entry.getValue();
			long packed = ((long) values.length << 32) | (((values.length == 1) ? values[0] : spilled) & 0xFFFFFFFFL);
			if (values.length > 1) {
				System.arraycopy(values, 0, spill, spilled, values.length);
				spilled += values.length;
			}
			int slot = slot(key, this.mask);
			while (this.slots[2 * slot + 1] != NOT_FOUND) {
				slot = (slot + 1) & this.mask;
			}
			this.slots[2 * slot] = key;
			this.slots[2 * slot + 1] = packed;
			this.filter.add(key);
		}
		this.overflow = spill;
	}

	/**
	 * The entry for {@code key}: read its values with {@link #count} and {@link #value}. {@link #NOT_FOUND} (no
	 * values) when the key is absent.
	 */
	long find(long key) {
		if (!this.filter.mightContain(key)) {
			return NOT_FOUND;
		}
		int slot = slot(key, this.mask);
		long entry;
		while ((entry = this.slots[2 * slot + 1]) != NOT_FOUND) {
			if (this.slots[2 * slot] == key) {
				return entry;
			}
			slot = (slot + 1) & this.mask;
		}
		return NOT_FOUND;
	}

	/** How many values an entry from {@link #find} has. */
	static int count(long entry) {
		return (int) (entry >>> 32);
	}

	/** Value {@code index} (from 0, in the order added) of an entry from {@link #find}. */
	int value(long entry, int index) {
		return (count(entry) == 1) ? (int) entry : this.overflow[(int) entry + index];
	}

	/**
	 * The home slot of a key in a table of {@code mask + 1} slots (a power of two); WordIndex's table and the Chinese
	 * phrase automaton use it too.
	 */
	static int slot(long key, int mask) {
		long mixed = key * SPREAD;
		return (int) (mixed ^ (mixed >>> 32)) & mask;
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
