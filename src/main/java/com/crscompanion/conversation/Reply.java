package com.crscompanion.conversation;

import java.util.List;

/**
 * One message back to the family.
 *
 * @param kind what it is
 * @param text what to show, for answers the guide's own words
 * @param source for answers, where in the guide it comes from ("How CRS Is Treated › Tocilizumab"), else {@code null}
 * @param disclaimer for answers, the guide's disclaimer that must accompany them, else {@code null}
 * @param suggestions questions the family can tap to ask next (may be empty)
 * @param passageId for answers, the passage id (for feedback and evaluation), else {@code null}
 */
public record Reply(ReplyKind kind, String text, String source, String disclaimer, List<String> suggestions,
		String passageId) {

	public Reply {
		suggestions = (suggestions == null) ? List.of() : List.copyOf(suggestions);
	}

	public static Reply of(ReplyKind kind, String text) {
		return new Reply(kind, text, null, null, List.of(), null);
	}

}
