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
