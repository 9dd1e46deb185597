package com.crscompanion.search.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

import com.crscompanion.knowledge.KnowledgeSnapshot;
import com.crscompanion.knowledge.internal.TestContent;
import com.crscompanion.search.SearchResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the query builder through {@link LuceneSearchService#search}: no text may make it throw, return nonsense
 * or take super-linear time. A plain test run replays the seeds in
 * src/test/resources/com/crscompanion/search/internal/PassageSearchFuzzTestsInputs; {@code JAZZER_FUZZ=1} fuzzes
 * (e.g. {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=PassageSearchFuzzTests -Djazzer.max_duration=60s}).
 */
class PassageSearchFuzzTests {

	private static LuceneSearchService search;

	/**
	 * The index, ranking by meaning too, is ready before the time budget starts. Made here, not in a static
	 * initialiser: the index is built on other threads, which would wait for this class's initialisation to finish.
	 */
	@BeforeAll
	static void waitForTheIndex() {
		KnowledgeSnapshot guide = TestContent.guide();
		search = SearchFixtures.service(() -> guide);
		search.search("warm up");
	}

	/** Loose bounds that only super-linear behaviour breaks, even under Jazzer's instrumentation. */
	private static final long FIXED_BUDGET_NANOS = 500_000_000L;

	private static final long BUDGET_NANOS_PER_CHAR = 50_000L;

	@FuzzTest(maxDuration = "60s")
	void searchesAnyText(FuzzedDataProvider data) {
		int repetitions = data.consumeInt(1, 32);
		String text = data.consumeRemainingAsString().repeat(repetitions);

		long start = System.nanoTime();
		SearchResult result = search.search(text);
		long elapsed = System.nanoTime() - start;

		assertThat(result.confidence()).isBetween(0.0, 1.0);
		assertThat(result.hits()).hasSizeLessThanOrEqualTo(SearchFixtures.properties().maxHits());
		assertThat(result.answer().isPresent()).isEqualTo(result.confident() && !result.hits().isEmpty());
		assertThat(elapsed).as("time for %d chars", text.length())
			.isLessThan(FIXED_BUDGET_NANOS + BUDGET_NANOS_PER_CHAR * text.length());
	}

}
