package com.crscompanion.channels.telegram;

/** Telegram texts for unit tests, distinct enough to find in a message. */
final class TelegramTestTexts {

	private TelegramTestTexts() {
	}

	static TelegramTexts texts() {
		return new TelegramTexts("Welcome.\n\nNot a doctor.", "Help.", "Unknown command.", "Text only.", "Failure.",
				"From the guide: ", "Talk to a coordinator", "Was this helpful?", "👍 Yes", "👎 No", "Thanks.",
				"Expired.", new TelegramTexts.Commands("start it", "get help", "a human", "forget me"),
				new TelegramTexts.Desk("Claim", "Resolve", "Claimed.", "{name} has it.", "Closed.", "Not here.",
						"Resolved."));
	}

}
