package com.crscompanion.channels.telegram;

/**
 * Remembers which Telegram updates were handled, so a webhook retry or a second instance does not answer the same
 * message twice. {@link InMemoryProcessedUpdates} covers one instance; with several instances behind a load
 * balancer, the database-backed implementation of the handoff issue makes the check shared.
 */
interface ProcessedUpdates {

	/** True the first time an update id is seen, false for every later time; atomic. */
	boolean firstTime(long updateId);

}
