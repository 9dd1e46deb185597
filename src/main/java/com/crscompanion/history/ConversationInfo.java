package com.crscompanion.history;

import java.time.Instant;

/**
 * What coordinators see of a family.
 *
 * @param ref the conversation
 * @param reference the number quoted on cards and in the console
 * @param displayName the family's name as the channel gives it, or {@code null}
 * @param firstSeen first message
 */
public record ConversationInfo(ConversationRef ref, long reference, String displayName, Instant firstSeen) {
}
