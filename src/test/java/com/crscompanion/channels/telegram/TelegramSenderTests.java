package com.crscompanion.channels.telegram;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import com.crscompanion.channels.telegram.OutgoingMessage.Button;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramSenderTests {

	@Test
	void tooManyRequestsWaitsTheRetryAfterTelegramGives() {
		assertThat(TelegramSender.outcomeOf(apiError(429, 7)))
			.isEqualTo(new TelegramSender.Outcome.RetryAfter(Duration.ofSeconds(7)));
		assertThat(TelegramSender.outcomeOf(new CompletionException(apiError(429, null))))
			.isEqualTo(new TelegramSender.Outcome.RetryAfter(Duration.ofSeconds(1)));
	}

	@Test
	void serverErrorsTimeoutsAndForeignErrorPagesAreRetried() {
		assertThat(TelegramSender.outcomeOf(apiError(502, null))).isInstanceOf(TelegramSender.Outcome.Failed.class);
		assertThat(TelegramSender.outcomeOf(
				new TelegramApiException("Unable to execute sendmessage method", new SocketTimeoutException("timeout"))))
			.isEqualTo(new TelegramSender.Outcome.Failed("SocketTimeoutException: timeout"));
		assertThat(TelegramSender.outcomeOf(
				new TelegramApiRequestException("Unable to deserialize response", new IOException("<html>\nbad"))))
			.isEqualTo(new TelegramSender.Outcome.Failed("IOException: <html>"));
	}

	@Test
	void aRefusalIsFinal() {
		assertThat(TelegramSender.outcomeOf(apiError(403, null))).isInstanceOf(TelegramSender.Outcome.Refused.class);
		assertThat(TelegramSender.outcomeOf(apiError(400, null))).isInstanceOf(TelegramSender.Outcome.Refused.class);
	}

	@Test
	void theRequestIsHtmlWithItsKeyboardThreadAndReply() {
		OutgoingMessage message = new OutgoingMessage(-42, true, 5, 77, "<b>hi</b>",
				List.of(List.of(new Button("Yes", "fb:y:x"), new Button("No", "fb:n:x"))), true);
		SendMessage request = TelegramSender.request(message);
		assertThat(request.getChatId()).isEqualTo("-42");
		assertThat(request.getParseMode()).isEqualToIgnoringCase("html");
		assertThat(request.getMessageThreadId()).isEqualTo(5);
		assertThat(request.getReplyParameters().getMessageId()).isEqualTo(77);
		assertThat(request.getReplyParameters().getAllowSendingWithoutReply()).isTrue();
		assertThat(request.getReplyMarkup().toString()).contains("fb:y:x").contains("fb:n:x");
	}

	private static TelegramApiRequestException apiError(int code, Integer retryAfter) {
		ResponseParameters parameters = new ResponseParameters();
		parameters.setRetryAfter(retryAfter);
		ApiResponse<Boolean> response = ApiResponse.<Boolean>builder()
			.ok(false)
			.errorCode(code)
			.errorDescription("error " + code)
			.parameters(parameters)
			.build();
		return new TelegramApiRequestException("Error executing sendmessage", response);
	}

}
