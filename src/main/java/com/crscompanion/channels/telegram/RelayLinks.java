package com.crscompanion.channels.telegram;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.crscompanion.support.Timestamps;

/**
 * Which message in the coordinators' group belongs to which handoff, recorded when Telegram accepts it: a
 * coordinator's reply to a card or a relayed message is routed by it, and cards are edited through it.
 */
final class RelayLinks {

	private final JdbcClient jdbc;

	private final Clock clock;

	RelayLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Called for every delivered message; records those that carry a handoff. */
	void delivered(OutgoingMessage message, Integer messageId) {
		if (message.handoffId() == null || messageId == null || message.editMessageId() != null) {
			return;
		}
		this.jdbc
			.sql("insert into telegram_relay (chat_id, message_id, handoff_id, card, sent_at) values (?, ?, ?, ?, ?)")
			.params(message.chatId(), messageId, message.handoffId(), message.card(),
					Timestamps.toDb(this.clock.instant()))
			.update();
	}

	Optional<Long> handoffOf(long chatId, int messageId) {
		return this.jdbc.sql("select handoff_id from telegram_relay where chat_id = ? and message_id = ?")
			.params(chatId, messageId)
			.query(Long.class)
			.optional();
	}

	/** The handoff's cards, oldest first. */
	List<Integer> cards(long handoffId) {
		return this.jdbc
			.sql("select message_id from telegram_relay where handoff_id = ? and card = true order by sent_at, message_id")
			.params(handoffId)
			.query(Integer.class)
			.list();
	}

	Integer latestCard(long handoffId) {
		List<Integer> cards = cards(handoffId);
		return cards.isEmpty() ? null : cards.getLast();
	}

}
