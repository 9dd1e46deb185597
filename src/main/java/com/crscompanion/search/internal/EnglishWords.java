package com.crscompanion.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/** The English dictionary shipped with the app (SCOWL, see the resource's header), loaded once. */
final class EnglishWords {

	private static final String RESOURCE = "search/english-words.txt";

	private EnglishWords() {
	}

	static Set<String> load() {
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
