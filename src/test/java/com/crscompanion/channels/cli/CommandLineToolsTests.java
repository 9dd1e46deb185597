package com.crscompanion.channels.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hash-password}, fed on standard input as a script or a pipe would (no terminal in a test run). */
class CommandLineToolsTests {

	private final InputStream stdin = System.in;

	private final PrintStream stdout = System.out;

	@AfterEach
	void restoreStandardStreams() {
		System.setIn(this.stdin);
		System.setOut(this.stdout);
	}

	@Test
	void hashPasswordPrintsABcryptHashTheConsoleAcceptsForThatPassword() {
		Result result = hashPassword("pässword with spaces\nnext line is not read\n");
		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).startsWith("{bcrypt}$2a$10$").doesNotContain("pässword");
		assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
			.matches("pässword with spaces", result.output())).isTrue();
	}

	@Test
	void hashPasswordRefusesAnEmptyPassword() {
		Result result = hashPassword("\n");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).isEmpty();
	}

	@Test
	void settingsOnTheCommandLineAreForSpringNotTheCommand() {
		assertThat(CommandLineTools.commandWords("eval", "--crs.search.confidence-floor=0.46", "--misses"))
			.containsExactly("eval", "--misses");
		assertThat(CommandLineTools.commandWords("ask", "is", "fever", "normal?", "--logging.level.root=debug"))
			.containsExactly("ask", "is", "fever", "normal?");
	}

	private Result hashPassword(String input) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		// the other tools' services are not needed to hash a password
		CommandLineTools tools = new CommandLineTools(null, null, null, null);
		tools.run(new DefaultApplicationArguments("hash-password"));
		return new Result(out.toString(StandardCharsets.UTF_8).strip(), tools.getExitCode());
	}

	private record Result(String output, int exitCode) {
	}

}
