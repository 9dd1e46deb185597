package com.crscompanion.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BERT's uncased tokenizer, as the sentence model was trained with: control characters dropped, spaces around
 * Chinese characters, accents stripped, lower case, punctuation split off, then each word cut greedily into the
 * longest pieces the vocabulary has ("tocilizumab" → "to", "##ci", "##li", ...). A word with a piece the vocabulary
 * lacks becomes {@code [UNK]}.
 */
final class WordPieceTokenizer {

	private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

	/** Longest word cut into pieces; longer ones are unknown (as in BERT). */
	private static final int MAX_WORD_CHARS = 100;

	private final Map<String, Integer> vocabulary;

	private final int unknown;

	private final int classify;

	private final int separator;

	/** The sentence model's own vocabulary, from its tokenizer file. */
	static WordPieceTokenizer shipped() {
		try (InputStream in = SentenceEncoder.open(TOKENIZER)) {
			JsonNode vocab = JsonMapper.builder().build().readTree(in).path("model").path("vocab");
			Map<String, Integer> ids = new HashMap<>();
			for (Map.Entry<String, JsonNode> entry : vocab.properties()) {
				ids.put(entry.getKey(), entry.getValue().asInt());
			}
			return new WordPieceTokenizer(ids);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	WordPieceTokenizer(Map<String, Integer> vocabulary) {
		this.vocabulary = Map.copyOf(vocabulary);
		this.unknown = id("[UNK]");
		this.classify = id("[CLS]");
		this.separator = id("[SEP]");
	}

	private int id(String special) {
		Integer id = this.vocabulary.get(special);
		if (id == null) {
			throw new IllegalArgumentException("The vocabulary has no " + special + " token");
		}
		return id;
	}

	/** Token ids of the text between [CLS] and [SEP], at most {@code maxPieces} pieces of it. */
	long[] encode(String text, int maxPieces) {
		long[] ids = new long[Math.min(maxPieces, Math.max(16, text.length())) + 2];
		int count = 0;
		ids[count++] = this.classify;
		String normalized = normalize(text);
		int i = 0;
		while (i < normalized.length() && count <= maxPieces) {
			char c = normalized.charAt(i);
			if (c == ' ') {
				i++;
				continue;
			}
			int end = isPunctuation(c) ? i + 1 : wordEnd(normalized, i);
			for (long piece : pieces(normalized.substring(i, end))) {
				if (count > maxPieces) {
					break;
				}
				ids = (count == ids.length - 1) ? Arrays.copyOf(ids, ids.length * 2) : ids;
				ids[count++] = piece;
			}
			i = end;
		}
		ids[count++] = this.separator;
		return Arrays.copyOf(ids, count);
	}

	private static int wordEnd(String text, int from) {
		int end = from;
		while (end < text.length() && text.charAt(end) != ' ' && !isPunctuation(text.charAt(end))) {
			end++;
		}
		return end;
	}

	private long[] pieces(String word) {
		if (word.length() > MAX_WORD_CHARS) {
			return new long[] { this.unknown };
		}
		long[] found = new long[word.length()];
		int count = 0;
		int start = 0;
		while (start < word.length()) {
			int end = word.length();
			Integer piece = null;
			while (end > start) {
				String candidate = (start > 0 ? "##" : "") + word.substring(start, end);
				piece = this.vocabulary.get(candidate);
				if (piece != null) {
					break;
				}
				end--;
			}
			if (piece == null) {
				return new long[] { this.unknown };
			}
			found[count++] = piece;
			start = end;
		}
		return Arrays.copyOf(found, count);
	}

	/** Clean-up, Chinese characters spaced, accents stripped and lower case, as BERT's normaliser does. */
	static String normalize(String text) {
		StringBuilder cleaned = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0 || c == '\uFFFD' || (Character.isISOControl(c) && !Character.isWhitespace(c))
					|| Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)) {
				continue;
			}
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				cleaned.append(' ');
			}
			else if (Character.isIdeographic(c)) {
				cleaned.append(' ').append(c).append(' ');
			}
			else {
				cleaned.append(c);
			}
		}
		String decomposed = Normalizer.normalize(cleaned.toString().toLowerCase(Locale.ROOT),
				Normalizer.Form.NFD);
		StringBuilder stripped = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) != Character.NON_SPACING_MARK) {
				stripped.append(c);
			}
		}
		return stripped.toString();
	}

	/** ASCII symbols count as punctuation too ("$", "+", "^"), as in BERT. */
	static boolean isPunctuation(char c) {
		if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
			return true;
		}
		return switch (Character.getType(c)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION ->
				true;
			default -> false;
		};
	}

}
