package com.crscompanion.search.internal;

/** The index's fields; each chosen for one job. */
enum IndexField {

	/** Passage id, exact, stored: maps a hit back to its passage. */
	ID("id"),
	/** FAQ question: the strongest signal, families ask questions like these. */
	QUESTION("question"),
	/** How families ask for the passage in their own words (editors' also-asked lines); weighs like a question. */
	ASKED("asked"),
	/** Sub-topic or table-row title ("Tocilizumab", "Grade 2"). */
	TITLE("title"),
	/** Section heading ("How CRS Is Treated"). */
	SECTION("section"),
	/** The passage text itself. */
	TEXT("text"),
	/**
	 * One way of asking for a passage (its FAQ question or one also-asked phrasing), as a document of its own: a
	 * question is matched against each phrasing whole, so words from different phrasings do not add up.
	 */
	PHRASING("phrasing"),
	/** On a phrasing's document: the id of the passage it asks for. */
	PHRASING_OF("phrasing_of"),
	/** Everything above in one field, not scored: document frequencies and coverage for confidence. */
	ALL("all"),
	/** Surface words (not stemmed) of the content and the synonym file: the vocabulary typo correction aims at. */
	WORDS("words");

	private final String name;

	IndexField(String name) {
		this.name = name;
	}

	String fieldName() {
		return this.name;
	}

}
