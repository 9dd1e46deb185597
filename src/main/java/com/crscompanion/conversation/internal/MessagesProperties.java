package com.crscompanion.conversation.internal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the bot says in its own voice, from {@code config/messages.yml}.
 *
 * @param disclaimer shown with every answer; drawn from the guide's "Important Disclaimers"
 * @param notCovered the guide does not cover the question; followed by suggestions
 * @param coordinatorOffer how to reach a person, added wherever the bot cannot help
 * @param greeting reply to hello
 * @param thanks reply to thank you / ok
 * @param about reply to "who are you", "are you a robot"
 * @param notATask reply to a request to do something ("translate this", "book a taxi")
 * @param empty reply to an empty message
 * @param defaultSuggestions offered when nothing in the guide is even close
 * @param smallTalk phrases that are greetings, thanks or questions about the bot, in any language
 * @param handoff what the family is told about reaching a coordinator
 */
@Validated
@ConfigurationProperties("crs.messages")
public record MessagesProperties(@NotBlank String disclaimer, @NotBlank String notCovered,
		@NotBlank String coordinatorOffer, @NotBlank String greeting, @NotBlank String thanks, @NotBlank String about,
		@NotBlank String notATask, @NotBlank String empty, @NotEmpty List<@NotBlank String> defaultSuggestions,
		@NotNull @Valid SmallTalk smallTalk, @NotNull @Valid Handoff handoff) {

	/**
	 * Whole-message phrases (matched ignoring case, punctuation and emoji) and filler words allowed around them;
	 * {@code tasks} are matched at the start of a message only.
	 */
	public record SmallTalk(@NotEmpty List<String> greetings, @NotEmpty List<String> thanks,
			@NotEmpty List<String> about, @NotNull List<String> tasks, @NotNull List<String> fillers) {
	}

	/**
	 * Reaching a coordinator. {next} in a text is the next opening time in the family's words.
	 *
	 * @param askPhrases messages containing one of these ask for a person ("I want to talk to a person"), in every
	 * language the guard reads; matched ignoring case, accents and punctuation
	 * @param requested a coordinator has been asked, during office hours
	 * @param alreadyRequested asked again while a request is waiting
	 * @param afterHours asked outside office hours: the ward is open, the message is kept, when a coordinator answers
	 * @param calmingIntro before the guide's calming advice, after hours
	 * @param calmingPassages ids of the guide passages quoted after hours (see the {@code passages} command)
	 * @param emergencyAlerted after the emergency message: the coordinators were told too
	 * @param unanswered the second question in a row the guide could not answer
	 * @param unhelpful the second 👎 in a row
	 * @param forgotten after {@code /forget}
	 * @param nothingToForget {@code /forget} when nothing is stored
	 */
	public record Handoff(@NotEmpty List<@NotBlank String> askPhrases, @NotBlank String requested,
			@NotBlank String alreadyRequested, @NotBlank String afterHours, @NotBlank String calmingIntro,
			@NotNull List<@NotBlank String> calmingPassages, @NotBlank String emergencyAlerted,
			@NotBlank String unanswered, @NotBlank String unhelpful, @NotBlank String forgotten,
			@NotBlank String nothingToForget) {
	}

}
