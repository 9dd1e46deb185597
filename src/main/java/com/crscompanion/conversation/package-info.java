/**
 * Conversation: the one pipeline every channel uses. Inbound text goes through the emergency guard first, then
 * small talk, then retrieval, and comes out as channel-independent replies.
 * <p>
 * API: {@link com.crscompanion.conversation.Conversations}, {@link com.crscompanion.conversation.InboundMessage},
 * {@link com.crscompanion.conversation.Reply}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package com.crscompanion.conversation;
