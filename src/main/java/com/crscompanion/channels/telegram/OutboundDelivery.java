package com.crscompanion.channels.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is in the outbox within Telegram's limits. A 429 waits the {@code retry_after} Telegram gives; a 5xx,
 * a network failure or a timeout is retried with exponential backoff; a refusal (blocked by the user, chat gone)
 * is dropped and logged. A message is settled exactly once, so it is neither lost nor sent twice by this side. (A
 * timeout after Telegram received the request is the one case that can show a message twice: losing it would be
 * worse.) One thread picks the next message; the sends themselves are asynchronous, at most
 * {@code max-in-flight} at once and at most one per chat.
 */
final class OutboundDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboundDelivery.class);

	/** With nothing to do, the picker still looks every so often; adds and completed sends wake it at once. */
	private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

	private final Outbox outbox;

	private final SendLimits limits;

	private final TelegramSender sender;

	private final TelegramProperties.Delivery settings;

	private final Clock clock;

	private final Semaphore inFlight;

	private final Counter sent;

	private final Counter retried;

	private final Counter dropped;

	private final DeliveryListener listener;

	private volatile Thread picker;

	private volatile boolean draining;

	private volatile Instant drainDeadline = Instant.MAX;

	/** Told of each message Telegram accepted, with the id Telegram gave it. */
	@FunctionalInterface
	interface DeliveryListener {

		void delivered(OutgoingMessage message, Integer messageId);

	}

	OutboundDelivery(Outbox outbox, TelegramSender sender, TelegramProperties.Delivery settings, Clock clock,
			MeterRegistry meters, DeliveryListener listener) {
		this.listener = listener;
		this.outbox = outbox;
		this.sender = sender;
		this.settings = settings;
		this.clock = clock;
		this.limits = new SendLimits(settings, clock.instant());
		this.inFlight = new Semaphore(settings.maxInFlight());
		this.sent = meters.counter("crs.telegram.messages", "outcome", "sent");
		this.retried = meters.counter("crs.telegram.messages", "outcome", "retried");
		this.dropped = meters.counter("crs.telegram.messages", "outcome", "dropped");
	}

	/** Queues one reply's messages; an answer may wait for room, an emergency message never does. */
	void enqueue(List<OutgoingMessage> messages) throws InterruptedException {
		this.outbox.add(messages);
		wake();
	}

	void start() {
		this.picker = Thread.ofPlatform().name("telegram-delivery").daemon().start(this::run);
	}

	/** Keeps sending until the outbox is empty or the drain timeout is up, then stops. */
	void drainAndStop() {
		Thread thread = this.picker;
		if (thread == null) {
			return;
		}
		this.drainDeadline = this.clock.instant().plus(this.settings.drainTimeout());
		this.draining = true;
		wake();
		try {
			thread.join(this.settings.drainTimeout().plusSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		int left = this.outbox.size();
		if (left > 0) {
			log.error("Telegram: {} message(s) were still queued at shutdown and are not delivered", left);
		}
	}

	private void run() {
		while (true) {
			Instant now = this.clock.instant();
			if (this.draining && (this.outbox.size() == 0 || !now.isBefore(this.drainDeadline))) {
				return;
			}
			if (!this.inFlight.tryAcquire()) {
				sleep(IDLE_WAIT);
				continue;
			}
			Outbox.Claim claim = this.outbox.claim(now, this.limits);
			if (claim instanceof Outbox.Claim.Ready ready) {
				Outbox.Queued message = ready.message();
				this.limits.take(message.message().chatId(), message.message().groupChat(), now);
				send(message);
				continue;
			}
			this.inFlight.release();
			sleep((claim instanceof Outbox.Claim.WaitUntil wait) ? Duration.between(now, wait.at()) : IDLE_WAIT);
		}
	}

	private void send(Outbox.Queued message) {
		this.sender.send(message.message()).whenComplete((outcome, failure) -> {
			try {
				settle(message, (failure != null) ? TelegramSender.outcomeOf(failure) : outcome);
			}
			catch (RuntimeException ex) {
				log.error("Telegram: could not settle message {} to chat {}", message.id(), message.message().chatId(), ex);
			}
			finally {
				this.inFlight.release();
				wake();
			}
		});
	}

	private void settle(Outbox.Queued message, TelegramSender.Outcome outcome) {
		long chatId = message.message().chatId();
		Instant now = this.clock.instant();
		switch (outcome) {
			case TelegramSender.Outcome.Sent sent -> {
				this.outbox.delivered(message);
				this.sent.increment();
				try {
					this.listener.delivered(message.message(), sent.messageId());
				}
				catch (RuntimeException ex) {
					log.error("Telegram: message {} was delivered but could not be linked to its handoff", message.id(), ex);
				}
			}
			case TelegramSender.Outcome.Refused refused -> {
				log.error("Telegram refused message {} to chat {} ({}); it is dropped", message.id(), chatId,
						refused.reason());
				this.outbox.drop(message);
				this.dropped.increment();
			}
			case TelegramSender.Outcome.RetryAfter retryAfter -> retry(message, now, retryAfter.delay(),
					"Telegram asked to wait (429)");
			case TelegramSender.Outcome.Failed failed -> retry(message, now, backoff(message.attempts() + 1),
					failed.reason());
		}
	}

	private void retry(Outbox.Queued message, Instant now, Duration wait, String reason) {
		long chatId = message.message().chatId();
		if (now.plus(wait).isAfter(message.queuedAt().plus(this.settings.giveUpAfter()))) {
			log.error("Telegram: giving up on message {} to chat {} after {} attempts ({})", message.id(), chatId,
					message.attempts() + 1, reason);
			this.outbox.drop(message);
			this.dropped.increment();
			return;
		}
		log.warn("Telegram: message {} to chat {} not sent ({}); retrying in {} ms", message.id(), chatId, reason,
				wait.toMillis());
		this.outbox.retryAt(message, now.plus(wait));
		this.retried.increment();
	}

	/** Exponential, capped, with ±20% jitter so retries from many chats do not arrive together. */
	Duration backoff(int attempt) {
		double factor = Math.pow(2, Math.min(attempt - 1, 30));
		double millis = Math.min(this.settings.retryMax().toMillis(), this.settings.retryInitial().toMillis() * factor);
		return Duration.ofMillis(Math.round(millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
	}

	private void wake() {
		Thread thread = this.picker;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	/** Wakes early on {@link #wake()}; an unpark that came first makes this return at once, so none is lost. */
	private static void sleep(Duration duration) {
		if (duration.isPositive()) {
			LockSupport.parkNanos(Math.min(duration.toNanos(), TimeUnit.SECONDS.toNanos(1)));
		}
	}

}
