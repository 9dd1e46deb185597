package com.crscompanion.conversation.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recognises a family asking for a human in words ("can I talk to a real person", "转人工", "хочу поговорить с
 * человеком"): a configured phrase found in the message, ignoring case, accents and punctuation, on word
 * boundaries for scripts that have spaces.
 */
final class PersonRequest {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** Phrases in scripts with spaces, padded: found only as whole words. */
	private final List<String> spacedPhrases;

	/** Phrases with Chinese characters, without spaces: found anywhere in the message with its spaces taken out. */
	private final List<String> unspacedPhrases;

	PersonRequest(List<String> phrases) {
		Map<Boolean, List<String>> byHan = phrases.stream()
			.map(PersonRequest::fold)
			.filter(p -> !p.isBlank())
			.collect(Collectors.partitioningBy(p -> HAN.matcher(p).find()));
		this.spacedPhrases = byHan.get(false).stream().map(p -> " " + p + " ").toList();
		this.unspacedPhrases = byHan.get(true).stream().map(p -> p.replace(" ", "")).toList();
	}

	boolean asksForPerson(String text) {
		String folded = " " + fold(text) + " ";
		for (String phrase : this.spacedPhrases) {
			if (folded.contains(phrase)) {
				return true;
			}
		}
		if (!this.unspacedPhrases.isEmpty()) {
			String unspaced = folded.replace(" ", "");
			for (String phrase : this.unspacedPhrases) {
				if (unspaced.contains(phrase)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Lower case, no accents or Arabic short vowels, apostrophes joined, other punctuation as spaces. */
	static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
		String plain = MARKS.matcher(decomposed).replaceAll("").replace("'", "").replace("’", "").replace('ё', 'е');
		return NOT_WORD.matcher(plain).replaceAll(" ").strip();
	}

}
