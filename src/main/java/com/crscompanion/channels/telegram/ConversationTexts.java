package com.crscompanion.channels.telegram;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The text of {@code crs.messages} the Telegram channel shows itself: the default suggestions ({@code /start},
 * {@code /help}). Bound here so the channel does not reach into the conversation module's internals; the texts stay
 * in one place in {@code messages.yml}.
 */
@Validated
@ConfigurationProperties("crs.messages")
record ConversationTexts(@NotEmpty List<@NotBlank String> defaultSuggestions) {
}
