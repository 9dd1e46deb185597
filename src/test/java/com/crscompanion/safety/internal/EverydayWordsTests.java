package com.crscompanion.safety.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Typo tolerance reads a long word one letter from a sign word as that sign ("siezure"), so a correctly spelt
 * everyday word one letter away alarms too: "the food is delicious" read as "delirious", "cooking" as "choking".
 * Checked against a whole English word list, so that a phrase added to a phrase file later cannot bring such a word
 * in unseen. A word that alarms on its own must be a sign word as written (with an inflection or a stem), a
 * misspelling of one listed below, or be listed under [BENIGN] in {@code en.txt}.
 */
class EverydayWordsTests {

	/**
	 * Rare words that families are likelier to type as a misspelling of the sign ("chocking", "jerkin'"): they are
	 * meant to alarm through typo tolerance. Not in the phrase files, where they would bring their own one-letter
	 * neighbours ("clocking", "jenkins") in with them.
	 */
	private static final Set<String> MISSPELLINGS_OF_SIGNS = Set.of("chocking", "jerkin", "jerkins", "contuse",
			"contused", "contusion", "confute", "confuted", "confuser");

	/** Debian's {@code wamerican} package; {@code .ci/run} installs it. */
	private static final Path WORD_LIST = Path.of("/usr/share/dict/american-english");

	@Test
	void noEnglishWordAlarmsOnlyThroughTypoTolerance() throws IOException {
		if (!Files.isReadable(WORD_LIST)) {
			String why = "No English word list at " + WORD_LIST + " (apt-get install wamerican)";
			if ("true".equals(System.getenv("CI"))) {
				fail(why);
			}
			abort(why);
		}
		Lexicon lexicon = Lexicon.load(Path.of("config/emergency"), List.of("en", "zh", "ru", "ar", "es", "fr"), "en");
		RuleBasedEmergencyGuard guard = new RuleBasedEmergencyGuard(lexicon);
		List<String> readAsTypos = new ArrayList<>();
		int checked = 0;
		for (String line : Files.readAllLines(WORD_LIST, StandardCharsets.UTF_8)) {
			String word = line.strip().toLowerCase(Locale.ROOT);
			if (word.length() < WordIndex.MIN_TYPO_LENGTH - 1 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
				continue; // shorter words get no typo tolerance; apostrophes and accents fold away anyway
			}
			checked++;
			if (guard.assess(word).emergency()) {
				TokenWords asWritten = new TokenWords(1);
				lexicon.words().lookupAsWritten(word.toCharArray(), 0, word.length(), asWritten);
				if (asWritten.size() == 0 && !MISSPELLINGS_OF_SIGNS.contains(word)) {
					readAsTypos.add(word);
				}
			}
		}

		assertThat(checked).as("words checked").isGreaterThan(50_000);
		assertThat(readAsTypos).as("everyday words that alarm only as a typo of a sign word: list them under "
				+ "[BENIGN] in config/emergency/en.txt, or add them as sign words if they are").isEmpty();
	}

}
