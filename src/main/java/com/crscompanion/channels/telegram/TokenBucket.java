package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.time.Instant;

/** A rate limit: {@code burst} sends at once, refilled at {@code perSecond}. Not thread-safe. */
final class TokenBucket {

	private final double burst;

	private final double perNano;

	private double tokens;

	private Instant updatedAt;

	TokenBucket(int burst, double perSecond, Instant now) {
		this.burst = burst;
		this.perNano = perSecond / 1e9;
		this.tokens = burst;
		this.updatedAt = now;
	}

	Duration waitFor(Instant now) {
		refill(now);
		if (this.tokens >= 1) {
			return Duration.ZERO;
		}
		return Duration.ofNanos((long) Math.ceil((1 - this.tokens) / this.perNano));
	}

	void take(Instant now) {
		refill(now);
		this.tokens -= 1;
	}

	/** A full bucket behaves like a new one, so it need not be kept. */
	boolean full(Instant now) {
		refill(now);
		return this.tokens >= this.burst;
	}

	private void refill(Instant now) {
		if (now.isAfter(this.updatedAt)) {
			long nanos = Duration.between(this.updatedAt, now).toNanos();
			this.tokens = Math.min(this.burst, this.tokens + nanos * this.perNano);
			this.updatedAt = now;
		}
	}

}
