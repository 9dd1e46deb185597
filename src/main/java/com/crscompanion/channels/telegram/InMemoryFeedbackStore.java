package com.crscompanion.channels.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest votes of this instance, up to {@code capacity}. */
final class InMemoryFeedbackStore implements FeedbackStore {

	private final int capacity;

	private final Deque<Vote> votes = new ArrayDeque<>();

	InMemoryFeedbackStore(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public synchronized void record(Vote vote) {
		if (this.votes.size() == this.capacity) {
			this.votes.removeFirst();
		}
		this.votes.addLast(vote);
	}

	@Override
	public synchronized List<Vote> votes() {
		return List.copyOf(this.votes);
	}

}
