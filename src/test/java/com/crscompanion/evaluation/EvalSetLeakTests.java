package com.crscompanion.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation measures how the bot copes with words it has not been given. An also-asked phrasing that copies
 * an evaluation question answers that one row and flatters the figures (18 such lines were found and removed), so
 * none may come back.
 */
class EvalSetLeakTests {

	private static final Path ALSO_ASKED = Path.of("index-data", "also-asked");

	private static final Path QUESTIONS = Path.of("src", "test", "resources", "eval", "retrieval");

	/**
	 * Phrasings that were in index-data before the blind questions (questions-heldout-blind.tsv, questions-heldout-blind2.tsv
	 * and the dev rows d2-…) were written: their writers never saw them and used the same everyday words. A
	 * coincidence, not a copy; any other line that matches one of those questions is a copy.
	 */
	private static final Set<String> OLDER_THAN_THE_BLIND_QUESTIONS = Set.of("- what temperature counts as a crs fever",
			"- what changes should i tell the nurse about", "- can crs make your heart pound", "- grade 3 icu",
			"- what is cytokine release syndrome in simple words", "- what is icans",
			// matched by questions-heldout-blind2.tsv (g-…)
			"- how soon after the car-t infusion does crs start", "- what is anakinra", "- what is grade 4 crs");

	/** Share of shared words (Jaccard) from which a phrasing counts as a copy. */
	private static final double COPY = 0.7;

	@Test
	void noAlsoAskedPhrasingCopiesAnEvaluationQuestion() throws IOException {
		List<Set<String>> questions = new ArrayList<>();
		try (Stream<Path> files = Files.list(QUESTIONS)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("questions-")).toList()) {
				Files.readAllLines(file, StandardCharsets.UTF_8)
					.stream()
					.skip(1)
					.map(line -> line.split("\t"))
					.filter(columns -> columns.length > 2)
					.forEach(columns -> questions.add(words(columns[2])));
			}
		}
		assertThat(questions).hasSizeGreaterThan(150);
		List<String> copies = new ArrayList<>();
		try (Stream<Path> files = Files.list(ALSO_ASKED)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					String phrasing = line.strip();
					if (phrasing.startsWith("- ") && !OLDER_THAN_THE_BLIND_QUESTIONS.contains(phrasing) && questions.stream().anyMatch(q -> similar(q, words(phrasing.substring(2))))) {
						copies.add(file.getFileName() + ": " + phrasing);
					}
				}
			}
		}
		assertThat(copies).as("also-asked lines that copy an evaluation question").isEmpty();
	}

	private static Set<String> words(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").split(" +"))
			.filter(w -> !w.isEmpty())
			.collect(Collectors.toSet());
	}

	private static boolean similar(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return false;
		}
		Set<String> shared = new HashSet<>(a);
		shared.retainAll(b);
		Set<String> all = new HashSet<>(a);
		all.addAll(b);
		return (double) shared.size() / all.size() >= COPY;
	}

}
