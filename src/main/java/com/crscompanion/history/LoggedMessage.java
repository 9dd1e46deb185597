package com.crscompanion.history;

import java.time.Instant;

/**
 * One stored message.
 *
 * @param id increasing with time within a conversation
 * @param author who wrote it
 * @param authorName a coordinator's first name, else {@code null}
 * @param kind the reply kind in lower case ("answer", "emergency"...), or "message" for a family's text
 * @param text what was said
 * @param pushed sent on its own rather than as a reply to the family (a coordinator's answer, a notice)
 * @param at when
 */
public record LoggedMessage(long id, Author author, String authorName, String kind, String text, boolean pushed,
		Instant at) {
}
