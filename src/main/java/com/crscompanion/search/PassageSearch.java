package com.crscompanion.search;

/**
 * Finds the passages that best answer free text. Never throws on user text (query syntax, 10,000 characters, emoji,
 * any script): it builds queries from analyzed tokens, not from a query language.
 */
public interface PassageSearch {

	SearchResult search(String text);

}
