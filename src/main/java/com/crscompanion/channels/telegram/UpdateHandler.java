package com.crscompanion.channels.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.EntityType;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.crscompanion.conversation.Conversations;
import com.crscompanion.conversation.InboundMessage;
import com.crscompanion.conversation.Reply;
import com.crscompanion.conversation.ReplyKind;

/**
 * Translates one Telegram update into the pipeline and the pipeline's replies into the outbox. Every text a family
 * sends (a message, a caption, an edit, a command's words, a suggestion button) goes through
 * {@link Conversations#handle}, whose emergency guard runs first; the channel itself only answers commands, buttons
 * and content it cannot read. Each update is handled once; a failure on one update is logged and never stops the
 * next.
 */
final class UpdateHandler {

	static final String CHANNEL = "telegram";

	private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

	private final Conversations conversations;

	private final ReplyFormatter formatter;

	private final OutboundDelivery delivery;

	private final ProcessedUpdates processed;

	private final CoordinatorDesk desk;

	private final PassageReferences passages;

	private final TelegramTexts texts;

	private final ConversationTexts conversationTexts;

	private final BotIdentity bot;

	private final TelegramClient client;

	private final MeterRegistry meters;

	UpdateHandler(Conversations conversations, ReplyFormatter formatter, OutboundDelivery delivery,
			ProcessedUpdates processed, CoordinatorDesk desk, PassageReferences passages, TelegramTexts texts,
			ConversationTexts conversationTexts, BotIdentity bot, TelegramClient client, MeterRegistry meters) {
		this.conversations = conversations;
		this.formatter = formatter;
		this.delivery = delivery;
		this.processed = processed;
		this.desk = desk;
		this.passages = passages;
		this.texts = texts;
		this.conversationTexts = conversationTexts;
		this.bot = bot;
		this.client = client;
		this.meters = meters;
	}

	void handle(Update update) {
		Integer updateId = update.getUpdateId();
		if (updateId == null || !this.processed.firstTime(updateId)) {
			log.debug("Telegram update {} was already handled; dropped", updateId);
			return;
		}
		try {
			if (update.hasCallbackQuery()) {
				pressed(update.getCallbackQuery());
			}
			else if (update.hasMessage()) {
				received(update.getMessage());
			}
			else if (update.hasEditedMessage()) {
				received(update.getEditedMessage());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.warn("Telegram update {} was interrupted before its replies were queued", updateId);
		}
		catch (RuntimeException ex) {
			log.error("Telegram update {} could not be handled", updateId, ex);
			apologise(update);
		}
	}

	private void received(Message message) throws InterruptedException {
		Chat chat = message.getChat();
		if (chat == null || Boolean.TRUE.equals(chat.isChannelChat())) {
			return;
		}
		if (this.desk.isCoordinatorGroup(chat.getId())) {
			// the coordinators' own group: their replies go to families; the bot answers no questions there
			this.desk.groupMessage(message);
			return;
		}
		boolean group = !Boolean.TRUE.equals(chat.isUserChat());
		Destination to = new Destination(chat.getId(), group, threadOf(message), group ? message.getMessageId() : null);
		String text = message.hasText() ? message.getText() : message.getCaption();
		List<MessageEntity> entities = message.hasText() ? message.getEntities() : message.getCaptionEntities();
		if (text == null || text.isBlank()) {
			if (carriesContent(message) && (!group || repliesToBot(message))) {
				this.delivery.enqueue(this.formatter.notice(this.texts.textOnly(), List.of(), to));
			}
			return;
		}
		Optional<MessageEntity> command = leadingCommand(entities);
		if (command.isPresent()) {
			command(message, text, command.get(), to);
			return;
		}
		boolean addressed = !group || repliesToBot(message) || mentionsBot(entities);
		List<Reply> replies = this.conversations.handle(new InboundMessage(to.conversationId(), CHANNEL,
				group ? withoutBotMentions(text, entities) : text, nameOf(message)));
		if (!addressed) {
			// a family group talking among themselves: the bot stays quiet unless a danger sign is reported
			replies = emergencyOnly(replies);
		}
		log.debug("Telegram chat {}: {} repl(ies) queued", to.conversationId(), replies.size());
		this.delivery.enqueue(this.formatter.format(replies, to));
	}

	/**
	 * A command gets the channel's own reply; its words still go through the pipeline first, so "/human he is
	 * fitting" gets the emergency message before the coordinator offer.
	 */
	private void command(Message message, String text, MessageEntity entity, Destination to)
			throws InterruptedException {
		String token = text.substring(0, entity.getLength());
		int at = token.indexOf('@');
		String name = ((at < 0) ? token.substring(1) : token.substring(1, at)).toLowerCase(Locale.ROOT);
		List<Reply> screened = this.conversations
			.screen(new InboundMessage(to.conversationId(), CHANNEL, text.strip(), nameOf(message)));
		List<OutgoingMessage> messages = new ArrayList<>(this.formatter.format(screened, to));
		if (at >= 0 && !addressedToMe(token.substring(at + 1))) {
			// another bot's command: not ours to answer, but a danger sign in it still gets the emergency message
			this.delivery.enqueue(this.formatter.format(emergencyOnly(screened), to));
			return;
		}
		switch (name) {
			case "start" -> messages.addAll(this.formatter.notice(this.texts.welcome(),
					this.formatter.suggestionButtons(this.conversationTexts.defaultSuggestions(), true), to));
			case "help" -> messages.addAll(this.formatter.notice(this.texts.help(),
					this.formatter.suggestionButtons(this.conversationTexts.defaultSuggestions(), true), to));
			case "human" -> {
				// after an emergency the urgent handoff is open already and the family has been told
				if (screened.isEmpty()) {
					messages.addAll(this.formatter
						.format(this.conversations.askForPerson(to.conversationId(), CHANNEL, nameOf(message)), to));
				}
			}
			case "forget" -> messages.addAll(this.formatter
				.format(List.of(this.conversations.forget(to.conversationId(), CHANNEL)), to));
			default -> messages.addAll(this.formatter.notice(this.texts.unknownCommand(), List.of(), to));
		}
		this.delivery.enqueue(messages);
	}

	/** The family's name as coordinators will see it: the sender's name, and the group's title in a group. */
	private static String nameOf(Message message) {
		User from = message.getFrom();
		StringBuilder name = new StringBuilder();
		if (from != null) {
			name.append(from.getFirstName());
			if (from.getLastName() != null) {
				name.append(' ').append(from.getLastName());
			}
			if (from.getUserName() != null) {
				name.append(" (@").append(from.getUserName()).append(')');
			}
		}
		Chat chat = message.getChat();
		if (chat != null && !Boolean.TRUE.equals(chat.isUserChat()) && chat.getTitle() != null) {
			name.append(name.isEmpty() ? "" : " in ").append(chat.getTitle());
		}
		return name.isEmpty() ? null : name.toString().strip();
	}

	private void pressed(CallbackQuery query) throws InterruptedException {
		MaybeInaccessibleMessage source = query.getMessage();
		Optional<ButtonData> data = ButtonData.parse(query.getData());
		if (source == null || source.getChat() == null || data.isEmpty()) {
			acknowledge(query, null);
			return;
		}
		Chat chat = source.getChat();
		boolean group = !Boolean.TRUE.equals(chat.isUserChat());
		Destination to = new Destination(chat.getId(), group,
				(source instanceof Message message) ? threadOf(message) : null, null);
		switch (data.get()) {
			case ButtonData.Ask ask -> {
				Optional<String> question = buttonLabel(source, query.getData());
				acknowledge(query, question.isPresent() ? null : this.texts.buttonExpired());
				if (question.isPresent()) {
					List<Reply> replies = this.conversations
						.handle(new InboundMessage(to.conversationId(), CHANNEL, question.get()));
					this.delivery.enqueue(this.formatter.format(replies, to));
				}
			}
			case ButtonData.Coordinator coordinator -> {
				acknowledge(query, null);
				this.delivery.enqueue(this.formatter.format(
						this.conversations.askForPerson(to.conversationId(), CHANNEL, nameOf(query.getFrom())), to));
			}
			case ButtonData.Feedback vote -> {
				String passageId = this.passages.resolve(vote.passageRef()).orElse(null);
				this.meters.counter("crs.feedback", "channel", CHANNEL, "helpful", vote.helpful() ? "yes" : "no")
					.increment();
				acknowledge(query, this.texts.feedbackThanks());
				this.delivery.enqueue(this.formatter.format(
						this.conversations.feedback(to.conversationId(), CHANNEL, passageId, vote.helpful()), to));
			}
			case ButtonData.Claim claim -> acknowledge(query, this.desk.pressed(query, claim));
			case ButtonData.Resolve resolve -> acknowledge(query, this.desk.pressed(query, resolve));
		}
	}

	/** Stops the button's spinner; {@code text}, if any, shows briefly. Best effort: a lost answer costs nothing. */
	private void acknowledge(CallbackQuery query, String text) {
		try {
			this.client.executeAsync(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).build())
				.whenComplete((ok, failure) -> {
					if (failure != null) {
						log.warn("Telegram: answerCallbackQuery failed ({})", failure.toString());
					}
				});
		}
		catch (TelegramApiException ex) {
			log.warn("Telegram: answerCallbackQuery failed ({})", ex.toString());
		}
	}

	/** After an unexpected failure, the family still hears something, including where to go if it is urgent. */
	private void apologise(Update update) {
		Message message = update.hasMessage() ? update.getMessage() : update.getEditedMessage();
		if (message == null || message.getChat() == null || !Boolean.TRUE.equals(message.getChat().isUserChat())) {
			return;
		}
		try {
			this.delivery.enqueue(this.formatter.notice(this.texts.failure(), List.of(),
					new Destination(message.getChatId(), false, threadOf(message), null)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("Telegram: could not queue the failure notice for update {}", update.getUpdateId(), ex);
		}
	}

	private static List<Reply> emergencyOnly(List<Reply> replies) {
		return replies.stream().filter(reply -> reply.kind() == ReplyKind.EMERGENCY).toList();
	}

	private static String nameOf(User user) {
		if (user == null) {
			return null;
		}
		return user.getFirstName() + ((user.getLastName() != null) ? " " + user.getLastName() : "")
				+ ((user.getUserName() != null) ? " (@" + user.getUserName() + ")" : "");
	}

	private static Optional<String> buttonLabel(MaybeInaccessibleMessage source, String data) {
		if (!(source instanceof Message message) || message.getReplyMarkup() == null) {
			return Optional.empty();
		}
		for (InlineKeyboardRow row : message.getReplyMarkup().getKeyboard()) {
			for (InlineKeyboardButton button : row) {
				if (data.equals(button.getCallbackData())) {
					return Optional.ofNullable(button.getText());
				}
			}
		}
		return Optional.empty();
	}

	private static Integer threadOf(Message message) {
		return message.isTopicMessage() ? message.getMessageThreadId() : null;
	}

	private static Optional<MessageEntity> leadingCommand(List<MessageEntity> entities) {
		if (entities == null) {
			return Optional.empty();
		}
		return entities.stream()
			.filter(e -> EntityType.BOTCOMMAND.equals(e.getType()) && Integer.valueOf(0).equals(e.getOffset()))
			.findFirst();
	}

	private boolean addressedToMe(String username) {
		return this.bot.me().map(me -> me.username().equalsIgnoreCase(username)).orElse(false);
	}

	private boolean repliesToBot(Message message) {
		Message repliedTo = message.getReplyToMessage();
		return repliedTo != null && repliedTo.getFrom() != null
				&& this.bot.me().map(me -> repliedTo.getFrom().getId() == me.id()).orElse(false);
	}

	private boolean mentionsBot(List<MessageEntity> entities) {
		return entities != null && entities.stream().anyMatch(this::mentionsBot);
	}

	private boolean mentionsBot(MessageEntity entity) {
		return this.bot.me().map(me -> {
			if (EntityType.MENTION.equals(entity.getType())) {
				return ("@" + me.username()).equalsIgnoreCase(entity.getText());
			}
			return EntityType.TEXTMENTION.equals(entity.getType()) && entity.getUser() != null
					&& entity.getUser().getId() == me.id();
		}).orElse(false);
	}

	/** "@crs_bot is fever normal?" is asked as "is fever normal?". */
	private String withoutBotMentions(String text, List<MessageEntity> entities) {
		if (entities == null) {
			return text;
		}
		StringBuilder question = new StringBuilder(text);
		entities.stream()
			.filter(e -> EntityType.MENTION.equals(e.getType()) && mentionsBot(e))
			.sorted((a, b) -> Integer.compare(b.getOffset(), a.getOffset()))
			.forEach(e -> question.delete(e.getOffset(), e.getOffset() + e.getLength()));
		return question.toString().strip();
	}

	/** Content a family sent on purpose that has no text to read (service messages are not among them). */
	private static boolean carriesContent(Message message) {
		return message.hasPhoto() || message.hasDocument() || message.hasSticker() || message.hasVoice()
				|| message.hasVideo() || message.hasVideoNote() || message.hasAudio() || message.hasAnimation()
				|| message.hasLocation() || message.getVenue() != null || message.hasContact() || message.hasPoll()
				|| message.hasDice() || message.hasStory() || message.hasPaidMedia() || message.hasChecklist()
				|| message.hasGame();
	}

}
