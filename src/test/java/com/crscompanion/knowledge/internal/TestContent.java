package com.crscompanion.knowledge.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.crscompanion.knowledge.KnowledgeSnapshot;

/** The real content of index-data/, loaded the way the app loads it, for other modules' tests. */
public final class TestContent {

	private TestContent() {
	}

	public static KnowledgeSnapshot load(Path contentDir) {
		return new ContentLoader(properties(contentDir, Duration.ofSeconds(2)), Clock.systemUTC()).load();
	}

	public static KnowledgeSnapshot guide() {
		return load(Path.of("index-data"));
	}

	static KnowledgeProperties properties(Path contentDir, Duration reloadInterval) {
		return new KnowledgeProperties(contentDir, "crs-family-guide-export.txt", reloadInterval, 60, "x-windows-874",
				List.of(new KnowledgeProperties.LossyMojibake("โ", "—")));
	}

}
