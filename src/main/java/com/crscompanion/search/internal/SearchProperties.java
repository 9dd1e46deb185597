package com.crscompanion.search.internal;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Retrieval tuning, measured with the {@code eval} command.
 *
 * @param synonymsFile lay words mapped to the guide's words (Solr synonym format)
 * @param confidenceFloor below this share of the question covered, the bot says the guide does not cover it
 * @param confidenceFloorSeveralWords the floor for an answer that matches two or more of the question's words: a
 * passage that meets a question on several words is less likely a coincidence than one that shares a single word
 * with it ("can I bring food")
 * @param unknownWordWeight how much a word the guide never uses counts against confidence, relative to the rarest
 * guide word (lay chatter around a real question should not sink it)
 * @param evidenceForFullConfidence summed idf of matched topic words that alone makes the answer certain
 * @param maxQueryTerms distinct terms taken from one message (a 10,000-character message stays fast)
 * @param maxHits passages ranked per question (the answer plus suggestions)
 * @param spellingMinLength shortest word the typo correction touches (short words are too easily "corrected")
 * @param boosts how much each field weighs
 * @param bm25 term-frequency saturation and length normalisation of the ranking
 * @param meaning ranking by meaning beside the words (a sentence model)
 */
@Validated
@ConfigurationProperties("crs.search")
public record SearchProperties(@NotNull Path synonymsFile, @DecimalMin("0") @DecimalMax("1") double confidenceFloor,
		@DecimalMin("0") @DecimalMax("1") double confidenceFloorSeveralWords,
		@DecimalMin("0") @DecimalMax("5") double unknownWordWeight,
		@DecimalMin("0.1") double evidenceForFullConfidence, @Min(1) @Max(256) int maxQueryTerms,
		@Min(1) @Max(20) int maxHits, @Min(3) int spellingMinLength, @NotNull @Valid Boosts boosts, @NotNull @Valid Bm25 bm25,
		@NotNull @Valid Meaning meaning) {

	public SearchProperties {
		if (confidenceFloorSeveralWords > confidenceFloor) {
			throw new IllegalArgumentException("crs.search.confidence-floor-several-words (" + confidenceFloorSeveralWords
					+ ") must not be above crs.search.confidence-floor (" + confidenceFloor
					+ "): an answer resting on several words needs no more confidence than one resting on a single word");
		}
	}

	/**
	 * BM25F field weights (at least 1: a weight multiplies how often the word counts): a question or sub-topic title
	 * that matches says more than a word somewhere in the text. {@code phrasing} is how much the one phrasing (FAQ
	 * question or also-asked line) that best matches the question adds to the passage's score, as a multiple of its
	 * BM25 score (0 turns it off).
	 */
	public record Boosts(@DecimalMin("1") float question, @DecimalMin("1") float title, @DecimalMin("1") float section,
			@DecimalMin("1") float text, @DecimalMin("0") float phrasing) {
	}

	/** BM25 parameters: k1 (how fast repeated words stop counting) and b (how much long passages are penalised). */
	public record Bm25(@DecimalMin("0") float k1, @DecimalMin("0") @DecimalMax("1") float b) {
	}

	/**
	 * Ranking by meaning: a sentence model (all-MiniLM-L6-v2, in process) compares the question with each passage
	 * and each of its phrasings, so a question worded unlike the guide still finds its passage. A passage's rank
	 * is {@code weight} times that similarity plus {@code 1 - weight} times its word score (scaled to the best one).
	 * Whether the bot answers at all still rests on the words the question shares with the guide (the confidence
	 * floors). Off, ranking is by words alone and a question takes about a tenth of the time.
	 */
	public record Meaning(boolean enabled, @DecimalMin("0") @DecimalMax("1") float weight) {
	}

}
