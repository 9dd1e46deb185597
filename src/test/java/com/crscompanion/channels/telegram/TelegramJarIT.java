package com.crscompanion.channels.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built jar, as an operator runs it ({@code java -jar target/crs-companion.jar} with {@code TELEGRAM_BOT_TOKEN}
 * and {@code TELEGRAM_API_URL} set), against a fake Bot API on 127.0.0.1: it answers a family's question, routes an
 * emergency first (the real emergency guard), survives 429 and 500 faults with every reply delivered once, and on
 * SIGTERM delivers what is still queued before it stops. Run by failsafe after {@code package}.
 */
class TelegramJarIT {

	private static final Path JAR = Path.of("target", "crs-companion.jar");

	private static final Path LOG = Path.of("target", "telegram-jar-it.log");

	private static final Duration START_UP = Duration.ofSeconds(90);

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static FakeBotApi telegram;

	private static Process app;

	@BeforeAll
	static void startTheJar() throws IOException {
		assertThat(JAR).as("run 'package' first").exists();
		telegram = new FakeBotApi();
		String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "--server.port=0")
			.redirectErrorStream(true)
			.redirectOutput(LOG.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
		environment.put("TELEGRAM_API_URL", telegram.url());
		environment.remove("TELEGRAM_WEBHOOK_URL");
		// its own database file, not the working directory's ./data
		environment.put("CRS_DATA_DIR", Files.createTempDirectory("crs-jar-it").toString());
		app = builder.start();
		await().atMost(START_UP).pollInterval(Duration.ofMillis(200)).until(() -> {
			assertThat(app.isAlive()).as("the app exited; see %s:%n%s", LOG, log()).isTrue();
			return telegram.polled();
		});
	}

	@AfterAll
	static void stop() throws IOException, InterruptedException {
		if (app != null && app.isAlive()) {
			app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		if (telegram != null) {
			telegram.close();
		}
	}

	@Test
	void answersRoutesEmergenciesFirstSurvivesFaultsAndDrainsOnShutdown() throws Exception {
		telegram.offer(Updates.text(3001, "will the IL-6 drug stop the CAR-T working?"));
		JsonNode answer = awaitReplies(3001, 1).get(0);
		assertThat(answer.get("text").asText()).contains("<i>From the CRS family guide: ")
			.contains("This guide is for patient and family education only");

		telegram.offer(Updates.text(3002, "HIS FEVER IS 40 PLEASE HELP how long does CRS last?"));
		assertThat(awaitReplies(3002, 1).get(0).get("text").asText()).startsWith("<b>Contact the ward immediately.");

		telegram.failNextSends(FakeBotApi.tooManyRequests(1), FakeBotApi.serverError(), FakeBotApi.serverError());
		List<Long> chats = List.of(3101L, 3102L, 3103L);
		for (long chat : chats) {
			telegram.offer(Updates.text(chat, "how is CRS treated?"));
		}
		for (long chat : chats) {
			awaitReplies(chat, 1);
		}

		// a reply still waiting out a 429 when SIGTERM comes is delivered before the app exits
		telegram.failNextSends(FakeBotApi.tooManyRequests(2));
		telegram.offer(Updates.text(3201, "what is CRS?"));
		await().atMost(WAIT).until(() -> telegram.calls("sendmessage")
			.stream()
			.anyMatch(c -> c.status() == 429 && c.json().get("chat_id").asLong() == 3201));
		app.destroy();
		assertThat(app.waitFor(40, TimeUnit.SECONDS)).as("stopped within the shutdown timeout").isTrue();
		for (long chat : List.of(3101L, 3102L, 3103L, 3201L)) {
			assertThat(telegram.deliveredTo(chat)).as("chat %d got its answer exactly once", chat).hasSize(1);
		}
		assertThat(log()).contains("Telegram channel is on: @" + FakeBotApi.BOT_USERNAME)
			.contains("Telegram channel stopped")
			.doesNotContain(FakeBotApi.TOKEN)
			.doesNotContain("will the IL-6 drug");
	}

	private static List<JsonNode> awaitReplies(long chatId, int count) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> telegram.deliveredTo(chatId).size() >= count);
		return telegram.deliveredTo(chatId);
	}

	private static String log() throws IOException {
		return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
	}

}
