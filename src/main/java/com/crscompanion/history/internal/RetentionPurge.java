package com.crscompanion.history.internal;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the retention purge at start and then every {@code crs.retention.purge-every}. */
@Component
@EnableConfigurationProperties(HistoryProperties.class)
class RetentionPurge implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final JdbcConversationHistory history;

	private final HistoryProperties properties;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	RetentionPurge(JdbcConversationHistory history, HistoryProperties properties, Clock clock) {
		this.history = history;
		this.properties = properties;
		this.clock = clock;
	}

	void purgeNow() {
		try {
			int deleted = this.history.purge(this.clock.instant().minus(this.properties.retention()));
			if (deleted > 0) {
				log.info("Retention: deleted {} row(s) older than {}", deleted, this.properties.retention());
			}
		}
		catch (RuntimeException ex) {
			log.error("Retention purge failed; it runs again in {}", this.properties.purgeEvery(), ex);
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("retention").daemon().factory());
		long every = this.properties.purgeEvery().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::purgeNow, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
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
