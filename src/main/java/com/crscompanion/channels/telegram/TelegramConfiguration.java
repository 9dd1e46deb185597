package com.crscompanion.channels.telegram;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.crscompanion.conversation.Conversations;
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
	ProcessedUpdates telegramProcessedUpdates(TelegramProperties properties) {
		return new InMemoryProcessedUpdates(properties.handling().rememberedUpdates());
	}

	@Bean
	FeedbackStore telegramFeedback(TelegramProperties properties) {
		return new InMemoryFeedbackStore(properties.handling().rememberedFeedback());
	}

	@Bean
	Outbox telegramOutbox(TelegramProperties properties) {
		return new InMemoryOutbox(properties.delivery().queueCapacity(), Clock.systemUTC());
	}

	@Bean
	OutboundDelivery telegramDelivery(Outbox outbox, TelegramClient telegramClient, TelegramProperties properties,
			MeterRegistry meters) {
		return new OutboundDelivery(outbox, new TelegramSender(telegramClient), properties.delivery(),
				Clock.systemUTC(), meters);
	}

	@Bean
	UpdateHandler telegramUpdateHandler(Conversations conversations, OutboundDelivery delivery,
			ProcessedUpdates processed, FeedbackStore feedback, KnowledgeBase knowledge, TelegramTexts texts,
			ConversationTexts conversationTexts, BotIdentity bot, TelegramProperties properties,
			TelegramClient telegramClient, ApplicationEventPublisher events, MeterRegistry meters) {
		return new UpdateHandler(conversations, new ReplyFormatter(texts), delivery, processed, feedback,
				new PassageReferences(knowledge), texts, conversationTexts, bot, properties.coordinatorChatId(),
				telegramClient, events, meters, Clock.systemUTC());
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
