package com.crscompanion.knowledge.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Turns headings and first words into stable, readable passage ids. */
final class Slugs {

	private static final int MAX_WORDS = 6;

	private Slugs() {
	}

	static String of(String text) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String[] words = ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
		StringBuilder slug = new StringBuilder();
		int taken = 0;
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			if (taken++ == MAX_WORDS) {
				break;
			}
			if (!slug.isEmpty()) {
				slug.append('-');
			}
			slug.append(word);
		}
		return slug.isEmpty() ? "untitled" : slug.toString();
	}

}
