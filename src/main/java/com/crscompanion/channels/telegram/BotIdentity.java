package com.crscompanion.channels.telegram;

import java.util.Optional;

/**
 * Who the bot is on Telegram, known once {@code getMe} has answered. Until then the channel is not ready: the
 * webhook asks Telegram to resend (503) and polling has not started.
 */
final class BotIdentity {

	private volatile Me me;

	/**
	 * @param id the bot's user id
	 * @param username the bot's @username without the @, used to tell when a group message is addressed to it
	 */
	record Me(long id, String username) {
	}

	void known(Me me) {
		this.me = me;
	}

	Optional<Me> me() {
		return Optional.ofNullable(this.me);
	}

	boolean ready() {
		return this.me != null;
	}

}
