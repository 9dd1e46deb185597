package com.crscompanion.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.crscompanion.knowledge.Passage;
import com.crscompanion.knowledge.PassageKind;

/**
 * Reads an editor's entry: Markdown with YAML front matter, so hospital staff can add a Q&amp;A or correct a
 * passage without code.
 *
 * <pre>
 * ---
 * id: ward/visiting-hours        # required; an imported passage's id replaces that passage
 * section: Ward information      # required for a new passage
 * question: When can we visit?   # optional
 * hidden: true                   # optional: withdraw the passage with this id
 * also-asked:                    # optional: how families ask for it; searched, never shown
 *   - can we visit at night
 * ---
 * The answer, in the words families should read. (An entry for an existing id with only also-asked and no text
 * adds those phrasings and leaves the passage as it is.)
 * </pre>
 */
final class EditorEntryReader {

	private static final List<String> KNOWN_KEYS = List.of("id", "section", "title", "question", "kind", "hidden",
			"also-asked");

	Entry read(String fileName, String content) {
		String text = content.replace("\r\n", "\n").strip();
		if (!text.startsWith("---\n")) {
			throw new ContentException(fileName + ": must start with a '---' front matter line");
		}
		int close = text.indexOf("\n---", 3);
		if (close < 0) {
			throw new ContentException(fileName + ": front matter is not closed with a '---' line");
		}
		Map<String, Object> fields = parseFrontMatter(fileName, text.substring(4, close));
		String body = text.substring(Math.min(text.length(), close + 4)).strip();
		String id = required(fileName, fields, "id");
		boolean hidden = Boolean.parseBoolean(String.valueOf(fields.getOrDefault("hidden", "false")));
		List<String> alsoAsked = phrasings(fileName, fields.get("also-asked"));
		if (!hidden && body.isEmpty() && alsoAsked.isEmpty()) {
			throw new ContentException(fileName + ": has no text below the front matter (and no also-asked)");
		}
		return new Entry(id, hidden, optional(fields, "section"), optional(fields, "title"), optional(fields, "question"),
				kind(fileName, fields), body, fileName, alsoAsked);
	}

	private static Map<String, Object> parseFrontMatter(String fileName, String yaml) {
		Object parsed;
		try {
			parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (RuntimeException ex) {
			throw new ContentException(fileName + ": front matter is not valid YAML: " + ex.getMessage());
		}
		if (!(parsed instanceof Map<?, ?> map)) {
			throw new ContentException(fileName + ": front matter must be 'key: value' lines");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = (Map<String, Object>) map;
		for (String key : fields.keySet()) {
			if (!KNOWN_KEYS.contains(key)) {
				throw new ContentException(fileName + ": unknown front matter key '" + key + "' (known: "
						+ String.join(", ", KNOWN_KEYS) + ")");
			}
		}
		return fields;
	}

	/** The kind the entry names, or {@code null} to keep the replaced passage's (or infer it). */
	private static PassageKind kind(String fileName, Map<String, Object> fields) {
		String kind = optional(fields, "kind");
		if (kind == null) {
			return null;
		}
		try {
			return PassageKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new ContentException(fileName + ": unknown kind '" + kind + "'");
		}
	}

	private static List<String> phrasings(String fileName, Object value) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new ContentException(fileName + ": also-asked must be a list of questions ('  - …' lines)");
		}
		return list.stream().map(String::valueOf).map(String::strip).filter(q -> !q.isEmpty()).toList();
	}

	private static String required(String fileName, Map<String, Object> fields, String key) {
		String value = optional(fields, key);
		if (value == null) {
			throw new ContentException(fileName + ": front matter needs '" + key + ":'");
		}
		return value;
	}

	private static String optional(Map<String, Object> fields, String key) {
		Object value = fields.get(key);
		return (value == null || String.valueOf(value).isBlank()) ? null : String.valueOf(value).strip();
	}

	/** An editor's entry before it is merged with the imported guide; {@code kind} is null when not given. */
	record Entry(String id, boolean hidden, String section, String title, String question, PassageKind kind,
			String text, String origin, List<String> alsoAsked) {

		/** Only adds phrasings to an existing passage, leaving its words as they are. */
		boolean onlyAddsPhrasings() {
			return !this.hidden && this.text.isEmpty() && !this.alsoAsked.isEmpty();
		}

		/** The passage this entry stands for, inheriting what it leaves out from the passage it replaces. */
		Passage toPassage(Passage replaced) {
			String sectionName = (this.section != null) ? this.section : (replaced != null) ? replaced.section() : null;
			if (sectionName == null) {
				throw new ContentException(this.origin + ": front matter needs 'section:' (no passage has id '"
						+ this.id + "' to take it from)");
			}
			PassageKind kindOf = (this.kind != null) ? this.kind
					: (replaced != null) ? replaced.kind() : (this.question != null) ? PassageKind.FAQ : PassageKind.SECTION;
			String questionText = (this.question != null) ? this.question
					: (replaced != null && kindOf == replaced.kind()) ? replaced.question() : null;
			String titleText = (this.title != null) ? this.title : (replaced != null) ? replaced.title() : null;
			List<String> phrasings = new ArrayList<>((replaced != null) ? replaced.alsoAsked() : List.of());
			phrasings.addAll(this.alsoAsked);
			return new Passage(this.id, kindOf, sectionName, titleText, questionText, null, this.text, this.origin,
					phrasings);
		}

	}

}
