package com.crscompanion.channels.telegram;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.crscompanion.knowledge.ImportReport;
import com.crscompanion.knowledge.KnowledgeSnapshot;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.knowledge.PassageKind;

import static org.assertj.core.api.Assertions.assertThat;

class ButtonDataTests {

	@Test
	void everyButtonReadsBackWhatItWrote() {
		for (ButtonData data : List.of(new ButtonData.Ask(2), new ButtonData.Coordinator(),
				new ButtonData.Feedback(true, "abc"), new ButtonData.Feedback(false, "abc"))) {
			assertThat(ButtonData.parse(data.encode())).contains(data);
		}
	}

	@Test
	void unknownOrBrokenDataIsIgnored() {
		for (String data : new String[] { null, "", "ask:x", "fb:y:", "fb:maybe:abc", "something else" }) {
			assertThat(ButtonData.parse(data)).as(String.valueOf(data)).isEmpty();
		}
	}

	@Test
	void aPassageReferenceIsShortStableAndResolvesAgainstTheGuideInForce() {
		String id = "frequently-asked-questions/will-tocilizumab-affect-how-well-the";
		Passage passage = new Passage(id, PassageKind.FAQ, "FAQ", null, "Will it?", null, "Text.", "test");
		KnowledgeSnapshot snapshot = new KnowledgeSnapshot(List.of(passage), new ImportReport(List.of()), Instant.now());
		PassageReferences references = new PassageReferences(() -> snapshot);
		assertThat(PassageReferences.of(id)).hasSize(12).isEqualTo(PassageReferences.of(id));
		assertThat(references.resolve(PassageReferences.of(id))).contains(id);
		assertThat(references.resolve(PassageReferences.of("gone/passage"))).isEmpty();
	}

}
