package com.crscompanion.channels.telegram;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * getUpdates with the library's long-polling session, on a poller thread and HTTP client this class owns and closes.
 * Stopping cancels the poll in flight at once, so on a redeploy the old instance is gone before the new one polls
 * (no "terminated by other getUpdates request" ping-pong); the updates it had accepted but not yet confirmed to
 * Telegram are confirmed on the way out, so the next instance does not answer them again.
 */
final class LongPolling implements LongPollingUpdateConsumer {

	private static final Logger log = LoggerFactory.getLogger(LongPolling.class);

	/** Only what the bot handles; Telegram does not send the rest. */
	static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");

	private static final int MAX_UPDATES_PER_POLL = 100;

	private final String botToken;

	private final TelegramUrl telegramUrl;

	private final TelegramProperties.Polling settings;

	private final UpdateWorkers workers;

	private final TelegramClient client;

	private final OkHttpClient pollingHttp;

	private final ScheduledExecutorService poller;

	private final TelegramBotsLongPollingApplication application;

	/** The offset of the latest getUpdates sent: Telegram has confirmed every update below it. */
	private volatile int requestedOffset;

	/** The highest update id handed to the workers. */
	private volatile int highestAccepted;

	LongPolling(String botToken, TelegramUrl telegramUrl, TelegramProperties.Polling settings,
			TelegramProperties.Http http, UpdateWorkers workers, TelegramClient client, ObjectMapper json) {
		this.botToken = botToken;
		this.telegramUrl = telegramUrl;
		this.settings = settings;
		this.workers = workers;
		this.client = client;
		this.pollingHttp = new OkHttpClient.Builder().connectTimeout(http.connectTimeout())
			.readTimeout(settings.timeout().plus(http.readTimeout()))
			.build();
		this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-poller").daemon().factory());
		this.application = new TelegramBotsLongPollingApplication(() -> json, () -> this.pollingHttp,
				() -> this.poller, this::backOff);
	}

	/** Starts polling; the library first calls deleteWebhook, which fails if Telegram cannot be reached. */
	void start() throws TelegramApiException {
		try {
			this.application.registerBot(this.botToken, () -> this.telegramUrl, this::nextRequest, this);
		}
		catch (TelegramApiException ex) {
			// the library keeps a session that failed to start; forget it so the next attempt can register again
			this.application.unregisterBot(this.botToken);
			throw ex;
		}
	}

	@Override
	public void consume(List<Update> updates) {
		for (Update update : updates) {
			try {
				this.workers.put(update);
				this.highestAccepted = Math.max(this.highestAccepted, update.getUpdateId());
			}
			catch (InterruptedException ex) {
				// stopping: the rest are not confirmed to Telegram and go to the next instance
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// an exception here would end the library's polling task for good
				log.error("Telegram update {} could not be queued", update.getUpdateId(), ex);
			}
		}
	}

	/** Stops polling and cancels the getUpdates in flight. */
	void stop() {
		try {
			this.application.close();
		}
		catch (Exception ex) {
			log.warn("Telegram: closing the long-polling session failed", ex);
		}
		// the library logs any failed getUpdates as an error, this deliberate cancellation too
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(BotSession.class.getName(), LogLevel.OFF);
		this.pollingHttp.dispatcher().cancelAll();
		this.poller.shutdownNow();
		try {
			if (!this.poller.awaitTermination(5, TimeUnit.SECONDS)) {
				log.warn("Telegram: the poller thread did not stop within 5 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			logging.setLogLevel(BotSession.class.getName(), null);
		}
		this.pollingHttp.dispatcher().executorService().shutdown();
		this.pollingHttp.connectionPool().evictAll();
	}

	/** After the workers are done: tells Telegram the accepted updates are handled, if no getUpdates did yet. */
	void confirmHandled() {
		int handled = this.highestAccepted;
		if (handled == 0 || handled < this.requestedOffset) {
			return;
		}
		try {
			this.client.execute(GetUpdates.builder().offset(handled + 1).limit(1).timeout(0)
				.allowedUpdates(ALLOWED_UPDATES).build());
			log.info("Telegram: confirmed updates up to {}", handled);
		}
		catch (TelegramApiException ex) {
			log.warn("Telegram: could not confirm updates up to {}; the next instance may see them again ({})",
					handled, ex.toString());
		}
	}

	private GetUpdates nextRequest(Integer lastReceived) {
		int offset = lastReceived + 1;
		this.requestedOffset = offset;
		return GetUpdates.builder()
			.offset(offset)
			.limit(MAX_UPDATES_PER_POLL)
			.timeout((int) this.settings.timeout().toSeconds())
			.allowedUpdates(ALLOWED_UPDATES)
			.build();
	}

	private ExponentialBackOff backOff() {
		return new ExponentialBackOff.Builder().setInitialIntervalMillis((int) this.settings.retryInitial().toMillis())
			.setMaxIntervalMillis((int) this.settings.retryMax().toMillis())
			// the library's default turns every wait into 15 minutes once failures have lasted 15 minutes
			.setMaxElapsedTimeMillis(Integer.MAX_VALUE)
			.build();
	}

}
