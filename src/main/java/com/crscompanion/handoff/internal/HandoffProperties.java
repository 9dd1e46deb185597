package com.crscompanion.handoff.internal;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Handoff timing and the one text the handoff module itself sends.
 *
 * @param reannounceUrgent an unclaimed urgent handoff is announced again after this long (day and night)
 * @param reannounce an unclaimed handoff is announced again after this long, during office hours
 * @param checkEvery how often unclaimed handoffs are looked at
 * @param backWithBot told to the family when a coordinator resolves their handoff
 */
@Validated
@ConfigurationProperties("crs.handoff")
record HandoffProperties(@NotNull Duration reannounceUrgent, @NotNull Duration reannounce,
		@NotNull Duration checkEvery, @NotBlank String backWithBot) {

	@AssertTrue(message = "crs.handoff.reannounce-urgent, reannounce and check-every must be positive durations")
	boolean isPositive() {
		return (this.reannounceUrgent == null || this.reannounceUrgent.isPositive())
				&& (this.reannounce == null || this.reannounce.isPositive())
				&& (this.checkEvery == null || this.checkEvery.isPositive());
	}

}
