package com.crscompanion.channels.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import static org.assertj.core.api.Assertions.assertThat;

class UpdatePlumbingTests {

	@Test
	void eachChatsUpdatesAreHandledInOrderAndAFailureDoesNotStopTheWorker() throws InterruptedException {
		Map<Long, List<Integer>> handled = new ConcurrentHashMap<>();
		UpdateWorkers workers = new UpdateWorkers(3, 100, update -> {
			if (update.getUpdateId() == 5) {
				throw new IllegalStateException("broken update");
			}
			handled.computeIfAbsent(update.getMessage().getChatId(), chat -> new CopyOnWriteArrayList<>())
				.add(update.getUpdateId());
		});
		workers.start();
		for (int id = 1; id <= 60; id++) {
			workers.put(update(id, id % 4));
		}
		workers.drainAndStop(Duration.ofSeconds(10));
		assertThat(handled).hasSize(4);
		handled.values().forEach(ids -> assertThat(ids).isSorted());
		assertThat(handled.values().stream().mapToInt(List::size).sum()).isEqualTo(59);
		assertThat(workers.offer(update(61, 1))).as("stopped").isFalse();
	}

	private static Update update(int id, long chatId) {
		Message message = new Message();
		message.setChat(Chat.builder().id(chatId).type("private").build());
		Update update = new Update();
		update.setUpdateId(id);
		update.setMessage(message);
		return update;
	}

}
