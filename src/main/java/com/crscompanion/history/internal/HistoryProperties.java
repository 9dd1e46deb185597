package com.crscompanion.history.internal;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long family data is kept.
 *
 * @param retention conversations silent for longer, and messages, feedback and emergency audit entries older than
 * this, are deleted (a conversation with an open handoff is kept)
 * @param purgeEvery how often the purge runs
 */
@Validated
@ConfigurationProperties("crs.retention")
record HistoryProperties(@NotNull Duration retention, @NotNull Duration purgeEvery) {

	@AssertTrue(message = "crs.retention.retention and crs.retention.purge-every must be positive, e.g. 30d and 1h")
	boolean isPositive() {
		return (this.retention == null || this.retention.isPositive())
				&& (this.purgeEvery == null || this.purgeEvery.isPositive());
	}

}
