package com.crscompanion.channels.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.crscompanion.conversation.Conversations;
import com.crscompanion.conversation.InboundMessage;
import com.crscompanion.conversation.Reply;

/** {@code POST /api/chat}: the web chat's (and any simple client's) way into the conversation pipeline. */
@RestController
class ChatController {

	static final int MAX_TEXT_LENGTH = 100_000;

	static final int MAX_SESSION_ID_LENGTH = 128;

	private final Conversations conversations;

	ChatController(Conversations conversations) {
		this.conversations = conversations;
	}

	@PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ChatResponse chat(@RequestBody ChatRequest request) {
		if (request.sessionId() == null || request.sessionId().isBlank()) {
			throw new BadChatRequest("'sessionId' is required: a non-empty string that identifies the conversation");
		}
		if (request.sessionId().length() > MAX_SESSION_ID_LENGTH) {
			throw new BadChatRequest("'sessionId' is too long (at most " + MAX_SESSION_ID_LENGTH + " characters)");
		}
		if (request.text() == null) {
			throw new BadChatRequest("'text' is required: a string with the family's message (it may be empty)");
		}
		if (request.text().length() > MAX_TEXT_LENGTH) {
			throw new BadChatRequest("'text' is too long (at most " + MAX_TEXT_LENGTH + " characters)");
		}
		List<Reply> replies = this.conversations.handle(new InboundMessage(request.sessionId(), "web", request.text()));
		return new ChatResponse(replies.stream().map(ReplyView::of).toList());
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
