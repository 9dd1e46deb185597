package com.crscompanion.knowledge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.crscompanion.knowledge.KnowledgeChanged;
import com.crscompanion.knowledge.Passage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Editors change index-data/ while the app runs: good changes go live, broken ones never replace good content. */
class KnowledgeServiceTests {

	@TempDir
	Path content;

	private final List<KnowledgeChanged> published = new CopyOnWriteArrayList<>();

	private KnowledgeService service;

	@BeforeEach
	void copyTheGuide() throws IOException {
		Files.copy(Path.of("index-data/crs-family-guide-export.txt"), this.content.resolve("crs-family-guide-export.txt"));
		this.service = new KnowledgeService(TestContent.properties(this.content, Duration.ofMillis(50)),
				event -> this.published.add((KnowledgeChanged) event));
		this.service.start();
	}

	@AfterEach
	void stop() {
		this.service.stop();
	}

	@Test
	void anEditorsNewEntryGoesLiveWithoutARestart() throws IOException {
		int before = this.service.current().passages().size();
		write("entries/parking.md", "---\nid: ward/parking\nsection: Ward information\nquestion: Where can we park?\n---\nUse the visitors' car park on the east side.\n");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.current().find("ward/parking").isPresent());
		assertThat(this.service.current().passages()).hasSize(before + 1);
		assertThat(this.published).last().satisfies(e -> assertThat(e.snapshot().find("ward/parking")).isPresent());
	}

	@Test
	void anEntryCanReplaceAnImportedPassageById() throws IOException {
		String id = "frequently-asked-questions/is-fever-after-car-t-always";
		write("corrections/fever.md", "---\nid: " + id + "\n---\nNot always: ask the ward team.\n");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.service.current().find(id).map(Passage::text).orElse("").startsWith("Not always: ask"));
		assertThat(this.service.current().find(id).orElseThrow().question()).isEqualTo("Is fever after CAR-T always CRS?");
	}

	@Test
	void alsoAskedPhrasingsAreAddedWithoutChangingTheGuidesWords() throws IOException {
		String id = "how-crs-is-treated/tocilizumab";
		Passage before = this.service.current().find(id).orElseThrow();
		write("also-asked/toci.md", "---\nid: " + id + "\nalso-asked:\n  - what does toci do\n  - \"actemra: why?\"\n---\n");
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.service.current().find(id).orElseThrow().alsoAsked().isEmpty());
		Passage after = this.service.current().find(id).orElseThrow();
		assertThat(after.alsoAsked()).containsExactly("what does toci do", "actemra: why?");
		assertThat(after.text()).isEqualTo(before.text());
		assertThat(after.source()).isEqualTo(before.source());
	}

	@Test
	void aBrokenFileKeepsTheLastGoodContent() throws Exception {
		write("entries/good.md", "---\nid: ward/good\nsection: Ward\n---\nGood.\n");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.current().find("ward/good").isPresent());
		int events = this.published.size();
		write("entries/broken.md", "---\nid: ward/broken\nsection: Ward\n");
		Thread.sleep(400);
		assertThat(this.service.current().find("ward/good")).isPresent();
		assertThat(this.published).hasSize(events);
		write("entries/broken.md", "---\nid: ward/broken\nsection: Ward\n---\nFixed.\n");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.current().find("ward/broken").isPresent());
	}

	@Test
	void startingOnBrokenContentFailsWithTheReason() throws IOException {
		Files.delete(this.content.resolve("crs-family-guide-export.txt"));
		KnowledgeService broken = new KnowledgeService(TestContent.properties(this.content, Duration.ofSeconds(1)), e -> {
		});
		assertThatThrownBy(broken::start).isInstanceOf(ContentException.class).hasMessageContaining("guide export not found");
	}

	private void write(String name, String text) throws IOException {
		Path file = this.content.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
