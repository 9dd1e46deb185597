package com.crscompanion.safety.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WordIndex#lookup} against a plain scan of every form: the hash tables, filters and packed slots must find
 * exactly what comparing the word with each form finds, in the same order (stems by length, then forms as
 * written, in the order they were added; stretched letters and typos only when nothing else matched).
 */
class WordIndexTests {

	private static final String[] ALPHABETS = { "abcdeilnorst", "абвгдеклмнорст", "ابتحرسعلمنهوي", "áéíñóúàèç" };

	private enum Kind {

		EXACT, TOLERANT, STEM

	}

	private record Form(String text, Kind kind, boolean typos, int word, List<Integer> words) {

		Form(String text, Kind kind, boolean typos, int word) {
			this(text, kind, typos, word, List.of(word));
		}

	}

	@Test
	void findsWhatAScanOfEveryFormFinds() {
		Random random = new Random(11);
		List<Form> forms = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
			String text = (i > 0 && random.nextInt(8) == 0) ? mutate(forms.get(random.nextInt(forms.size())).text(), random)
					: word(alphabet, 1 + random.nextInt(12), random);
			Kind kind = Kind.values()[random.nextInt(3)];
			if (!text.isEmpty()) {
				forms.add(new Form(text, kind, kind == Kind.TOLERANT && random.nextBoolean(), random.nextInt(400)));
			}
		}
		WordIndex.Builder builder = new WordIndex.Builder();
		for (Form form : forms) {
			switch (form.kind()) {
				case EXACT -> builder.addExact(form.text(), form.word());
				case TOLERANT -> builder.addTolerant(form.text(), form.typos(), form.word());
				case STEM -> builder.addStem(form.text(), form.word());
			}
		}
		WordIndex index = builder.build();

		List<String> queries = new ArrayList<>();
		for (Form form : forms) {
			queries.add(form.text());
			queries.add(mutate(form.text(), random));
			queries.add(form.text() + form.text().charAt(form.text().length() - 1));
			queries.add(form.text() + word(ALPHABETS[0], 1 + random.nextInt(4), random));
		}
		for (int i = 0; i < 3_000; i++) {
			queries.add(word(ALPHABETS[random.nextInt(ALPHABETS.length)], 1 + random.nextInt(14), random));
		}
		List<Form> merged = merged(forms);
		long[] scratch = new long[64];
		for (String query : queries) {
			char[] chars = ("  " + query + " ").toCharArray();
			List<Integer> found = new ArrayList<>();
			index.lookup(chars, 2, query.length(), new ListSink(found), scratch);
			Expected expected = scan(merged, query);
			if (expected.typos()) {
				// typos are found in the order of the index's probes, which is no order a scan can give
				assertThat(found).as(query).containsExactlyInAnyOrderElementsOf(expected.words());
			}
			else {
				assertThat(found).as(query).containsExactlyElementsOf(expected.words());
			}
		}
	}

	private record Expected(List<Integer> words, boolean typos) {
	}

	/** What {@link WordIndex#lookup} promises, by comparing the word with every (merged) form. */
	private static Expected scan(List<Form> forms, String query) {
		Set<Integer> found = new LinkedHashSet<>();
		// stems, shortest first (one stem form per text, so no two of one length both match)
		forms.stream()
			.filter(form -> form.kind() == Kind.STEM && form.text().length() < 64 && query.startsWith(form.text()))
			.sorted(java.util.Comparator.comparingInt(form -> form.text().length()))
			.forEach(form -> found.addAll(form.words()));
		for (Form form : forms) {
			if (form.kind() != Kind.STEM && form.text().equals(query)) {
				found.addAll(form.words());
			}
		}
		if (found.isEmpty() && stretched(query)) {
			for (Form form : forms) {
				if (form.kind() == Kind.TOLERANT && squeeze(form.text()).equals(squeeze(query))) {
					found.addAll(form.words());
				}
			}
		}
		if (found.isEmpty() && query.length() >= WordIndex.MIN_TYPO_LENGTH - 1 && query.length() <= 40
				&& query.charAt(0) < 0x800) {
			for (Form form : forms) {
				if (typoTolerant(form) && form.text().charAt(0) == query.charAt(0)
						&& Math.abs(form.text().length() - query.length()) <= 1 && withinOneEdit(form.text(), query)) {
					found.addAll(form.words());
				}
			}
			return new Expected(new ArrayList<>(found), true);
		}
		return new Expected(new ArrayList<>(found), false);
	}

	/**
	 * The forms as the builder merges them: one per kind and text, in the order first added, with every word id
	 * given for it and typos allowed if any addition allowed them.
	 */
	private static List<Form> merged(List<Form> added) {
		Map<String, Form> merged = new LinkedHashMap<>();
		Map<String, Set<Integer>> words = new LinkedHashMap<>();
		for (Form form : added) {
			String key = form.kind() + ":" + form.text();
			merged.merge(key, form, (first, later) -> new Form(first.text(), first.kind(),
					first.typos() || later.typos(), first.word()));
			words.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(form.word());
		}
		List<Form> forms = new ArrayList<>();
		merged.forEach((key, form) -> forms.add(new Form(form.text(), form.kind(), form.typos(), -1,
				List.copyOf(words.get(key)))));
		return forms;
	}

	private static boolean typoTolerant(Form form) {
		int length = form.text().length();
		return form.kind() == Kind.TOLERANT && form.typos() && length >= WordIndex.MIN_TYPO_LENGTH && length <= 40
				&& form.text().charAt(0) < 0x800;
	}

	/** A run of three equal letters, or a doubled last letter. */
	private static boolean stretched(String word) {
		int n = word.length();
		if (n >= 3 && word.charAt(n - 1) == word.charAt(n - 2)) {
			return true;
		}
		for (int i = 2; i < n; i++) {
			if (word.charAt(i) == word.charAt(i - 1) && word.charAt(i) == word.charAt(i - 2)) {
				return true;
			}
		}
		return false;
	}

	private static String squeeze(String word) {
		StringBuilder squeezed = new StringBuilder();
		for (char c : word.toCharArray()) {
			if (squeezed.isEmpty() || squeezed.charAt(squeezed.length() - 1) != c) {
				squeezed.append(c);
			}
		}
		return squeezed.toString();
	}

	/** Optimal string alignment distance at most 1, by definition rather than by the index's shortcut. */
	private static boolean withinOneEdit(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		for (int i = 0; i <= Math.max(a.length(), b.length()); i++) {
			if (i < a.length() && (a.substring(0, i) + a.substring(i + 1)).equals(b)) {
				return true; // one letter fewer in b
			}
			if (i < b.length() && (b.substring(0, i) + b.substring(i + 1)).equals(a)) {
				return true; // one letter more in b
			}
			if (i < a.length() && i < b.length() && a.length() == b.length()
					&& (a.substring(0, i) + b.charAt(i) + a.substring(i + 1)).equals(b)) {
				return true; // one letter replaced
			}
			if (i + 1 < a.length() && a.length() == b.length()
					&& (a.substring(0, i) + a.charAt(i + 1) + a.charAt(i) + a.substring(i + 2)).equals(b)) {
				return true; // two neighbours swapped
			}
		}
		return false;
	}

	private static String word(String alphabet, int length, Random random) {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < length; i++) {
			word.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return word.toString();
	}

	/** One random edit: a letter dropped, added, replaced, two swapped, or one stretched. */
	private static String mutate(String word, Random random) {
		StringBuilder edited = new StringBuilder(word);
		int at = random.nextInt(word.length());
		char letter = word.charAt(random.nextInt(word.length()));
		switch (random.nextInt(5)) {
			case 0 -> edited.deleteCharAt(at);
			case 1 -> edited.insert(at, letter);
			case 2 -> edited.setCharAt(at, letter);
			case 3 -> {
				if (at + 1 < word.length()) {
					edited.setCharAt(at, word.charAt(at + 1));
					edited.setCharAt(at + 1, word.charAt(at));
				}
			}
			default -> edited.insert(at, String.valueOf(word.charAt(at)).repeat(2));
		}
		return edited.toString();
	}

	private record ListSink(List<Integer> ids) implements WordIndex.WordIdSink {

		@Override
		public int size() {
			return this.ids.size();
		}

		@Override
		public void add(int wordId) {
			if (!this.ids.contains(wordId)) {
				this.ids.add(wordId);
			}
		}

	}

}
