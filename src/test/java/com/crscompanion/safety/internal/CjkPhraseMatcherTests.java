package com.crscompanion.safety.internal;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.crscompanion.safety.SignMatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese phrases are found whether the phrase file uses Chinese characters only (the matcher then reads only the
 * Chinese characters of a message) or mixes in Latin letters or digits (it then reads every character).
 */
class CjkPhraseMatcherTests {

	private static final String CHINESE_ONLY = """
			[FEVER]
			发烧
			[BREATHING]
			呼吸 困难
			""";

	private static final String MIXED = CHINESE_ONLY + """
			[HEART]
			心率120
			""";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			他发烧了                      | 发烧
			we are in room 9, 他发烧了     | 发烧
			发 烧                         |
			呼吸很困难                    | 呼吸很困难
			呼吸 ok 困难                  | 呼吸 ok 困难
			呼吸。困难                    |
			""")
	void findsChinesePhrasesAmongOtherText(String message, String expected) {
		for (String phrases : List.of(CHINESE_ONLY, MIXED)) {
			assertThat(matchedTexts(phrases, message)).as(phrases)
				.isEqualTo((expected == null) ? List.of() : List.of(expected));
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			他心率120了       | 心率120
			心率 120          |
			""")
	void findsPhrasesThatMixChineseWithDigits(String message, String expected) {
		assertThat(matchedTexts(MIXED, message)).isEqualTo((expected == null) ? List.of() : List.of(expected));
	}

	private static List<String> matchedTexts(String phraseFile, String message) {
		PhraseBook book = PhraseBookParser.parse("zh", Path.of("zh.txt"), phraseFile.lines().toList());
		RuleBasedEmergencyGuard guard = new RuleBasedEmergencyGuard(Lexicon.compile(List.of(book), "zh"));
		return guard.assess(message).matches().stream().map(SignMatch::matchedText).toList();
	}

}
