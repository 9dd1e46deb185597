package com.crscompanion.channels.telegram;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.crscompanion.channels.CommandLine;
import com.crscompanion.conversation.Conversations;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.knowledge.KnowledgeBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** When the channel runs, in which mode, and which settings stop the app with a message that names them. */
class TelegramSwitchTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, DataSourceAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
				FlywayAutoConfiguration.class))
		.withUserConfiguration(Collaborators.class, TelegramConfiguration.class, TelegramOffNotice.class,
				TelegramWebhookController.class)
		.withPropertyValues("telegram.api-url=http://127.0.0.1:9", "telegram.polling.timeout=1s",
				"telegram.polling.retry-initial=1s", "telegram.polling.retry-max=1s", "telegram.handling.workers=1",
				"telegram.handling.queue-capacity=10", "telegram.handling.remember-updates-for=1h",
				"spring.datasource.url=jdbc:h2:mem:switch-${random.uuid};DB_CLOSE_DELAY=-1", "telegram.delivery.messages-per-second=30",
				"telegram.delivery.per-chat-per-second=1", "telegram.delivery.per-chat-burst=3",
				"telegram.delivery.per-group-per-minute=20", "telegram.delivery.per-group-burst=3",
				"telegram.delivery.max-in-flight=8", "telegram.delivery.queue-capacity=10",
				"telegram.delivery.retry-initial=1s", "telegram.delivery.retry-max=2s",
				"telegram.delivery.give-up-after=1h", "telegram.delivery.drain-timeout=1s",
				"telegram.http.connect-timeout=1s", "telegram.http.read-timeout=1s");

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TelegramProperties.class)
	static class Collaborators {

		@Bean
		Conversations conversations() {
			return mock(Conversations.class);
		}

		@Bean
		Handoffs handoffs() {
			return mock(Handoffs.class);
		}

		@Bean
		ConversationHistory history() {
			return mock(ConversationHistory.class);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		KnowledgeBase knowledgeBase() {
			return () -> null;
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		TelegramTexts telegramTexts() {
			return TelegramTestTexts.texts();
		}

		@Bean
		ConversationTexts conversationTexts() {
			return new ConversationTexts(List.of("What is CRS?"));
		}

	}

	@Test
	void withoutATokenTelegramIsOffAndSaysSo() {
		this.runner.run(context -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(TelegramChannel.class).hasSingleBean(TelegramOffNotice.class);
		});
		this.runner.withPropertyValues("telegram.bot-token=  ")
			.run(context -> assertThat(context).doesNotHaveBean(TelegramChannel.class));
	}

	@Test
	void aTokenTurnsOnLongPolling() {
		this.runner.withPropertyValues("telegram.bot-token=" + FakeBotApi.TOKEN).run(context -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(TelegramChannel.class)
				.hasSingleBean(LongPolling.class)
				.doesNotHaveBean(TelegramWebhookController.class)
				.doesNotHaveBean(TelegramOffNotice.class);
		});
	}

	@Test
	void aWebhookUrlTurnsOnWebhookModeInstead() {
		this.runner
			.withPropertyValues("telegram.bot-token=" + FakeBotApi.TOKEN,
					"telegram.webhook-url=https://crs.example.org/telegram/webhook", "telegram.webhook-secret=s3cret_-X")
			.run(context -> assertThat(context).hasNotFailed()
				.hasSingleBean(TelegramWebhookController.class)
				.doesNotHaveBean(LongPolling.class));
	}

	@Test
	void aCommandLineToolNeverStartsTelegram() {
		this.runner.withPropertyValues("telegram.bot-token=" + FakeBotApi.TOKEN, CommandLine.COMMAND_PROPERTY + "=ask")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TelegramChannel.class));
	}

	@Test
	void aWebhookWithoutSecretOrHttpsStopsStartUpNamingTheSetting() {
		this.runner
			.withPropertyValues("telegram.bot-token=" + FakeBotApi.TOKEN,
					"telegram.webhook-url=https://crs.example.org/telegram/webhook")
			.run(context -> assertThat(context).getFailure().hasStackTraceContaining("TELEGRAM_WEBHOOK_SECRET"));
		this.runner
			.withPropertyValues("telegram.bot-token=" + FakeBotApi.TOKEN,
					"telegram.webhook-url=http://crs.example.org/telegram/webhook", "telegram.webhook-secret=abc")
			.run(context -> assertThat(context).getFailure().hasStackTraceContaining("TELEGRAM_WEBHOOK_URL"));
	}

}
