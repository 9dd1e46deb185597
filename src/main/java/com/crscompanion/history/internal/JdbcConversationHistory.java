package com.crscompanion.history.internal;

import static com.crscompanion.support.Timestamps.fromDb;
import static com.crscompanion.support.Timestamps.toDb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.crscompanion.history.Author;
import com.crscompanion.history.BotReply;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.history.ConversationInfo;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.history.LoggedMessage;
import com.crscompanion.safety.EmergencyDetected;
import com.crscompanion.safety.SignMatch;

/** {@link ConversationHistory} on the application's database (H2 file by default, PostgreSQL in production). */
@Service
class JdbcConversationHistory implements ConversationHistory {

	private static final Logger log = LoggerFactory.getLogger(JdbcConversationHistory.class);

	private static final int MAX_NAME = 200;

	private static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

	private static final int MAX_AUDIT_TEXT = 1000;

	private final JdbcClient jdbc;

	/** For batches, which {@link JdbcClient} does not do. */
	private final JdbcTemplate batches;

	private final TransactionTemplate transactions;

	/** A savepoint around an insert that may lose a race: PostgreSQL aborts the whole transaction on a duplicate key. */
	private final TransactionTemplate savepoint;

	private final Clock clock;

	JdbcConversationHistory(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.transactions = transactions;
		this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
	}

	@Override
	public Optional<String> lastBotReplyKind(ConversationRef ref) {
		return this.jdbc
			.sql("select m.kind from message m join conversation c on c.id = m.conversation_id "
					+ "where c.channel = ? and c.external_id = ? and m.author = 'BOT' and m.pushed = false "
					+ "order by m.id desc limit 1")
			.params(ref.channel(), ref.id())
			.query(String.class)
			.optional();
	}

	@Override
	public void recordTurn(ConversationRef ref, String displayName, String familyText, List<BotReply> replies) {
		this.transactions.executeWithoutResult(status -> {
			long conversation = touch(ref, displayName).reference();
			// the family's words and the replies in one batch, in this order: one round trip for the whole turn
			List<Object[]> rows = new ArrayList<>(1 + replies.size());
			rows.add(new Object[] { conversation, Author.FAMILY.name(), "message", familyText, toDb(this.clock.instant()) });
			rows.addAll(replyRows(conversation, replies));
			insertMessages(rows);
		});
	}

	@Override
	public long recordFamilyMessage(ConversationRef ref, String displayName, String text) {
		return this.transactions.execute(status -> insertFamilyMessage(touch(ref, displayName).reference(), text));
	}

	@Override
	public void recordBotReplies(ConversationRef ref, List<BotReply> replies) {
		if (!replies.isEmpty()) {
			this.transactions.executeWithoutResult(status -> insertBotReplies(touch(ref, null).reference(), replies));
		}
	}

	private long insertFamilyMessage(long conversation, String text) {
		return insertMessage(conversation, Author.FAMILY, null, "message", text, false);
	}

	private void insertBotReplies(long conversation, List<BotReply> replies) {
		if (replies.isEmpty()) {
			return;
		}
		insertMessages(replyRows(conversation, replies));
	}

	private List<Object[]> replyRows(long conversation, List<BotReply> replies) {
		Instant now = this.clock.instant();
		return replies.stream()
			.map(reply -> new Object[] { conversation, Author.BOT.name(), reply.kind(), reply.text(), toDb(now) })
			.toList();
	}

	/** Rows of (conversation, author, kind, body, created at): messages not pushed, with no author name. */
	private void insertMessages(List<Object[]> rows) {
		this.batches.batchUpdate("insert into message (conversation_id, author, author_name, kind, body, pushed, "
				+ "created_at) values (?, ?, null, ?, ?, false, ?)", rows);
	}

	/**
	 * The conversation, created on first use, marked seen now. One statement on the usual path: "last seen" only
	 * feeds the retention purge, counted in days, so a family writing again within {@link #LAST_SEEN_RESOLUTION}
	 * does not rewrite it (an emergency stores its words, its audit, its handoff and its replies one after another).
	 */
	@Override
	public ConversationInfo touch(ConversationRef ref, String displayName) {
		Instant now = this.clock.instant();
		String name = clip(displayName, MAX_NAME);
		Optional<Seen> existing = seen(ref);
		if (existing.isEmpty()) {
			try {
				long id = this.savepoint.execute(status -> {
					KeyHolder keys = new GeneratedKeyHolder();
					this.jdbc
						.sql("insert into conversation (channel, external_id, display_name, first_seen, last_seen) "
								+ "values (?, ?, ?, ?, ?)")
						.params(ref.channel(), ref.id(), name, toDb(now), toDb(now))
						.update(keys, "id");
					return keys.getKey().longValue();
				});
				// as a read would give it back: the databases round to the microsecond
				return new ConversationInfo(ref, id, name, now.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
			}
			catch (DuplicateKeyException ex) {
				// another thread or instance created it first: theirs is as good
				existing = seen(ref);
			}
		}
		Seen conversation = existing.orElseThrow();
		ConversationInfo info = conversation.info();
		boolean renamed = name != null && !name.equals(info.displayName());
		if (renamed || !conversation.lastSeen().isAfter(now.minus(LAST_SEEN_RESOLUTION))) {
			this.jdbc.sql("update conversation set last_seen = ?, display_name = coalesce(?, display_name) where id = ?")
				.params(toDb(now), name, info.reference())
				.update();
		}
		return renamed ? new ConversationInfo(ref, info.reference(), name, info.firstSeen()) : info;
	}

	private record Seen(ConversationInfo info, Instant lastSeen) {
	}

	private Optional<Seen> seen(ConversationRef ref) {
		return this.jdbc.sql("select * from conversation where channel = ? and external_id = ?")
			.params(ref.channel(), ref.id())
			.query((rs, row) -> new Seen(INFO.mapRow(rs, row), fromDb(rs, "last_seen")))
			.optional();
	}

	private long insertMessage(long conversation, Author author, String authorName, String kind, String text,
			boolean pushed) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into message (conversation_id, author, author_name, kind, body, pushed, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(conversation, author.name(), clip(authorName, MAX_NAME), kind, text, pushed,
					toDb(this.clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	@Override
	public Optional<ConversationInfo> find(ConversationRef ref) {
		return seen(ref).map(Seen::info);
	}

	@Override
	public Optional<ConversationInfo> find(long reference) {
		return this.jdbc.sql("select * from conversation where id = ?").params(reference).query(INFO).optional();
	}

	@Override
	public long record(ConversationRef ref, Author author, String authorName, String kind, String text,
			boolean pushed) {
		return this.transactions
			.execute(status -> insertMessage(touch(ref, null).reference(), author, authorName, kind, text, pushed));
	}

	@Override
	public List<LoggedMessage> recent(ConversationRef ref, int limit) {
		List<LoggedMessage> newestFirst = this.jdbc
			.sql("select m.* from message m join conversation c on c.id = m.conversation_id "
					+ "where c.channel = ? and c.external_id = ? order by m.id desc limit ?")
			.params(ref.channel(), ref.id(), limit)
			.query(MESSAGE)
			.list();
		return newestFirst.reversed();
	}

	@Override
	public List<LoggedMessage> pushedAfter(ConversationRef ref, long afterId) {
		return this.jdbc
			.sql("select m.* from message m join conversation c on c.id = m.conversation_id "
					+ "where c.channel = ? and c.external_id = ? and m.pushed = true and m.id > ? order by m.id "
					+ "limit 200")
			.params(ref.channel(), ref.id(), afterId)
			.query(MESSAGE)
			.list();
	}

	@Override
	public void recordFeedback(ConversationRef ref, String passageId, boolean helpful) {
		this.transactions.executeWithoutResult(status -> {
			long conversation = touch(ref, null).reference();
			this.jdbc
				.sql("insert into feedback (conversation_id, passage_id, helpful, created_at) values (?, ?, ?, ?)")
				.params(conversation, clip(passageId, 200), helpful, toDb(this.clock.instant()))
				.update();
		});
	}

	@Override
	public List<Boolean> recentFeedback(ConversationRef ref, int limit) {
		return this.jdbc
			.sql("select f.helpful from feedback f join conversation c on c.id = f.conversation_id "
					+ "where c.channel = ? and c.external_id = ? order by f.id desc limit ?")
			.params(ref.channel(), ref.id(), limit)
			.query(Boolean.class)
			.list();
	}

	@Override
	public boolean forget(ConversationRef ref) {
		Boolean found = this.transactions.execute(status -> {
			Optional<ConversationInfo> info = find(ref);
			if (info.isEmpty()) {
				return false;
			}
			long id = info.get().reference();
			this.jdbc.sql("update emergency_audit set conversation_id = null, matched_text = null "
					+ "where conversation_id = ?").params(id).update();
			// handoffs, their triggers, relays, messages and feedback go with the conversation (on delete cascade)
			this.jdbc.sql("delete from conversation where id = ?").params(id).update();
			return true;
		});
		return Boolean.TRUE.equals(found);
	}

	/** Audits every emergency: which signs, what words matched (not the whole message), when and where. */
	@EventListener
	void onEmergency(EmergencyDetected event) {
		try {
			ConversationRef ref = new ConversationRef(event.channel(), event.conversationId());
			long conversation = touch(ref, null).reference();
			List<SignMatch> raised = event.matches().stream().filter(SignMatch::raisesAlarm).toList();
			String signs = raised.stream().map(m -> m.sign().name()).distinct().collect(Collectors.joining(","));
			String matched = raised.stream().map(SignMatch::matchedText).distinct().collect(Collectors.joining(" | "));
			this.jdbc
				.sql("insert into emergency_audit (conversation_id, channel, language, signs, matched_text, "
						+ "detected_at) values (?, ?, ?, ?, ?, ?)")
				.params(conversation, event.channel(), clip(event.language(), 8),
						signs.isEmpty() ? "UNSPECIFIED" : clip(signs, 500), clip(matched, MAX_AUDIT_TEXT),
						toDb(event.detectedAt()))
				.update();
		}
		catch (RuntimeException ex) {
			// the family already has the emergency message; a lost audit row must not cost anything else
			log.error("Could not store the emergency audit for a {} conversation", event.channel(), ex);
		}
	}

	/** Deletes what is older than the retention period. */
	int purge(Instant cutoff) {
		return this.transactions.execute(status -> {
			int gone = this.jdbc
				.sql("delete from conversation where last_seen < ? and id not in "
						+ "(select open_conversation from handoff where open_conversation is not null)")
				.params(toDb(cutoff))
				.update();
			gone += this.jdbc.sql("delete from message where created_at < ?").params(toDb(cutoff)).update();
			gone += this.jdbc.sql("delete from feedback where created_at < ?").params(toDb(cutoff)).update();
			gone += this.jdbc.sql("delete from emergency_audit where detected_at < ?").params(toDb(cutoff)).update();
			return gone;
		});
	}

	static String clip(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	private static final RowMapper<ConversationInfo> INFO = (rs, row) -> new ConversationInfo(
			new ConversationRef(rs.getString("channel"), rs.getString("external_id")), rs.getLong("id"),
			rs.getString("display_name"), fromDb(rs, "first_seen"));

	private static final RowMapper<LoggedMessage> MESSAGE = (rs, row) -> new LoggedMessage(rs.getLong("id"),
			Author.valueOf(rs.getString("author")), rs.getString("author_name"), rs.getString("kind"),
			rs.getString("body"), rs.getBoolean("pushed"), fromDb(rs, "created_at"));

}
