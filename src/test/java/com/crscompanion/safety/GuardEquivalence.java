package com.crscompanion.safety;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.crscompanion.safety.internal.RuleBasedEmergencyGuard;

/**
 * A check that a change to the guard's internals (for speed, say) changes no verdict: run {@code dump} once with
 * the old classes and once with the new ones on the classpath, then {@code compare} the two files. The corpus is
 * generated the same way every time: the evaluation messages, every phrase-file line (alternatives picked at
 * random), the string literals of the safety tests, each of them mutated many ways (case, typos, stretched
 * letters, punctuation, numbers and temperatures, negation cues, Arabic prefixes, other scripts, emoji), their
 * concatenations and long messages up to 5,000 characters. Each line of a dump is a 64-bit hash of the whole
 * verdict: emergency, language and every match with its sign, language, span, text, negation and severity.
 * <p>
 * Not a unit test (it needs two builds); run from the repository root:
 * <pre>
 * git worktree add /tmp/guard-before HEAD~1 &amp;&amp; (cd /tmp/guard-before &amp;&amp; ./mvnw -q compile)
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * CP=target/test-classes:$(cat target/test-classpath.txt)
 * java -cp /tmp/guard-before/target/classes:$CP com.crscompanion.safety.GuardEquivalence dump /tmp/before.txt
 * java -cp target/classes:$CP com.crscompanion.safety.GuardEquivalence dump /tmp/after.txt
 * java -cp target/classes:$CP com.crscompanion.safety.GuardEquivalence compare /tmp/before.txt /tmp/after.txt
 * java -cp target/classes:$CP com.crscompanion.safety.GuardEquivalence show 7501 17809
 * </pre>
 */
public final class GuardEquivalence {

	private static final String[] SEPARATORS = { " ", ". ", ", ", "\n", "，", "。", "! ", "? ", " - ", "; ", " (",
			") ", "...", " 、", "؟ ", "، " };

	/** Inserted into messages: readings, codes that are not readings, cues, signs, odd characters. */
	private static final String[] INSERTS = { "38.5", "39", "37,2", "36.6", "101F", "101.3 F", "39°C", "39 °C", "39c",
			"40度", "三十九度", "三十八度五", "38", "100.4", "99.1", "pulse 130", "hr 140", "heart rate 150", "sats 91%",
			"spo2 89", "oxygen 92%", "BP 85/50", "bp 80/40", "blood pressure 85", "21/11/2026", "2026-11-21", "10:39",
			"138-3838-3838", "$39", "39,000", "room 39", "bed 38", "CD19", "IL-6", "no", "not", "no longer", "without",
			"denies", "没有", "没", "不", "нет", "не", "без", "لا", "ما", "مش", "sin", "no tiene", "pas de", "n'a pas",
			"gone", "resolved", "went away", "but", "however", "temp", "temperature", "fever", "thermometer", "体温",
			"температура", "حراره", "fiebre", "fièvre", "seizure", "siezure", "breahting", "can't breathe",
			"cant breathe", "not breathing", "shaking", "confused", "feverrr", "breathiiing", "😀", "🤒", "ﬁ", "Ｆｅｖｅｒ",
			"３９．５", "٣٩٫٥", "ـ", "\u00AD", "\u200B", "é", "e\u0301", "’", "'", "\t", "\r\n", "  ", "«", "»", "“", "”",
			"—", "–", "ال", "و", "بال", "وال", "لل", "ف", "ب", "x", "ok", "and", "the", "he", "she", "his", "her", "y",
			"et", "и", "也", "了", "很", "有点", "呼吸", "困难", "发烧", "抽搐" };

	private static final String[] ARABIC_PREFIXES = { "و", "ال", "بال", "ف", "لل", "وال", "كال" };

	private static final String[] STEM_ENDINGS = { "", "s", "ing", "ed", "a", "e", "ой", "ها", "ه", "es" };

	private GuardEquivalence() {
	}

	public static void main(String[] args) throws IOException {
		switch (args.length > 0 ? args[0] : "") {
			case "dump" -> dump(Path.of(args[1]));
			case "compare" -> compare(Path.of(args[1]), Path.of(args[2]));
			case "show" -> show(List.of(args).subList(1, args.length));
			default -> System.err.println("usage: dump FILE | compare FILE FILE | show INDEX...");
		}
	}

	private static void dump(Path out) throws IOException {
		EmergencyGuard guard = guard();
		List<String> corpus = corpus();
		long emergencies = 0;
		long matches = 0;
		try (BufferedWriter writer = Files.newBufferedWriter(out)) {
			for (String message : corpus) {
				EmergencyVerdict verdict = guard.assess(message);
				emergencies += verdict.emergency() ? 1 : 0;
				matches += verdict.matches().size();
				writer.write(Long.toHexString(hash(verdict.toString())));
				writer.write('\n');
			}
		}
		System.out.printf("messages=%d emergencies=%d matches=%d%n", corpus.size(), emergencies, matches);
	}

	private static void compare(Path before, Path after) throws IOException {
		List<String> a = Files.readAllLines(before);
		List<String> b = Files.readAllLines(after);
		if (a.size() != b.size()) {
			System.out.printf("different corpus sizes: %d and %d%n", a.size(), b.size());
			return;
		}
		List<Integer> different = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			if (!a.get(i).equals(b.get(i))) {
				different.add(i);
			}
		}
		System.out.printf("messages=%d differences=%d%s%n", a.size(), different.size(),
				different.isEmpty() ? "" : " first: " + different.subList(0, Math.min(10, different.size())));
	}

	private static void show(List<String> indexes) throws IOException {
		EmergencyGuard guard = guard();
		List<String> corpus = corpus();
		for (String index : indexes) {
			String message = corpus.get(Integer.parseInt(index));
			System.out.println(index + "\t" + message.replace("\n", "\\n") + "\n\t" + guard.assess(message));
		}
	}

	private static EmergencyGuard guard() {
		return RuleBasedEmergencyGuard.fromDirectory(Path.of("config/emergency"), TestGuards.LANGUAGES, "en");
	}

	/** FNV-1a over the characters: a file of hashes is small, and two verdicts that differ differ here. */
	private static long hash(String text) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			hash ^= text.charAt(i);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	static List<String> corpus() throws IOException {
		List<String> base = new ArrayList<>();
		for (Path file : files(Path.of("src/test/resources/eval/safety"), ".tsv")) {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (String line : lines.subList(1, lines.size())) {
				base.add(line.substring(line.lastIndexOf('\t') + 1));
			}
		}
		int evalLines = base.size();
		Random random = new Random(20261121);
		for (Path file : files(Path.of("config/emergency"), ".txt")) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String phrase = line.strip();
				if (!phrase.isEmpty() && !phrase.startsWith("#") && !phrase.startsWith("[")) {
					for (int k = 0; k < 3; k++) {
						base.add(expand(phrase, random));
					}
				}
			}
		}
		Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
		for (Path test : files(Path.of("src/test/java/com/crscompanion/safety"), ".java")) {
			if (test.getFileName().toString().equals("GuardEquivalence.java")) {
				continue;
			}
			Matcher matcher = literal.matcher(Files.readString(test));
			while (matcher.find()) {
				String text = matcher.group(1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\t", "\t");
				if (text.length() > 1 && !text.contains("/") && !text.contains("%")) {
					base.add(text);
				}
			}
		}
		List<String> corpus = new ArrayList<>(base);
		for (int round = 0; round < 120; round++) {
			for (String text : base) {
				corpus.add(mutate(text, random, base));
			}
		}
		for (int k = 0; k < 200_000; k++) {
			int parts = 2 + random.nextInt(5);
			StringBuilder text = new StringBuilder();
			for (int p = 0; p < parts; p++) {
				if (p > 0) {
					text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
				}
				String part = base.get(random.nextInt(random.nextBoolean() ? evalLines : base.size()));
				text.append((random.nextInt(3) == 0) ? mutate(part, random, base) : part);
			}
			corpus.add(text.toString());
		}
		for (int k = 0; k < 3_000; k++) {
			StringBuilder text = new StringBuilder();
			int target = 500 + random.nextInt(4600);
			while (text.length() < target) {
				text.append(base.get(random.nextInt(base.size())))
					.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
				if (random.nextInt(10) == 0) {
					text.append(INSERTS[random.nextInt(INSERTS.length)]).append(' ');
				}
			}
			corpus.add(text.toString());
		}
		return corpus;
	}

	/** A phrase-file line with one of each group's alternatives, stems given an ending, quotes dropped. */
	private static String expand(String line, Random random) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < line.length()) {
			char c = line.charAt(i);
			int close = (c == '(') ? line.indexOf(')', i) : -1;
			if (close > 0) {
				String[] options = line.substring(i + 1, close).split("\\|", -1);
				out.append(options[random.nextInt(options.length)]);
				i = close + 1;
				continue;
			}
			if (c == '*') {
				out.append(STEM_ENDINGS[random.nextInt(STEM_ENDINGS.length)]);
			}
			else if (c != '"') {
				out.append(c);
			}
			i++;
		}
		return out.toString().replaceAll("  +", " ").strip();
	}

	private static String mutate(String original, Random random, List<String> base) {
		StringBuilder text = new StringBuilder(original);
		int edits = 1 + random.nextInt(4);
		for (int e = 0; e < edits; e++) {
			int length = text.length();
			int at = (length == 0) ? 0 : random.nextInt(length + 1);
			switch (random.nextInt(14)) {
				case 0 -> {
					int end = Math.min(length, at + 1 + random.nextInt(8));
					text.replace(at, end, text.substring(at, end).toUpperCase(Locale.ROOT));
				}
				case 1 -> {
					if (at < length) {
						text.deleteCharAt(at);
					}
				}
				case 2 -> {
					if (length > 0) {
						text.insert(at, text.charAt(random.nextInt(length)));
					}
				}
				case 3 -> {
					if (at + 1 < length) {
						char first = text.charAt(at);
						text.setCharAt(at, text.charAt(at + 1));
						text.setCharAt(at + 1, first);
					}
				}
				case 4 -> {
					if (at < length) {
						text.setCharAt(at, (char) ('a' + random.nextInt(26)));
					}
				}
				case 5 -> text.insert(at, ".,;:!?()-/'\"".charAt(random.nextInt(12)));
				case 6, 7 -> text.insert(at, " " + INSERTS[random.nextInt(INSERTS.length)] + " ");
				case 8 -> text.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
				case 9 -> {
					if (at < length && Character.isLetter(text.charAt(at))) {
						text.insert(at, String.valueOf(text.charAt(at)).repeat(1 + random.nextInt(3)));
					}
				}
				case 10 -> text.insert(at, " " + base.get(random.nextInt(base.size())) + " ");
				case 11 -> {
					int space = text.indexOf(" ", at);
					int word = (space < 0) ? 0 : space + 1;
					text.insert(Math.min(word, text.length()), ARABIC_PREFIXES[random.nextInt(ARABIC_PREFIXES.length)]);
				}
				case 12 -> {
					if (at < length) {
						text.delete(at, Math.min(length, at + 1 + random.nextInt(6)));
					}
				}
				default -> {
					if (random.nextBoolean()) {
						text.insert(at, (char) (0x20 + random.nextInt(0x3000)));
					}
					else {
						text.insert(at, random.nextInt(200) + (random.nextBoolean() ? "." + random.nextInt(10) : ""));
					}
				}
			}
		}
		return text.toString();
	}

	private static List<Path> files(Path directory, String suffix) throws IOException {
		try (Stream<Path> paths = Files.list(directory)) {
			return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
		}
	}

}
