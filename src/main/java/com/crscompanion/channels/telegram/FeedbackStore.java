package com.crscompanion.channels.telegram;

import java.time.Instant;
import java.util.List;

/**
 * Families' 👍/👎 on answers. {@link InMemoryFeedbackStore} keeps the latest votes of this instance; the
 * database-backed store arrives with the handoff issue.
 */
interface FeedbackStore {

	void record(Vote vote);

	/** The votes kept, oldest first. */
	List<Vote> votes();

	/**
	 * One vote.
	 *
	 * @param conversationId the chat it came from
	 * @param passageId the passage voted on, or {@code null} when it is no longer in the guide
	 * @param helpful 👍 or 👎
	 * @param at when
	 */
	record Vote(String conversationId, String passageId, boolean helpful, Instant at) {
	}

}
