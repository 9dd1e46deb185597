package com.crscompanion.handoff;

import com.crscompanion.history.ConversationRef;

/**
 * Something to deliver to a family outside a reply: a coordinator's answer, or the notice that they are back with
 * the bot. Already stored in the history (so the web chat shows it); channels that push (Telegram) send it.
 *
 * @param conversation to whom
 * @param fromCoordinator the coordinator's first name, or {@code null} for the bot's notice
 * @param text what to say
 */
public record MessageToFamily(ConversationRef conversation, String fromCoordinator, String text) {
}
