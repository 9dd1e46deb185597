package com.crscompanion.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crscompanion.knowledge.ImportReport.Finding;
import com.crscompanion.knowledge.ImportReport.Severity;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.knowledge.PassageKind;

/**
 * Reads the guide as the website exports it (one block of text per line, no markup) and rebuilds its structure:
 * section headings, FAQ question/answer pairs, lists with their lead-in, the grade table, and the sub-topics the
 * export runs together on one line. Every repair is reported; the guide's words are never changed beyond repair.
 */
final class GuideExportParser {

	/** Words that stay lower case inside a Title Case heading. */
	private static final Set<String> MINOR_WORDS = Set.of("a", "an", "and", "as", "at", "but", "by", "for", "in", "of",
			"on", "or", "the", "to", "with", "vs", "&");

	private static final int MAX_HEADING_LENGTH = 80;

	/** A lead-in ends in a colon; the export glued the paragraph that followed the list onto it. */
	private static final Pattern GLUED_LEAD_IN = Pattern.compile(":\\s+(?=\\p{Lu})");

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");

	private final MojibakeRepair mojibake;

	private final int truncatedBulletLength;

	GuideExportParser(MojibakeRepair mojibake, int truncatedBulletLength) {
		this.mojibake = mojibake;
		this.truncatedBulletLength = truncatedBulletLength;
	}

	ParsedGuide parse(String fileName, List<String> rawLines) {
		Context ctx = new Context(fileName);
		List<Line> lines = repairLines(rawLines, ctx);
		lines = dropTruncatedDuplicates(lines, ctx);
		for (Section section : splitSections(lines, ctx)) {
			readSection(section, ctx);
		}
		return new ParsedGuide(ctx.passages, ctx.findings);
	}

	private List<Line> repairLines(List<String> rawLines, Context ctx) {
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < rawLines.size(); i++) {
			String raw = rawLines.get(i).strip();
			if (raw.isEmpty()) {
				continue;
			}
			int number = i + 1;
			MojibakeRepair.Result result = this.mojibake.repair(raw);
			result.certain().forEach(r -> ctx.find(Severity.REPAIR, number, "mojibake " + r));
			result.assumed().forEach(r -> ctx.find(Severity.WARNING, number, "mojibake " + r));
			result.unexplained()
				.forEach(r -> ctx.find(Severity.ERROR, number,
						"unexplained non-Latin text '" + r + "'; this line is left out of the index"));
			lines.add(new Line(number, result.text(), false, !result.clean()));
		}
		return lines;
	}

	/** The export writes every bullet twice, the first copy cut short; keep the full one and remember it is a bullet. */
	private List<Line> dropTruncatedDuplicates(List<Line> lines, Context ctx) {
		List<Line> kept = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			Line next = (i + 1 < lines.size()) ? lines.get(i + 1) : null;
			if (next != null && isTruncatedCopy(line.text(), next.text())) {
				ctx.find(Severity.REPAIR, line.number(), "removed bullet written twice (first copy cut at "
						+ line.text().length() + " characters)");
				lines.set(i + 1, next.asBullet());
				continue;
			}
			kept.add(line);
		}
		return kept;
	}

	private boolean isTruncatedCopy(String first, String full) {
		if (!full.startsWith(first) || first.length() > this.truncatedBulletLength) {
			return false;
		}
		// Mojibake repair can shorten the cut copy by a character or two; whitespace at the cut is stripped.
		return first.length() >= Math.min(full.length(), this.truncatedBulletLength) - 3;
	}

	private List<Section> splitSections(List<Line> lines, Context ctx) {
		List<Section> sections = new ArrayList<>();
		Section current = null;
		for (Line line : lines) {
			if (current == null && isAllCaps(line.text())) {
				ctx.find(Severity.NOTE, line.number(), "title line left out of the index");
			}
			else if (!line.bullet() && isHeading(line.text())) {
				current = new Section(line.text(), line.number(), new ArrayList<>());
				sections.add(current);
			}
			else if (current == null) {
				ctx.find(Severity.NOTE, line.number(), "front matter before the first heading left out of the index");
			}
			else {
				current.body().add(line);
			}
		}
		return sections;
	}

	private void readSection(Section section, Context ctx) {
		List<Line> body = section.body();
		boolean structured = body.stream().anyMatch(l -> isTableLine(l.text()) || isQuestion(l.text()));
		int i = 0;
		while (i < body.size()) {
			Line line = body.get(i);
			if (line.quarantined()) {
				i++;
			}
			else if (isTableLine(line.text())) {
				i = readTable(section, body, i, ctx);
			}
			else if (isQuestion(line.text()) && i + 1 < body.size() && !isQuestion(body.get(i + 1).text())) {
				readQuestion(section, line, body.get(i + 1), ctx);
				i += 2;
			}
			else if (i + 1 < body.size() && body.get(i + 1).bullet() && !line.bullet()) {
				i = readList(section, body, i, ctx);
			}
			else if (structured && !line.bullet()) {
				ctx.find(Severity.NOTE, line.number(),
						"intro line of '" + section.heading() + "' left out of the index: " + line.text());
				i++;
			}
			else {
				readParagraph(section, line, line.bullet() ? PassageKind.LIST_ITEM : PassageKind.SECTION, ctx);
				i++;
			}
		}
	}

	private void readQuestion(Section section, Line question, Line answer, Context ctx) {
		if (answer.quarantined()) {
			return;
		}
		ctx.add(new Passage(ctx.id(section.heading(), question.text()), PassageKind.FAQ, section.heading(), null,
				question.text(), null, answer.text(), ctx.origin(question.number())));
	}

	/**
	 * A lead-in paragraph and its bullets: each item on its own (so "chills" finds the chills bullet) and the whole
	 * list once (so "what are the symptoms" finds all of them). Text the export glued after the lead-in's colon
	 * belonged after the list and becomes a paragraph of its own.
	 */
	private int readList(Section section, List<Line> body, int leadInIndex, Context ctx) {
		Line leadInLine = body.get(leadInIndex);
		String leadIn = leadInLine.text();
		Matcher glued = GLUED_LEAD_IN.matcher(leadIn);
		String afterList = null;
		if (glued.find()) {
			afterList = leadIn.substring(glued.end());
			leadIn = leadIn.substring(0, glued.start() + 1);
			ctx.find(Severity.REPAIR, leadInLine.number(),
					"split the list's lead-in from the paragraph that followed the list: " + afterList);
		}
		String[] sentences = SENTENCE_END.split(leadIn);
		String leadInSentence = sentences[sentences.length - 1];
		int i = leadInIndex + 1;
		StringBuilder whole = new StringBuilder(leadIn);
		while (i < body.size() && body.get(i).bullet()) {
			Line item = body.get(i++);
			if (item.quarantined()) {
				continue;
			}
			whole.append("\n• ").append(item.text());
			ctx.add(new Passage(ctx.id(section.heading(), item.text()), PassageKind.LIST_ITEM, section.heading(), null,
					null, leadInSentence, item.text(), ctx.origin(item.number())));
		}
		ctx.add(new Passage(ctx.id(section.heading(), "list"), PassageKind.SECTION, section.heading(), null, null, null,
				whole.toString(), ctx.origin(leadInLine.number())));
		if (afterList != null) {
			ctx.add(new Passage(ctx.id(section.heading(), afterList), PassageKind.SECTION, section.heading(), null, null,
					null, afterList, ctx.origin(leadInLine.number())));
		}
		return i;
	}

	private void readParagraph(Section section, Line line, PassageKind kind, Context ctx) {
		List<Subtopic> subtopics = (kind == PassageKind.SECTION) ? subtopics(line.text()) : List.of();
		if (subtopics.isEmpty()) {
			ctx.add(new Passage(ctx.id(section.heading(), line.text()), kind, section.heading(), null, null, null,
					line.text(), ctx.origin(line.number())));
			return;
		}
		for (Subtopic subtopic : subtopics) {
			ctx.find(Severity.REPAIR, line.number(), "split run-together sub-topic '" + subtopic.title() + "'");
			ctx.add(new Passage(ctx.id(section.heading(), subtopic.title()), PassageKind.SUBTOPIC, section.heading(),
					subtopic.title(), null, null, subtopic.text(), ctx.origin(line.number())));
		}
	}

	/**
	 * Finds sub-topic headings run into the text: at a sentence start, a run of capitalised words whose last word
	 * opens the sentence ("Supportive Care The first line…", "Tocilizumab Tocilizumab is…"). Only a paragraph that
	 * opens with such a heading and holds at least two is split, so an ordinary sentence starting with two capitalised
	 * words ("Major Chinese cell therapy centres…") is left alone.
	 */
	static List<Subtopic> subtopics(String paragraph) {
		List<int[]> headings = new ArrayList<>();
		int start = 0;
		while (start < paragraph.length()) {
			int[] heading = headingAt(paragraph, start);
			if (heading != null) {
				headings.add(heading);
			}
			int next = nextSentenceStart(paragraph, start);
			if (next < 0) {
				break;
			}
			start = next;
		}
		if (headings.size() < 2 || headings.get(0)[0] != 0) {
			return List.of();
		}
		List<Subtopic> subtopics = new ArrayList<>();
		for (int h = 0; h < headings.size(); h++) {
			int[] heading = headings.get(h);
			int textEnd = (h + 1 < headings.size()) ? headings.get(h + 1)[0] : paragraph.length();
			subtopics.add(new Subtopic(paragraph.substring(heading[0], heading[1]).strip(),
					paragraph.substring(heading[1], textEnd).strip()));
		}
		return subtopics;
	}

	/** Returns {headingStart, sentenceStart} when a sub-topic heading stands at {@code start}. */
	private static int[] headingAt(String text, int start) {
		List<int[]> words = new ArrayList<>();
		int i = start;
		while (i < text.length()) {
			int end = text.indexOf(' ', i);
			end = (end < 0) ? text.length() : end;
			String word = text.substring(i, end);
			boolean capitalised = !word.isEmpty() && Character.isUpperCase(word.charAt(0))
					&& Character.isLetter(word.charAt(word.length() - 1));
			boolean minor = MINOR_WORDS.contains(word);
			if (!capitalised && !(minor && !words.isEmpty())) {
				break;
			}
			words.add(new int[] { i, end, capitalised ? 1 : 0 });
			i = end + 1;
		}
		// the last capitalised word opens the sentence; at least one capitalised word must come before it
		while (!words.isEmpty() && words.get(words.size() - 1)[2] == 0) {
			words.remove(words.size() - 1);
		}
		if (words.size() < 2) {
			return null;
		}
		return new int[] { start, words.get(words.size() - 1)[0] };
	}

	private static int nextSentenceStart(String text, int from) {
		Matcher m = SENTENCE_END.matcher(text);
		return m.find(from + 1) ? m.end() : -1;
	}

	private int readTable(Section section, List<Line> body, int first, Context ctx) {
		List<String> header = cells(body.get(first).text());
		int i = first + 1;
		while (i < body.size() && isTableLine(body.get(i).text())) {
			Line row = body.get(i++);
			List<String> cells = cells(row.text());
			if (row.quarantined() || cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
				continue;
			}
			StringBuilder text = new StringBuilder();
			for (int c = 1; c < cells.size(); c++) {
				String column = (c < header.size()) ? header.get(c) : "";
				text.append(text.isEmpty() ? "" : "\n").append(column).append(": ").append(cells.get(c));
			}
			ctx.add(new Passage(ctx.id(section.heading(), cells.get(0)), PassageKind.TABLE_ROW, section.heading(),
					cells.get(0), null, null, text.toString(), ctx.origin(row.number())));
		}
		return i;
	}

	private static List<String> cells(String tableLine) {
		String inner = tableLine.strip();
		inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
		List<String> cells = new ArrayList<>();
		for (String cell : inner.split("\\|", -1)) {
			cells.add(cell.strip());
		}
		return cells;
	}

	static boolean isHeading(String line) {
		if (line.length() > MAX_HEADING_LENGTH || line.endsWith(".") || line.endsWith(":") || line.endsWith(";")
				|| line.endsWith(",") || line.contains(". ") || isTableLine(line)) {
			return false;
		}
		String[] words = line.split("\\s+");
		boolean anyLetter = false;
		for (int w = 0; w < words.length; w++) {
			String word = words[w];
			char first = word.charAt(0);
			anyLetter |= Character.isLetter(first);
			boolean minor = w > 0 && MINOR_WORDS.contains(word.toLowerCase(Locale.ROOT));
			if (!minor && !Character.isUpperCase(first) && !Character.isDigit(first)) {
				return false;
			}
		}
		return anyLetter;
	}

	private static boolean isAllCaps(String line) {
		return line.chars().anyMatch(Character::isLetter)
				&& line.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
	}

	private static boolean isQuestion(String line) {
		return line.endsWith("?");
	}

	private static boolean isTableLine(String line) {
		return line.startsWith("|");
	}

	record ParsedGuide(List<Passage> passages, List<Finding> findings) {
	}

	record Subtopic(String title, String text) {
	}

	private record Line(int number, String text, boolean bullet, boolean quarantined) {

		Line asBullet() {
			return new Line(this.number, this.text, true, this.quarantined);
		}

	}

	private record Section(String heading, int line, List<Line> body) {
	}

	/** Collects the output of one parse and hands out unique ids. */
	private static final class Context {

		private final String fileName;

		private final List<Passage> passages = new ArrayList<>();

		private final List<Finding> findings = new ArrayList<>();

		private final Map<String, Integer> idUses = new HashMap<>();

		Context(String fileName) {
			this.fileName = fileName;
		}

		String origin(int line) {
			return this.fileName + ":" + line;
		}

		void find(Severity severity, int line, String what) {
			this.findings.add(new Finding(severity, origin(line), what));
		}

		void add(Passage passage) {
			this.passages.add(passage);
		}

		String id(String section, String firstWords) {
			String id = Slugs.of(section) + "/" + Slugs.of(firstWords);
			int uses = this.idUses.merge(id, 1, Integer::sum);
			return (uses == 1) ? id : id + "-" + uses;
		}

	}

}
