package com.crscompanion.history;

/**
 * One of the bot's replies to a family's message.
 *
 * @param kind the reply kind in lower case ("answer", "emergency"...)
 * @param text what was said
 */
public record BotReply(String kind, String text) {
}
