package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;

/**
 * The threads that handle updates, owned and stopped by the application (the library's single-thread consumer uses a
 * static executor nobody shuts down). Updates of one chat always go to the same thread, so a family's messages are
 * answered in the order sent; different chats are handled side by side.
 */
final class UpdateWorkers {

	private static final Logger log = LoggerFactory.getLogger(UpdateWorkers.class);

	/** Put behind the last update to tell a worker to finish. */
	private static final Update STOP = new Update();

	private final List<BlockingQueue<Update>> queues = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private final Consumer<Update> handler;

	private volatile boolean accepting = true;

	UpdateWorkers(int workers, int queueCapacity, Consumer<Update> handler) {
		this.handler = handler;
		for (int i = 0; i < workers; i++) {
			this.queues.add(new ArrayBlockingQueue<>(queueCapacity));
		}
	}

	void start() {
		for (int i = 0; i < this.queues.size(); i++) {
			BlockingQueue<Update> queue = this.queues.get(i);
			this.threads.add(Thread.ofPlatform().name("telegram-update-" + i).daemon().start(() -> work(queue)));
		}
	}

	/** Waits while the chat's worker is busy (long polling: Telegram keeps the updates meanwhile). */
	void put(Update update) throws InterruptedException {
		if (!this.accepting) {
			throw new IllegalStateException("Telegram update workers are stopping");
		}
		queueFor(update).put(update);
	}

	/** False when the chat's worker is full or stopping (webhook: Telegram is told to resend later). */
	boolean offer(Update update) {
		return this.accepting && queueFor(update).offer(update);
	}

	/** Handles everything already queued, then stops the threads. */
	void drainAndStop(Duration timeout) {
		this.accepting = false;
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			for (BlockingQueue<Update> queue : this.queues) {
				queue.offer(STOP, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			for (Thread thread : this.threads) {
				thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
				if (thread.isAlive()) {
					log.error("Telegram worker {} did not finish its updates in {}; stopping it", thread.getName(),
							timeout);
					thread.interrupt();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void work(BlockingQueue<Update> queue) {
		while (true) {
			Update update;
			try {
				update = queue.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			if (update == STOP) {
				return;
			}
			try {
				this.handler.accept(update);
			}
			catch (RuntimeException ex) {
				log.error("Telegram update {} failed", update.getUpdateId(), ex);
			}
		}
	}

	private BlockingQueue<Update> queueFor(Update update) {
		return this.queues.get(Math.floorMod(Long.hashCode(chatOf(update)), this.queues.size()));
	}

	private static long chatOf(Update update) {
		MaybeInaccessibleMessage message = update.hasMessage() ? update.getMessage()
				: update.hasEditedMessage() ? update.getEditedMessage()
						: update.hasCallbackQuery() ? update.getCallbackQuery().getMessage() : null;
		if (message != null && message.getChat() != null && message.getChat().getId() != null) {
			return message.getChat().getId();
		}
		return (update.getUpdateId() != null) ? update.getUpdateId() : 0;
	}

}
