package com.crscompanion.safety.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Typo tolerance reads a long word one letter from a sign word as that sign ("siezure"), so a correctly spelt
 * everyday word one letter away alarms too: "the food is delicious" read as "delirious", "cooking" as "choking",
 * French "patates" as Spanish "patatus" (a faint). Checked against whole English, French and Spanish word lists, so
 * that a phrase added to a phrase file later cannot bring such a word in unseen. A word that alarms on its own must
 * be a sign word as written (with an inflection or a stem), a reviewed form or likely slip of one, or be listed
 * under [BENIGN].
 */
class EverydayWordsTests {

	/**
	 * Rare words that families are likelier to type as a misspelling of the sign ("chocking", "jerkin'"): they are
	 * meant to alarm through typo tolerance. Not in the phrase files, where they would bring their own one-letter
	 * neighbours ("clocking", "jenkins") in with them.
	 */
	private static final Set<String> MISSPELLINGS_OF_SIGNS = Set.of("chocking", "jerkin", "jerkins", "contuse",
			"contused", "contusion", "confute", "confuted", "confuser");

	private static Lexicon lexicon;

	private static RuleBasedEmergencyGuard guard;

	@BeforeAll
	static void loadGuard() {
		lexicon = Lexicon.load(Path.of("config/emergency"), List.of("en", "zh", "ru", "ar", "es", "fr"), "en");
		guard = new RuleBasedEmergencyGuard(lexicon);
	}

	/** Debian's {@code wamerican} package; {@code .ci/run} installs it. */
	@Test
	void noEnglishWordAlarmsOnlyThroughTypoTolerance() {
		List<String> readAsTypos = alarmingOnlyAsTypos(Path.of("/usr/share/dict/american-english"), "wamerican",
				// apostrophes and accents fold away anyway
				word -> word.chars().allMatch(c -> c >= 'a' && c <= 'z'), MISSPELLINGS_OF_SIGNS);
		assertThat(readAsTypos).as("everyday words that alarm only as a typo of a sign word: list them under "
				+ "[BENIGN] in config/emergency/en.txt, or add them as sign words if they are").isEmpty();
	}

	/**
	 * Debian's {@code wfrench} and {@code wspanish} packages; {@code .ci/run} installs them. Their words carry accents,
	 * which the guard folds away like the phrase files' own.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "French, /usr/share/dict/french, wfrench, fr", "Spanish, /usr/share/dict/spanish, wspanish, es" })
	void noWordAlarmsOnlyThroughTypoTolerance(String language, Path wordList, String debianPackage, String code) {
		List<String> readAsTypos = alarmingOnlyAsTypos(wordList, debianPackage, EverydayWordsTests::oneWord,
				reviewed("typo-alarms-" + code + ".txt"));
		assertThat(readAsTypos).as(language + " words that alarm only as a typo of a sign word: list everyday ones "
				+ "under [BENIGN] in config/emergency/" + code + ".txt; review forms and likely slips of a sign word "
				+ "into src/test/resources/safety/typo-alarms-" + code + ".txt").isEmpty();
	}

	/** The checked words that alarm, match no phrase word as written, and are not in {@code meantToAlarm}. */
	private static List<String> alarmingOnlyAsTypos(Path wordList, String debianPackage,
			Predicate<String> checkable, Set<String> meantToAlarm) {
		if (!Files.isReadable(wordList)) {
			String why = "No word list at " + wordList + " (apt-get install " + debianPackage + ")";
			if ("true".equals(System.getenv("CI"))) {
				fail(why);
			}
			abort(why);
		}
		MessageBuffers buffers = new MessageBuffers.Pool(1).take();
		List<String> readAsTypos = new ArrayList<>();
		int checked = 0;
		for (String line : read(wordList)) {
			String word = line.strip().toLowerCase(Locale.ROOT);
			// shorter words get no typo tolerance
			if (word.length() < WordIndex.MIN_TYPO_LENGTH - 1 || !checkable.test(word)) {
				continue;
			}
			checked++;
			if (guard.assess(word).emergency() && !meantToAlarm.contains(word)) {
				NormalizedText folded = buffers.fold(word);
				TokenWords asWritten = new TokenWords(1);
				lexicon.words().lookupAsWritten(folded.chars(), 0, folded.length(), asWritten);
				if (asWritten.size() == 0) {
					readAsTypos.add(word);
				}
			}
		}
		assertThat(checked).as("words checked in " + wordList).isGreaterThan(50_000);
		return readAsTypos;
	}

	/** A single word: the guard reads "black-out" or "aujourd'hui" as two. */
	private static boolean oneWord(String word) {
		return word.chars().allMatch(Character::isLetter);
	}

	private static List<String> read(Path wordList) {
		try {
			return Files.readAllLines(wordList, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> reviewed(String resource) {
		try (InputStream in = EverydayWordsTests.class.getResourceAsStream("/safety/" + resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
