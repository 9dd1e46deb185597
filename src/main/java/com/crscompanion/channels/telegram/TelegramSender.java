package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Sends one message with the library's client and says what became of it. */
final class TelegramSender {

	private final TelegramClient client;

	TelegramSender(TelegramClient client) {
		this.client = client;
	}

	/** What became of a send. */
	sealed interface Outcome {

		/** Delivered; {@code messageId} is Telegram's id for the new message ({@code null} for an edit). */
		record Sent(Integer messageId) implements Outcome {
		}

		/** Telegram's flood control (429): send again after {@code wait}. */
		record RetryAfter(Duration delay) implements Outcome {
		}

		/** A 5xx, a network failure or a timeout: worth trying again. */
		record Failed(String reason) implements Outcome {
		}

		/** Telegram will never accept this message (blocked by the user, chat gone, malformed). */
		record Refused(String reason) implements Outcome {
		}

	}

	CompletableFuture<Outcome> send(OutgoingMessage message) {
		try {
			if (message.editMessageId() != null) {
				return this.client.executeAsync(edit(message))
					.handle((edited, failure) -> (failure == null) ? new Outcome.Sent(null) : editOutcome(failure));
			}
			return this.client.executeAsync(request(message))
				.handle((sent, failure) -> (failure == null) ? new Outcome.Sent((sent != null) ? sent.getMessageId() : null)
						: outcomeOf(failure));
		}
		catch (TelegramApiException | RuntimeException ex) {
			return CompletableFuture.completedFuture(outcomeOf(ex));
		}
	}

	/** Changes a card in place; its buttons are replaced too (none left once resolved). */
	static EditMessageText edit(OutgoingMessage message) {
		return EditMessageText.builder()
			.chatId(message.chatId())
			.messageId(message.editMessageId())
			.text(message.html())
			.parseMode(ParseMode.HTML)
			.replyMarkup(new InlineKeyboardMarkup(rows(message)))
			.build();
	}

	/** An edit that changes nothing is refused by Telegram ("message is not modified"): it is done already. */
	private static Outcome editOutcome(Throwable failure) {
		Outcome outcome = outcomeOf(failure);
		if (outcome instanceof Outcome.Refused refused && refused.reason().contains("message is not modified")) {
			return new Outcome.Sent(null);
		}
		return outcome;
	}

	private static List<InlineKeyboardRow> rows(OutgoingMessage message) {
		return message.keyboard()
			.stream()
			.map(row -> new InlineKeyboardRow(row.stream()
				.map(button -> InlineKeyboardButton.builder()
					.text(button.label())
					.callbackData(button.callbackData())
					.build())
				.toList()))
			.toList();
	}

	static SendMessage request(OutgoingMessage message) {
		SendMessage.SendMessageBuilder<?, ?> request = SendMessage.builder()
			.chatId(message.chatId())
			.text(message.html())
			.parseMode(ParseMode.HTML)
			.messageThreadId(message.threadId());
		if (message.replyToMessageId() != null) {
			request.replyParameters(ReplyParameters.builder()
				.messageId(message.replyToMessageId())
				.allowSendingWithoutReply(true)
				.build());
		}
		if (!message.keyboard().isEmpty()) {
			request.replyMarkup(new InlineKeyboardMarkup(rows(message)));
		}
		return request.build();
	}

	static Outcome outcomeOf(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof TelegramApiRequestException request && request.getErrorCode() != null
				&& request.getErrorCode() > 0) {
			int code = request.getErrorCode();
			if (code == 429) {
				Integer seconds = (request.getParameters() != null) ? request.getParameters().getRetryAfter() : null;
				return new Outcome.RetryAfter(Duration.ofSeconds((seconds != null && seconds > 0) ? seconds : 1));
			}
			if (code >= 500) {
				return new Outcome.Failed("HTTP " + code);
			}
			return new Outcome.Refused(code + " " + request.getApiResponse());
		}
		if (cause instanceof TelegramApiValidationException) {
			return new Outcome.Refused(cause.getMessage());
		}
		// no Bot API answer: a network failure, a timeout, or an error page from something in between
		return new Outcome.Failed(describe(cause));
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage().lines().findFirst().orElse("") : "";
		return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
	}

}
