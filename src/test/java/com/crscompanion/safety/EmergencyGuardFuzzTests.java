package com.crscompanion.safety;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link EmergencyGuard#assess}. A plain {@code mvn test} replays the seed inputs in
 * src/test/resources/com/crscompanion/safety/EmergencyGuardFuzzTestsInputs; {@code JAZZER_FUZZ=1} makes Jazzer
 * generate new inputs for up to {@code maxDuration} (see README of the safety module in the report).
 */
class EmergencyGuardFuzzTests {

	/** Loose bounds that only super-linear behaviour breaks, even with Jazzer's instrumentation slowing things. */
	private static final long FIXED_BUDGET_NANOS = 200_000_000L;

	private static final long BUDGET_NANOS_PER_CHAR = 20_000L;

	private final EmergencyGuard guard = TestGuards.GUARD;

	@FuzzTest(maxDuration = "60s")
	void assessesAnyText(FuzzedDataProvider data) {
		int repetitions = data.consumeInt(1, 64);
		String text = data.consumeRemainingAsString().repeat(repetitions);

		long start = System.nanoTime();
		EmergencyVerdict verdict = this.guard.assess(text);
		long elapsed = System.nanoTime() - start;

		assertThat(verdict).isNotNull();
		assertThat(verdict.language()).isIn(TestGuards.LANGUAGES);
		// the guard's fail-safe for an internal error is an alarm without matches: it must never be reached
		assertThat(!verdict.emergency() || !verdict.matches().isEmpty()).as("fail-safe verdict").isTrue();
		for (SignMatch match : verdict.matches()) {
			assertThat(match.start()).isBetween(0, match.end());
			assertThat(match.end()).isLessThanOrEqualTo(text.length());
			assertThat(text.substring(match.start(), match.end())).isEqualTo(match.matchedText());
		}
		assertThat(elapsed).as("time for %d chars", text.length())
			.isLessThan(FIXED_BUDGET_NANOS + BUDGET_NANOS_PER_CHAR * text.length());
	}

}
