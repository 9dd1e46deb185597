package com.crscompanion.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One consistent version of the content: the passages to index and how the import went. */
public record KnowledgeSnapshot(List<Passage> passages, ImportReport report, Instant loadedAt) {

	public KnowledgeSnapshot {
		passages = List.copyOf(passages);
	}

	public Optional<Passage> find(String id) {
		return this.passages.stream().filter(p -> p.id().equals(id)).findFirst();
	}

}
