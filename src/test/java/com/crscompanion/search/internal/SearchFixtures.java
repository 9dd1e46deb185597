package com.crscompanion.search.internal;

import java.nio.file.Path;

import com.crscompanion.knowledge.KnowledgeBase;

/** The search service over the real content and the real synonym file, with the shipped tuning. */
final class SearchFixtures {

	private SearchFixtures() {
	}

	static SearchProperties properties() {
		return new SearchProperties(Path.of("config/synonyms.txt"), 0.5, 0.35, 48, 5, 5,
				new SearchProperties.Boosts(3f, 3f, 2f, 1f), new SearchProperties.Bm25(1.2f, 0.75f));
	}

	static LuceneSearchService service(KnowledgeBase knowledge) {
		return new LuceneSearchService(properties(), knowledge);
	}

}
