package com.crscompanion.safety.internal;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTests {

	/** Characters that fold one to one, to nothing, to several, or come in surrogate pairs. */
	private static final String[] PIECES = { "a", "B", "é", "Ö", " ", ".", "\n", "\r", "'", "’", "\u00AD", "\u200B",
			"ـ", "ﬁ", "℃", "Ａ", "３", "٣", "ى", "ة", "发", "烧", "ж", "Й", "😀", "\uD83D", "\uDE00", "\t", "º", "e\u0301" };

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Can't BREATHE   | cant breathe
			ﬁt              | fit
			Ｔｅｍｐ ３９℃     | temp 39°c
			é               | e
			a😀b            | a b
			""")
	void foldsCaseAccentsApostrophesAndCompatibilityForms(String original, String folded) {
		assertThat(TextNormalizer.foldPhrase(original)).isEqualTo(folded);
	}

	@Test
	void mapsEveryFoldedCharacterBackToTheOriginalCharactersItCameFrom() {
		Random random = new Random(7);
		for (int sample = 0; sample < 2_000; sample++) {
			StringBuilder original = new StringBuilder();
			int pieces = random.nextInt(40);
			for (int p = 0; p < pieces; p++) {
				original.append(PIECES[random.nextInt(PIECES.length)]);
			}
			assertMapsBack(original.toString());
		}
	}

	/**
	 * The folded text splits into groups of characters that share one original range; the ranges follow each
	 * other in order, each group is what its range folds to, and whatever lies between the ranges folds to
	 * nothing.
	 */
	private static void assertMapsBack(String original) {
		NormalizedText text = TextNormalizer.normalize(original);
		StringBuilder rebuilt = new StringBuilder();
		int covered = 0;
		int k = 0;
		while (k < text.length()) {
			int start = text.originalStart(k);
			int end = text.originalEnd(k + 1);
			int groupEnd = k + 1;
			while (groupEnd < text.length() && text.originalStart(groupEnd) == start) {
				assertThat(text.originalEnd(groupEnd + 1)).as("%s at %d", original, groupEnd).isEqualTo(end);
				groupEnd++;
			}
			assertThat(start).as("%s at %d", original, k).isGreaterThanOrEqualTo(covered).isLessThan(end);
			assertThat(end).isLessThanOrEqualTo(original.length());
			assertThat(TextNormalizer.foldPhrase(original.substring(covered, start))).as("dropped in %s", original)
				.isEmpty();
			assertThat(text.slice(k, groupEnd)).as("%s at %d", original, k)
				.isEqualTo(TextNormalizer.foldPhrase(original.substring(start, end)));
			rebuilt.append(text.slice(k, groupEnd));
			covered = end;
			k = groupEnd;
		}
		assertThat(TextNormalizer.foldPhrase(original.substring(covered))).isEmpty();
		assertThat(rebuilt.toString()).isEqualTo(TextNormalizer.foldPhrase(original));
	}

}
