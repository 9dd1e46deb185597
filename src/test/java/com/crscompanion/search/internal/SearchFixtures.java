package com.crscompanion.search.internal;

import java.nio.file.Path;
import java.time.Duration;

import com.crscompanion.knowledge.KnowledgeBase;

/** The search service over the real content and the real synonym file, with the shipped tuning. */
final class SearchFixtures {

	private SearchFixtures() {
	}

	static SearchProperties properties() {
		return new SearchProperties(Path.of("config/synonyms.txt"), 0.52, 0.46, 1.0, 12, 48, 5, 5,
				new SearchProperties.Boosts(2f, 6f, 2f, 1f, 3f), new SearchProperties.Bm25(2f, 0.5f), new SearchProperties.Meaning(true, 0.6f));
	}

	/** Ranking by meaning as well as words, as the running bot settles on a few seconds after start-up. */
	static LuceneSearchService service(KnowledgeBase knowledge) {
		LuceneSearchService service = new LuceneSearchService(properties(), knowledge, SentenceEncoder::shared);
		if (!service.awaitRankingByMeaning(Duration.ofMinutes(2))) {
			throw new IllegalStateException("the sentence model did not load: see the log");
		}
		return service;
	}

}
