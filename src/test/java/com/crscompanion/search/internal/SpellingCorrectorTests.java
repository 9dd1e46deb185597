package com.crscompanion.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SpellingCorrectorTests {

	private static final List<String> ONE_EDIT_FROM_PLINT = List.of("print", "point", "plink", "plant");

	@Test
	void aTypoEquallyCloseToSeveralWordsGoesToTheMostFrequent() {
		Map<String, Integer> frequencies = new LinkedHashMap<>();
		ONE_EDIT_FROM_PLINT.forEach(word -> frequencies.put(word, 1));
		frequencies.put("point", 7);

		assertThat(new SpellingCorrector(frequencies, Set::of, 5).correct("plint")).isEqualTo("point");
	}

	@Test
	void aTieOfEquallyFrequentWordsIsDecidedTheSameWayWhateverOrderTheVocabularyCameIn() {
		for (int rotation = 0; rotation < ONE_EDIT_FROM_PLINT.size(); rotation++) {
			Map<String, Integer> frequencies = new LinkedHashMap<>();
			for (int i = 0; i < ONE_EDIT_FROM_PLINT.size(); i++) {
				frequencies.put(ONE_EDIT_FROM_PLINT.get((i + rotation) % ONE_EDIT_FROM_PLINT.size()), 3);
			}

			assertThat(new SpellingCorrector(frequencies, Set::of, 5).correct("plint")).as("rotation %d", rotation)
				.isEqualTo("plant");
		}
	}

	@Test
	void knownRealAndShortWordsAreLeftAlone() {
		SpellingCorrector speller = new SpellingCorrector(Map.of("fever", 4, "plant", 1), () -> Set.of("plane"), 5);

		assertThat(speller.correct("fever")).isNull();
		assertThat(speller.correct("plane")).as("an English word, not a typo").isNull();
		assertThat(speller.correct("feve")).as("shorter than the minimum").isNull();
		assertThat(speller.correct("fevre")).isEqualTo("fever");
	}

}
