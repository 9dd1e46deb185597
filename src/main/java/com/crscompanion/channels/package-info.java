/**
 * Channels: translate between a messaging surface (web chat, Telegram, command line) and the conversation pipeline.
 * A channel never answers a family's text on its own; every text goes to
 * {@link com.crscompanion.conversation.Conversations}. Channels answer only their own commands and notices
 * (Telegram's {@code /start}, "I can only read text"). The coordinators' side (Telegram group, web console) acts on
 * {@link com.crscompanion.handoff.Handoffs}.
 * <p>
 * API: {@link com.crscompanion.channels.CommandLine}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package com.crscompanion.channels;
