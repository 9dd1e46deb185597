package com.crscompanion.knowledge.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.crscompanion.knowledge.Passage;
import com.crscompanion.knowledge.PassageKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditorEntryReaderTests {

	private final EditorEntryReader reader = new EditorEntryReader();

	@Test
	void aNewQuestionAndAnswer() {
		EditorEntryReader.Entry entry = this.reader.read("ward.md", """
				---
				id: ward/visiting-hours
				section: "Ward information: Beijing"
				question: When can family visit?
				---
				Visiting is from 15:00 to 20:00.

				One visitor at a time.
				""");
		Passage passage = entry.toPassage(null);
		assertThat(passage.kind()).isEqualTo(PassageKind.FAQ);
		assertThat(passage.section()).isEqualTo("Ward information: Beijing");
		assertThat(passage.text()).isEqualTo("Visiting is from 15:00 to 20:00.\n\nOne visitor at a time.");
		assertThat(passage.origin()).isEqualTo("ward.md");
	}

	@Test
	void aCorrectionKeepsWhatItDoesNotSay() {
		Passage imported = new Passage("faq/x", PassageKind.FAQ, "Frequently Asked Questions", null, "Is it normal?",
				null, "Old text.", "export.txt:70");
		Passage corrected = this.reader.read("fix.md", "---\nid: faq/x\n---\nNew text.\n").toPassage(imported);
		assertThat(corrected).extracting(Passage::section, Passage::question, Passage::text)
			.containsExactly("Frequently Asked Questions", "Is it normal?", "New text.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			no front matter at all                         | must start with a '---'
			---\\nid: a\\nsection: b\\nText without a close | not closed
			---\\nsection: b\\n---\\nText                   | needs 'id:'
			---\\nid: a\\nsection: b\\ncolour: red\\n---\\nT | unknown front matter key 'colour'
			---\\nid: a\\nsection: b\\n---\\n               | has no text
			---\\nid: a\\nkind: poem\\n---\\nText           | unknown kind 'poem'
			---\\nid: [a\\n---\\nText                       | not valid YAML
			---\\nid: a\\nalso-asked: just one\\n---\\n      | also-asked must be a list
			""")
	void aBrokenEntrySaysWhichFileAndWhatIsWrong(String content, String message) {
		assertThatThrownBy(() -> this.reader.read("entries/bad.md", content.replace("\\n", "\n")))
			.isInstanceOf(ContentException.class)
			.hasMessageStartingWith("entries/bad.md: ")
			.hasMessageContaining(message);
	}

	@Test
	void aNewEntryNeedsASection() {
		EditorEntryReader.Entry entry = this.reader.read("a.md", "---\nid: new/thing\n---\nText\n");
		assertThatThrownBy(() -> entry.toPassage(null)).hasMessageContaining("needs 'section:'");
	}

}
