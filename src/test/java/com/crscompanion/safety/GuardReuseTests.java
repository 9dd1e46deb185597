package com.crscompanion.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.crscompanion.safety.internal.RuleBasedEmergencyGuard;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard keeps its working buffers from one message to the next and shares them between threads through a
 * pool: no message may be judged differently for what was assessed before it or beside it.
 */
class GuardReuseTests {

	private static List<String> messages;

	/** Each message's verdict from a guard of its own that saw the messages in file order. */
	private static List<EmergencyVerdict> referenceVerdicts;

	@BeforeAll
	static void judgeTheMessagesInFileOrder() throws IOException {
		List<String> texts = new ArrayList<>();
		for (String set : List.of("emergency-dev", "negated-dev", "benign-dev")) {
			List<String> lines = Files.readAllLines(Path.of("src/test/resources/eval/safety/" + set + ".tsv"),
					StandardCharsets.UTF_8);
			for (String line : lines.subList(1, lines.size())) {
				texts.add(line.substring(line.lastIndexOf('\t') + 1));
			}
		}
		// long messages in between, so that a short one follows buffers left full by a long one
		Random random = new Random(11);
		List<String> withLong = new ArrayList<>(texts);
		for (int k = 0; k < 40; k++) {
			StringBuilder longMessage = new StringBuilder();
			while (longMessage.length() < 3_000 + random.nextInt(20_000)) {
				longMessage.append(texts.get(random.nextInt(texts.size()))).append(random.nextBoolean() ? ". " : " ");
			}
			withLong.add(random.nextInt(withLong.size()), longMessage.toString());
		}
		messages = withLong;
		referenceVerdicts = new ArrayList<>();
		EmergencyGuard reference = newGuard();
		for (String message : messages) {
			referenceVerdicts.add(reference.assess(message));
		}
	}

	@Test
	void aMessageIsJudgedTheSameWhateverCameBeforeIt() {
		EmergencyGuard guard = newGuard();
		List<Integer> order = new ArrayList<>();
		for (int k = 0; k < messages.size(); k++) {
			order.add(k);
		}
		for (int round = 0; round < 3; round++) {
			Collections.shuffle(order, new Random(round));
			for (int k : order) {
				assertThat(guard.assess(messages.get(k))).as(messages.get(k)).isEqualTo(referenceVerdicts.get(k));
			}
		}
	}

	@Test
	void threadsAssessingAtOnceDoNotDisturbEachOther() throws Exception {
		EmergencyGuard guard = newGuard();
		int threads = 8;
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				int seed = thread;
				runs.add(pool.submit(() -> {
					Random random = new Random(seed);
					int checked = 0;
					for (int n = 0; n < 3 * messages.size(); n++) {
						int k = random.nextInt(messages.size());
						assertThat(guard.assess(messages.get(k))).as(messages.get(k)).isEqualTo(referenceVerdicts.get(k));
						checked++;
					}
					return checked;
				}));
			}
			for (Future<Integer> run : runs) {
				assertThat(run.get()).isEqualTo(3 * messages.size());
			}
		}
	}

	private static EmergencyGuard newGuard() {
		return RuleBasedEmergencyGuard.fromDirectory(Path.of("config/emergency"), TestGuards.LANGUAGES, "en");
	}

}
