package com.crscompanion.conversation;

import java.util.List;

/**
 * Handles a family's message. The first reply is the emergency message whenever the text reports a danger sign;
 * nothing after the guard can remove or delay it.
 */
public interface Conversations {

	List<Reply> handle(InboundMessage message);

}
