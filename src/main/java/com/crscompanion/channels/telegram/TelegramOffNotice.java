package com.crscompanion.channels.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once, at start-up, that Telegram is off, so an operator who forgot the token sees why. */
@Component
@Conditional(TelegramConditions.NoToken.class)
class TelegramOffNotice {

	private static final Logger log = LoggerFactory.getLogger(TelegramOffNotice.class);

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		log.info("Telegram channel is off: TELEGRAM_BOT_TOKEN is not set (only the web chat runs)");
	}

}
