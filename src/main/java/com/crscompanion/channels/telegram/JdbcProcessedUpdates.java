package com.crscompanion.channels.telegram;

import static com.crscompanion.support.Timestamps.toDb;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Update ids in the database: the primary key makes "first time" atomic across every instance sharing it. Telegram
 * gives up redelivering an update after 24 hours, so ids older than {@code keep} are forgotten.
 */
final class JdbcProcessedUpdates implements ProcessedUpdates {

	/** Old ids are cleared every so many updates rather than on a timer: no traffic, nothing to clear. */
	private static final int PURGE_EVERY = 1000;

	private final JdbcClient jdbc;

	private final Duration keep;

	private final Clock clock;

	private final AtomicInteger sincePurge = new AtomicInteger();

	JdbcProcessedUpdates(JdbcClient jdbc, Duration keep, Clock clock) {
		this.jdbc = jdbc;
		this.keep = keep;
		this.clock = clock;
	}

	@Override
	public boolean firstTime(long updateId) {
		if (this.sincePurge.incrementAndGet() >= PURGE_EVERY) {
			this.sincePurge.set(0);
			this.jdbc.sql("delete from telegram_update where received_at < ?")
				.params(toDb(this.clock.instant().minus(this.keep)))
				.update();
		}
		try {
			return this.jdbc.sql("insert into telegram_update (update_id, received_at) values (?, ?)")
				.params(updateId, toDb(this.clock.instant()))
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
