package com.crscompanion.channels.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A token Telegram rejects: one clear error, the Telegram channel stays off, the web chat answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "telegram.bot-token=" + FakeBotApi.TOKEN)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class TelegramRejectedTokenTests {

	static final FakeBotApi telegram = new FakeBotApi();

	static {
		telegram.answerGetMe(FakeBotApi.unauthorized());
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void telegramApi(DynamicPropertyRegistry registry) {
		registry.add("telegram.api-url", telegram::url);
	}

	@TestConfiguration
	static class FakeApiLifetime {

		@Bean(destroyMethod = "close")
		FakeBotApi fakeBotApi() {
			return telegram;
		}

	}

	@Test
	void theErrorIsClearAndTheWebChatStillAnswers(CapturedOutput output) throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("Telegram rejected TELEGRAM_BOT_TOKEN"));
		assertThat(output.getOut()).contains("401").contains("the web chat still runs");
		assertThat(output.getOut()).doesNotContain(FakeBotApi.TOKEN);
		HttpResponse<String> chat = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"s\",\"text\":\"what is CRS?\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chat.statusCode()).isEqualTo(200);
		assertThat(telegram.calls()).extracting(FakeBotApi.Call::method).containsOnly("getme");
	}

}
