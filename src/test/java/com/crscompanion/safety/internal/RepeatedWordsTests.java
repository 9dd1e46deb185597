package com.crscompanion.safety.internal;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RepeatedWords} may forget a repeat but must never give a token spelt differently. */
class RepeatedWordsTests {

	@Test
	void givesOnlyEarlierTokensSpeltTheSame() {
		Random random = new Random(7);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 5_000; i++) {
			int length = 1 + random.nextInt(6);
			for (int k = 0; k < length; k++) {
				text.append("abcdeфыва".charAt(random.nextInt(random.nextBoolean() ? 3 : 9)));
			}
			text.append(random.nextInt(10) == 0 ? ", " : " ");
		}
		Tokens tokens = Tokens.of(TextNormalizer.normalize(text.toString()));
		RepeatedWords repeated = new RepeatedWords(tokens);
		int found = 0;
		for (int t = 0; t < tokens.count(); t++) {
			if (tokens.type(t) != Tokens.WORD) {
				continue;
			}
			int earlier = repeated.earlierOccurrence(t);
			if (earlier >= 0) {
				found++;
				assertThat(earlier).isLessThan(t);
				assertThat(spelling(tokens, earlier)).isEqualTo(spelling(tokens, t));
			}
		}
		assertThat(found).as("repeats found").isGreaterThan(1_000);
	}

	@Test
	void findsAWordRepeatedRightAfterItself() {
		Tokens tokens = Tokens.of(TextNormalizer.normalize("fever fever, feverr fever and fever"));
		RepeatedWords repeated = new RepeatedWords(tokens);
		assertThat(repeated.earlierOccurrence(0)).isEqualTo(-1);
		assertThat(repeated.earlierOccurrence(1)).isEqualTo(0);
		assertThat(repeated.earlierOccurrence(2)).isEqualTo(-1); // the comma
		assertThat(repeated.earlierOccurrence(3)).isEqualTo(-1); // "feverr" is another spelling
		assertThat(repeated.earlierOccurrence(4)).isIn(0, 1);
	}

	private static String spelling(Tokens tokens, int token) {
		return tokens.text().slice(tokens.start(token), tokens.end(token));
	}

}
