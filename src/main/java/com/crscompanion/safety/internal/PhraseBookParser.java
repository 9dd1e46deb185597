package com.crscompanion.safety.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.crscompanion.safety.DangerSign;

/**
 * Reads a phrase file: UTF-8 text, {@code #} starts a comment, {@code [SECTION]} lines start a section, every
 * other non-blank line is one phrase (or, in {@code [INFLECTIONS]} and {@code [PREFIXES]}, one word ending or
 * beginning). Any mistake fails with the file name and line number, because a guard running on a half-read
 * phrase list would silently miss emergencies.
 */
final class PhraseBookParser {

	/** Bounds the expansion of (a|b) alternatives so one careless line cannot produce millions of phrases. */
	private static final int MAX_EXPANSIONS_PER_LINE = 4096;

	private PhraseBookParser() {
	}

	static PhraseBook read(String language, Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			throw new PhraseFileException(file, "is not valid UTF-8");
		}
		catch (IOException ex) {
			throw new PhraseFileException(file, "cannot be read (" + ex.getClass().getSimpleName() + ": "
					+ ex.getMessage() + ")");
		}
		return parse(language, file, lines);
	}

	static PhraseBook parse(String language, Path file, List<String> lines) {
		List<PhraseBook.Phrase> phrases = new ArrayList<>();
		List<String> inflections = new ArrayList<>();
		List<String> prefixes = new ArrayList<>();
		Section section = null;
		for (int index = 0; index < lines.size(); index++) {
			int lineNumber = index + 1;
			String line = stripComment(lines.get(index)).strip();
			if (index == 0 && line.startsWith("\uFEFF")) {
				line = line.substring(1).strip();
			}
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("[")) {
				section = Section.parse(line, file, lineNumber);
				continue;
			}
			if (section == null) {
				throw new PhraseFileException(file, lineNumber, "has a phrase before the first [SECTION] line");
			}
			if (section.affixes == AffixList.INFLECTIONS) {
				inflections.add(affix(line, file, lineNumber));
			}
			else if (section.affixes == AffixList.PREFIXES) {
				prefixes.add(affix(line, file, lineNumber));
			}
			else {
				boolean exact = line.length() >= 2 && line.startsWith("\"") && line.endsWith("\"");
				String body = exact ? line.substring(1, line.length() - 1).strip() : line;
				for (String text : expandAlternatives(body, file, lineNumber)) {
					if (TextNormalizer.foldPhrase(text).chars().noneMatch(Character::isLetterOrDigit)) {
						throw new PhraseFileException(file, lineNumber, "has a phrase with no letters or digits");
					}
					phrases.add(new PhraseBook.Phrase(section.kind, section.sign, section.severe, text,
							exact || section.kind != PhraseKind.SIGN, lineNumber));
				}
			}
		}
		if (phrases.stream().noneMatch(phrase -> phrase.kind() == PhraseKind.SIGN)) {
			throw new PhraseFileException(file, "has no danger-sign phrases (no [FEVER], [BREATHING], ... section "
					+ "with at least one phrase)");
		}
		return new PhraseBook(language, file, phrases, inflections, prefixes);
	}

	private static String stripComment(String line) {
		int hash = line.indexOf('#');
		return (hash >= 0) ? line.substring(0, hash) : line;
	}

	private static String affix(String line, Path file, int lineNumber) {
		String affix = TextNormalizer.foldPhrase(line).strip();
		if (affix.isEmpty() || affix.chars().anyMatch(Character::isWhitespace)) {
			throw new PhraseFileException(file, lineNumber, "must list one word ending or beginning per line");
		}
		return affix;
	}

	/** "(can't|cannot) breathe" → ["can't breathe", "cannot breathe"]; an empty alternative makes a part optional. */
	static List<String> expandAlternatives(String text, Path file, int lineNumber) {
		List<String> results = new ArrayList<>();
		results.add("");
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == ')' || c == '|') {
				throw new PhraseFileException(file, lineNumber, "has '" + c + "' outside (...|...)");
			}
			if (c != '(') {
				int next = i;
				while (next < text.length() && text.charAt(next) != '(' && text.charAt(next) != ')'
						&& text.charAt(next) != '|') {
					next++;
				}
				String literal = text.substring(i, next);
				results.replaceAll(prefix -> prefix + literal);
				i = next;
				continue;
			}
			int close = text.indexOf(')', i);
			int nestedOpen = text.indexOf('(', i + 1);
			if (close < 0 || (nestedOpen >= 0 && nestedOpen < close)) {
				throw new PhraseFileException(file, lineNumber, "has an unclosed or nested '('");
			}
			String[] alternatives = text.substring(i + 1, close).split("\\|", -1);
			if (results.size() * alternatives.length > MAX_EXPANSIONS_PER_LINE) {
				throw new PhraseFileException(file, lineNumber,
						"expands to more than " + MAX_EXPANSIONS_PER_LINE + " phrases; split it into several lines");
			}
			List<String> expanded = new ArrayList<>(results.size() * alternatives.length);
			for (String prefix : results) {
				for (String alternative : alternatives) {
					expanded.add(prefix + alternative.strip());
				}
			}
			results = expanded;
			i = close + 1;
		}
		return results.stream().map(s -> s.strip().replaceAll("\\s+", " ")).filter(s -> !s.isEmpty()).distinct()
			.toList();
	}

	private enum AffixList {

		NONE, INFLECTIONS, PREFIXES

	}

	private record Section(PhraseKind kind, DangerSign sign, boolean severe, AffixList affixes) {

		static Section parse(String line, Path file, int lineNumber) {
			if (!line.endsWith("]")) {
				throw new PhraseFileException(file, lineNumber, "has a section line without closing ']'");
			}
			String name = line.substring(1, line.length() - 1).strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
			switch (name) {
				case "NEGATION BEFORE":
					return new Section(PhraseKind.NEGATION_BEFORE, null, false, AffixList.NONE);
				case "NEGATION AFTER":
					return new Section(PhraseKind.NEGATION_AFTER, null, false, AffixList.NONE);
				case "NOT NEGATION":
					return new Section(PhraseKind.NOT_NEGATION, null, false, AffixList.NONE);
				case "SCOPE END":
					return new Section(PhraseKind.SCOPE_END, null, false, AffixList.NONE);
				case "NEGATION SCOPE END":
					return new Section(PhraseKind.NEGATION_SCOPE_END, null, false, AffixList.NONE);
				case "BENIGN":
					return new Section(PhraseKind.BENIGN, null, false, AffixList.NONE);
				case "TEMPERATURE WORDS":
					return new Section(PhraseKind.TEMPERATURE_WORD, null, false, AffixList.NONE);
				case "NOT TEMPERATURE":
					return new Section(PhraseKind.NOT_TEMPERATURE, null, false, AffixList.NONE);
				case "OXYGEN WORDS":
					return new Section(PhraseKind.OXYGEN_WORD, null, false, AffixList.NONE);
				case "PULSE WORDS":
					return new Section(PhraseKind.PULSE_WORD, null, false, AffixList.NONE);
				case "BLOOD PRESSURE PAIR WORDS":
					return new Section(PhraseKind.PRESSURE_PAIR_WORD, null, false, AffixList.NONE);
				case "BLOOD PRESSURE WORDS":
					return new Section(PhraseKind.BLOOD_PRESSURE_WORD, null, false, AffixList.NONE);
				case "LANGUAGE HINTS":
					return new Section(PhraseKind.LANGUAGE_HINT, null, false, AffixList.NONE);
				case "INFLECTIONS":
					return new Section(null, null, false, AffixList.INFLECTIONS);
				case "PREFIXES":
					return new Section(null, null, false, AffixList.PREFIXES);
				default:
					break;
			}
			boolean severe = name.endsWith(" SEVERE");
			String signName = severe ? name.substring(0, name.length() - " SEVERE".length()).strip() : name;
			try {
				return new Section(PhraseKind.SIGN, DangerSign.valueOf(signName.replace(' ', '_')), severe,
						AffixList.NONE);
			}
			catch (IllegalArgumentException ex) {
				throw new PhraseFileException(file, lineNumber, "has an unknown section " + line);
			}
		}

	}

}
