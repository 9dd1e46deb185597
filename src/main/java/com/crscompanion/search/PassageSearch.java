package com.crscompanion.search;

import java.time.Duration;

/**
 * Finds the passages that best answer free text. Never throws on user text (query syntax, 10,000 characters, emoji,
 * any script): it builds queries from analyzed tokens, not from a query language.
 */
public interface PassageSearch {

	/**
	 * How long a tool that shows or measures rankings waits for ranking by meaning: loading the model and reading the
	 * content with it take seconds, even on a slow machine; past this the model is taken to have failed.
	 */
	Duration MEANING_READY_WITHIN = Duration.ofMinutes(2);

	SearchResult search(String text);

	/**
	 * Waits, at most {@code timeout}, until questions are ranked by meaning as well as by words (a few seconds after
	 * start-up); false if they are not (turned off, the model failed, or the time ran out). For tools that measure or
	 * show rankings; the bot itself answers from the start.
	 */
	boolean awaitRankingByMeaning(Duration timeout);

}
