package com.crscompanion.channels.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram's calls in webhook mode. Answers at once: the update is only handed to a
 * worker. A wrong or missing secret gets 401; when the channel is not ready or its workers are full, 503 makes
 * Telegram send the update again later. The body is read raw and parsed with the library's Jackson 2 types, apart
 * from the application's own Jackson 3.
 */
@RestController
@Conditional(TelegramConditions.Webhook.class)
class TelegramWebhookController {

	static final String PATH = "/telegram/webhook";

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

	private final byte[] secret;

	private final ObjectMapper json;

	private final BotIdentity bot;

	private final UpdateWorkers workers;

	TelegramWebhookController(TelegramProperties properties, BotIdentity bot, UpdateWorkers workers) {
		this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
		this.json = TelegramConfiguration.json();
		this.bot = bot;
		this.workers = workers;
	}

	@PostMapping(PATH)
	ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
			@RequestBody(required = false) byte[] body) {
		if (secret == null || !MessageDigest.isEqual(this.secret, secret.getBytes(StandardCharsets.UTF_8))) {
			log.warn("Telegram webhook call refused: {} secret token", (secret == null) ? "no" : "wrong");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		if (!this.bot.ready()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		Update update;
		try {
			update = (body == null) ? null : this.json.readValue(body, Update.class);
		}
		catch (IOException ex) {
			log.warn("Telegram webhook call with an unreadable update ({})", ex.getClass().getSimpleName());
			return ResponseEntity.badRequest().build();
		}
		if (update == null || update.getUpdateId() == null) {
			return ResponseEntity.badRequest().build();
		}
		if (!this.workers.offer(update)) {
			log.warn("Telegram update {} not taken now (workers full or stopping); Telegram will resend it",
					update.getUpdateId());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		return ResponseEntity.ok().build();
	}

}
