package com.crscompanion.channels.telegram;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.crscompanion.conversation.Conversations;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.knowledge.KnowledgeBase;

/**
 * The Telegram channel, wired by hand (the library's Spring Boot starter stops at Boot 3.5). Present only when
 * {@code TELEGRAM_BOT_TOKEN} is set; webhook mode when {@code TELEGRAM_WEBHOOK_URL} is set, long polling otherwise.
 * The in-memory stores below are the single-instance versions of interfaces the database will implement.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConditions.On.class)
class TelegramConfiguration {

	private final ObjectMapper json = json();

	/** The library's Jackson 2 (com.fasterxml), kept apart from the application's Jackson 3. */
	static ObjectMapper json() {
		return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
	}

	@Bean
	OkHttpClient telegramHttp(TelegramProperties properties) {
		return new OkHttpClient.Builder().connectTimeout(properties.http().connectTimeout())
			.readTimeout(properties.http().readTimeout())
			.build();
	}

	@Bean
	TelegramClient telegramClient(TelegramProperties properties, OkHttpClient telegramHttp) {
		return new OkHttpTelegramClient(this.json, telegramHttp, properties.botToken(), telegramUrl(properties.apiUrl()));
	}

	@Bean
	BotIdentity telegramBotIdentity() {
		return new BotIdentity();
	}

	@Bean
	ProcessedUpdates telegramProcessedUpdates(JdbcClient jdbc, TelegramProperties properties, Clock clock) {
		return new JdbcProcessedUpdates(jdbc, properties.handling().rememberUpdatesFor(), clock);
	}

	@Bean
	Outbox telegramOutbox(JdbcClient jdbc, TransactionTemplate transactions, TelegramProperties properties,
			Clock clock) {
		// a send holds its lease for as long as the HTTP client may wait, plus a margin
		return new JdbcOutbox(jdbc, transactions, this.json, properties.delivery().queueCapacity(),
				properties.http().readTimeout().plus(properties.http().connectTimeout()).plusSeconds(10), clock);
	}

	@Bean
	RelayLinks telegramRelayLinks(JdbcClient jdbc, Clock clock) {
		return new RelayLinks(jdbc, clock);
	}

	@Bean
	OutboundDelivery telegramDelivery(Outbox outbox, TelegramClient telegramClient, TelegramProperties properties,
			MeterRegistry meters, RelayLinks links, Clock clock) {
		return new OutboundDelivery(outbox, new TelegramSender(telegramClient), properties.delivery(), clock, meters,
				links::delivered);
	}

	@Bean
	CoordinatorDesk telegramCoordinatorDesk(Handoffs handoffs, ConversationHistory history,
			OutboundDelivery delivery, RelayLinks links, TelegramProperties properties, TelegramTexts texts,
			Clock clock) {
		return new CoordinatorDesk(handoffs, history, delivery, links, properties.coordinatorChatId(), texts.desk(),
				clock);
	}

	@Bean
	UpdateHandler telegramUpdateHandler(Conversations conversations, OutboundDelivery delivery,
			ProcessedUpdates processed, CoordinatorDesk desk, KnowledgeBase knowledge, TelegramTexts texts,
			ConversationTexts conversationTexts, BotIdentity bot, TelegramClient telegramClient,
			MeterRegistry meters) {
		return new UpdateHandler(conversations, new ReplyFormatter(texts), delivery, processed, desk,
				new PassageReferences(knowledge), texts, conversationTexts, bot, telegramClient, meters);
	}

	@Bean
	UpdateWorkers telegramWorkers(TelegramProperties properties, UpdateHandler handler) {
		return new UpdateWorkers(properties.handling().workers(), properties.handling().queueCapacity(),
				handler::handle);
	}

	@Bean
	@Conditional(TelegramConditions.LongPolling.class)
	LongPolling telegramLongPolling(TelegramProperties properties, UpdateWorkers workers,
			TelegramClient telegramClient) {
		return new LongPolling(properties.botToken(), telegramUrl(properties.apiUrl()), properties.polling(),
				properties.http(), workers, telegramClient, this.json);
	}

	@Bean
	TelegramChannel telegramChannel(TelegramClient telegramClient, OkHttpClient telegramHttp,
			TelegramProperties properties, TelegramTexts texts, BotIdentity bot, UpdateWorkers workers,
			OutboundDelivery delivery, ObjectProvider<LongPolling> polling) {
		return new TelegramChannel(telegramClient, telegramHttp, properties, texts, bot, workers, delivery,
				polling.getIfAvailable());
	}

	static TelegramUrl telegramUrl(URI apiUrl) {
		int port = (apiUrl.getPort() != -1) ? apiUrl.getPort() : ("https".equals(apiUrl.getScheme()) ? 443 : 80);
		return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
	}

}
