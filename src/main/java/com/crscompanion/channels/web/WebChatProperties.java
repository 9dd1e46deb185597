package com.crscompanion.channels.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The web chat page's own words, from {@code config/messages.yml}.
 *
 * @param title page title and heading
 * @param emergencyLine always visible at the top of the page
 * @param disclaimer shown at the foot of the page
 * @param placeholder hint in the message box
 * @param sendLabel the send button
 * @param humanLabel the "Talk to a coordinator" button
 * @param coordinatorPrefix written before a coordinator's first name on their messages ("Coordinator")
 * @param connectionError shown when a message could not be sent; the text stays in the box to retry
 */
@Validated
@ConfigurationProperties("crs.web")
record WebChatProperties(@NotBlank String title, @NotBlank String emergencyLine, @NotBlank String disclaimer,
		@NotBlank String placeholder, @NotBlank String sendLabel, @NotBlank String connectionError,
		@NotBlank String humanLabel, @NotBlank String coordinatorPrefix) {
}
