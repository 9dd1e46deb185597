package com.crscompanion.conversation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.crscompanion.conversation.Conversations;
import com.crscompanion.conversation.InboundMessage;
import com.crscompanion.conversation.Reply;
import com.crscompanion.conversation.ReplyKind;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.safety.EmergencyDetected;
import com.crscompanion.safety.EmergencyGuard;
import com.crscompanion.safety.EmergencyReplies;
import com.crscompanion.safety.EmergencyVerdict;
import com.crscompanion.search.PassageSearch;
import com.crscompanion.search.SearchResult;

/**
 * The answering pipeline: emergency guard, then small talk, then the guide. The emergency reply is added before
 * any other work, and a failure after it can cost the answer but never the emergency message.
 */
@Service
class ConversationService implements Conversations {

	private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

	private static final int MAX_SUGGESTIONS = 3;

	private final EmergencyGuard guard;

	private final EmergencyReplies emergencyReplies;

	private final PassageSearch search;

	private final MessagesProperties messages;

	private final SmallTalk smallTalk;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConversationService(EmergencyGuard guard, EmergencyReplies emergencyReplies, PassageSearch search,
			MessagesProperties messages, ApplicationEventPublisher events) {
		this.guard = guard;
		this.emergencyReplies = emergencyReplies;
		this.search = search;
		this.messages = messages;
		this.smallTalk = new SmallTalk(messages.smallTalk());
		this.events = events;
		this.clock = Clock.systemUTC();
	}

	@Override
	public List<Reply> handle(InboundMessage message) {
		List<Reply> replies = new ArrayList<>();
		EmergencyVerdict verdict = assess(message);
		if (verdict.emergency()) {
			replies.add(Reply.of(ReplyKind.EMERGENCY, this.emergencyReplies.emergencyMessage(verdict.language())));
			publishEmergency(message, verdict);
		}
		try {
			replies.addAll(answer(message.text(), verdict.emergency()));
		}
		catch (RuntimeException ex) {
			log.error("Answering failed for a {} message in conversation {}", message.channel(),
					message.conversationId(), ex);
			if (!verdict.emergency()) {
				replies.add(Reply.of(ReplyKind.FALLBACK, this.messages.notCovered() + "\n\n" + this.messages.coordinatorOffer()));
			}
		}
		return replies;
	}

	/** A guard that fails must fail towards the ward: an unread message is treated as urgent. */
	private EmergencyVerdict assess(InboundMessage message) {
		try {
			return this.guard.assess(message.text());
		}
		catch (RuntimeException ex) {
			log.error("Emergency guard failed on a {} message in conversation {}; answering as an emergency",
					message.channel(), message.conversationId(), ex);
			return new EmergencyVerdict(true, "en", List.of());
		}
	}

	private void publishEmergency(InboundMessage message, EmergencyVerdict verdict) {
		try {
			this.events.publishEvent(new EmergencyDetected(message.conversationId(), message.channel(),
					this.clock.instant(), verdict.language(), verdict.matches()));
		}
		catch (RuntimeException ex) {
			log.error("Could not publish the emergency alert for conversation {}", message.conversationId(), ex);
		}
	}

	private List<Reply> answer(String text, boolean afterEmergency) {
		if (text.isBlank()) {
			return afterEmergency ? List.of() : List.of(Reply.of(ReplyKind.INFO, this.messages.empty()));
		}
		SmallTalk.Reading reading = this.smallTalk.read(text);
		if (reading.onlySmallTalk()) {
			return afterEmergency ? List.of() : List.of(smallTalkReply(reading.kind()));
		}
		SearchResult result = this.search.search(reading.remainder());
		if (result.answer().isPresent()) {
			Passage passage = result.answer().get();
			return List.of(new Reply(ReplyKind.ANSWER, passage.displayText(), passage.source(),
					this.messages.disclaimer(), List.of(), passage.id()));
		}
		// after an emergency message, "the guide does not cover this" would only distract
		return afterEmergency ? List.of() : List.of(notCovered(result));
	}

	private Reply smallTalkReply(SmallTalk.Kind kind) {
		String text = switch (kind) {
			case GREETING -> this.messages.greeting();
			case THANKS -> this.messages.thanks();
			case ABOUT -> this.messages.about();
			case TASK -> this.messages.notATask();
		};
		return new Reply(ReplyKind.INFO, text, null, null, this.messages.defaultSuggestions(), null);
	}

	private Reply notCovered(SearchResult result) {
		Set<String> suggestions = new LinkedHashSet<>();
		for (SearchResult.Hit hit : result.hits()) {
			if (suggestions.size() == MAX_SUGGESTIONS) {
				break;
			}
			suggestions.add(hit.passage().suggestionLabel());
		}
		for (String fallback : this.messages.defaultSuggestions()) {
			if (suggestions.size() == MAX_SUGGESTIONS) {
				break;
			}
			suggestions.add(fallback);
		}
		return new Reply(ReplyKind.FALLBACK, this.messages.notCovered() + "\n\n" + this.messages.coordinatorOffer(),
				null, null, List.copyOf(suggestions), null);
	}

}
