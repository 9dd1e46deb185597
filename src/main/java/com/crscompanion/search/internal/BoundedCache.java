package com.crscompanion.search.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed once per key, for at most {@code capacity} keys: past that it starts again empty, so text sent to
 * fill it (a flood of made-up words) costs memory only up to the bound. For values that never go stale: those of
 * one immutable index, dropped with it.
 */
final class BoundedCache<K, V> {

	private final Map<K, V> values = new ConcurrentHashMap<>();

	private final int capacity;

	BoundedCache(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * The value for {@code key}, computed by {@code compute} if it is not held; a computation that throws keeps
	 * nothing.
	 */
	V get(K key, Function<K, V> compute) {
		V value = this.values.get(key);
		if (value != null) {
			return value;
		}
		value = compute.apply(key);
		if (this.values.size() >= this.capacity) {
			this.values.clear();
		}
		this.values.put(key, value);
		return value;
	}

	int size() {
		return this.values.size();
	}

}
