package com.crscompanion.channels.telegram;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the Telegram channel says in its own voice, from {@code config/messages.yml}. Answers, the emergency message
 * and the coordinator offer come from the conversation pipeline and {@code crs.messages}.
 *
 * @param welcome reply to {@code /start}: what the bot is and is not, the emergency instruction, how to reach a
 * coordinator, what is stored
 * @param help reply to {@code /help}
 * @param unknownCommand reply to a command the bot does not know
 * @param textOnly reply to stickers, voice, video, locations, contacts and other content without text
 * @param failure sent when a message could not be handled at all
 * @param sourcePrefix written before the guide section an answer comes from
 * @param coordinatorButton the "Talk to a coordinator" button
 * @param feedbackPrompt the "Was this helpful?" line under answers
 * @param helpfulButton the 👍 button
 * @param notHelpfulButton the 👎 button
 * @param feedbackThanks shown briefly when a 👍/👎 is pressed
 * @param buttonExpired shown when a suggestion button is too old to read
 * @param commands the command menu (Telegram's {@code setMyCommands})
 * @param desk what coordinators see in their group
 */
@Validated
@ConfigurationProperties("crs.telegram")
record TelegramTexts(@NotBlank String welcome, @NotBlank String help, @NotBlank String unknownCommand,
		@NotBlank String textOnly, @NotBlank String failure, @NotBlank String sourcePrefix,
		@NotBlank String coordinatorButton, @NotBlank String feedbackPrompt, @NotBlank String helpfulButton,
		@NotBlank String notHelpfulButton, @NotBlank String feedbackThanks, @NotBlank String buttonExpired,
		@NotNull @Valid Commands commands, @NotNull @Valid Desk desk) {

	/** Command descriptions as Telegram shows them in the menu (3 to 256 characters each). */
	record Commands(@NotBlank @Size(min = 3, max = 256) String start, @NotBlank @Size(min = 3, max = 256) String help,
			@NotBlank @Size(min = 3, max = 256) String human, @NotBlank @Size(min = 3, max = 256) String forget) {
	}

	/**
	 * The coordinators' group. {name} is a coordinator's first name.
	 *
	 * @param claimButton the Claim button on a card
	 * @param resolveButton the Resolve button on a card
	 * @param claimed shown briefly to whoever won the claim
	 * @param taken shown briefly when someone else holds it already
	 * @param closed shown briefly, or posted, when a handoff is no longer open
	 * @param notAllowed shown when Claim or Resolve is pressed outside the coordinators' group
	 * @param resolved shown briefly after Resolve
	 */
	record Desk(@NotBlank String claimButton, @NotBlank String resolveButton, @NotBlank String claimed,
			@NotBlank String taken, @NotBlank String closed, @NotBlank String notAllowed, @NotBlank String resolved) {
	}

}
