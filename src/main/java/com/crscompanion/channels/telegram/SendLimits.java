package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's broadcast limits, kept on our side so families are not made to wait by 429s: about 30 messages a
 * second overall, one a second per chat (with a short burst for answers in several parts), 20 a minute per group.
 */
final class SendLimits implements Outbox.SendPermit {

	/** Buckets are pruned this often (in sends); a full bucket is the same as none. */
	private static final int PRUNE_EVERY = 1_000;

	private final TelegramProperties.Delivery settings;

	private final TokenBucket overall;

	private final Map<Long, TokenBucket> chats = new HashMap<>();

	private final Map<Long, TokenBucket> groups = new HashMap<>();

	private int sendsSincePrune;

	SendLimits(TelegramProperties.Delivery settings, Instant now) {
		this.settings = settings;
		int overallBurst = Math.max(1, (int) Math.floor(settings.messagesPerSecond()));
		this.overall = new TokenBucket(overallBurst, settings.messagesPerSecond(), now);
	}

	@Override
	public synchronized Duration waitFor(long chatId, boolean groupChat, Instant now) {
		Duration wait = this.overall.waitFor(now);
		wait = longer(wait, chat(chatId, now).waitFor(now));
		if (groupChat) {
			wait = longer(wait, group(chatId, now).waitFor(now));
		}
		return wait;
	}

	synchronized void take(long chatId, boolean groupChat, Instant now) {
		this.overall.take(now);
		chat(chatId, now).take(now);
		if (groupChat) {
			group(chatId, now).take(now);
		}
		if (++this.sendsSincePrune >= PRUNE_EVERY) {
			this.sendsSincePrune = 0;
			this.chats.values().removeIf(bucket -> bucket.full(now));
			this.groups.values().removeIf(bucket -> bucket.full(now));
		}
	}

	private TokenBucket chat(long chatId, Instant now) {
		return this.chats.computeIfAbsent(chatId,
				id -> new TokenBucket(this.settings.perChatBurst(), this.settings.perChatPerSecond(), now));
	}

	private TokenBucket group(long chatId, Instant now) {
		return this.groups.computeIfAbsent(chatId,
				id -> new TokenBucket(this.settings.perGroupBurst(), this.settings.perGroupPerMinute() / 60.0, now));
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
