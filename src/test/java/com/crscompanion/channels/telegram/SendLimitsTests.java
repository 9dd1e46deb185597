package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendLimitsTests {

	private static final Instant T0 = Instant.parse("2026-01-01T03:00:00Z");

	private static TelegramProperties.Delivery limits(double overall, double perChat, int chatBurst, double perGroupMinute,
			int groupBurst) {
		return new TelegramProperties.Delivery(overall, perChat, chatBurst, perGroupMinute, groupBurst, 8, 100,
				Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(20));
	}

	@Test
	void aChatGetsItsBurstThenOneMessageASecond() {
		SendLimits limits = new SendLimits(limits(30, 1, 3, 20, 3), T0);
		for (int i = 0; i < 3; i++) {
			assertThat(limits.waitFor(1, false, T0)).isZero();
			limits.take(1, false, T0);
		}
		assertThat(limits.waitFor(1, false, T0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(limits.waitFor(1, false, T0.plusMillis(400))).isEqualTo(Duration.ofMillis(600));
		assertThat(limits.waitFor(1, false, T0.plusSeconds(1))).isZero();
		assertThat(limits.waitFor(2, false, T0)).as("another chat is not held").isZero();
	}

	@Test
	void aGroupIsHeldToTwentyAMinute() {
		SendLimits limits = new SendLimits(limits(30, 100, 100, 20, 1), T0);
		limits.take(-5, true, T0);
		assertThat(limits.waitFor(-5, true, T0)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void allChatsTogetherStayUnderTheOverallRate() {
		SendLimits limits = new SendLimits(limits(30, 1, 1, 20, 1), T0);
		for (int chat = 0; chat < 30; chat++) {
			limits.take(chat, false, T0);
		}
		Duration wait = limits.waitFor(1000, false, T0);
		assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(34));
	}

	@Test
	void aTokenBucketNeverSavesMoreThanItsBurst() {
		TokenBucket bucket = new TokenBucket(2, 1, T0);
		Instant later = T0.plusSeconds(60);
		bucket.take(later);
		bucket.take(later);
		assertThat(bucket.waitFor(later)).isEqualTo(Duration.ofSeconds(1));
		assertThat(bucket.full(later.plusSeconds(2))).isTrue();
	}

}
