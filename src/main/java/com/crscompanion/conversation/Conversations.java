package com.crscompanion.conversation;

import java.util.List;

/**
 * Handles a family's message. The first reply is the emergency message whenever the text reports a danger sign;
 * nothing after the guard can remove or delay it.
 */
public interface Conversations {

	List<Reply> handle(InboundMessage message);

	/**
	 * Only the guard's part, for words that are not a question (a command's arguments): the emergency message and
	 * the coordinators' alert when they report a danger sign, else nothing. The words are stored like any message,
	 * unless they are only the command itself ("/start", "/forget"): nothing worth keeping, and {@code /forget} must
	 * not leave its own word behind.
	 */
	List<Reply> screen(InboundMessage message);

	/** The family asked for a person with a command or a button: opens the handoff and says what happens next. */
	List<Reply> askForPerson(String conversationId, String channel, String displayName);

	/** A 👍/👎 on an answer; the second 👎 in a row hands the family to a coordinator. */
	List<Reply> feedback(String conversationId, String channel, String passageId, boolean helpful);

	/** Deletes what is stored about the family's conversation and says so. */
	Reply forget(String conversationId, String channel);

}
