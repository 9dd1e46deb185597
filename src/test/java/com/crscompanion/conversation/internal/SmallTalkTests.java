package com.crscompanion.conversation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Chat that is not a question about CRS, with the phrases operators ship in config/messages.yml. */
class SmallTalkTests {

	private static final SmallTalk SMALL_TALK = new SmallTalk(shipped());

	/** A plea for help, or the date, shares one word with the guide ("help", "day"): no passage fits it. */
	@ParameterizedTest
	@CsvSource({ "can you help me, ABOUT", "I need help, ABOUT", "please help me!, ABOUT", "what day is it today?, ABOUT",
			"what time is it, ABOUT", "can you recommend a hotel near the hospital, TASK" })
	void chatThatSharesAWordWithTheGuideGetsTheBotsOwnReply(String message, SmallTalk.Kind kind) {
		SmallTalk.Reading reading = SMALL_TALK.read(message);
		assertThat(reading.onlySmallTalk()).isTrue();
		assertThat(reading.kind()).isEqualTo(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "can you help me, how long does crs last", "i need help understanding the crs grades" })
	void aQuestionAfterAPleaForHelpIsStillSearched(String message) {
		SmallTalk.Reading reading = SMALL_TALK.read(message);
		assertThat(reading.onlySmallTalk()).isFalse();
		assertThat(reading.remainder()).contains("crs");
	}

	/** Chat phrases at the start of a real question: the question is searched, not declined. */
	@ParameterizedTest
	@ValueSource(strings = { "what time is it best to give paracetamol?",
			"can you recommend something for her nausea", "what day is it today that the steroids stop?" })
	void aQuestionThatStartsLikeChatIsStillSearched(String message) {
		SmallTalk.Reading reading = SMALL_TALK.read(message);
		assertThat(reading.onlySmallTalk()).isFalse();
		assertThat(reading.remainder()).isNotBlank();
	}

	private static MessagesProperties.SmallTalk shipped() {
		try {
			PropertySource<?> messages = new YamlPropertySourceLoader()
				.load("messages", new FileSystemResource("config/messages.yml"))
				.get(0);
			return new MessagesProperties.SmallTalk(list(messages, "greetings"), list(messages, "thanks"),
					list(messages, "about"), list(messages, "tasks"), list(messages, "fillers"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> list(PropertySource<?> messages, String name) {
		List<String> phrases = new ArrayList<>();
		for (int i = 0;; i++) {
			Object phrase = messages.getProperty("crs.messages.small-talk." + name + "[" + i + "]");
			if (phrase == null) {
				return phrases;
			}
			phrases.add(phrase.toString());
		}
	}

}
