package com.crscompanion.search;

import java.util.List;
import java.util.Optional;

import com.crscompanion.knowledge.Passage;

/**
 * Ranked passages for one question.
 *
 * @param hits best first (may be empty)
 * @param confidence how much of the question the best passage covers, 0 to 1
 * @param confident whether the best passage clears the configured confidence floor and may be given as the answer
 */
public record SearchResult(List<Hit> hits, double confidence, boolean confident) {

	public SearchResult {
		hits = List.copyOf(hits);
	}

	public static SearchResult empty() {
		return new SearchResult(List.of(), 0, false);
	}

	/** The passage to answer with, only when the search is confident. */
	public Optional<Passage> answer() {
		return (this.confident && !this.hits.isEmpty()) ? Optional.of(this.hits.get(0).passage()) : Optional.empty();
	}

	/**
	 * A passage and its relevance score: BM25F, or with ranking by meaning, 0 to 1 blended with the similarity in
	 * meaning; comparable only within one result.
	 */
	public record Hit(Passage passage, float score) {
	}

}
