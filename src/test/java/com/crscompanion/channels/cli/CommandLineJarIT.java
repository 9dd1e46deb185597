package com.crscompanion.channels.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ask} run from the built jar as an editor runs it on a server: it prints the replies, and leaves the app's
 * database alone, so a test question about a fever never becomes an urgent handoff for the coordinators. Run by
 * failsafe after {@code package}.
 */
class CommandLineJarIT {

	private static final Path JAR = Path.of("target", "crs-companion.jar");

	@Test
	void askPrintsTheEmergencyMessageFirstAndWritesNothingToTheAppsDatabase() throws Exception {
		assertThat(JAR).as("run 'package' first").exists();
		Path dataDir = Files.createTempDirectory("crs-cli-it");
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "ask",
				"my dad has a temp of 39.2, is that CRS?")
			.redirectErrorStream(true);
		builder.environment().put("CRS_DATA_DIR", dataDir.toString());
		Process tool = builder.start();
		String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(tool.waitFor(90, TimeUnit.SECONDS)).isTrue();

		assertThat(tool.exitValue()).as(output).isZero();
		// warnings for the operator may come first; the replies are the lines tagged with their kind
		assertThat(output.lines().filter(line -> line.matches("\\[[a-z]+\\].*")).findFirst()).contains("[emergency]");
		assertThat(output).contains("Contact the ward immediately");
		assertThat(databaseFiles(dataDir)).as("the app's database in %s", dataDir).isEmpty();
	}

	private static java.util.List<Path> databaseFiles(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

}
