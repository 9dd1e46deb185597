package com.crscompanion.channels.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryOutboxTests {

	private static final Instant NOW = Instant.parse("2026-01-01T03:00:00Z");

	private static final Outbox.SendPermit ALWAYS = (chat, group, now) -> Duration.ZERO;

	private final InMemoryOutbox outbox = new InMemoryOutbox(10, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void theEmergencyMessageJumpsTheQueue() throws InterruptedException {
		this.outbox.add(List.of(message(1, "answer 1"), message(2, "answer 2")));
		this.outbox.add(List.of(urgent(3, "emergency"), message(3, "after the emergency")));
		assertThat(htmlOf(claim())).isEqualTo("emergency");
	}

	@Test
	void aChatsMessagesLeaveInOrderOneAtATime() throws InterruptedException {
		this.outbox.add(List.of(message(1, "first"), message(1, "second")));
		Outbox.Queued first = claim();
		assertThat(htmlOf(first)).isEqualTo("first");
		assertThat(this.outbox.claim(NOW, ALWAYS)).isInstanceOf(Outbox.Claim.Idle.class);
		this.outbox.delivered(first);
		assertThat(htmlOf(claim())).isEqualTo("second");
	}

	@Test
	void aRetryStaysFirstInItsChatAndHoldsOnlyThatChat() throws InterruptedException {
		this.outbox.add(List.of(message(1, "first"), message(1, "second"), message(2, "other chat")));
		Outbox.Queued first = claim();
		this.outbox.retryAt(first, NOW.plusSeconds(3));
		assertThat(htmlOf(claim())).isEqualTo("other chat");
		assertThat(this.outbox.claim(NOW, ALWAYS)).isEqualTo(new Outbox.Claim.WaitUntil(NOW.plusSeconds(3)));
		Outbox.Queued again = ((Outbox.Claim.Ready) this.outbox.claim(NOW.plusSeconds(3), ALWAYS)).message();
		assertThat(htmlOf(again)).isEqualTo("first");
		assertThat(again.attempts()).isEqualTo(1);
	}

	@Test
	void theRateLimitSaysWhenToLookAgain() throws InterruptedException {
		this.outbox.add(List.of(message(1, "limited")));
		Outbox.SendPermit oneSecondLeft = (chat, group, now) -> Duration.ofSeconds(1);
		assertThat(this.outbox.claim(NOW, oneSecondLeft)).isEqualTo(new Outbox.Claim.WaitUntil(NOW.plusSeconds(1)));
	}

	@Test
	void aFullOutboxMakesAnswersWaitButNeverTheEmergency() throws Exception {
		InMemoryOutbox small = new InMemoryOutbox(2, Clock.systemUTC());
		small.add(List.of(message(1, "a"), message(2, "b")));
		CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
			try {
				small.add(List.of(message(3, "c")));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		small.add(List.of(urgent(4, "emergency")));
		assertThat(small.size()).isEqualTo(3);
		assertThat(waiting).isNotDone();
		Outbox.Queued first = ((Outbox.Claim.Ready) small.claim(Instant.now(), ALWAYS)).message();
		assertThat(first.message().html()).isEqualTo("emergency");
		small.delivered(first);
		Outbox.Queued second = ((Outbox.Claim.Ready) small.claim(Instant.now(), ALWAYS)).message();
		small.drop(second);
		waiting.get(5, TimeUnit.SECONDS);
		assertThat(small.size()).isEqualTo(2);
	}

	@Test
	void aMessageCanBeSettledOnlyOnce() throws InterruptedException {
		this.outbox.add(List.of(message(1, "once")));
		Outbox.Queued sent = claim();
		this.outbox.delivered(sent);
		assertThatThrownBy(() -> this.outbox.delivered(sent)).isInstanceOf(IllegalStateException.class);
		assertThat(this.outbox.size()).isZero();
	}

	private Outbox.Queued claim() {
		return ((Outbox.Claim.Ready) this.outbox.claim(NOW, ALWAYS)).message();
	}

	private static String htmlOf(Outbox.Queued queued) {
		return queued.message().html();
	}

	private static OutgoingMessage message(long chat, String html) {
		return new OutgoingMessage(chat, false, null, null, html, List.of(), false);
	}

	private static OutgoingMessage urgent(long chat, String html) {
		return new OutgoingMessage(chat, false, null, null, html, List.of(), true);
	}

}
