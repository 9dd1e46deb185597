package com.crscompanion.channels.telegram;

import java.util.LinkedHashMap;
import java.util.Map;

/** The most recent update ids of this instance; the oldest are forgotten beyond {@code capacity}. */
final class InMemoryProcessedUpdates implements ProcessedUpdates {

	private final Map<Long, Boolean> seen;

	InMemoryProcessedUpdates(int capacity) {
		this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	@Override
	public synchronized boolean firstTime(long updateId) {
		return this.seen.putIfAbsent(updateId, Boolean.TRUE) == null;
	}

}
