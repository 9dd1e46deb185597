package com.crscompanion.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard against the evaluation sets in src/test/resources/eval/safety: every emergency row must alarm, at most
 * 2% of benign rows and 10% of negated rows may. Prints per-language figures and the rows that fail. The system
 * property {@code eval.splits} (default "dev,heldout") limits the splits, so tuning can run on dev only.
 */
class EmergencyEvalSetTests {

	private static final double MAX_BENIGN_FALSE_ALARM_RATE = 0.02;

	private static final double MAX_NEGATED_FALSE_ALARM_RATE = 0.10;

	private final EmergencyGuard guard = TestGuards.GUARD;

	static Stream<String> splits() {
		return Arrays.stream(System.getProperty("eval.splits", "dev,heldout").split(",")).map(String::strip);
	}

	@ParameterizedTest(name = "emergency-{0}")
	@MethodSource("splits")
	void everyEmergencyAlarms(String split) throws IOException {
		Figures figures = assess("emergency-" + split + ".tsv", true);

		assertThat(figures.wrong).as("emergencies missed in " + split).isEmpty();
	}

	@ParameterizedTest(name = "benign-{0}")
	@MethodSource("splits")
	void benignMessagesRarelyAlarm(String split) throws IOException {
		Figures figures = assess("benign-" + split + ".tsv", false);

		assertThat(figures.rate()).as("benign false-alarm rate in " + split).isLessThanOrEqualTo(
				MAX_BENIGN_FALSE_ALARM_RATE);
	}

	@ParameterizedTest(name = "negated-{0}")
	@MethodSource("splits")
	void negatedMessagesRarelyAlarm(String split) throws IOException {
		Figures figures = assess("negated-" + split + ".tsv", false);

		assertThat(figures.rate()).as("negated false-alarm rate in " + split).isLessThanOrEqualTo(
				MAX_NEGATED_FALSE_ALARM_RATE);
	}

	/**
	 * The {@code -heldout-unseen} files: a blind set written by a helper that saw neither the phrase files nor any
	 * other row, kept out of all tuning and measured once, at first contact, after the phrase files of 2026-11-22:
	 * 107 of 140 reports caught, 5 of 90 benign and 15 of 40 negated messages alarmed. It gauges wordings the phrase
	 * files have never seen. The floors sit at that first contact, so a change cannot quietly lose ground on them,
	 * and the rows are counted, never listed.
	 */
	@Test
	void unseenWordingsLoseNoGround() throws IOException {
		losesNoGround("heldout-unseen", 33.0 / 140, 5.0 / 90, 15.0 / 40);
	}

	/**
	 * The {@code -heldout-unseen2} files: a second blind set (150 reports, 90 benign, 48 negated; six languages,
	 * more reports described by what the family sees than by a sign word), written the same way on 2026-11-22. At
	 * first contact 111 of 150 reports were caught, 11 of 90 benign and 10 of 48 negated messages alarmed. Its
	 * odd-numbered half's errors were read once, for faults in how words are matched rather than for phrases;
	 * nothing was added for a row. The floors sit at the figures after that session's phrase files (112, 10, 10).
	 */
	@Test
	void secondUnseenSetLosesNoGround() throws IOException {
		losesNoGround("heldout-unseen2", 38.0 / 150, 10.0 / 90, 10.0 / 48);
	}

	/** A never-tuned set's rates of missed reports and of benign and negated messages alarmed stay at most its floors. */
	private void losesNoGround(String part, double missed, double benignAlarmed, double negatedAlarmed)
			throws IOException {
		assertThat(assess("emergency-" + part + ".tsv", true, false).rate()).as("reports missed in " + part)
			.isLessThanOrEqualTo(missed);
		assertThat(assess("benign-" + part + ".tsv", false, false).rate()).as("benign false alarms in " + part)
			.isLessThanOrEqualTo(benignAlarmed);
		assertThat(assess("negated-" + part + ".tsv", false, false).rate()).as("negated false alarms in " + part)
			.isLessThanOrEqualTo(negatedAlarmed);
	}

	private Figures assess(String file, boolean shouldAlarm) throws IOException {
		return assess(file, shouldAlarm, true);
	}

	/**
	 * Counts rows whose verdict is wrong: no alarm where {@code shouldAlarm}, an alarm where not; prints them only
	 * when {@code listWrong}.
	 */
	private Figures assess(String file, boolean shouldAlarm, boolean listWrong) throws IOException {
		List<Row> rows = read("/eval/safety/" + file);
		Figures figures = new Figures(rows.size());
		for (Row row : rows) {
			EmergencyVerdict verdict = this.guard.assess(row.text());
			boolean wrong = verdict.emergency() != shouldAlarm;
			figures.perLanguage.computeIfAbsent(row.language(), l -> new int[2])[0]++;
			if (wrong) {
				figures.perLanguage.get(row.language())[1]++;
				figures.wrong.add(row.id() + " [" + row.language() + "] " + row.text() + "  -> "
						+ verdict.matches().stream().map(m -> m.sign() + ":" + m.matchedText()
								+ (m.negated() ? "(negated)" : "")).toList());
			}
		}
		StringBuilder report = new StringBuilder(String.format("%n%s: %d rows, %s %d (%.1f%%)%n", file, rows.size(),
				shouldAlarm ? "missed" : "false alarms", figures.wrong.size(), 100 * figures.rate()));
		figures.perLanguage.forEach((language, counts) -> report.append(String.format("  %s: %d/%d %s (%.1f%%)%n",
				language, counts[1], counts[0], shouldAlarm ? "missed" : "false alarms", 100.0 * counts[1] / counts[0])));
		if (listWrong) {
			figures.wrong.forEach(line -> report.append("  ").append(shouldAlarm ? "MISSED " : "FALSE ALARM ")
				.append(line).append(System.lineSeparator()));
		}
		System.out.print(report);
		return figures;
	}

	private static List<Row> read(String resource) throws IOException {
		try (InputStream in = EmergencyEvalSetTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource + " on the test classpath").isNotNull();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String> header = List.of(reader.readLine().split("\t"));
			int id = header.indexOf("id");
			int lang = header.indexOf("lang");
			int text = header.indexOf("text");
			List<Row> rows = new ArrayList<>();
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					String[] fields = line.split("\t", -1);
					rows.add(new Row(fields[id], fields[lang], fields[text]));
				}
			}
			assertThat(rows).as(resource).isNotEmpty();
			return rows;
		}
	}

	private record Row(String id, String language, String text) {
	}

	private static final class Figures {

		private final int rows;

		private final List<String> wrong = new ArrayList<>();

		/** Per language: rows, wrong verdicts. */
		private final Map<String, int[]> perLanguage = new TreeMap<>();

		Figures(int rows) {
			this.rows = rows;
		}

		double rate() {
			return (double) this.wrong.size() / this.rows;
		}

	}

}
