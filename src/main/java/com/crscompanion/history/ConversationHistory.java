package com.crscompanion.history;

import java.util.List;
import java.util.Optional;

/** The stored conversations. Never log what it returns at INFO: it is health data. */
public interface ConversationHistory {

	/** Creates the conversation on first use; returns it. {@code displayName} updates the stored name when given. */
	ConversationInfo touch(ConversationRef ref, String displayName);

	Optional<ConversationInfo> find(ConversationRef ref);

	Optional<ConversationInfo> find(long reference);

	/**
	 * The kind of the bot's last own reply ("fallback", "answer"...), if any; coordinators' words and pushed notices do
	 * not count. Reads only.
	 */
	Optional<String> lastBotReplyKind(ConversationRef ref);

	/**
	 * Stores one turn: a family's message and the bot's replies, in order, in one transaction, creating the conversation
	 * on first use and updating its name when given.
	 */
	void recordTurn(ConversationRef ref, String displayName, String familyText, List<BotReply> replies);

	/** Stores a family's message on its own, for when others must see it before the replies exist; returns its id. */
	long recordFamilyMessage(ConversationRef ref, String displayName, String text);

	/** Stores the bot's replies to one message, in order, in one transaction. */
	void recordBotReplies(ConversationRef ref, List<BotReply> replies);

	/** Stores one message; returns its id. */
	long record(ConversationRef ref, Author author, String authorName, String kind, String text, boolean pushed);

	/** The last {@code limit} messages, oldest first. */
	List<LoggedMessage> recent(ConversationRef ref, int limit);

	/** Pushed messages with an id above {@code afterId}, oldest first: what the web chat has not shown yet. */
	List<LoggedMessage> pushedAfter(ConversationRef ref, long afterId);

	void recordFeedback(ConversationRef ref, String passageId, boolean helpful);

	/** The last {@code limit} votes, newest first: {@code true} for 👍. */
	List<Boolean> recentFeedback(ConversationRef ref, int limit);

	/**
	 * Deletes the conversation, its messages and feedback (handoffs go with it); the emergency audit keeps the signs
	 * and the time but loses the conversation and the words.
	 *
	 * @return whether there was anything to delete
	 */
	boolean forget(ConversationRef ref);

}
