package com.crscompanion.handoff.internal;

import static com.crscompanion.support.Timestamps.fromDb;
import static com.crscompanion.support.Timestamps.toDb;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.crscompanion.handoff.Coordinator;
import com.crscompanion.handoff.FamilyMessageRelayed;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.HandoffAnnounced;
import com.crscompanion.handoff.HandoffChanged;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.handoff.MessageToFamily;
import com.crscompanion.handoff.OfficeHours;
import com.crscompanion.handoff.Trigger;
import com.crscompanion.history.Author;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.history.ConversationInfo;
import com.crscompanion.history.ConversationRef;

/**
 * {@link Handoffs} on the database. Every change of state is one conditional statement ({@code ... where status =
 * 'OPEN'}), so two instances pressing Claim at once get one winner; events go out after the change is committed.
 */
class JdbcHandoffs implements Handoffs {

	private static final Logger log = LoggerFactory.getLogger(JdbcHandoffs.class);

	private static final String SELECT = "select h.*, c.channel, c.external_id, c.display_name from handoff h "
			+ "join conversation c on c.id = h.conversation_id ";

	static final int TRIGGERS_PER_REASON = 10;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	/** A savepoint around an insert that may lose a race: PostgreSQL aborts the whole transaction on a duplicate key. */
	private final TransactionTemplate savepoint;

	private final ConversationHistory history;

	private final OfficeHours officeHours;

	private final HandoffProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JdbcHandoffs(JdbcClient jdbc, TransactionTemplate transactions, ConversationHistory history,
			OfficeHours officeHours, HandoffProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.history = history;
		this.officeHours = officeHours;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Requested request(ConversationRef conversation, Trigger trigger) {
		Instant now = this.clock.instant();
		Trigger stamped = new Trigger(trigger.reason(), trigger.signs(), trigger.matchedText(),
				(trigger.at() != null) ? trigger.at() : now);
		boolean urgent = trigger.reason() == Trigger.Reason.EMERGENCY;
		Change change = this.transactions.execute(status -> {
			ConversationInfo info = this.history.touch(conversation, null);
			long id;
			boolean opened = false;
			boolean raised = false;
			Optional<Long> existing = openId(info.reference());
			if (existing.isPresent()) {
				id = existing.get();
			}
			else {
				Optional<Long> created = insert(info.reference(), urgent, now);
				opened = created.isPresent();
				// lost a race with another instance: add to the handoff it opened
				id = created.orElseGet(() -> openId(info.reference()).orElseThrow());
			}
			addTrigger(id, stamped);
			if (!opened && urgent) {
				raised = this.jdbc
					.sql("update handoff set priority = 'URGENT', last_announced_at = ?, version = version + 1 "
							+ "where id = ? and priority <> 'URGENT'")
					.params(toDb(now), id)
					.update() == 1;
			}
			return new Change(id, opened, raised);
		});
		Handoff handoff = find(change.id).orElseThrow();
		log.info("Handoff {} {} ({}, {})", handoff.id(), change.opened ? "opened" : "updated", trigger.reason(),
				handoff.priority());
		if (change.opened || change.raised) {
			this.events.publishEvent(new HandoffAnnounced(handoff, change.raised));
		}
		else {
			this.events.publishEvent(new HandoffChanged(handoff));
		}
		boolean open = this.officeHours.isOpen(now);
		return new Requested(handoff, change.opened, open, open ? "" : this.officeHours.describeNextOpening(now));
	}

	private record Change(long id, boolean opened, boolean raised) {
	}

	private Optional<Long> openId(long conversation) {
		return this.jdbc.sql("select id from handoff where open_conversation = ?")
			.params(conversation)
			.query(Long.class)
			.optional();
	}

	private Optional<Long> insert(long conversation, boolean urgent, Instant now) {
		try {
			return Optional.of(this.savepoint.execute(status -> {
				KeyHolder keys = new GeneratedKeyHolder();
				this.jdbc
					.sql("insert into handoff (conversation_id, open_conversation, status, priority, opened_at, "
							+ "last_announced_at, version) values (?, ?, 'OPEN', ?, ?, ?, 0)")
					.params(conversation, conversation, urgent ? "URGENT" : "NORMAL", toDb(now), toDb(now))
					.update(keys, "id");
				return keys.getKey().longValue();
			}));
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	private void addTrigger(long handoffId, Trigger trigger) {
		this.jdbc
			.sql("insert into handoff_trigger (handoff_id, reason, signs, matched_text, created_at) "
					+ "values (?, ?, ?, ?, ?)")
			.params(handoffId, trigger.reason().name(), trigger.signs().isEmpty() ? null : clip(String.join(",", trigger.signs()), 500),
					clip(trigger.matchedText(), 1000), toDb(trigger.at()))
			.update();
	}

	@Override
	public Optional<Handoff> openFor(ConversationRef conversation) {
		return this.jdbc.sql(SELECT + "where c.channel = ? and c.external_id = ? and h.open_conversation is not null")
			.params(conversation.channel(), conversation.id())
			.query(ROW)
			.optional()
			.map(this::withTriggers);
	}

	@Override
	public void familyWrote(Handoff handoff, String text) {
		this.events.publishEvent(new FamilyMessageRelayed(handoff, text));
	}

	@Override
	public Claim claim(long handoffId, Coordinator coordinator) {
		int won = this.jdbc
			.sql("update handoff set status = 'CLAIMED', claimed_by_id = ?, claimed_by_name = ?, claimed_at = ?, "
					+ "version = version + 1 where id = ? and status = 'OPEN'")
			.params(coordinator.id(), coordinator.name(), toDb(this.clock.instant()), handoffId)
			.update();
		Optional<Handoff> handoff = find(handoffId);
		if (handoff.isEmpty() || !handoff.get().isOpen()) {
			return new Claim.Closed();
		}
		if (won == 1) {
			log.info("Handoff {} claimed by {}", handoffId, coordinator.id());
			this.events.publishEvent(new HandoffChanged(handoff.get()));
			return new Claim.Won(handoff.get());
		}
		return new Claim.Taken(handoff.get());
	}

	@Override
	public Optional<Handoff> reply(long handoffId, Coordinator coordinator, String text) {
		Optional<Handoff> handoff = find(handoffId).filter(Handoff::isOpen);
		if (handoff.isEmpty()) {
			return Optional.empty();
		}
		// answering is holding: the bot stops answering questions on its own
		if (handoff.get().status() == Handoff.Status.OPEN && claim(handoffId, coordinator) instanceof Claim.Won won) {
			handoff = Optional.of(won.handoff());
		}
		this.history.record(handoff.get().conversation(), Author.COORDINATOR, coordinator.name(), "coordinator", text,
				true);
		this.events.publishEvent(new MessageToFamily(handoff.get().conversation(), coordinator.name(), text));
		return handoff;
	}

	@Override
	public Optional<Handoff> resolve(long handoffId, Coordinator coordinator) {
		int done = this.jdbc
			.sql("update handoff set status = 'RESOLVED', open_conversation = null, resolved_by_name = ?, "
					+ "resolved_at = ?, version = version + 1 where id = ? and status <> 'RESOLVED'")
			.params(coordinator.name(), toDb(this.clock.instant()), handoffId)
			.update();
		if (done == 0) {
			return Optional.empty();
		}
		Handoff handoff = find(handoffId).orElseThrow();
		log.info("Handoff {} resolved by {}", handoffId, coordinator.id());
		this.history.record(handoff.conversation(), Author.BOT, null, "handoff", this.properties.backWithBot(), true);
		this.events.publishEvent(new MessageToFamily(handoff.conversation(), null, this.properties.backWithBot()));
		this.events.publishEvent(new HandoffChanged(handoff));
		return Optional.of(handoff);
	}

	@Override
	public Optional<Handoff> find(long handoffId) {
		return this.jdbc.sql(SELECT + "where h.id = ?").params(handoffId).query(ROW).optional().map(this::withTriggers);
	}

	@Override
	public List<Handoff> open() {
		return this.jdbc
			.sql(SELECT + "where h.open_conversation is not null order by case when h.priority = 'URGENT' then 0 "
					+ "else 1 end, h.opened_at")
			.query(ROW)
			.list()
			.stream()
			.map(this::withTriggers)
			.toList();
	}

	/** Unclaimed handoffs with when they were last announced, for the announcer. */
	List<Waiting> waiting() {
		return this.jdbc.sql("select id, priority, last_announced_at from handoff where status = 'OPEN'")
			.query((rs, row) -> new Waiting(rs.getLong("id"), "URGENT".equals(rs.getString("priority")),
					fromDb(rs, "last_announced_at")))
			.list();
	}

	record Waiting(long id, boolean urgent, Instant lastAnnounced) {
	}

	/** Marks a handoff announced again; false when another instance did it first. */
	boolean markAnnounced(Waiting waiting, Instant now) {
		return this.jdbc
			.sql("update handoff set last_announced_at = ? where id = ? and status = 'OPEN' and last_announced_at = ?")
			.params(toDb(now), waiting.id(), toDb(waiting.lastAnnounced()))
			.update() == 1;
	}

	/**
	 * The handoff with, for each reason, its latest {@value #TRIGGERS_PER_REASON} triggers and the latest one of every
	 * distinct set of signs, oldest first. A family may report signs in every message for hours while a handoff is
	 * open and every message reads the handoff, so the cost must not grow with the conversation; but a seizure
	 * reported once, before twenty fevers, must stay on the card.
	 */
	private Handoff withTriggers(Handoff handoff) {
		List<Trigger> triggers = this.jdbc
			.sql("select * from (select t.*, row_number() over (partition by reason order by id desc) as latest, "
					+ "row_number() over (partition by reason, signs order by id desc) as latest_of_signs "
					+ "from handoff_trigger t where handoff_id = ?) recent where latest <= " + TRIGGERS_PER_REASON
					+ " or latest_of_signs = 1 order by id")
			.params(handoff.id())
			.query((rs, row) -> new Trigger(Trigger.Reason.valueOf(rs.getString("reason")),
					(rs.getString("signs") == null) ? List.of() : Arrays.asList(rs.getString("signs").split(",")),
					rs.getString("matched_text"), fromDb(rs, "created_at")))
			.list();
		return new Handoff(handoff.id(), handoff.conversation(), handoff.reference(), handoff.familyName(),
				handoff.status(), handoff.priority(), triggers, handoff.openedAt(), handoff.claimedBy(),
				handoff.resolvedBy(), handoff.resolvedAt());
	}

	private static String clip(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	private static final RowMapper<Handoff> ROW = (rs, row) -> new Handoff(rs.getLong("id"),
			new ConversationRef(rs.getString("channel"), rs.getString("external_id")), rs.getLong("conversation_id"),
			rs.getString("display_name"), Handoff.Status.valueOf(rs.getString("status")),
			Handoff.Priority.valueOf(rs.getString("priority")), List.of(), fromDb(rs, "opened_at"),
			(rs.getString("claimed_by_id") == null) ? null
					: new Coordinator(rs.getString("claimed_by_id"), rs.getString("claimed_by_name")),
			rs.getString("resolved_by_name"), fromDb(rs, "resolved_at"));

}
