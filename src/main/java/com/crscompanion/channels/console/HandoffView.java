package com.crscompanion.channels.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.crscompanion.handoff.Coordinator;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.Trigger;
import com.crscompanion.history.LoggedMessage;

/**
 * A handoff as the console's page shows it: codes in lower case, the triggers folded into what the coordinator
 * reads on the card, and the end of the conversation.
 *
 * @param id the handoff's number, for the buttons
 * @param reference the family's reference number
 * @param familyName the name the channel gives, or {@code null}
 * @param channel "web", "telegram"
 * @param status "open", "claimed" or "resolved"
 * @param priority "urgent" or "normal"
 * @param reasons why, each reason once, in the order they came ("emergency", "asked", "unanswered", "unhelpful")
 * @param signs the danger signs found, each once
 * @param matchedText the words that matched the signs, each once
 * @param openedAt when the first trigger came
 * @param waitingMinutes whole minutes since then
 * @param claimedBy the holder's first name, or {@code null}
 * @param claimedByYou whether the logged-in coordinator holds it
 * @param transcript the last messages, oldest first
 */
record HandoffView(long id, long reference, String familyName, String channel, String status, String priority,
		List<String> reasons, List<String> signs, List<String> matchedText, Instant openedAt, long waitingMinutes,
		String claimedBy, boolean claimedByYou, List<MessageView> transcript) {

	static HandoffView of(Handoff handoff, List<LoggedMessage> transcript, Coordinator viewer, Instant now) {
		List<Trigger> triggers = handoff.triggers();
		Coordinator holder = handoff.claimedBy();
		return new HandoffView(handoff.id(), handoff.reference(), handoff.familyName(),
				handoff.conversation().channel(), lower(handoff.status()), lower(handoff.priority()),
				triggers.stream().map(trigger -> lower(trigger.reason())).distinct().toList(),
				triggers.stream().flatMap(trigger -> trigger.signs().stream()).distinct().toList(),
				triggers.stream().map(Trigger::matchedText).filter(Objects::nonNull).distinct().toList(),
				handoff.openedAt(), Math.max(0, Duration.between(handoff.openedAt(), now).toMinutes()),
				(holder != null) ? holder.name() : null, holder != null && holder.id().equals(viewer.id()),
				transcript.stream().map(MessageView::of).toList());
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * One message of the transcript.
	 *
	 * @param id increasing within the conversation, so the page redraws only what changed
	 * @param author "family", "bot" or "coordinator"
	 * @param authorName a coordinator's first name, else {@code null}
	 * @param kind the reply kind ("answer", "emergency"...), or "message" for the family's text
	 * @param text what was said
	 * @param at when
	 */
	record MessageView(long id, String author, String authorName, String kind, String text, Instant at) {

		static MessageView of(LoggedMessage message) {
			return new MessageView(message.id(), lower(message.author()), message.authorName(), message.kind(),
					message.text(), message.at());
		}

	}

}
