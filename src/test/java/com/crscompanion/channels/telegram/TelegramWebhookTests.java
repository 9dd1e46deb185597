package com.crscompanion.channels.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole application in webhook mode: Telegram (the fake Bot API) is told the URL and calls the app over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "telegram.bot-token=" + FakeBotApi.TOKEN,
				"telegram.webhook-url=https://crs.example.org/telegram/webhook",
				"telegram.webhook-secret=" + TelegramWebhookTests.SECRET, "telegram.delivery.retry-initial=50ms",
				"telegram.delivery.retry-max=200ms" })
@DirtiesContext
class TelegramWebhookTests {

	static final String SECRET = "webhook-secret_42";

	static final FakeBotApi telegram = new FakeBotApi();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TelegramTexts texts;

	@Autowired
	BotIdentity bot;

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
	void startUpSetsTheWebhookWithItsSecretAndNeverPolls() {
		await().atMost(WAIT).until(() -> !telegram.calls("setwebhook").isEmpty());
		String form = telegram.calls("setwebhook").get(0).body();
		assertThat(form).contains("https://crs.example.org/telegram/webhook").contains(SECRET).contains("callback_query");
		assertThat(telegram.calls("getupdates")).isEmpty();
		assertThat(telegram.calls("deletewebhook")).isEmpty();
	}

	@Test
	void aWrongOrMissingSecretIsRefused() throws Exception {
		String update = withId(900, Updates.text(2001, "what is CRS?"));
		assertThat(post(update, "not-the-secret").statusCode()).isEqualTo(401);
		assertThat(post(update, null).statusCode()).isEqualTo(401);
		assertThat(telegram.deliveredTo(2001)).isEmpty();
	}

	@Test
	void anUpdateIsAnsweredOnceEvenWhenTelegramSendsItAgain() throws Exception {
		await().atMost(WAIT).until(this.bot::ready);
		String update = withId(901, Updates.text(2002, "will the IL-6 drug stop the CAR-T working?"));
		assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
		assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
		await().atMost(WAIT).until(() -> !telegram.deliveredTo(2002).isEmpty());
		String other = withId(902, Updates.text(2002, "hello"));
		assertThat(post(other, SECRET).statusCode()).isEqualTo(200);
		await().atMost(WAIT).until(() -> telegram.deliveredTo(2002).size() >= 2);
		assertThat(telegram.deliveredTo(2002).get(0).get("text").asText()).contains(this.texts.sourcePrefix());
		assertThat(telegram.deliveredTo(2002)).hasSize(2);
	}

	@Test
	void aStickerGetsTheTextOnlyReply() throws Exception {
		await().atMost(WAIT).until(this.bot::ready);
		assertThat(post(withId(903, Updates.sticker(2003)), SECRET).statusCode()).isEqualTo(200);
		await().atMost(WAIT).until(() -> !telegram.deliveredTo(2003).isEmpty());
		assertThat(telegram.deliveredTo(2003).get(0).get("text").asText())
			.isEqualTo(ReplyFormatter.escape(this.texts.textOnly()));
	}

	@Test
	void aBodyThatIsNoUpdateIsABadRequest() throws Exception {
		await().atMost(WAIT).until(this.bot::ready);
		assertThat(post("{not json", SECRET).statusCode()).isEqualTo(400);
		assertThat(post("{\"message\":{}}", SECRET).statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> post(String body, String secret) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + TelegramWebhookController.PATH))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (secret != null) {
			request.header(TelegramWebhookController.SECRET_HEADER, secret);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String withId(int updateId, String update) {
		return "{\"update_id\":" + updateId + "," + update.substring(1);
	}

}
