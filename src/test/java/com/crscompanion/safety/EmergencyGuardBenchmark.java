package com.crscompanion.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import com.crscompanion.safety.internal.RuleBasedEmergencyGuard;

/**
 * Latency of {@link EmergencyGuard#assess} on realistic mixed-language messages of 256, 1,024 and 4,096
 * characters, with and without a danger sign, in sample-time mode (p50/p99 per message). {@code cycled} messages
 * repeat ten family sentences; {@code varied} ones run through the benign and negated messages of the dev
 * evaluation sets without repeating any, as a long real message would (repetition flatters caches and branch
 * prediction). Run from the repository root (the guard reads config/emergency):
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     com.crscompanion.safety.EmergencyGuardBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class EmergencyGuardBenchmark {

	private static final String[] SENTENCES = { "Thanks for the hotel list, we moved to the one by the east gate. ",
			"The translator is lovely and the doctor round was at 9, my dad slept well. ",
			"Can you tell me where to buy a phone charger and how much the deposit is? ",
			"We paid 39,000 yuan at the cashier at 10:39 and the receipt says room 39. ",
			"明天查房需要翻译吗？押金还要续费多少钱。", "Мы в палате 39, когда часы посещения? ",
			"هل يوجد اكل حلال في المطعم؟ ", "¿Dónde puedo cambiar dólares cerca del hospital? ",
			"Est-ce qu'on peut apporter de la nourriture de l'extérieur ? ",
			"He is eating well, walking around the corridor, no fever today and temp 36.8. " };

	private static final String SIGN = " Now he is very confused and his temp is 38.9, heart racing. ";

	@Param({ "256", "1024", "4096" })
	int length;

	@Param({ "false", "true" })
	boolean withSign;

	@Param({ "cycled", "varied" })
	String text;

	private EmergencyGuard guard;

	private String message;

	@Setup
	public void setUp() {
		this.guard = RuleBasedEmergencyGuard.fromDirectory(Path.of("config/emergency"), TestGuards.LANGUAGES, "en");
		this.message = "varied".equals(this.text) ? variedMessage(this.length, this.withSign, this.guard)
				: message(this.length, this.withSign);
		if (this.guard.assess(this.message).emergency() != this.withSign) {
			throw new IllegalStateException("benchmark message does not give the expected verdict");
		}
	}

	static String message(int length, boolean withSign) {
		StringBuilder text = new StringBuilder(length + 100);
		for (int i = 0; text.length() < length; i++) {
			text.append(SENTENCES[i % SENTENCES.length]);
		}
		return finish(text, length, withSign);
	}

	/**
	 * The dev evaluation sets' benign and negated messages that do not alarm on their own, in a fixed shuffled
	 * order, joined until the length is reached.
	 */
	static String variedMessage(int length, boolean withSign, EmergencyGuard guard) {
		List<String> sentences = new ArrayList<>();
		for (String file : List.of("benign-dev.tsv", "negated-dev.tsv")) {
			for (String row : readLines("/eval/safety/" + file)) {
				String sentence = row.substring(row.lastIndexOf('\t') + 1).strip();
				if (!sentence.isEmpty() && !guard.assess(sentence).emergency()) {
					sentences.add(sentence);
				}
			}
		}
		Collections.shuffle(sentences, new Random(2026));
		StringBuilder text = new StringBuilder(length + 200);
		for (int i = 0; text.length() < length; i++) {
			text.append(sentences.get(i % sentences.size())).append(' ');
		}
		return finish(text, length, withSign);
	}

	private static String finish(StringBuilder text, int length, boolean withSign) {
		text.setLength(length);
		if (withSign) {
			int middle = length / 2;
			text.replace(middle, Math.min(length, middle + SIGN.length()), SIGN);
			text.setLength(length);
		}
		return text.toString();
	}

	private static List<String> readLines(String resource) {
		try (InputStream in = EmergencyGuardBenchmark.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test classpath");
			}
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			return lines.subList(1, lines.size()); // the header
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Benchmark
	public EmergencyVerdict assess() {
		return this.guard.assess(this.message);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(EmergencyGuardBenchmark.class.getName()).build()).run();
	}

}
