package com.crscompanion.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedCacheTests {

	@Test
	void aValueIsComputedOnceAndThenServedAsComputed() {
		BoundedCache<String, String> cache = new BoundedCache<>(10);
		AtomicInteger computed = new AtomicInteger();

		String first = cache.get("fever", key -> key + computed.incrementAndGet());
		String second = cache.get("fever", key -> key + computed.incrementAndGet());

		assertThat(first).isEqualTo("fever1");
		assertThat(second).isSameAs(first);
		assertThat(computed).hasValue(1);
	}

	@Test
	void aFloodOfNewKeysNeverHoldsMoreThanTheBound() {
		BoundedCache<Integer, int[]> cache = new BoundedCache<>(100);

		for (int word = 0; word < 10_000; word++) {
			assertThat(cache.get(word, key -> new int[] { key })).containsExactly(word);
			assertThat(cache.size()).isLessThanOrEqualTo(100);
		}
	}

}
