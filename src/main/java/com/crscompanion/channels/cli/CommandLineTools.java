package com.crscompanion.channels.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.stereotype.Component;

import com.crscompanion.channels.CommandLine;
import com.crscompanion.conversation.Conversations;
import com.crscompanion.conversation.InboundMessage;
import com.crscompanion.conversation.Reply;
import com.crscompanion.evaluation.Evaluation;
import com.crscompanion.knowledge.KnowledgeBase;
import com.crscompanion.knowledge.KnowledgeSnapshot;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.search.PassageSearch;

/**
 * Command-line tools for editors and developers, run as {@code java -jar crs-companion.jar <command>}:
 * {@code ask "question"} prints the replies, {@code passages} prints the content as indexed with the import's
 * repairs, {@code eval [folder] [--misses]} prints the evaluation figures (with {@code --misses}, also every case of
 * the dev files it got wrong; held-out misses are only counted), {@code hash-password} reads a password (one line on
 * standard input, or typed unseen at a terminal) and prints its hash for {@code crs.console.users}.
 */
@Component
@ConditionalOnProperty(CommandLine.COMMAND_PROPERTY)
class CommandLineTools implements ApplicationRunner, ExitCodeGenerator {

	private static final Path DEFAULT_EVAL_DIR = Path.of("src/test/resources/eval");

	private static final String MISSES_FLAG = "--misses";

	private final Conversations conversations;

	private final KnowledgeBase knowledge;

	private final Evaluation evaluation;

	private final PassageSearch search;

	private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private int exitCode;

	CommandLineTools(Conversations conversations, KnowledgeBase knowledge, Evaluation evaluation,
			PassageSearch search) {
		this.conversations = conversations;
		this.knowledge = knowledge;
		this.evaluation = evaluation;
		this.search = search;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = commandWords(args.getSourceArgs());
		switch (words.get(0)) {
			case "ask" -> ask(String.join(" ", words.subList(1, words.size())));
			case "passages" -> passages();
			case "eval" -> eval(words.subList(1, words.size()));
			case "hash-password" -> hashPassword();
			default -> throw new IllegalArgumentException("Unknown command " + words.get(0));
		}
	}

	/**
	 * The command and its words, without the settings Spring reads from the same command line
	 * ({@code eval --crs.search.confidence-floor=0.46} evaluates the shipped set with that floor).
	 */
	static List<String> commandWords(String... args) {
		return Arrays.stream(args).filter(arg -> !arg.startsWith("--") || arg.equals(MISSES_FLAG)).toList();
	}

	private void ask(String question) {
		if (question.isBlank()) {
			this.out.println("Usage: ask \"your question\"");
			this.exitCode = 2;
			return;
		}
		// an editor checks the answer families will get, ranked as the running bot ranks it
		this.search.awaitRankingByMeaning(PassageSearch.MEANING_READY_WITHIN);
		for (Reply reply : this.conversations.handle(new InboundMessage("cli", "cli", question))) {
			this.out.println("[" + reply.kind().name().toLowerCase() + "]" + ((reply.passageId() != null) ? " " + reply.passageId() : ""));
			this.out.println(reply.text());
			if (reply.source() != null) {
				this.out.println("— " + reply.source());
			}
			if (reply.disclaimer() != null) {
				this.out.println("(" + reply.disclaimer() + ")");
			}
			reply.suggestions().forEach(s -> this.out.println("  > " + s));
			this.out.println();
		}
	}

	private void passages() {
		KnowledgeSnapshot snapshot = this.knowledge.current();
		for (Passage p : snapshot.passages()) {
			this.out.println("## " + p.id() + "  [" + p.kind() + "]  " + p.source() + "  (" + p.origin() + ")");
			this.out.println(p.displayText());
			this.out.println();
		}
		this.out.println("# " + snapshot.passages().size() + " passages. Import report:");
		snapshot.report().findings().forEach(f -> this.out.println("  " + f));
	}

	/**
	 * Prints the figures; with {@code --misses}, also the dev files' misses, for editors and developers to work on.
	 * Held-out misses are only counted, never listed: those rows must stay unseen to measure what tuning missed.
	 */
	private void eval(List<String> args) {
		boolean listMisses = args.contains(MISSES_FLAG);
		Path dir = args.stream().filter(a -> !a.equals(MISSES_FLAG)).findFirst().map(Path::of).orElse(DEFAULT_EVAL_DIR);
		Evaluation.RetrievalFigures retrieval = this.evaluation.retrieval(dir);
		Evaluation.SafetyFigures safety = this.evaluation.safety(dir);
		this.out.println(retrieval.format());
		this.out.println(safety.format());
		List<Evaluation.Miss> dev = new ArrayList<>(retrieval.devMisses());
		dev.addAll(safety.devMisses());
		int heldOut = retrieval.misses().size() + safety.misses().size() - dev.size();
		this.out.println("Misses: " + dev.size() + " in dev files"
				+ (listMisses ? "" : " (list them with eval " + MISSES_FLAG + ")") + ", " + heldOut
				+ " in held-out files (never listed: they are not tuned on)");
		if (listMisses) {
			dev.forEach(m -> this.out.println("  " + m));
		}
	}

	/**
	 * Prints the hash as the last line of standard output; prompts go to the terminal, never the password. The
	 * delegating encoder is the one the console checks passwords with, so the hash carries the {@code {bcrypt}}
	 * prefix that {@code crs.console.users} requires.
	 */
	private void hashPassword() {
		Console console = System.console();
		String password;
		if (console != null) {
			char[] first = console.readPassword("Password for the console account: ");
			char[] again = console.readPassword("Again: ");
			if (first != null && !Arrays.equals(first, again)) {
				System.err.println("The two passwords differ; nothing was hashed.");
				this.exitCode = 2;
				return;
			}
			password = (first != null) ? new String(first) : null;
		}
		else {
			password = readLine();
		}
		if (password == null || password.isEmpty()) {
			System.err.println("No password given. Run hash-password at a terminal and type it, or pipe one line: "
					+ "printf '%s\\n' \"$PASSWORD\" | java -jar crs-companion.jar hash-password");
			this.exitCode = 2;
			return;
		}
		this.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
	}

	private static String readLine() {
		try {
			return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the password from standard input", ex);
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
