/**
 * Channels: translate between a messaging surface (web chat, command line, later Telegram) and the conversation
 * pipeline. A channel never answers on its own; every text goes to {@link com.crscompanion.conversation.Conversations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package com.crscompanion.channels;
