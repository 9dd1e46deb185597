package com.crscompanion.safety.internal;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HashFilter} must never turn away a key it was given; it may let a few others through. */
class HashFilterTests {

	@Test
	void keepsEveryKeyAndFewOthers() {
		Random random = new Random(3);
		for (int keys : new int[] { 0, 1, 7, 1_000, 10_000, 40_000 }) {
			HashFilter filter = new HashFilter(keys, 4);
			Set<Long> added = new HashSet<>();
			for (int i = 0; i < keys; i++) {
				long key = (i % 2 == 0) ? random.nextLong() : WordIndex.hash(("form" + i + "abcde").toCharArray(), 0, 4 + i % 5);
				filter.add(key);
				added.add(key);
			}
			for (long key : added) {
				assertThat(filter.mightContain(key)).as("added key %d of %d", key, keys).isTrue();
			}
			int letThrough = 0;
			int tried = 100_000;
			for (int i = 0; i < tried; i++) {
				long key = random.nextLong();
				if (!added.contains(key) && filter.mightContain(key)) {
					letThrough++;
				}
			}
			if (keys >= 1_000) {
				assertThat(letThrough).as("false positives with %d keys", keys).isLessThan(tried / 50);
			}
		}
	}

}
