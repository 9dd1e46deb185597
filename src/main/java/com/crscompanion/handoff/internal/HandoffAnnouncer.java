package com.crscompanion.handoff.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import com.crscompanion.handoff.HandoffAnnounced;

/**
 * Announces unclaimed handoffs again: urgent ones every {@code reannounce-urgent}, day and night; others every
 * {@code reannounce} during office hours, and once at opening time if they waited through the closed hours. Each
 * re-announcement is claimed in the database first, so with several instances it happens once.
 */
class HandoffAnnouncer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(HandoffAnnouncer.class);

	private final JdbcHandoffs handoffs;

	private final WeeklySchedule officeHours;

	private final HandoffProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	HandoffAnnouncer(JdbcHandoffs handoffs, WeeklySchedule officeHours, HandoffProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.handoffs = handoffs;
		this.officeHours = officeHours;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** One pass; returns how many handoffs were announced again. */
	int announceDue() {
		Instant now = this.clock.instant();
		Optional<Instant> openedAt = this.officeHours.currentOpening(now);
		int announced = 0;
		for (JdbcHandoffs.Waiting waiting : this.handoffs.waiting()) {
			Duration every = waiting.urgent() ? this.properties.reannounceUrgent() : this.properties.reannounce();
			boolean overdue = !waiting.lastAnnounced().plus(every).isAfter(now)
					&& (waiting.urgent() || openedAt.isPresent());
			boolean waitedThroughClosedHours = openedAt.isPresent() && waiting.lastAnnounced().isBefore(openedAt.get());
			if ((overdue || waitedThroughClosedHours) && this.handoffs.markAnnounced(waiting, now)) {
				this.handoffs.find(waiting.id()).ifPresent(handoff -> {
					log.info("Handoff {} announced again (unclaimed since {})", handoff.id(), handoff.openedAt());
					this.events.publishEvent(new HandoffAnnounced(handoff, true));
				});
				announced++;
			}
		}
		return announced;
	}

	@Override
	public void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("handoff-announcer").daemon().factory());
		long every = this.properties.checkEvery().toMillis();
		this.scheduler.scheduleWithFixedDelay(() -> {
			try {
				announceDue();
			}
			catch (RuntimeException ex) {
				log.error("Re-announcing handoffs failed; trying again in {}", this.properties.checkEvery(), ex);
			}
		}, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
