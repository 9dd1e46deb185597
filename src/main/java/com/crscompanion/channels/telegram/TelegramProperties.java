package com.crscompanion.channels.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The Telegram channel's settings. The {@code telegram.*} prefix makes the environment variables of the issue work
 * as they are: {@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_API_URL}, {@code TELEGRAM_WEBHOOK_URL},
 * {@code TELEGRAM_WEBHOOK_SECRET}; {@code COORDINATOR_CHAT_ID} is mapped in {@code application.yml}.
 *
 * @param botToken the bot's token from @BotFather; Telegram is on when it is set
 * @param apiUrl base URL of the Bot API (a fake one on 127.0.0.1 for tests and local runs)
 * @param webhookUrl public HTTPS URL that reaches this app's {@code /telegram/webhook}; when set, webhook mode
 * replaces long polling
 * @param webhookSecret the {@code secret_token} Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param coordinatorChatId the coordinators' group; the bot does not answer family questions there
 * @param polling long polling and start-up connection
 * @param handling inbound updates
 * @param delivery the outbound queue
 * @param http the HTTP client that sends to the Bot API
 */
@Validated
@ConfigurationProperties("telegram")
record TelegramProperties(String botToken, @NotNull URI apiUrl, URI webhookUrl, String webhookSecret,
		Long coordinatorChatId, @NotNull @Valid Polling polling, @NotNull @Valid Handling handling,
		@NotNull @Valid Delivery delivery, @NotNull @Valid Http http) {

	/** What Telegram accepts as a webhook secret token. */
	private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

	boolean webhookMode() {
		return this.webhookUrl != null && StringUtils.hasText(this.webhookUrl.toString());
	}

	@AssertTrue(message = "telegram.api-url (TELEGRAM_API_URL) must be an http(s) URL with a host and no path, "
			+ "like https://api.telegram.org or http://127.0.0.1:8081")
	boolean isApiUrlUsable() {
		return this.apiUrl == null || (("https".equals(this.apiUrl.getScheme()) || "http".equals(this.apiUrl.getScheme()))
				&& this.apiUrl.getHost() != null && (this.apiUrl.getPath() == null || this.apiUrl.getPath().isEmpty()
						|| "/".equals(this.apiUrl.getPath())));
	}

	@AssertTrue(message = "telegram.webhook-url (TELEGRAM_WEBHOOK_URL) must be an https URL: Telegram calls webhooks "
			+ "over HTTPS only")
	boolean isWebhookUrlHttps() {
		return !webhookMode() || ("https".equals(this.webhookUrl.getScheme()) && this.webhookUrl.getHost() != null);
	}

	@AssertTrue(message = "telegram.webhook-secret (TELEGRAM_WEBHOOK_SECRET) is required with a webhook URL: "
			+ "1 to 256 characters A-Z, a-z, 0-9, _ and -")
	boolean isWebhookSecretValid() {
		if (!webhookMode()) {
			return this.webhookSecret == null || this.webhookSecret.isEmpty()
					|| WEBHOOK_SECRET.matcher(this.webhookSecret).matches();
		}
		return this.webhookSecret != null && WEBHOOK_SECRET.matcher(this.webhookSecret).matches();
	}

	/**
	 * @param timeout how long one getUpdates call waits for updates (whole seconds)
	 * @param retryInitial first wait after a failed Bot API call at start-up or in getUpdates
	 * @param retryMax longest wait between such retries
	 */
	record Polling(@NotNull Duration timeout, @NotNull Duration retryInitial, @NotNull Duration retryMax) {

		@AssertTrue(message = "telegram.polling.timeout must be between 0 and 50 seconds")
		boolean isTimeoutInRange() {
			return this.timeout == null || (!this.timeout.isNegative() && this.timeout.toSeconds() <= 50);
		}

		@AssertTrue(message = "telegram.polling.retry-initial must be positive and at most telegram.polling.retry-max")
		boolean isRetryRangeValid() {
			return this.retryInitial == null || this.retryMax == null
					|| (this.retryInitial.isPositive() && this.retryInitial.compareTo(this.retryMax) <= 0);
		}

	}

	/**
	 * @param workers threads that handle updates; one chat's updates always go to the same thread, in order
	 * @param queueCapacity updates waiting per worker; when full, polling waits and the webhook answers 503 so
	 * Telegram resends later
	 * @param rememberUpdatesFor how long handled update ids are kept to drop duplicates (Telegram stops
	 * redelivering after 24 hours)
	 */
	record Handling(@Min(1) @Max(64) int workers, @Positive int queueCapacity, @NotNull Duration rememberUpdatesFor) {
	}

	/**
	 * Telegram's limits and how failed sends are retried.
	 *
	 * @param messagesPerSecond all chats together
	 * @param perChatPerSecond one chat, steady rate
	 * @param perChatBurst one chat, messages allowed at once (a long answer comes in several parts)
	 * @param perGroupPerMinute one group chat, steady rate
	 * @param perGroupBurst one group chat, messages allowed at once
	 * @param maxInFlight sends waiting for Telegram's answer at once
	 * @param queueCapacity messages waiting; when full, answers wait for room (emergency messages never wait)
	 * @param retryInitial first wait after a 5xx or a network failure
	 * @param retryMax longest wait between retries
	 * @param giveUpAfter a message still not delivered after this long is dropped and logged as an error
	 * @param drainTimeout at shutdown, how long to keep sending what is queued
	 */
	record Delivery(@Positive double messagesPerSecond, @Positive double perChatPerSecond, @Min(1) int perChatBurst,
			@Positive double perGroupPerMinute, @Min(1) int perGroupBurst, @Min(1) int maxInFlight,
			@Positive int queueCapacity, @NotNull Duration retryInitial, @NotNull Duration retryMax,
			@NotNull Duration giveUpAfter, @NotNull Duration drainTimeout) {

		@AssertTrue(message = "telegram.delivery.retry-initial must be positive and at most telegram.delivery.retry-max")
		boolean isRetryRangeValid() {
			return this.retryInitial == null || this.retryMax == null
					|| (this.retryInitial.isPositive() && this.retryInitial.compareTo(this.retryMax) <= 0);
		}

	}

	/**
	 * @param connectTimeout to open a connection to the Bot API
	 * @param readTimeout to wait for the Bot API's answer to a send (getUpdates waits its poll timeout on top)
	 */
	record Http(@NotNull Duration connectTimeout, @NotNull Duration readTimeout) {
	}

}
