package com.crscompanion.channels.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import com.crscompanion.channels.telegram.OutgoingMessage.Button;
import com.crscompanion.handoff.Coordinator;
import com.crscompanion.handoff.FamilyMessageRelayed;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.HandoffAnnounced;
import com.crscompanion.handoff.HandoffChanged;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.handoff.MessageToFamily;
import com.crscompanion.handoff.Trigger;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.history.LoggedMessage;

/**
 * The coordinators' side in their Telegram group: a card per handoff (priority, reasons, signs and matched words,
 * the family, time waiting, the last messages) with Claim and Resolve; the family's later messages as replies to the
 * card; a coordinator's reply to the card or to a relayed message goes to the family. Everything leaves through the
 * outbox, and which group message belongs to which handoff is kept in the database, so a restart or another
 * instance loses nothing. Only updates from inside the coordinators' group may act on a handoff.
 */
final class CoordinatorDesk {

	private static final Logger log = LoggerFactory.getLogger(CoordinatorDesk.class);

	private static final int TRANSCRIPT = 6;

	private static final int TRANSCRIPT_LINE = 300;

	/** Room left for the card's own lines within Telegram's 4096 characters. */
	private static final int RELAY_TEXT = 3500;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Handoffs handoffs;

	private final ConversationHistory history;

	private final OutboundDelivery delivery;

	private final RelayLinks links;

	private final Long groupId;

	private final TelegramTexts.Desk texts;

	private final Clock clock;

	CoordinatorDesk(Handoffs handoffs, ConversationHistory history, OutboundDelivery delivery, RelayLinks links,
			Long groupId, TelegramTexts.Desk texts, Clock clock) {
		this.handoffs = handoffs;
		this.history = history;
		this.delivery = delivery;
		this.links = links;
		this.groupId = groupId;
		this.texts = texts;
		this.clock = clock;
		if (groupId == null) {
			log.warn("COORDINATOR_CHAT_ID is not set: handoffs are not posted to Telegram; coordinators see them in "
					+ "the web console (/console)");
		}
	}

	boolean isCoordinatorGroup(long chatId) {
		return this.groupId != null && this.groupId == chatId;
	}

	@EventListener
	void on(HandoffAnnounced event) throws InterruptedException {
		if (this.groupId == null) {
			return;
		}
		Handoff handoff = event.handoff();
		this.delivery.enqueue(List.of(new OutgoingMessage(this.groupId, true, null, null,
				card(handoff, event.reminder()), keyboard(handoff), handoff.urgent(), null, handoff.id(), true)));
	}

	/** Every card of the handoff shows the change (who claimed it, resolved, a new trigger). */
	@EventListener
	void on(HandoffChanged event) throws InterruptedException {
		if (this.groupId == null) {
			return;
		}
		Handoff handoff = event.handoff();
		List<OutgoingMessage> edits = new ArrayList<>();
		for (Integer cardId : this.links.cards(handoff.id())) {
			edits.add(new OutgoingMessage(this.groupId, true, null, null, card(handoff, false), keyboard(handoff),
					false, cardId, handoff.id(), true));
		}
		this.delivery.enqueue(edits);
	}

	@EventListener
	void on(FamilyMessageRelayed event) throws InterruptedException {
		if (this.groupId == null) {
			return;
		}
		Handoff handoff = event.handoff();
		String text = event.text().isBlank() ? "(no text)" : clip(event.text(), RELAY_TEXT);
		String html = "💬 <b>" + escape(family(handoff)) + "</b> (#" + handoff.reference() + "):\n" + escape(text);
		this.delivery.enqueue(List.of(new OutgoingMessage(this.groupId, true, null, this.links.latestCard(handoff.id()), html,
				List.of(), false, null, handoff.id(), false)));
	}

	/** A coordinator's answer or the bot's notice, to a family on Telegram. */
	@EventListener
	void on(MessageToFamily event) throws InterruptedException {
		if (!UpdateHandler.CHANNEL.equals(event.conversation().channel())) {
			return;
		}
		long chatId;
		try {
			chatId = Long.parseLong(event.conversation().id());
		}
		catch (NumberFormatException ex) {
			log.error("Telegram conversation id {} is not a chat id; message not sent", event.conversation().id());
			return;
		}
		String html = (event.fromCoordinator() != null)
				? "<b>Coordinator " + escape(event.fromCoordinator()) + "</b>\n" + escape(event.text())
				: escape(event.text());
		// Telegram's group chat ids are negative, private chats positive
		this.delivery.enqueue(List.of(new OutgoingMessage(chatId, chatId < 0, null, null, html, List.of(), false)));
	}

	/**
	 * A message in the coordinators' group. A reply to a card or a relayed message goes to that family; anything
	 * else is the coordinators talking among themselves and is left alone.
	 */
	void groupMessage(Message message) throws InterruptedException {
		Message repliedTo = message.getReplyToMessage();
		String text = message.hasText() ? message.getText() : message.getCaption();
		if (repliedTo == null || text == null || text.isBlank() || message.getFrom() == null) {
			return;
		}
		Optional<Long> handoffId = this.links.handoffOf(message.getChatId(), repliedTo.getMessageId());
		if (handoffId.isEmpty()) {
			return;
		}
		Optional<Handoff> replied = this.handoffs.reply(handoffId.get(), coordinator(message.getFrom()), text.strip());
		if (replied.isEmpty()) {
			this.delivery.enqueue(List.of(new OutgoingMessage(this.groupId, true, threadOf(message),
					message.getMessageId(), escape(this.texts.closed()), List.of(), false)));
		}
	}

	/** Claim or Resolve; returns what to show the coordinator who pressed it. */
	String pressed(CallbackQuery query, ButtonData data) {
		Long chatId = (query.getMessage() != null) ? query.getMessage().getChatId() : null;
		if (chatId == null || !isCoordinatorGroup(chatId)) {
			log.warn("Telegram: handoff button pressed outside the coordinators' group (chat {}, user {}); refused",
					chatId, (query.getFrom() != null) ? query.getFrom().getId() : null);
			return this.texts.notAllowed();
		}
		Coordinator coordinator = coordinator(query.getFrom());
		return switch (data) {
			case ButtonData.Claim claim -> switch (this.handoffs.claim(claim.handoffId(), coordinator)) {
				case Handoffs.Claim.Won won -> this.texts.claimed();
				case Handoffs.Claim.Taken taken -> this.texts.taken()
					.replace("{name}", taken.handoff().claimedBy().name());
				case Handoffs.Claim.Closed closed -> this.texts.closed();
			};
			case ButtonData.Resolve resolve -> this.handoffs.resolve(resolve.handoffId(), coordinator).isPresent()
					? this.texts.resolved() : this.texts.closed();
			default -> null;
		};
	}

	String card(Handoff handoff, boolean reminder) {
		StringBuilder card = new StringBuilder();
		Duration waiting = Duration.between(handoff.openedAt(), this.clock.instant());
		if (handoff.status() == Handoff.Status.RESOLVED) {
			card.append("✅ <b>Resolved</b> by ").append(escape(String.valueOf(handoff.resolvedBy())));
		}
		else if (handoff.urgent()) {
			card.append("🚨 <b>URGENT").append(reminder ? ", still unclaimed" : "").append("</b>");
		}
		else {
			card.append("🙋 <b>Family asks for a coordinator").append(reminder ? ", still unclaimed" : "").append("</b>");
		}
		card.append("\n<b>Family:</b> ")
			.append(escape(family(handoff)))
			.append(" · ref #")
			.append(handoff.reference())
			.append(" · ")
			.append(escape(handoff.conversation().channel()));
		card.append("\n<b>Why:</b> ").append(escape(reasons(handoff)));
		String signs = handoff.triggers()
			.stream()
			.flatMap(t -> t.signs().stream())
			.distinct()
			.map(s -> s.toLowerCase(Locale.ROOT).replace('_', ' '))
			.collect(Collectors.joining(", "));
		if (!signs.isEmpty()) {
			card.append("\n<b>Signs:</b> ").append(escape(signs));
		}
		String matched = handoff.triggers()
			.stream()
			.map(Trigger::matchedText)
			.filter(m -> m != null && !m.isBlank())
			.distinct()
			.collect(Collectors.joining(" | "));
		if (!matched.isEmpty()) {
			card.append("\n<b>Matched:</b> “").append(escape(clip(matched, 300))).append("”");
		}
		card.append("\n<b>Waiting since</b> ")
			.append(TIME.format(handoff.openedAt()))
			.append(" (")
			.append(Math.max(0, waiting.toMinutes()))
			.append(" min)");
		if (handoff.claimedBy() != null && handoff.status() == Handoff.Status.CLAIMED) {
			card.append("\n<b>Claimed by</b> ").append(escape(handoff.claimedBy().name()));
		}
		List<LoggedMessage> recent = this.history.recent(handoff.conversation(), TRANSCRIPT);
		if (!recent.isEmpty() && handoff.isOpen()) {
			card.append("\n\n<b>Last messages</b>");
			for (LoggedMessage logged : recent) {
				card.append("\n").append(escape(speaker(logged))).append(": ").append(escape(clip(logged.text(),
						TRANSCRIPT_LINE)));
			}
		}
		if (handoff.isOpen()) {
			card.append("\n\n<i>Reply to this card to write to the family.</i>");
		}
		return card.toString();
	}

	private List<List<Button>> keyboard(Handoff handoff) {
		return switch (handoff.status()) {
			case OPEN -> List.of(List.of(new Button(this.texts.claimButton(), new ButtonData.Claim(handoff.id()).encode()),
					new Button(this.texts.resolveButton(), new ButtonData.Resolve(handoff.id()).encode())));
			case CLAIMED -> List.of(List.of(new Button(this.texts.resolveButton(),
					new ButtonData.Resolve(handoff.id()).encode())));
			case RESOLVED -> List.of();
		};
	}

	private static String reasons(Handoff handoff) {
		return handoff.triggers().stream().map(t -> switch (t.reason()) {
			case EMERGENCY -> "emergency signs reported";
			case ASKED -> "asked for a person";
			case UNANSWERED -> "two questions the guide could not answer";
			case UNHELPFUL -> "two answers marked unhelpful";
		}).distinct().collect(Collectors.joining("; "));
	}

	private static String family(Handoff handoff) {
		return (handoff.familyName() != null) ? handoff.familyName() : "Family";
	}

	private static String speaker(LoggedMessage logged) {
		return switch (logged.author()) {
			case FAMILY -> "Family";
			case BOT -> "Bot (" + logged.kind() + ")";
			case COORDINATOR -> "Coordinator " + logged.authorName();
		};
	}

	private static Coordinator coordinator(User user) {
		String name = (user.getFirstName() != null && !user.getFirstName().isBlank()) ? user.getFirstName()
				: (user.getUserName() != null) ? user.getUserName() : "coordinator";
		return new Coordinator("telegram:" + user.getId(), name);
	}

	private static Integer threadOf(Message message) {
		return message.isTopicMessage() ? message.getMessageThreadId() : null;
	}

	private static String clip(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "… (cut; the whole message is in the console)";
	}

	private static String escape(String text) {
		return ReplyFormatter.escape(text);
	}

}
