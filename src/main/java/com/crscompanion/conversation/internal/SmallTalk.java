package com.crscompanion.conversation.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Recognises messages that are only a greeting, thanks or a question about the bot, so they get a friendly reply
 * instead of a random passage, and strips a leading greeting from a real question ("hi, how long does CRS last").
 */
final class SmallTalk {

	enum Kind {

		GREETING, THANKS, ABOUT,
		/** Asks the bot to do something it cannot ("translate…", "book…"): whatever follows is not searched. */
		TASK

	}

	/** What is left of the message once greetings and fillers are taken off its start. */
	record Reading(Kind kind, String remainder) {

		boolean onlySmallTalk() {
			return this.kind == Kind.TASK || (this.kind != null && this.remainder.isEmpty());
		}

	}

	private record Phrase(Kind kind, List<String> words) {
	}

	private final List<Phrase> phrases = new ArrayList<>();

	SmallTalk(MessagesProperties.SmallTalk config) {
		config.greetings().forEach(p -> this.phrases.add(new Phrase(Kind.GREETING, words(p))));
		config.thanks().forEach(p -> this.phrases.add(new Phrase(Kind.THANKS, words(p))));
		config.about().forEach(p -> this.phrases.add(new Phrase(Kind.ABOUT, words(p))));
		config.tasks().forEach(p -> this.phrases.add(new Phrase(Kind.TASK, words(p))));
		config.fillers().forEach(p -> this.phrases.add(new Phrase(null, words(p))));
		// longest first, so "thank you so much" wins over "thank you"
		this.phrases.sort(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed());
	}

	Reading read(String text) {
		List<String> words = words(text);
		Kind kind = null;
		int at = 0;
		boolean matched = true;
		while (matched && at < words.size()) {
			matched = false;
			for (Phrase phrase : this.phrases) {
				if (startsWith(words, at, phrase.words())) {
					at += phrase.words().size();
					if (phrase.kind() == Kind.TASK) {
						return new Reading(Kind.TASK, "");
					}
					kind = (kind == Kind.ABOUT || phrase.kind() == null) ? kind : phrase.kind();
					matched = true;
					break;
				}
			}
		}
		if (kind == null) {
			return new Reading(null, text);
		}
		return new Reading(kind, String.join(" ", words.subList(at, words.size())));
	}

	private static boolean startsWith(List<String> words, int at, List<String> phrase) {
		if (phrase.isEmpty() || at + phrase.size() > words.size()) {
			return false;
		}
		return words.subList(at, at + phrase.size()).equals(phrase);
	}

	private static List<String> words(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		String[] parts = folded.replaceAll("[^\\p{L}\\p{N}'\\-]+", " ").strip().split(" ");
		return Arrays.stream(parts).filter(w -> !w.isEmpty()).toList();
	}

}
