package com.crscompanion.safety.internal;

/**
 * A phrase found in a message, in token coordinates: tokens {@code [startToken, endToken)}. Bit i of
 * {@code phraseTokens} is set when token {@code startToken + i} is one of the phrase's own words; the others are
 * gap words the phrase was allowed to step over.
 */
record Mention(PhrasePayload payload, int startToken, int endToken, long phraseTokens) {

	boolean isGapWord(int token) {
		int offset = token - this.startToken;
		return offset > 0 && offset < 64 && token < this.endToken && (this.phraseTokens & (1L << offset)) == 0;
	}

	boolean contains(Mention other) {
		return this.startToken <= other.startToken && other.endToken <= this.endToken;
	}

	boolean overlaps(Mention other) {
		return this.startToken < other.endToken && other.startToken < this.endToken;
	}

}
