package com.crscompanion.conversation.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.crscompanion.conversation.Conversations;
import com.crscompanion.conversation.InboundMessage;
import com.crscompanion.conversation.Reply;
import com.crscompanion.conversation.ReplyKind;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.handoff.Trigger;
import com.crscompanion.history.BotReply;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.knowledge.KnowledgeBase;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.safety.EmergencyDetected;
import com.crscompanion.safety.EmergencyGuard;
import com.crscompanion.safety.EmergencyReplies;
import com.crscompanion.safety.EmergencyVerdict;
import com.crscompanion.safety.SignMatch;
import com.crscompanion.search.PassageSearch;
import com.crscompanion.search.SearchResult;

/**
 * The answering pipeline: emergency guard, then the family's handoff, then small talk, then the guide. The emergency
 * reply is added before any other work, and a failure after it (search, database, handoff) can cost the answer but
 * never the emergency message. While a coordinator holds the conversation the bot answers nothing on its own except
 * the emergency message; the family's words go to the coordinator.
 */
@Service
class ConversationService implements Conversations {

	private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

	private static final int MAX_SUGGESTIONS = 3;

	/** How long the emergency message may wait for storing and alerting; past it, it goes out alone. */
	private static final Duration EMERGENCY_WAIT = Duration.ofMillis(1500);

	private final EmergencyGuard guard;

	private final EmergencyReplies emergencyReplies;

	private final PassageSearch search;

	private final MessagesProperties messages;

	private final SmallTalk smallTalk;

	private final PersonRequest personRequest;

	private final ConversationHistory history;

	private final Handoffs handoffs;

	private final KnowledgeBase knowledge;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ExecutorService afterEmergency = Executors.newVirtualThreadPerTaskExecutor();

	ConversationService(EmergencyGuard guard, EmergencyReplies emergencyReplies, PassageSearch search,
			MessagesProperties messages, ConversationHistory history, Handoffs handoffs, KnowledgeBase knowledge,
			ApplicationEventPublisher events, Clock clock) {
		this.guard = guard;
		this.emergencyReplies = emergencyReplies;
		this.search = search;
		this.messages = messages;
		this.smallTalk = new SmallTalk(messages.smallTalk());
		this.personRequest = new PersonRequest(messages.handoff().askPhrases());
		this.history = history;
		this.handoffs = handoffs;
		this.knowledge = knowledge;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public List<Reply> handle(InboundMessage message) {
		return guarded(message, true);
	}

	@Override
	public List<Reply> screen(InboundMessage message) {
		return guarded(message, false);
	}

	private List<Reply> guarded(InboundMessage message, boolean answer) {
		EmergencyVerdict verdict = assess(message);
		if (!verdict.emergency()) {
			return afterGuard(message, verdict, List.of(), answer);
		}
		List<Reply> emergency = List.of(
				Reply.of(ReplyKind.EMERGENCY, this.emergencyReplies.emergencyMessage(verdict.language())));
		// the database or the handoff may be slow or down: they get a bounded wait, the emergency message none
		Future<List<Reply>> rest = this.afterEmergency.submit(() -> afterGuard(message, verdict, emergency, answer));
		try {
			return rest.get(EMERGENCY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			log.error("Storing and alerting for an emergency in conversation {} took over {} ms; the emergency "
					+ "message goes out now and the rest carries on", message.conversationId(), EMERGENCY_WAIT.toMillis());
			return emergency;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return emergency;
		}
		catch (ExecutionException ex) {
			log.error("Handling an emergency in conversation {} failed after the guard", message.conversationId(),
					ex.getCause());
			return emergency;
		}
	}

	/** Everything after the guard, starting from the emergency reply (if any); {@code answer} false stops at the alert. */
	private List<Reply> afterGuard(InboundMessage message, EmergencyVerdict verdict, List<Reply> emergency,
			boolean answer) {
		List<Reply> replies = new ArrayList<>(emergency);
		if (verdict.emergency()) {
			publishEmergency(message, verdict);
		}
		ConversationRef ref = new ConversationRef(message.channel(), message.conversationId());
		Turn turn = new Turn(ref, message);
		Optional<String> lastBotReplyKind = Optional.empty();
		Optional<Handoff> handoff = Optional.empty();
		try {
			lastBotReplyKind = this.history.lastBotReplyKind(ref);
			handoff = this.handoffs.openFor(ref);
		}
		catch (RuntimeException ex) {
			log.error("Could not read the state of {} conversation {}", message.channel(), message.conversationId(),
					ex);
		}
		try {
			if (verdict.emergency()) {
				turn.storeFamilyMessageNow();
				replies.addAll(alertCoordinators(ref, verdict));
			}
			if (handoff.isPresent()) {
				turn.storeFamilyMessageNow();
				this.handoffs.familyWrote(handoff.get(), message.text());
			}
			if (!answer) {
				log.debug("Conversation {}: words screened by the guard only", ref);
			}
			else if (handoff.isPresent() && handoff.get().status() == Handoff.Status.CLAIMED) {
				// the coordinator answers now; only the emergency message is the bot's to send
				log.debug("Conversation {} is held by a coordinator; no bot answer", ref);
			}
			else if (!verdict.emergency() && this.personRequest.asksForPerson(message.text())) {
				turn.storeFamilyMessageNow();
				replies.addAll(request(ref, Trigger.of(Trigger.Reason.ASKED), this.messages.handoff().requested(), true));
			}
			else {
				List<Reply> answered = answer(message.text(), verdict.emergency());
				replies.addAll(answered);
				if (unansweredTwice(answered, lastBotReplyKind)) {
					turn.storeFamilyMessageNow();
					replies.addAll(request(ref, Trigger.of(Trigger.Reason.UNANSWERED),
							this.messages.handoff().unanswered(), false));
				}
			}
		}
		catch (RuntimeException ex) {
			log.error("Answering failed for a {} message in conversation {}", message.channel(),
					message.conversationId(), ex);
			if (!verdict.emergency()) {
				replies.add(Reply.of(ReplyKind.FALLBACK,
						this.messages.notCovered() + "\n\n" + this.messages.coordinatorOffer()));
			}
		}
		if (answer || !replies.isEmpty() || carriesWords(message.text())) {
			turn.finish(replies);
		}
		return replies;
	}

	/** Whether a command says more than its name: "/human my dad is worse" does, "/forget" does not. */
	private static boolean carriesWords(String command) {
		String words = (command == null) ? "" : command.strip();
		if (words.startsWith("/")) {
			int space = words.indexOf(' ');
			words = (space < 0) ? "" : words.substring(space);
		}
		return !words.isBlank();
	}

	/**
	 * Storing one message and its replies. On the usual path the family's words and the bot's replies go in one
	 * transaction at the end (each commit writes to disk); a handoff, a relay or an alert needs the words stored
	 * first, so the coordinators' transcript has them.
	 */
	private final class Turn {

		private final ConversationRef ref;

		private final InboundMessage message;

		private boolean familyMessageStored;

		Turn(ConversationRef ref, InboundMessage message) {
			this.ref = ref;
			this.message = message;
		}

		void storeFamilyMessageNow() {
			if (this.familyMessageStored) {
				return;
			}
			try {
				history.recordFamilyMessage(this.ref, this.message.displayName(), this.message.text());
				this.familyMessageStored = true;
			}
			catch (RuntimeException ex) {
				// tried again with the replies
				log.error("Could not store a {} message of conversation {}", this.ref.channel(), this.ref, ex);
			}
		}

		void finish(List<Reply> replies) {
			if (this.familyMessageStored) {
				store(this.ref, replies);
				return;
			}
			try {
				history.recordTurn(this.ref, this.message.displayName(), this.message.text(), botReplies(replies));
			}
			catch (RuntimeException ex) {
				log.error("Could not store {} conversation {}", this.ref.channel(), this.ref, ex);
			}
		}

	}

	@Override
	public List<Reply> askForPerson(String conversationId, String channel, String displayName) {
		ConversationRef ref = new ConversationRef(channel, conversationId);
		try {
			this.history.touch(ref, displayName);
			List<Reply> replies = request(ref, Trigger.of(Trigger.Reason.ASKED), this.messages.handoff().requested(),
					true);
			store(ref, replies);
			return replies;
		}
		catch (RuntimeException ex) {
			log.error("Could not open a handoff for {} conversation {}", channel, conversationId, ex);
			return List.of(Reply.of(ReplyKind.HANDOFF, this.messages.coordinatorOffer()));
		}
	}

	@Override
	public List<Reply> feedback(String conversationId, String channel, String passageId, boolean helpful) {
		ConversationRef ref = new ConversationRef(channel, conversationId);
		try {
			List<Boolean> before = this.history.recentFeedback(ref, 1);
			this.history.recordFeedback(ref, passageId, helpful);
			boolean secondDownInARow = !helpful && !before.isEmpty() && !before.getFirst();
			if (!secondDownInARow || this.handoffs.openFor(ref).isPresent()) {
				return List.of();
			}
			List<Reply> replies = request(ref, Trigger.of(Trigger.Reason.UNHELPFUL), this.messages.handoff().unhelpful(),
					false);
			store(ref, replies);
			return replies;
		}
		catch (RuntimeException ex) {
			log.error("Could not store feedback for {} conversation {}", channel, conversationId, ex);
			return List.of();
		}
	}

	@Override
	public Reply forget(String conversationId, String channel) {
		boolean deleted = this.history.forget(new ConversationRef(channel, conversationId));
		log.info("Conversation data deleted on request ({}, anything stored: {})", channel, deleted);
		return Reply.of(ReplyKind.INFO,
				deleted ? this.messages.handoff().forgotten() : this.messages.handoff().nothingToForget());
	}

	/**
	 * Opens or adds to the family's handoff and says what happens next: during office hours {@code inHours}; after
	 * hours the reassurance with the next opening time and the guide's calming advice. A request added to one
	 * already waiting says so, unless the family did not ask ({@code explicit} false), when it says nothing more.
	 */
	private List<Reply> request(ConversationRef ref, Trigger trigger, String inHours, boolean explicit) {
		Handoffs.Requested requested = this.handoffs.request(ref, trigger);
		if (!requested.opened()) {
			return explicit ? List.of(Reply.of(ReplyKind.HANDOFF, this.messages.handoff().alreadyRequested()))
					: List.of();
		}
		if (requested.officeOpen()) {
			return List.of(Reply.of(ReplyKind.HANDOFF, inHours));
		}
		List<Reply> replies = new ArrayList<>();
		replies.add(Reply.of(ReplyKind.HANDOFF, this.messages.handoff().afterHours().replace("{next}",
				requested.nextOpening())));
		replies.addAll(calmingAdvice());
		return replies;
	}

	/** The guide's own words on staying calm, quoted as answers; the disclaimer goes with the last one. */
	private List<Reply> calmingAdvice() {
		List<Passage> passages = this.messages.handoff()
			.calmingPassages()
			.stream()
			.map(id -> this.knowledge.current().find(id))
			.flatMap(Optional::stream)
			.toList();
		List<Reply> replies = new ArrayList<>();
		for (int i = 0; i < passages.size(); i++) {
			Passage passage = passages.get(i);
			String intro = (i == 0) ? this.messages.handoff().calmingIntro() + "\n\n" : "";
			replies.add(new Reply(ReplyKind.ANSWER, intro + passage.displayText(), passage.source(),
					(i == passages.size() - 1) ? this.messages.disclaimer() : null, List.of(), passage.id()));
		}
		return replies;
	}

	/** An urgent handoff with the signs and the words that matched, and a line telling the family. */
	private List<Reply> alertCoordinators(ConversationRef ref, EmergencyVerdict verdict) {
		List<String> signs = verdict.alarmingSigns().stream().map(Enum::name).toList();
		String matched = verdict.matches()
			.stream()
			.filter(SignMatch::raisesAlarm)
			.map(SignMatch::matchedText)
			.distinct()
			.collect(Collectors.joining(" | "));
		this.handoffs.request(ref,
				new Trigger(Trigger.Reason.EMERGENCY, signs, matched.isEmpty() ? null : matched, this.clock.instant()));
		return List.of(Reply.of(ReplyKind.HANDOFF, this.messages.handoff().emergencyAlerted()));
	}

	private boolean unansweredTwice(List<Reply> answer, Optional<String> lastBotReplyKind) {
		boolean unanswered = answer.stream().anyMatch(r -> r.kind() == ReplyKind.FALLBACK);
		return unanswered && lastBotReplyKind.map(kindName(ReplyKind.FALLBACK)::equals).orElse(false);
	}

	private void store(ConversationRef ref, List<Reply> replies) {
		try {
			this.history.recordBotReplies(ref, botReplies(replies));
		}
		catch (RuntimeException ex) {
			log.error("Could not store the replies of conversation {}", ref, ex);
		}
	}

	private static List<BotReply> botReplies(List<Reply> replies) {
		return replies.stream().map(reply -> new BotReply(kindName(reply.kind()), reply.text())).toList();
	}

	private static String kindName(ReplyKind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
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
