package com.crscompanion.channels.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.crscompanion.conversation.Conversations;
import com.crscompanion.conversation.InboundMessage;
import com.crscompanion.conversation.Reply;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.history.LoggedMessage;

/** {@code POST /api/chat}: the web chat's (and any simple client's) way into the conversation pipeline. */
@RestController
class ChatController {

	static final String WEB = "web";

	static final int MAX_TEXT_LENGTH = 100_000;

	static final int MAX_SESSION_ID_LENGTH = 128;

	private final Conversations conversations;

	private final ConversationHistory history;

	ChatController(Conversations conversations, ConversationHistory history) {
		this.conversations = conversations;
		this.history = history;
	}

	/** {@code POST /api/chat/human}: the "Talk to a coordinator" button. */
	@PostMapping(path = "/api/chat/human", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ChatResponse human(@RequestBody ChatRequest request) {
		checkSession(request.sessionId());
		List<Reply> replies = this.conversations.askForPerson(request.sessionId(), WEB, null);
		return new ChatResponse(replies.stream().map(ReplyView::of).toList());
	}

	/**
	 * {@code GET /api/chat/messages}: what reached the family outside a reply (a coordinator's answers, the notice
	 * that they are back with the bot) after message {@code after}; the page polls it.
	 */
	@GetMapping(path = "/api/chat/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	PushedMessages messages(@RequestParam(required = false) String sessionId,
			@RequestParam(defaultValue = "0") long after) {
		checkSession(sessionId);
		List<PushedMessage> messages = this.history.pushedAfter(new ConversationRef(WEB, sessionId), after)
			.stream()
			.map(PushedMessage::of)
			.toList();
		long last = messages.isEmpty() ? after : messages.getLast().id();
		return new PushedMessages(messages, last);
	}

	record PushedMessages(List<PushedMessage> messages, long last) {
	}

	/** {@code from} is "coordinator" or "bot"; {@code name} the coordinator's first name. */
	record PushedMessage(long id, String from, String name, String kind, String text) {

		static PushedMessage of(LoggedMessage message) {
			return new PushedMessage(message.id(), message.author().name().toLowerCase(Locale.ROOT),
					message.authorName(), message.kind(), message.text());
		}

	}

	@PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ChatResponse chat(@RequestBody ChatRequest request) {
		checkSession(request.sessionId());
		if (request.text() == null) {
			throw new BadChatRequest("'text' is required: a string with the family's message (it may be empty)");
		}
		if (request.text().length() > MAX_TEXT_LENGTH) {
			throw new BadChatRequest("'text' is too long (at most " + MAX_TEXT_LENGTH + " characters)");
		}
		List<Reply> replies = this.conversations.handle(new InboundMessage(request.sessionId(), WEB, request.text()));
		return new ChatResponse(replies.stream().map(ReplyView::of).toList());
	}

	private static void checkSession(String sessionId) {
		if (sessionId == null || sessionId.isBlank()) {
			throw new BadChatRequest("'sessionId' is required: a non-empty string that identifies the conversation");
		}
		if (sessionId.length() > MAX_SESSION_ID_LENGTH) {
			throw new BadChatRequest("'sessionId' is too long (at most " + MAX_SESSION_ID_LENGTH + " characters)");
		}
	}

	record ChatRequest(String sessionId, String text) {
	}

	record ChatResponse(List<ReplyView> replies) {
	}

	/** A reply as the API shows it: kind in lower case, as documented in README. */
	record ReplyView(String kind, String text, String source, String disclaimer, List<String> suggestions) {

		static ReplyView of(Reply reply) {
			return new ReplyView(reply.kind().name().toLowerCase(Locale.ROOT), reply.text(), reply.source(),
					reply.disclaimer(), reply.suggestions());
		}

	}

	static final class BadChatRequest extends RuntimeException {

		BadChatRequest(String message) {
			super(message);
		}

	}

}
