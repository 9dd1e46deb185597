package com.crscompanion.channels.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built jar on its embedded H2 file database, killed (SIGKILL) in the middle of a handoff and started again:
 * the coordinator's answer that was still in the outbox reaches the family, the family's next message still lands
 * under the card, and Resolve still works. Run by failsafe after {@code package}.
 */
class HandoffRestartIT {

	private static final Path JAR = Path.of("target", "crs-companion.jar");

	private static final Path LOG = Path.of("target", "handoff-restart-it.log");

	private static final long GROUP = -100333;

	private static final long FAMILY = 4001;

	private static final Duration START_UP = Duration.ofSeconds(90);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static FakeBotApi telegram;

	private static Path database;

	private static Process app;

	@BeforeAll
	static void prepare() throws IOException {
		assertThat(JAR).as("run 'package' first").exists();
		telegram = new FakeBotApi();
		database = Files.createTempDirectory("crs-restart-it");
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null && app.isAlive()) {
			app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		if (telegram != null) {
			telegram.close();
		}
	}

	@Test
	void killingTheAppMidHandoffLosesNothing() throws Exception {
		start();
		telegram.offer(Updates.command(FAMILY, "/human"));
		FakeBotApi.Sent card = await().atMost(WAIT)
			.until(() -> telegram.sentTo(GROUP), cards -> !cards.isEmpty())
			.get(0);
		assertThat(card.text()).contains("Family asks for a coordinator");
		// the card and the family's acknowledgement leave the outbox independently: wait for both before counting
		await().atMost(WAIT)
			.until(() -> telegram.sentTo(FAMILY).stream().anyMatch(s -> s.text().contains("asked a coordinator")));
		int familyMessagesBefore = telegram.sentTo(FAMILY).size();

		// Telegram is failing when the coordinator answers: the answer waits in the outbox, and the app is killed
		telegram.failNextSends(serverErrors(200));
		telegram.offer(Updates.coordinatorReply(GROUP, card.messageId(), 77, "Anna", "Hello, this is Anna."));
		await().atMost(WAIT).until(() -> telegram.calls("sendmessage")
			.stream()
			.anyMatch(c -> c.status() == 500 && c.json().get("chat_id").asLong() == FAMILY));
		app.destroyForcibly();
		assertThat(app.waitFor(20, TimeUnit.SECONDS)).isTrue();
		telegram.clearFaults();

		start();
		await().atMost(WAIT.plusSeconds(15)).until(() -> telegram.sentTo(FAMILY).size() > familyMessagesBefore);
		assertThat(telegram.sentTo(FAMILY).get(familyMessagesBefore).text())
			.isEqualTo("<b>Coordinator Anna</b>\nHello, this is Anna.");

		// the handoff and its links survived: the family's words go under the card, Resolve works
		telegram.offer(Updates.text(FAMILY, "thank you, he is sleeping now"));
		FakeBotApi.Sent relayed = await().atMost(WAIT)
			.until(() -> telegram.sentTo(GROUP).stream().filter(s -> s.text().contains("he is sleeping now")).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(relayed.request().get("reply_parameters").get("message_id").asInt()).isEqualTo(card.messageId());
		telegram.offer(Updates.coordinatorButton(GROUP, card.messageId(), 77, "Anna", "hr:1"));
		await().atMost(WAIT).until(() -> telegram.sentTo(FAMILY)
			.stream()
			.anyMatch(s -> s.text().contains("you are back with the CRS assistant")));
		assertThat(telegram.sentTo(FAMILY)).filteredOn(s -> s.text().contains("Hello, this is Anna.")).hasSize(1);
	}

	private static okhttp3.mockwebserver.MockResponse[] serverErrors(int count) {
		List<okhttp3.mockwebserver.MockResponse> errors = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			errors.add(FakeBotApi.serverError());
		}
		return errors.toArray(okhttp3.mockwebserver.MockResponse[]::new);
	}

	private static void start() throws IOException {
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString(), "--server.port=0",
				"--telegram.coordinator-chat-id=" + GROUP, "--telegram.polling.timeout=2s", "--telegram.delivery.retry-initial=200ms",
				"--telegram.delivery.retry-max=500ms",
				// a send in flight when the app is killed keeps its outbox lease (timeouts + 10 s) before the
				// restarted app may send it again: short timeouts keep that wait short
				"--telegram.http.connect-timeout=1s", "--telegram.http.read-timeout=2s"));
		// coordinators at work all week, whatever day the test runs
		for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
			command.add("--crs.office-hours.weekly." + day + "=00:00-24:00");
		}
		command.add("--crs.office-hours.holidays=");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
		builder.environment().put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
		builder.environment().put("TELEGRAM_API_URL", telegram.url());
		builder.environment().put("CRS_DATA_DIR", database.toString());
		builder.environment().remove("TELEGRAM_WEBHOOK_URL");
		int pollsBefore = telegram.calls("getupdates").size();
		app = builder.start();
		await().atMost(START_UP).pollInterval(Duration.ofMillis(200)).until(() -> {
			assertThat(app.isAlive()).as("the app exited; see %s:%n%s", LOG, log()).isTrue();
			return telegram.calls("getupdates").size() > pollsBefore;
		});
	}

	private static String log() throws IOException {
		return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
	}

}
