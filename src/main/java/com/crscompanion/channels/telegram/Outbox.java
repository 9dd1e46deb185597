package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Messages waiting to be sent to Telegram. One chat's messages leave in order, one at a time; the emergency message
 * goes before everything else waiting. {@link JdbcOutbox} keeps them in the database, so a message survives a
 * restart and several instances share the work.
 */
interface Outbox {

	/**
	 * Adds one reply's messages in order. Urgent messages are always taken at once; other messages wait while the
	 * outbox is full.
	 */
	void add(List<OutgoingMessage> messages) throws InterruptedException;

	/**
	 * The message to send now, chosen among chats with nothing in flight whose next message is due and allowed by
	 * {@code permit}: urgent first, then the oldest. A claimed message must be settled with {@link #delivered},
	 * {@link #retryAt} or {@link #drop}.
	 */
	Claim claim(Instant now, SendPermit permit);

	void delivered(Queued message);

	/** Keeps the message first in its chat's line and holds the chat until {@code notBefore}. */
	void retryAt(Queued message, Instant notBefore);

	/** Gives up on the message (Telegram refused it, or it is too old to send). */
	void drop(Queued message);

	/** Messages waiting or in flight. */
	int size();

	/** How long a chat must still wait under the rate limits; {@link Duration#ZERO} when it may send now. */
	@FunctionalInterface
	interface SendPermit {

		Duration waitFor(long chatId, boolean groupChat, Instant now);

	}

	/**
	 * A message in the outbox.
	 *
	 * @param id the outbox's id for it
	 * @param message what to send
	 * @param attempts sends tried so far
	 * @param queuedAt when it was added
	 */
	record Queued(long id, OutgoingMessage message, int attempts, Instant queuedAt) {
	}

	/** What {@link #claim} found. */
	sealed interface Claim {

		/** Send this now. */
		record Ready(Queued message) implements Claim {
		}

		/** Nothing may be sent before {@code at}. */
		record WaitUntil(Instant at) implements Claim {
		}

		/** Nothing is waiting that could be sent, apart from chats with a message in flight. */
		record Idle() implements Claim {
		}

	}

}
