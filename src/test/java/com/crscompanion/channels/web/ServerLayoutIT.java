package com.crscompanion.channels.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server layout that {@code package} makes on JDK 25+ ({@code target/server}: the unpacked jar and its AOT cache),
 * started as README tells an operator to: the JDK takes the cache without a complaint and the web chat answers. A
 * cache that no longer matches the build would only cost start-up time, silently, so this is where it shows.
 */
class ServerLayoutIT {

	private static final Path SERVER = Path.of("target", "server");

	private static final Path LOG = Path.of("target", "server-layout-it.log");

	private static final Path DATA_DIR = Path.of("target", "server-layout-it-data");

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static Process app;

	private static int port;

	@BeforeAll
	static void startTheServerLayout() throws IOException {
		// on JDK 21–24 the build makes no server layout (the pom's server-aot-cache profile); .ci/run picks JDK 25+
		assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25+");
		assertThat(SERVER.resolve("crs-companion.aot")).as("run 'package' first").exists();
		String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// its own embedded database, whatever database the environment names
		ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:AOTCache=" + SERVER.resolve("crs-companion.aot"), "-jar",
				SERVER.resolve("crs-companion.jar").toString(), "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:server-layout-it;DB_CLOSE_DELAY=-1",
				"--spring.datasource.driver-class-name=org.h2.Driver", "--spring.datasource.username=sa",
				"--spring.datasource.password=")
			.redirectErrorStream(true)
			.redirectOutput(LOG.toFile());
		builder.environment().remove("TELEGRAM_BOT_TOKEN");
		builder.environment().put("CRS_DATA_DIR", DATA_DIR.toString());
		app = builder.start();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
			assertThat(app.isAlive()).as("the app exited; see %s:%n%s", LOG, log()).isTrue();
			Matcher started = PORT.matcher(log());
			if (started.find()) {
				port = Integer.parseInt(started.group(1));
			}
			return port > 0;
		});
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (app != null && app.isAlive()) {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	@Test
	void startsOnItsAotCacheAndAnswersTheWebChat() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"sessionId\": \"layout\", \"text\": \"will the IL-6 drug stop the CAR-T working?\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"kind\":\"answer\"")
			.containsIgnoringCase("tocilizumab")
			.contains("This guide is for patient and family education only");
		// the JDK says "[error][aot] ... Unable to map shared spaces" (and carries on without it) for a stale cache
		assertThat(log()).doesNotContain("[aot]");
	}

	private static String log() throws IOException {
		return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
	}

}
