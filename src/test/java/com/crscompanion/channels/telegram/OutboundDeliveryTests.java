package com.crscompanion.channels.telegram;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundDeliveryTests {

	private final TelegramProperties.Delivery settings = new TelegramProperties.Delivery(30, 1, 3, 20, 3, 8, 100,
			Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(20));

	private final OutboundDelivery delivery = new OutboundDelivery(null,
			new TelegramSender(null), this.settings, Clock.systemUTC(), new SimpleMeterRegistry(), (message, id) -> {
			});

	@Test
	void retriesBackOffExponentiallyWithJitterUpToTheCap() {
		for (int i = 0; i < 50; i++) {
			assertThat(this.delivery.backoff(1)).isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
			assertThat(this.delivery.backoff(3)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
			assertThat(this.delivery.backoff(40)).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
		}
	}

}
