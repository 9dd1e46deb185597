package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.util.List;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Starts and stops the Telegram channel. Start-up runs in the background, so the web chat is up whatever Telegram
 * does: {@code getMe} (a rejected token is a clear error and the channel stays off), {@code setMyCommands}, then
 * {@code setWebhook} or long polling; an unreachable Bot API is retried with backoff. Shutdown, after the web server
 * has stopped taking webhook calls: stop polling, handle the updates already received, confirm them to Telegram,
 * send what is queued, close the HTTP clients.
 */
final class TelegramChannel implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

	/** Stops after the web server (which stops at {@code DEFAULT_PHASE - 2048}), so no webhook call is cut off. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final TelegramClient client;

	private final OkHttpClient http;

	private final TelegramProperties properties;

	private final TelegramTexts texts;

	private final BotIdentity bot;

	private final UpdateWorkers workers;

	private final OutboundDelivery delivery;

	/** {@code null} in webhook mode. */
	private final LongPolling polling;

	private volatile boolean running;

	private Thread connector;

	TelegramChannel(TelegramClient client, OkHttpClient http, TelegramProperties properties, TelegramTexts texts,
			BotIdentity bot, UpdateWorkers workers, OutboundDelivery delivery, LongPolling polling) {
		this.client = client;
		this.http = http;
		this.properties = properties;
		this.texts = texts;
		this.bot = bot;
		this.workers = workers;
		this.delivery = delivery;
		this.polling = polling;
	}

	@Override
	public void start() {
		this.running = true;
		this.workers.start();
		this.delivery.start();
		this.connector = Thread.ofPlatform().name("telegram-connect").daemon().start(this::connect);
	}

	@Override
	public void stop() {
		this.running = false;
		this.connector.interrupt();
		join(this.connector);
		if (this.polling != null) {
			this.polling.stop();
		}
		this.workers.drainAndStop(this.properties.delivery().drainTimeout());
		if (this.polling != null) {
			this.polling.confirmHandled();
		}
		this.delivery.drainAndStop();
		this.http.dispatcher().executorService().shutdown();
		this.http.connectionPool().evictAll();
		log.info("Telegram channel stopped");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void connect() {
		User me = attempt("getMe", () -> this.client.execute(new GetMe()));
		if (me == null) {
			return;
		}
		this.bot.known(new BotIdentity.Me(me.getId(), me.getUserName()));
		attempt("setMyCommands", () -> this.client.execute(new SetMyCommands(List.of(
				new BotCommand("start", this.texts.commands().start()),
				new BotCommand("help", this.texts.commands().help()),
				new BotCommand("human", this.texts.commands().human()),
				new BotCommand("forget", this.texts.commands().forget())))));
		boolean listening;
		if (this.polling != null) {
			listening = attempt("start long polling (deleteWebhook)", () -> {
				this.polling.start();
				return true;
			}) != null;
		}
		else {
			listening = attempt("setWebhook", () -> this.client.execute(SetWebhook.builder()
				.url(this.properties.webhookUrl().toString())
				.secretToken(this.properties.webhookSecret())
				.allowedUpdates(LongPolling.ALLOWED_UPDATES)
				.build())) != null;
		}
		if (listening) {
			log.info("Telegram channel is on: @{} via {}", me.getUserName(),
					(this.polling != null) ? "long polling" : "webhook " + this.properties.webhookUrl());
		}
	}

	@FunctionalInterface
	private interface BotApiCall<T> {

		T call() throws TelegramApiException;

	}

	/**
	 * Calls the Bot API until it answers: network failures, 5xx and 429 are retried with backoff while the channel
	 * runs. Returns {@code null} when Telegram refused the call (logged as an error) or the channel stopped.
	 */
	private <T> T attempt(String what, BotApiCall<T> call) {
		Duration wait = this.properties.polling().retryInitial();
		while (this.running) {
			try {
				return call.call();
			}
			catch (TelegramApiRequestException ex) {
				Integer code = ex.getErrorCode();
				if (code != null && (code == 401 || code == 404)) {
					log.error("Telegram rejected TELEGRAM_BOT_TOKEN ({} {}): the Telegram channel is off, the web chat "
							+ "still runs. Check the token with @BotFather.", code, ex.getApiResponse());
					return null;
				}
				if (code != null && code >= 400 && code < 500 && code != 429) {
					log.error("Telegram refused {} ({} {}); the Telegram channel cannot start", what, code,
							ex.getApiResponse());
					return null;
				}
				log.warn("Telegram {} failed ({}); trying again in {} ms", what, ex.getMessage(), wait.toMillis());
			}
			catch (TelegramApiException ex) {
				if (!this.running) {
					return null;
				}
				log.warn("Telegram Bot API at {} not reachable for {} ({}); trying again in {} ms",
						this.properties.apiUrl(), what, ex.getCause() != null ? ex.getCause() : ex, wait.toMillis());
			}
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				return null;
			}
			Duration doubled = wait.multipliedBy(2);
			wait = (doubled.compareTo(this.properties.polling().retryMax()) > 0) ? this.properties.polling().retryMax()
					: doubled;
		}
		return null;
	}

	private static void join(Thread thread) {
		try {
			thread.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
