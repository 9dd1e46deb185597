package com.crscompanion.safety.internal;

import java.nio.file.Path;
import java.util.List;

import com.crscompanion.safety.DangerSign;

/** The parsed content of one language's phrase file. */
record PhraseBook(String language, Path source, List<Phrase> phrases, List<String> inflections,
		List<String> prefixes) {

	PhraseBook {
		phrases = List.copyOf(phrases);
		inflections = List.copyOf(inflections);
		prefixes = List.copyOf(prefixes);
	}

	/**
	 * One phrase with its alternatives already expanded. {@code sign} is null unless {@code kind} is SIGN;
	 * {@code exact} forbids extra words between the phrase's words.
	 */
	record Phrase(PhraseKind kind, DangerSign sign, boolean severe, String text, boolean exact, int line) {
	}

}
