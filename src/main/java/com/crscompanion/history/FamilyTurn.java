package com.crscompanion.history;

import java.util.Optional;

/**
 * A family's message as stored, with what the pipeline needs to know about the turn before it.
 *
 * @param reference the conversation's number
 * @param messageId the stored message
 * @param lastBotReplyKind kind of the bot's last own reply before this message ("fallback", "answer"...), if any;
 * coordinators' words and pushed notices do not count
 */
public record FamilyTurn(long reference, long messageId, Optional<String> lastBotReplyKind) {
}
