package com.crscompanion.search.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A warning that a failure repeating on every question would otherwise write thousands of times: at most once per
 * interval, with how many times it happened since.
 */
final class RateLimitedLog {

	private static final Logger log = LoggerFactory.getLogger(RateLimitedLog.class);

	private final String message;

	private final long intervalNanos;

	private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong suppressed = new AtomicLong();

	RateLimitedLog(String message, Duration interval) {
		this.message = message;
		this.intervalNanos = interval.toNanos();
	}

	void warn(Throwable failure) {
		long now = System.nanoTime();
		long allowed = this.nextAllowed.get();
		if ((allowed == Long.MIN_VALUE || now - allowed >= 0) && this.nextAllowed.compareAndSet(allowed, now + this.intervalNanos)) {
			log.warn("{} ({} more times since the last such warning)", this.message, this.suppressed.getAndSet(0), failure);
		}
		else {
			this.suppressed.incrementAndGet();
		}
	}

}
