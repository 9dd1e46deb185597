package com.crscompanion.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/** The English dictionary shipped with the app (SCOWL, see the resource's header): lower case, 5+ letters. */
public final class EnglishWords {

	private static final String RESOURCE = "language/english-words.txt";

	private static volatile Set<String> words;

	private EnglishWords() {
	}

	/** Loaded once per process; both search and the emergency guard consult it. */
	public static Set<String> get() {
		Set<String> loaded = words;
		if (loaded == null) {
			synchronized (EnglishWords.class) {
				loaded = words;
				if (loaded == null) {
					loaded = load();
					words = loaded;
				}
			}
		}
		return loaded;
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>(100_000);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.startsWith("#") && !line.isBlank()) {
					words.add(line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		return Set.copyOf(words);
	}

}
