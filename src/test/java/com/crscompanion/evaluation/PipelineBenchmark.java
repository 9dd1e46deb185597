package com.crscompanion.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.crscompanion.CrsCompanionApplication;
import com.crscompanion.conversation.Conversations;
import com.crscompanion.conversation.InboundMessage;
import com.crscompanion.conversation.Reply;
import com.crscompanion.safety.EmergencyGuard;

/**
 * Time for one family question through the whole in-process pipeline (guard, small talk, search, reply), cycling
 * through the evaluation questions in conversations of {@value #MESSAGES_PER_CONVERSATION} messages. About a third
 * of the questions name a danger sign, so they take the emergency path (audit, urgent handoff) as well. Each mix
 * runs with ranking by meaning on and off. Run with
 * {@code ./mvnw -P benchmark test-compile exec:exec -Dbenchmark=PipelineBenchmark}; read the p0.99 lines of the
 * sample-time output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// the collector the app runs with (app.gc in pom.xml)
@Fork(value = 1, jvmArgsAppend = { "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC" })
public class PipelineBenchmark {

	private static final int MESSAGES_PER_CONVERSATION = 40;

	private ConfigurableApplicationContext context;

	private Conversations conversations;

	private List<String> questions;

	/**
	 * {@code all}: every evaluation question; {@code answered}: those that name no danger sign (guard, search,
	 * reply, one stored turn); {@code emergency}: those that do (the emergency path adds the audit, the urgent
	 * handoff and its alert, on a second thread with a bounded wait).
	 */
	@Param({ "all", "answered", "emergency" })
	String questionsNaming;

	/** Ranking by meaning (the sentence model) on or off: it is most of a question's time when on. */
	@Param({ "true", "false" })
	boolean meaning;

	private int next;

	@Setup(Level.Trial)
	public void start() {
		this.context = new SpringApplicationBuilder(CrsCompanionApplication.class).web(WebApplicationType.NONE)
			.properties(Map.of("logging.level.root", "warn"))
			// a command-line argument: it outranks application.yml, where the default properties above do not
			.run("--crs.search.meaning.enabled=" + this.meaning);
		this.conversations = this.context.getBean(Conversations.class);
		EmergencyGuard guard = this.context.getBean(EmergencyGuard.class);
		this.questions = EvalSet.readKind(Path.of("src/test/resources/eval/retrieval"), "questions")
			.stream()
			.flatMap(set -> set.rows().stream())
			.map(row -> row.get("text"))
			.filter(question -> switch (this.questionsNaming) {
				case "answered" -> !guard.assess(question).emergency();
				case "emergency" -> guard.assess(question).emergency();
				default -> true;
			})
			.toList();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public List<Reply> answerOneQuestion() {
		int message = this.next++;
		String question = this.questions.get(message % this.questions.size());
		// a family writes a few dozen messages, not thousands: the stored history and any open handoff stay that size
		String conversation = "family-" + (message / MESSAGES_PER_CONVERSATION);
		return this.conversations.handle(new InboundMessage(conversation, "benchmark", question));
	}

}
