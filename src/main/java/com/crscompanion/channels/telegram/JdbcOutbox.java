package com.crscompanion.channels.telegram;

import static com.crscompanion.support.Timestamps.fromDb;
import static com.crscompanion.support.Timestamps.toDb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox in the database: a reply, a handoff card or a coordinator's answer survives a restart, and several
 * instances share the sending. A message is taken with a lease (a conditional update, so one instance wins); a lease
 * that runs out (its instance died mid-send) lets another instance send the message, which may then arrive twice
 * rather than never.
 */
final class JdbcOutbox implements Outbox {

	/** Waiting rows looked at per claim; far more than Telegram's limits let out in one pass. */
	private static final int SCAN = 500;

	private static final TypeReference<List<List<OutgoingMessage.Button>>> KEYBOARD = new TypeReference<>() {
	};

	private static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> !r.message.urgent())
		.thenComparingLong(r -> r.id);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final int capacity;

	private final Duration lease;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	JdbcOutbox(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json, int capacity, Duration lease,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.capacity = capacity;
		this.lease = lease;
		this.clock = clock;
	}

	private record Row(long id, OutgoingMessage message, int attempts, Instant queuedAt, Instant notBefore,
			Instant leaseUntil) {

		Queued view() {
			return new Queued(this.id, this.message, this.attempts, this.queuedAt);
		}

	}

	@Override
	public void add(List<OutgoingMessage> messages) throws InterruptedException {
		if (messages.isEmpty()) {
			return;
		}
		boolean urgent = messages.stream().anyMatch(OutgoingMessage::urgent);
		// a reply larger than the whole outbox still goes in once the outbox is empty
		for (int waiting = size(); !urgent && waiting > 0 && waiting + messages.size() > this.capacity; waiting = size()) {
			Thread.sleep(100);
		}
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult(status -> {
			for (OutgoingMessage message : messages) {
				this.jdbc
					.sql("insert into telegram_outbox (chat_id, group_chat, thread_id, reply_to, edit_message_id, html, "
							+ "keyboard, urgent, handoff_id, card, queued_at, not_before, attempts) "
							+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
					.params(message.chatId(), message.groupChat(), message.threadId(), message.replyToMessageId(),
							message.editMessageId(), message.html(), write(message.keyboard()), message.urgent(),
							message.handoffId(), message.card(), toDb(now),
							toDb(now))
					.update();
			}
		});
	}

	@Override
	public Claim claim(Instant now, SendPermit permit) {
		List<Row> rows = this.jdbc.sql("select * from telegram_outbox order by id limit " + SCAN).query(this.row).list();
		Map<Long, List<Row>> chats = new LinkedHashMap<>();
		rows.forEach(row -> chats.computeIfAbsent(row.message.chatId(), id -> new ArrayList<>()).add(row));
		List<Row> ready = new ArrayList<>();
		Instant earliest = null;
		for (List<Row> line : chats.values()) {
			if (line.stream().anyMatch(row -> row.leaseUntil != null && row.leaseUntil.isAfter(now))) {
				continue;
			}
			Row head = line.stream().min(ORDER).orElseThrow();
			Duration wait = permit.waitFor(head.message.chatId(), head.message.groupChat(), now);
			Instant readyAt = later(head.notBefore, now.plus(wait));
			if (readyAt.isAfter(now)) {
				earliest = (earliest == null || readyAt.isBefore(earliest)) ? readyAt : earliest;
			}
			else {
				ready.add(head);
			}
		}
		ready.sort(ORDER);
		for (Row head : ready) {
			int taken = this.jdbc
				.sql("update telegram_outbox set lease_owner = ?, lease_until = ? where id = ? "
						+ "and (lease_until is null or lease_until <= ?)")
				.params(this.owner, toDb(now.plus(this.lease)), head.id, toDb(now))
				.update();
			if (taken == 1) {
				return new Claim.Ready(head.view());
			}
		}
		return (earliest != null) ? new Claim.WaitUntil(earliest) : new Claim.Idle();
	}

	@Override
	public void delivered(Queued message) {
		this.jdbc.sql("delete from telegram_outbox where id = ?").params(message.id()).update();
	}

	@Override
	public void drop(Queued message) {
		delivered(message);
	}

	@Override
	public void retryAt(Queued message, Instant notBefore) {
		this.jdbc
			.sql("update telegram_outbox set attempts = attempts + 1, not_before = ?, lease_owner = null, "
					+ "lease_until = null where id = ?")
			.params(toDb(notBefore), message.id())
			.update();
	}

	@Override
	public int size() {
		return this.jdbc.sql("select count(*) from telegram_outbox").query(Integer.class).single();
	}

	private String write(List<List<OutgoingMessage.Button>> keyboard) {
		try {
			return this.json.writeValueAsString(keyboard);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Keyboard not serialisable", ex);
		}
	}

	private List<List<OutgoingMessage.Button>> read(String keyboard) {
		try {
			return this.json.readValue(keyboard, KEYBOARD);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored keyboard unreadable", ex);
		}
	}

	private final RowMapper<Row> row = (rs, n) -> {
		OutgoingMessage message = new OutgoingMessage(rs.getLong("chat_id"), rs.getBoolean("group_chat"),
				rs.getObject("thread_id", Integer.class), rs.getObject("reply_to", Integer.class),
				rs.getString("html"), read(rs.getString("keyboard")), rs.getBoolean("urgent"),
				rs.getObject("edit_message_id", Integer.class), rs.getObject("handoff_id", Long.class),
				rs.getBoolean("card"));
		return new Row(rs.getLong("id"), message, rs.getInt("attempts"), fromDb(rs, "queued_at"),
				fromDb(rs, "not_before"), fromDb(rs, "lease_until"));
	};

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
