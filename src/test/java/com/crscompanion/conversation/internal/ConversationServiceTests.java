package com.crscompanion.conversation.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.crscompanion.conversation.InboundMessage;
import com.crscompanion.conversation.Reply;
import com.crscompanion.conversation.ReplyKind;
import com.crscompanion.handoff.Coordinator;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.handoff.Trigger;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.knowledge.PassageKind;
import com.crscompanion.safety.DangerSign;
import com.crscompanion.safety.EmergencyDetected;
import com.crscompanion.safety.EmergencyGuard;
import com.crscompanion.safety.EmergencyReplies;
import com.crscompanion.safety.EmergencyVerdict;
import com.crscompanion.safety.SignMatch;
import com.crscompanion.search.PassageSearch;
import com.crscompanion.search.SearchResult;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The pipeline's ordering promises, with the guard and search replaced by mocks so each failure mode can be forced.
 * The real guard and index are exercised end to end in the web and evaluation tests.
 */
class ConversationServiceTests {

	private static final Passage TOCILIZUMAB = new Passage("t", PassageKind.SUBTOPIC, "How CRS Is Treated", "Tocilizumab",
			null, null, "Tocilizumab is the most important CRS-specific drug.", "export:37");

	private static final EmergencyVerdict FEVER = new EmergencyVerdict(true, "zh",
			List.of(new SignMatch(DangerSign.FEVER, "zh", 3, 5, "发烧", false, false)));

	private final EmergencyGuard guard = mock(EmergencyGuard.class);

	private final EmergencyReplies emergencyReplies = language -> "EMERGENCY in " + language;

	private final PassageSearch search = mock(PassageSearch.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final MessagesProperties messages = new MessagesProperties("DISCLAIMER", "NOT COVERED", "ASK A COORDINATOR",
			"HELLO", "YOU'RE WELCOME", "ABOUT ME", "NOT A TASK", "EMPTY", List.of("What is CRS?", "How long does CRS last?"),
			new MessagesProperties.SmallTalk(List.of("hi", "hello", "good morning"), List.of("thanks", "thank you"),
					List.of("are you a robot"), List.of("translate", "book a"), List.of("so much", "there")),
			new MessagesProperties.Handoff(List.of("talk to a person"), "REQUESTED", "ALREADY", "AFTER HOURS {next}",
					"CALM", List.of(), "ALERTED", "UNANSWERED", "UNHELPFUL", "FORGOTTEN", "NOTHING"));

	/** The database side is mocked so its failures can be forced; the real one runs in the handoff tests. */
	private final ConversationHistory history = mock(ConversationHistory.class);

	private final Handoffs handoffs = mock(Handoffs.class);

	private final ConversationService conversations = new ConversationService(this.guard, this.emergencyReplies,
			this.search, this.messages, this.history, this.handoffs, () -> null, this.events, Clock.systemUTC());

	@BeforeEach
	void aConversationWithoutHandoff() {
		given(this.history.lastBotReplyKind(any())).willReturn(Optional.empty());
		given(this.handoffs.openFor(any())).willReturn(Optional.empty());
	}

	@Test
	void anEmergencyComesFirstThenTheAnswerAndTheCoordinatorsAreAlerted() {
		given(this.guard.assess(anyString())).willReturn(FEVER);
		given(this.search.search(anyString())).willReturn(confident(TOCILIZUMAB));
		List<Reply> replies = this.conversations.handle(new InboundMessage("chat-1", "web", "我爸爸发烧了"));
		assertThat(replies).extracting(Reply::kind)
			.containsExactly(ReplyKind.EMERGENCY, ReplyKind.HANDOFF, ReplyKind.ANSWER);
		assertThat(replies.get(0).text()).isEqualTo("EMERGENCY in zh");
		assertThat(replies.get(1).text()).isEqualTo("ALERTED");
		ArgumentCaptor<Trigger> trigger = ArgumentCaptor.forClass(Trigger.class);
		verify(this.handoffs).request(any(), trigger.capture());
		assertThat(trigger.getValue().reason()).isEqualTo(Trigger.Reason.EMERGENCY);
		assertThat(trigger.getValue().signs()).containsExactly("FEVER");
		assertThat(trigger.getValue().matchedText()).isEqualTo("发烧");
		ArgumentCaptor<Object> event = ArgumentCaptor.forClass(Object.class);
		verify(this.events).publishEvent(event.capture());
		assertThat(event.getValue()).isInstanceOfSatisfying(EmergencyDetected.class, e -> {
			assertThat(e.conversationId()).isEqualTo("chat-1");
			assertThat(e.matches()).extracting(SignMatch::matchedText).containsExactly("发烧");
		});
	}

	@Test
	void aFailureAfterTheGuardCannotCostTheEmergencyMessage() {
		given(this.guard.assess(anyString())).willReturn(FEVER);
		given(this.search.search(anyString())).willThrow(new IllegalStateException("index broken"));
		willPublishFail();
		given(this.handoffs.request(any(), any())).willThrow(new IllegalStateException("handoff down"));
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "fever 39")))
			.extracting(Reply::kind).containsExactly(ReplyKind.EMERGENCY);
	}

	@Test
	void aGuardThatFailsFailsTowardsTheWard() {
		given(this.guard.assess(anyString())).willThrow(new IllegalStateException("bug"));
		given(this.search.search(anyString())).willReturn(SearchResult.empty());
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "anything")))
			.first().extracting(Reply::kind).isEqualTo(ReplyKind.EMERGENCY);
	}

	@Test
	void theGuardSeesTheWholeTextBeforeAnythingElse() {
		String longMessage = "hello ".repeat(20_000) + "she cant breathe";
		given(this.guard.assess(longMessage)).willReturn(FEVER);
		given(this.search.search(anyString())).willReturn(SearchResult.empty());
		assertThat(this.conversations.handle(new InboundMessage("c", "web", longMessage))).first()
			.extracting(Reply::kind).isEqualTo(ReplyKind.EMERGENCY);
	}

	@Test
	void anAnswerCarriesTheGuideWordsItsSectionAndTheDisclaimer() {
		given(this.guard.assess(anyString())).willReturn(EmergencyVerdict.none());
		given(this.search.search(anyString())).willReturn(confident(TOCILIZUMAB));
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "what does toci do"))).singleElement()
			.satisfies(reply -> {
				assertThat(reply.text()).isEqualTo(TOCILIZUMAB.text());
				assertThat(reply.source()).isEqualTo("How CRS Is Treated › Tocilizumab");
				assertThat(reply.disclaimer()).isEqualTo("DISCLAIMER");
			});
		verify(this.events, never()).publishEvent(any());
	}

	@Test
	void whenTheGuideDoesNotCoverItTheBotSaysSoOffersCloseQuestionsAndACoordinator() {
		given(this.guard.assess(anyString())).willReturn(EmergencyVerdict.none());
		given(this.search.search(anyString())).willReturn(new SearchResult(List.of(new SearchResult.Hit(TOCILIZUMAB, 1f)), 0.1, false));
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "can I bring my dog"))).singleElement()
			.satisfies(reply -> {
				assertThat(reply.kind()).isEqualTo(ReplyKind.FALLBACK);
				assertThat(reply.text()).contains("NOT COVERED").contains("ASK A COORDINATOR");
				assertThat(reply.suggestions()).containsExactly("Tocilizumab", "What is CRS?", "How long does CRS last?");
			});
	}

	@Test
	void afterAnEmergencyTheBotDoesNotAddThatTheGuideDoesNotCoverIt() {
		given(this.guard.assess(anyString())).willReturn(FEVER);
		given(this.search.search(anyString())).willReturn(SearchResult.empty());
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "39.5 what now")))
			.extracting(Reply::kind).containsExactly(ReplyKind.EMERGENCY, ReplyKind.HANDOFF);
	}

	@Test
	void greetingsAndThanksGetAFriendlyReplyNeverAPassage() {
		given(this.guard.assess(anyString())).willReturn(EmergencyVerdict.none());
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "Hello there!! 👋"))).singleElement()
			.satisfies(r -> assertThat(r.text()).isEqualTo("HELLO"));
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "thank you so much")))
			.singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("YOU'RE WELCOME"));
		verify(this.search, never()).search(anyString());
	}

	@Test
	void aRequestToDoATaskIsDeclinedNotSearched() {
		given(this.guard.assess(anyString())).willReturn(EmergencyVerdict.none());
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "Translate 'tocilizumab dose' to Chinese")))
			.singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("NOT A TASK"));
		verify(this.search, never()).search(anyString());
	}

	@Test
	void aGreetingBeforeAQuestionIsDroppedFromTheSearch() {
		given(this.guard.assess(anyString())).willReturn(EmergencyVerdict.none());
		given(this.search.search("what does toci do")).willReturn(confident(TOCILIZUMAB));
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "Good morning, what does toci do?")))
			.extracting(Reply::kind).containsExactly(ReplyKind.ANSWER);
	}

	@Test
	void anEmptyMessageGetsAClearAnswer() {
		given(this.guard.assess(anyString())).willReturn(EmergencyVerdict.none());
		assertThat(this.conversations.handle(new InboundMessage("c", "web", null))).singleElement()
			.satisfies(r -> assertThat(r.text()).isEqualTo("EMPTY"));
	}

	@Test
	void aDatabaseThatHangsCannotDelayTheEmergencyMessage() {
		given(this.guard.assess(anyString())).willReturn(FEVER);
		given(this.history.recordFamilyMessage(any(), any(), any())).willAnswer(invocation -> {
			Thread.sleep(20_000);
			return 0L;
		});
		long start = System.nanoTime();
		List<Reply> replies = this.conversations.handle(new InboundMessage("c", "web", "fever 39"));
		assertThat(replies).extracting(Reply::kind).containsExactly(ReplyKind.EMERGENCY);
		assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
	}

	@Test
	void aDatabaseThatFailsCostsTheHistoryNotTheAnswer() {
		given(this.guard.assess(anyString())).willReturn(EmergencyVerdict.none());
		given(this.search.search(anyString())).willReturn(confident(TOCILIZUMAB));
		given(this.history.lastBotReplyKind(any())).willThrow(new IllegalStateException("database down"));
		willThrow(new IllegalStateException("database down")).given(this.history)
			.recordTurn(any(), any(), any(), any());
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "what does toci do")))
			.extracting(Reply::kind).containsExactly(ReplyKind.ANSWER);
	}

	@Test
	void whileACoordinatorHoldsTheConversationOnlyTheGuardSpeaks() {
		Handoff held = new Handoff(7, new ConversationRef("web", "c"), 1, null, Handoff.Status.CLAIMED,
				Handoff.Priority.NORMAL, List.of(), java.time.Instant.now(), new Coordinator("console:anna", "Anna"),
				null, null);
		given(this.handoffs.openFor(any())).willReturn(Optional.of(held));
		given(this.guard.assess("what does toci do")).willReturn(EmergencyVerdict.none());
		given(this.guard.assess("fever 39")).willReturn(FEVER);
		given(this.search.search(anyString())).willReturn(confident(TOCILIZUMAB));
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "what does toci do"))).isEmpty();
		verify(this.handoffs).familyWrote(held, "what does toci do");
		assertThat(this.conversations.handle(new InboundMessage("c", "web", "fever 39"))).first()
			.extracting(Reply::kind).isEqualTo(ReplyKind.EMERGENCY);
	}

	@Test
	void theSecondThumbsDownInARowHandsTheFamilyToACoordinator() {
		given(this.history.recentFeedback(any(), anyInt())).willReturn(List.of(true), List.of(false));
		given(this.handoffs.request(any(), any())).willAnswer(invocation -> new Handoffs.Requested(null, true, true, ""));
		assertThat(this.conversations.feedback("c", "telegram", "p1", false)).as("after a 👍").isEmpty();
		assertThat(this.conversations.feedback("c", "telegram", "p2", false)).singleElement()
			.satisfies(reply -> assertThat(reply.text()).isEqualTo("UNHELPFUL"));
		ArgumentCaptor<Trigger> trigger = ArgumentCaptor.forClass(Trigger.class);
		verify(this.handoffs).request(any(), trigger.capture());
		assertThat(trigger.getValue().reason()).isEqualTo(Trigger.Reason.UNHELPFUL);
	}

	private void willPublishFail() {
		org.mockito.BDDMockito.willThrow(new IllegalStateException("bus down")).given(this.events).publishEvent(any(Object.class));
	}

	private static SearchResult confident(Passage passage) {
		return new SearchResult(List.of(new SearchResult.Hit(passage, 5f)), 0.9, true);
	}

}
