package com.crscompanion.safety.internal;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pooled buffers keep no family's words and no memory grown for a pasted document. */
class MessageBuffersTests {

	@Test
	void givenBackBuffersAreReusedWithTheMessageWiped() {
		MessageBuffers.Pool pool = new MessageBuffers.Pool(1);
		MessageBuffers buffers = pool.take();
		buffers.fold("My father has a fever of 39.2 since this morning");

		pool.giveBack(buffers);
		MessageBuffers again = pool.take();

		assertThat(again).isSameAs(buffers);
		assertThat(new String(again.foldedChars())).matches("\u0000*");
	}

	@Test
	void buffersGrownForAVeryLongMessageAreDropped() {
		MessageBuffers.Pool pool = new MessageBuffers.Pool(1);
		MessageBuffers buffers = pool.take();
		buffers.fold("fever ".repeat(MessageBuffers.MAX_KEPT_CHARS / 6 + 100));
		buffers.tokens.reset(TextNormalizer.normalize("fever ".repeat(MessageBuffers.MAX_KEPT_CHARS / 6 + 100)));

		pool.giveBack(buffers);

		assertThat(pool.take()).isNotSameAs(buffers);
	}

	@Test
	void aFullPoolMakesNewBuffersAndDropsTheExtraOnes() {
		MessageBuffers.Pool pool = new MessageBuffers.Pool(1);
		MessageBuffers first = pool.take();
		MessageBuffers second = pool.take();
		assertThat(second).isNotSameAs(first);

		pool.giveBack(first);
		pool.giveBack(second);

		assertThat(pool.take()).isSameAs(first);
		assertThat(pool.take()).isNotSameAs(second);
	}

	@Test
	void flagsComeBackClearedEvenWhenAShorterMessageFollows() {
		MessageBuffers buffers = new MessageBuffers();
		boolean[] flags = buffers.flags(MessageBuffers.NEGATION_WORD, 100);
		Arrays.fill(flags, true);

		boolean[] again = buffers.flags(MessageBuffers.NEGATION_WORD, 10);

		assertThat(again).startsWith(new boolean[10]);
	}

}
