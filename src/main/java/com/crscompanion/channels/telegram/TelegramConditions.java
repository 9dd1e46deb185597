package com.crscompanion.channels.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.crscompanion.channels.CommandLine;

/**
 * When the Telegram channel runs: a bot token is set (an empty {@code TELEGRAM_BOT_TOKEN} counts as unset) and the
 * app is not running a command-line tool, which must never start polling.
 */
final class TelegramConditions {

	private TelegramConditions() {
	}

	static boolean tokenSet(Environment environment) {
		return StringUtils.hasText(environment.getProperty("telegram.bot-token"));
	}

	static boolean on(Environment environment) {
		return tokenSet(environment) && !environment.containsProperty(CommandLine.COMMAND_PROPERTY);
	}

	static boolean webhook(Environment environment) {
		return StringUtils.hasText(environment.getProperty("telegram.webhook-url"));
	}

	static final class On implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return on(context.getEnvironment());
		}

	}

	static final class NoToken implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !tokenSet(context.getEnvironment());
		}

	}

	static final class Webhook implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return on(context.getEnvironment()) && webhook(context.getEnvironment());
		}

	}

	static final class LongPolling implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return on(context.getEnvironment()) && !webhook(context.getEnvironment());
		}

	}

}
