package com.crscompanion.channels.console;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.crscompanion.channels.console.SecurityConfiguration.CoordinatorNames;
import com.crscompanion.handoff.Coordinator;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.history.ConversationHistory;

/**
 * The console's JSON API: the open handoffs with their transcripts, and claim, reply and resolve as the logged-in
 * coordinator. Never logs what families or coordinators wrote (health data): only ids, user names and sizes.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping(path = "/console/api/handoffs", produces = MediaType.APPLICATION_JSON_VALUE)
class ConsoleController {

	static final int TRANSCRIPT_LENGTH = 30;

	static final int MAX_REPLY_LENGTH = 4000;

	private static final Logger log = LoggerFactory.getLogger(ConsoleController.class);

	private final Handoffs handoffs;

	private final ConversationHistory history;

	private final CoordinatorNames names;

	private final Clock clock;

	ConsoleController(Handoffs handoffs, ConversationHistory history, CoordinatorNames names, Clock clock) {
		this.handoffs = handoffs;
		this.history = history;
		this.names = names;
		this.clock = clock;
	}

	/** Open and claimed handoffs, urgent first (then the longest waiting). */
	@GetMapping
	List<HandoffView> open(Principal user) {
		Coordinator viewer = coordinator(user);
		return this.handoffs.open().stream().map(handoff -> view(handoff, viewer)).toList();
	}

	@PostMapping("/{id}/claim")
	ResponseEntity<?> claim(@PathVariable long id, Principal user) {
		Coordinator coordinator = coordinator(user);
		return switch (this.handoffs.claim(id, coordinator)) {
			case Handoffs.Claim.Won won -> {
				log.info("Console user {} claimed handoff {}", user.getName(), id);
				yield ResponseEntity.ok(view(won.handoff(), coordinator));
			}
			case Handoffs.Claim.Taken taken -> {
				Coordinator holder = taken.handoff().claimedBy();
				boolean mine = holder != null && holder.id().equals(coordinator.id());
				log.warn("Console user {} could not claim handoff {}: held by {}", user.getName(), id,
						(holder != null) ? holder.id() : null);
				yield error(HttpStatus.CONFLICT, mine ? "You have already claimed handoff " + id + "."
						: "Handoff " + id + " is already claimed by " + nameOf(holder) + ".");
			}
			case Handoffs.Claim.Closed closed -> notOpen(user, "claim", id);
		};
	}

	@PostMapping(path = "/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> reply(@PathVariable long id, @RequestBody ReplyRequest request, Principal user) {
		String text = request.text();
		if (text == null || text.isBlank()) {
			log.warn("Console user {} sent an empty reply to handoff {}", user.getName(), id);
			return error(HttpStatus.BAD_REQUEST, "Write a reply first: 'text' is empty.");
		}
		if (text.length() > MAX_REPLY_LENGTH) {
			log.warn("Console user {} sent a reply of {} characters to handoff {}", user.getName(), text.length(), id);
			return error(HttpStatus.BAD_REQUEST, "The reply is too long: at most " + MAX_REPLY_LENGTH
					+ " characters, this one has " + text.length() + ".");
		}
		Coordinator coordinator = coordinator(user);
		Optional<Handoff> handoff = this.handoffs.reply(id, coordinator, text);
		if (handoff.isEmpty()) {
			return notOpen(user, "reply to", id);
		}
		log.info("Console user {} replied to handoff {} ({} characters)", user.getName(), id, text.length());
		// find again: replying to an unclaimed handoff claims it, and the transcript now ends with the reply
		return ResponseEntity.ok(view(this.handoffs.find(id).orElse(handoff.get()), coordinator));
	}

	@PostMapping("/{id}/resolve")
	ResponseEntity<?> resolve(@PathVariable long id, Principal user) {
		Coordinator coordinator = coordinator(user);
		Optional<Handoff> handoff = this.handoffs.resolve(id, coordinator);
		if (handoff.isEmpty()) {
			return notOpen(user, "resolve", id);
		}
		log.info("Console user {} resolved handoff {}", user.getName(), id);
		return ResponseEntity.ok(view(handoff.get(), coordinator));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException ex, Principal user) {
		log.warn("Console user {} sent an unreadable body", (user != null) ? user.getName() : null);
		return error(HttpStatus.BAD_REQUEST, "The body must be JSON like {\"text\": \"...\"} with a string value.");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, String>> badId(MethodArgumentTypeMismatchException ex) {
		return error(HttpStatus.BAD_REQUEST, "A handoff's id is a number.");
	}

	private HandoffView view(Handoff handoff, Coordinator viewer) {
		return HandoffView.of(handoff, this.history.recent(handoff.conversation(), TRANSCRIPT_LENGTH), viewer,
				this.clock.instant());
	}

	private Coordinator coordinator(Principal user) {
		return new Coordinator("console:" + user.getName(), this.names.nameOf(user.getName()));
	}

	private static String nameOf(Coordinator holder) {
		return (holder != null) ? holder.name() : "another coordinator";
	}

	private static ResponseEntity<Map<String, String>> notOpen(Principal user, String action, long id) {
		log.warn("Console user {} could not {} handoff {}: not open", user.getName(), action, id);
		return error(HttpStatus.NOT_FOUND, "Handoff " + id + " is not open any more (resolved, or no such handoff).");
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

	/** What the page posts to reply. */
	record ReplyRequest(String text) {
	}

}
