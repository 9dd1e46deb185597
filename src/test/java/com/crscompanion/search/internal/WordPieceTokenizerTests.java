package com.crscompanion.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordPieceTokenizerTests {

	private static final WordPieceTokenizer tokenizer = WordPieceTokenizer.shipped();

	/** BERT's uncased vocabulary: [CLS] 101, [SEP] 102, [UNK] 100, "hello" 7592, "," 1010, "world" 2088, "!" 999. */
	@Test
	void wordsAndPunctuationBecomeTheirVocabularyIds() {
		assertThat(tokenizer.encode("Hello, world!", 126)).containsExactly(101, 7592, 1010, 2088, 999, 102);
	}

	@Test
	void caseAccentsAndSpacingDoNotMatter() {
		assertThat(tokenizer.encode("  CAFÉ\u00A0naïve\t", 126)).containsExactly(tokenizer.encode("cafe naive", 126));
	}

	@Test
	void aWordOutsideTheVocabularyIsCutIntoPieces() {
		long[] ids = tokenizer.encode("tocilizumab", 126);
		assertThat(ids.length).isGreaterThan(3); // [CLS], several pieces, [SEP]
		assertThat(ids).doesNotContain(100L);
	}

	@Test
	void chineseCharactersAreTokensOfTheirOwn() {
		assertThat(tokenizer.encode("他抽搐了", 126)).hasSize(4 + 2);
	}

	@Test
	void overLongWordsAreUnknownAndLongTextsAreCut() {
		assertThat(tokenizer.encode("x".repeat(101), 126)).containsExactly(101, 100, 102);
		assertThat(tokenizer.encode("fever ".repeat(1_000), 126)).hasSize(128).endsWith(102);
		assertThat(tokenizer.encode("", 126)).containsExactly(101, 102);
	}

}
