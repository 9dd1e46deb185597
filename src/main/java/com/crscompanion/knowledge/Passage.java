package com.crscompanion.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A unit of the guide that can answer a question, in the guide's own (repaired) words.
 *
 * @param id stable identifier, derived from section and first words, so an editor's entry can replace it
 * @param kind what part of the guide it is
 * @param section the guide section it belongs to
 * @param title sub-topic or table-row title within the section, or {@code null}
 * @param question the question it answers (FAQ entries), or {@code null}
 * @param context the list's lead-in sentence for list items ("The most common patterns include:"), or {@code null}
 * @param text the answer text, verbatim after repair
 * @param origin where it came from (file and line), for editors
 * @param alsoAsked how families ask for this passage in their own words (editors' entries); searched, never shown
 */
public record Passage(String id, PassageKind kind, String section, String title, String question, String context,
		String text, String origin, List<String> alsoAsked) {

	public Passage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(section, "section");
		Objects.requireNonNull(text, "text");
		alsoAsked = (alsoAsked == null) ? List.of() : List.copyOf(alsoAsked);
	}

	public Passage(String id, PassageKind kind, String section, String title, String question, String context,
			String text, String origin) {
		this(id, kind, section, title, question, context, text, origin, List.of());
	}

	/** The same passage, searchable also by these phrasings. */
	public Passage withAlsoAsked(List<String> phrasings) {
		List<String> all = new ArrayList<>(this.alsoAsked);
		all.addAll(phrasings);
		return new Passage(this.id, this.kind, this.section, this.title, this.question, this.context, this.text,
				this.origin, all);
	}

	/** Where the passage sits in the guide, as shown to families: "How CRS Is Treated › Tocilizumab". */
	public String source() {
		String detail = (this.question != null) ? this.question : this.title;
		return (detail == null) ? this.section : this.section + " › " + detail;
	}

	/** The words a family is shown: a list item keeps its lead-in so it reads on its own. */
	public String displayText() {
		return (this.context == null) ? this.text : this.context + "\n• " + this.text;
	}

	/** What a suggestion button should say to lead straight back to this passage. */
	public String suggestionLabel() {
		if (this.question != null) {
			return this.question;
		}
		return (this.title != null) ? this.title : this.section;
	}

}
