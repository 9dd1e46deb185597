package com.crscompanion.safety.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every language's phrases compiled for matching: a {@link WordIndex} from message words to word ids, a
 * {@link PhraseTrie} over word ids for space-separated languages and a {@link CjkPhraseMatcher} for Chinese.
 * Immutable and shared by all threads.
 */
final class Lexicon {

	private static final String VOWELS = "aeiouy";

	private final List<String> languages;

	private final int defaultLanguage;

	private final WordIndex words;

	private final PhraseTrie trie;

	private final CjkPhraseMatcher cjk;

	private Lexicon(List<String> languages, int defaultLanguage, WordIndex words, PhraseTrie trie,
			CjkPhraseMatcher cjk) {
		this.languages = List.copyOf(languages);
		this.defaultLanguage = defaultLanguage;
		this.words = words;
		this.trie = trie;
		this.cjk = cjk;
	}

	/** Reads {@code <language>.txt} for every language from the directory; fails naming the first bad file. */
	static Lexicon load(Path directory, List<String> languages, String defaultLanguage) {
		List<PhraseBook> books = new ArrayList<>();
		for (String language : languages) {
			books.add(PhraseBookParser.read(language, directory.resolve(language + ".txt")));
		}
		return compile(books, defaultLanguage);
	}

	static Lexicon compile(List<PhraseBook> books, String defaultLanguage) {
		List<String> languages = books.stream().map(PhraseBook::language).toList();
		int defaultIndex = languages.indexOf(defaultLanguage);
		if (defaultIndex < 0) {
			throw new IllegalStateException("Default language '" + defaultLanguage
					+ "' has no phrase file; languages with phrase files: " + languages);
		}
		Compiler compiler = new Compiler();
		for (int language = 0; language < books.size(); language++) {
			compiler.add(books.get(language), language);
		}
		return new Lexicon(languages, defaultIndex, compiler.words.build(), compiler.trie.build(),
				compiler.cjk.build());
	}

	List<String> languages() {
		return this.languages;
	}

	int defaultLanguage() {
		return this.defaultLanguage;
	}

	WordIndex words() {
		return this.words;
	}

	PhraseTrie trie() {
		return this.trie;
	}

	CjkPhraseMatcher cjk() {
		return this.cjk;
	}

	private static final class Compiler {

		private final WordIndex.Builder words = new WordIndex.Builder();

		private final PhraseTrie.Builder trie = new PhraseTrie.Builder();

		private final CjkPhraseMatcher.Builder cjk = new CjkPhraseMatcher.Builder();

		/** Word id by "tolerant|stem|text": one id per distinct word across all languages. */
		private final Map<String, Integer> wordIds = new HashMap<>();

		/** Languages whose affixes were already applied to a word id. */
		private final Map<Integer, Set<Integer>> inflectedFor = new HashMap<>();

		void add(PhraseBook book, int language) {
			for (PhraseBook.Phrase phrase : book.phrases()) {
				PhrasePayload payload = new PhrasePayload(phrase.kind(), phrase.sign(), phrase.severe(), language,
						phrase.exact(), phrase.text());
				String folded = TextNormalizer.foldPhrase(phrase.text());
				if (folded.chars().anyMatch(c -> Tokens.isCjk((char) c))) {
					List<String> parts = Arrays.stream(folded.replace("*", "").strip().split(" +")).toList();
					this.cjk.add(parts, payload);
					continue;
				}
				List<Integer> ids = new ArrayList<>();
				for (String piece : phrase.text().strip().split("\\s+")) {
					boolean stem = piece.endsWith("*");
					List<String> pieceWords = wordsOf(stem ? piece.substring(0, piece.length() - 1) : piece);
					for (int k = 0; k < pieceWords.size(); k++) {
						boolean lastOfStem = stem && k == pieceWords.size() - 1;
						ids.add(wordId(pieceWords.get(k), lastOfStem, phrase.kind().tolerant(), book, language));
					}
				}
				if (ids.isEmpty()) {
					continue;
				}
				if (ids.size() > PhraseTrie.MAX_PHRASE_WORDS) {
					throw new PhraseFileException(book.source(), phrase.line(),
							"has a phrase longer than " + PhraseTrie.MAX_PHRASE_WORDS + " words");
				}
				this.trie.add(ids.stream().mapToInt(Integer::intValue).toArray(), payload);
			}
		}

		/** The folded words of a phrase piece: "light-headed" is two words, as in messages. */
		private static List<String> wordsOf(String piece) {
			NormalizedText folded = TextNormalizer.normalize(piece);
			Tokens tokens = Tokens.of(folded);
			List<String> result = new ArrayList<>();
			for (int t = 0; t < tokens.count(); t++) {
				if (tokens.type(t) == Tokens.WORD || tokens.type(t) == Tokens.NUMBER) {
					result.add(folded.slice(tokens.start(t), tokens.end(t)));
				}
			}
			return result;
		}

		private int wordId(String word, boolean stem, boolean tolerant, PhraseBook book, int language) {
			String key = (tolerant ? "t|" : "e|") + (stem ? "s|" : "w|") + word;
			int id = this.wordIds.computeIfAbsent(key, k -> this.wordIds.size());
			if (!this.inflectedFor.computeIfAbsent(id, i -> new LinkedHashSet<>()).add(language)) {
				return id;
			}
			List<String> prefixes = new ArrayList<>();
			prefixes.add("");
			if (tolerant) {
				prefixes.addAll(book.prefixes());
			}
			for (String prefix : prefixes) {
				boolean unprefixed = prefix.isEmpty();
				if (stem) {
					this.words.addStem(prefix + word, id);
				}
				else if (!tolerant) {
					this.words.addExact(word, id);
				}
				else {
					for (String form : inflections(word, book.inflections())) {
						// typos only on the word as written: an inflected form's typo is too often another
						// language's word ("expires" is one letter from French "empires")
						this.words.addTolerant(prefix + form, unprefixed && form.equals(word), id);
					}
				}
			}
			return id;
		}

		/** The word and its inflected forms; short Latin words are not inflected ("not" must not become "noted"). */
		private static Set<String> inflections(String word, List<String> suffixes) {
			Set<String> forms = new LinkedHashSet<>();
			forms.add(word);
			boolean ascii = word.chars().allMatch(c -> c < 0x80);
			if (word.length() < 3 || (ascii && word.length() < 4)) {
				return forms;
			}
			char last = word.charAt(word.length() - 1);
			for (String suffix : suffixes) {
				forms.add(word + suffix);
				if (VOWELS.indexOf(last) >= 0 && VOWELS.indexOf(suffix.charAt(0)) >= 0) {
					forms.add(word.substring(0, word.length() - 1) + suffix);
				}
			}
			return forms;
		}

	}

}
