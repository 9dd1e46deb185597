package com.crscompanion.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Telegram updates as the Bot API sends them (JSON, without {@code update_id}), for the fake Bot API. */
final class Updates {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static int messageIds = 100;

	private Updates() {
	}

	static String text(long chatId, String text) {
		return update("message", message(chatId, "private").put("text", text));
	}

	static String edited(long chatId, String text) {
		return update("edited_message", message(chatId, "private").put("text", text).put("edit_date", 1700000100));
	}

	/** A command such as "/help" or "/human@crs_test_bot he cannot breathe". */
	static String command(long chatId, String text) {
		return update("message", withCommandEntity(message(chatId, "private").put("text", text), text));
	}

	static String groupCommand(long chatId, String text) {
		return update("message", withCommandEntity(message(chatId, "group").put("text", text), text));
	}

	static String groupText(long chatId, String text) {
		return update("message", message(chatId, "group").put("text", text));
	}

	/** A group message that starts with "@crs_test_bot ". */
	static String groupMention(long chatId, String question) {
		String text = "@" + FakeBotApi.BOT_USERNAME + " " + question;
		ObjectNode message = message(chatId, "group").put("text", text);
		message.putArray("entities")
			.addObject()
			.put("type", "mention")
			.put("offset", 0)
			.put("length", FakeBotApi.BOT_USERNAME.length() + 1);
		return update("message", message);
	}

	static String sticker(long chatId) {
		ObjectNode message = message(chatId, "private");
		message.putObject("sticker")
			.put("file_id", "sticker-file")
			.put("file_unique_id", "sticker-unique")
			.put("type", "regular")
			.put("width", 512)
			.put("height", 512)
			.put("is_animated", false)
			.put("is_video", false);
		return update("message", message);
	}

	static String voice(long chatId) {
		ObjectNode message = message(chatId, "private");
		message.putObject("voice").put("file_id", "voice-file").put("file_unique_id", "voice-unique").put("duration", 3);
		return update("message", message);
	}

	static String photo(long chatId, String caption) {
		ObjectNode message = message(chatId, "private");
		message.putArray("photo")
			.addObject()
			.put("file_id", "photo-file")
			.put("file_unique_id", "photo-unique")
			.put("width", 90)
			.put("height", 90);
		if (caption != null) {
			message.put("caption", caption);
		}
		return update("message", message);
	}

	/** A press on a button of the bot's message; the message carries its keyboard as Telegram sends it back. */
	static String button(long chatId, String data, JsonNode keyboard) {
		ObjectNode message = message(chatId, "private");
		message.put("text", "a message from the bot");
		message.putObject("from").put("id", FakeBotApi.BOT_ID).put("is_bot", true).put("first_name", "CRS");
		if (keyboard != null) {
			message.set("reply_markup", keyboard);
		}
		ObjectNode query = JSON.createObjectNode()
			.put("id", "query-" + chatId + "-" + data.hashCode())
			.put("chat_instance", "instance-" + chatId)
			.put("data", data);
		query.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Family");
		query.set("message", message);
		return update("callback_query", query);
	}

	/** A coordinator's reply, in the coordinators' group, to the bot's message {@code replyTo}. */
	static String coordinatorReply(long groupId, int replyTo, long coordinatorId, String firstName, String text) {
		ObjectNode message = message(groupId, "supergroup").put("text", text);
		message.putObject("from").put("id", coordinatorId).put("is_bot", false).put("first_name", firstName);
		ObjectNode repliedTo = message.putObject("reply_to_message").put("message_id", replyTo).put("date", 1700000000);
		repliedTo.putObject("chat").put("id", groupId).put("type", "supergroup").put("title", "Coordinators");
		repliedTo.putObject("from").put("id", FakeBotApi.BOT_ID).put("is_bot", true).put("first_name", "CRS");
		repliedTo.put("text", "a card");
		return update("message", message);
	}

	/** A coordinator pressing a card's button ({@code data}) on message {@code messageId} of chat {@code chatId}. */
	static String coordinatorButton(long chatId, int messageId, long coordinatorId, String firstName, String data) {
		ObjectNode message = message(chatId, (chatId < 0) ? "supergroup" : "private").put("message_id", messageId)
			.put("text", "a card");
		message.putObject("from").put("id", FakeBotApi.BOT_ID).put("is_bot", true).put("first_name", "CRS");
		ObjectNode query = JSON.createObjectNode()
			.put("id", "query-" + chatId + "-" + messageId + "-" + coordinatorId + "-" + data)
			.put("chat_instance", "instance-" + chatId)
			.put("data", data);
		query.putObject("from").put("id", coordinatorId).put("is_bot", false).put("first_name", firstName);
		query.set("message", message);
		return update("callback_query", query);
	}

	/** A message whose entity lies beyond its text: reading it fails inside the handler. */
	static String withBrokenEntity(long chatId) {
		ObjectNode message = message(chatId, "private").put("text", "hello");
		message.putArray("entities").addObject().put("type", "bot_command").put("offset", 50).put("length", 5);
		return update("message", message);
	}

	private static ObjectNode withCommandEntity(ObjectNode message, String text) {
		int end = text.indexOf(' ');
		ArrayNode entities = message.putArray("entities");
		entities.addObject().put("type", "bot_command").put("offset", 0).put("length", (end < 0) ? text.length() : end);
		return message;
	}

	private static ObjectNode message(long chatId, String chatType) {
		ObjectNode message = JSON.createObjectNode().put("message_id", ++messageIds).put("date", 1700000000);
		ObjectNode chat = message.putObject("chat").put("id", chatId).put("type", chatType);
		if ("private".equals(chatType)) {
			chat.put("first_name", "Family");
		}
		else {
			chat.put("title", "Family group");
		}
		message.putObject("from").put("id", Math.abs(chatId) + 7).put("is_bot", false).put("first_name", "Family");
		return message;
	}

	private static String update(String kind, ObjectNode content) {
		ObjectNode update = JSON.createObjectNode();
		update.set(kind, content);
		return update.toString();
	}

}
