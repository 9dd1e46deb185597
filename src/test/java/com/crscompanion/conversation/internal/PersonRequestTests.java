package com.crscompanion.conversation.internal;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Asking for a person in words, with the phrases operators ship in config/messages.yml. */
class PersonRequestTests {

	private static final PersonRequest REQUEST = new PersonRequest(shippedPhrases());

	@ParameterizedTest
	@ValueSource(strings = { "Can I talk to a real person please", "i want to speak to someone!!", "HUMAN PLEASE",
			"can you connect me with a coordinator", "请帮我转人工", "я хочу поговорить с человеком",
			"أريد التحدث مع شخص حقيقي", "quiero hablar con una persona", "Je voudrais parler à quelqu'un" })
	void familiesAskingForAPersonInTheirOwnWordsAreRecognised(String message) {
		assertThat(REQUEST.asksForPerson(message)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "what does the coordinator do?", "is it normal that he talks to himself",
			"are you a person?", "someone told me fever is normal", "personal hygiene after CAR-T" })
	void questionsThatOnlyMentionPeopleAreStillAnswered(String message) {
		assertThat(REQUEST.asksForPerson(message)).isFalse();
	}

	@SuppressWarnings("unchecked")
	private static List<String> shippedPhrases() {
		try {
			var sources = new YamlPropertySourceLoader().load("messages", new FileSystemResource("config/messages.yml"));
			List<String> phrases = new java.util.ArrayList<>();
			for (int i = 0;; i++) {
				Object phrase = sources.get(0).getProperty("crs.messages.handoff.ask-phrases[" + i + "]");
				if (phrase == null) {
					return phrases;
				}
				phrases.add(phrase.toString());
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
