package com.crscompanion.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.springframework.core.io.ClassPathResource;

/** The English dictionary shipped with the app (SCOWL, see the resource's header): lower case, 5+ letters. */
public final class EnglishWords {

	private static final String RESOURCE = "language/english-words.txt";

	/** Loaded once per process, on a background thread from the first call, so start-up does not wait for it. */
	private static final CompletableFuture<Set<String>> WORDS = CompletableFuture.supplyAsync(EnglishWords::load,
			runnable -> Thread.ofPlatform().daemon().name("english-words").start(runnable));

	private EnglishWords() {
	}

	/** Starts loading the list if nothing has yet; returns at once. */
	public static void preload() {
		WORDS.isDone();
	}

	/** The list, waiting for it if it is still loading. Both search and the emergency guard consult it. */
	public static Set<String> get() {
		return WORDS.join();
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
		return Collections.unmodifiableSet(words);
	}

}
