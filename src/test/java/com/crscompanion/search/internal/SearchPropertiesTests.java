package com.crscompanion.search.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SearchPropertiesTests {

	@Test
	void aSeveralWordsFloorAboveTheOneWordFloorStopsStartUpWithItsReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SearchProperties(Path.of("config/synonyms.txt"), 0.40, 0.50, 1.0, 12, 48, 5, 5,
					new SearchProperties.Boosts(2f, 6f, 2f, 1f, 3f), new SearchProperties.Bm25(2f, 0.5f), new SearchProperties.Meaning(true, 0.6f)))
			.withMessageContaining("crs.search.confidence-floor-several-words (0.5)")
			.withMessageContaining("crs.search.confidence-floor (0.4)");
	}

}
