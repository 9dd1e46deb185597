package com.crscompanion.channels.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The outbox of a single instance: replies survive Telegram's faults and rate limits, not a restart (the database
 * outbox of the handoff issue does).
 */
final class InMemoryOutbox implements Outbox {

	/** Urgent first, then in the order added. */
	private static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> !e.message.urgent())
		.thenComparingLong(e -> e.id);

	private final int capacity;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition roomFreed = this.lock.newCondition();

	private final Map<Long, ChatLine> chats = new HashMap<>();

	private long lastId;

	private int size;

	private static final class Entry {

		final long id;

		final OutgoingMessage message;

		final Instant queuedAt;

		int attempts;

		Entry(long id, OutgoingMessage message, Instant queuedAt) {
			this.id = id;
			this.message = message;
			this.queuedAt = queuedAt;
		}

		Queued view() {
			return new Queued(this.id, this.message, this.attempts, this.queuedAt);
		}

	}

	/** One chat's waiting messages and the one being sent. */
	private static final class ChatLine {

		final PriorityQueue<Entry> waiting = new PriorityQueue<>(ORDER);

		Entry inFlight;

		Instant notBefore = Instant.MIN;

	}

	InMemoryOutbox(int capacity, Clock clock) {
		this.capacity = capacity;
		this.clock = clock;
	}

	@Override
	public void add(List<OutgoingMessage> messages) throws InterruptedException {
		if (messages.isEmpty()) {
			return;
		}
		boolean urgent = messages.stream().anyMatch(OutgoingMessage::urgent);
		this.lock.lockInterruptibly();
		try {
			// a reply larger than the whole outbox still goes in once the outbox is empty
			while (!urgent && this.size > 0 && this.size + messages.size() > this.capacity) {
				this.roomFreed.await();
			}
			Instant now = this.clock.instant();
			for (OutgoingMessage message : messages) {
				this.chats.computeIfAbsent(message.chatId(), id -> new ChatLine()).waiting
					.add(new Entry(++this.lastId, message, now));
				this.size++;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Claim claim(Instant now, SendPermit permit) {
		this.lock.lock();
		try {
			ChatLine chosen = null;
			Instant earliest = null;
			for (ChatLine line : this.chats.values()) {
				Entry head = line.waiting.peek();
				if (line.inFlight != null || head == null) {
					continue;
				}
				Duration wait = permit.waitFor(head.message.chatId(), head.message.groupChat(), now);
				Instant readyAt = later(line.notBefore, now.plus(wait));
				if (readyAt.isAfter(now)) {
					earliest = (earliest == null) ? readyAt : earlier(earliest, readyAt);
				}
				else if (chosen == null || ORDER.compare(head, chosen.waiting.peek()) < 0) {
					chosen = line;
				}
			}
			if (chosen != null) {
				chosen.inFlight = chosen.waiting.poll();
				return new Claim.Ready(chosen.inFlight.view());
			}
			return (earliest != null) ? new Claim.WaitUntil(earliest) : new Claim.Idle();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void delivered(Queued message) {
		settle(message, null);
	}

	@Override
	public void drop(Queued message) {
		settle(message, null);
	}

	@Override
	public void retryAt(Queued message, Instant notBefore) {
		settle(message, notBefore);
	}

	private void settle(Queued message, Instant retryAt) {
		this.lock.lock();
		try {
			ChatLine line = this.chats.get(message.message().chatId());
			if (line == null || line.inFlight == null || line.inFlight.id != message.id()) {
				throw new IllegalStateException("Message " + message.id() + " is not in flight");
			}
			Entry entry = line.inFlight;
			line.inFlight = null;
			if (retryAt != null) {
				entry.attempts++;
				line.waiting.add(entry);
				line.notBefore = retryAt;
				return;
			}
			this.size--;
			if (line.waiting.isEmpty()) {
				this.chats.remove(message.message().chatId());
			}
			this.roomFreed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int size() {
		this.lock.lock();
		try {
			return this.size;
		}
		finally {
			this.lock.unlock();
		}
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
