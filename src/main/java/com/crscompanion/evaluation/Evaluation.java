package com.crscompanion.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.crscompanion.conversation.Conversations;
import com.crscompanion.conversation.InboundMessage;
import com.crscompanion.conversation.Reply;
import com.crscompanion.conversation.ReplyKind;
import com.crscompanion.search.PassageSearch;
import com.crscompanion.search.SearchResult;

/**
 * Runs the evaluation sets through the real pipeline and measures what a family would see: whether the answer is
 * the right passage, whether chat and off-topic messages are left unanswered, whether every emergency gets the
 * emergency message first and how often a harmless message raises a false alarm.
 */
@Service
public class Evaluation {

	private static final int WARM_UP_ROUNDS = 3;

	private final Conversations conversations;

	private final PassageSearch search;

	public Evaluation(Conversations conversations, PassageSearch search) {
		this.conversations = conversations;
		this.search = search;
	}

	/** Answer quality on {@code dir/retrieval/}: questions-*.tsv (id, expected, text) and offtopic-*.tsv (id, text). */
	public RetrievalFigures retrieval(Path dir) {
		List<EvalSet> questionSets = EvalSet.readKind(dir.resolve("retrieval"), "questions");
		List<EvalSet> offTopicSets = EvalSet.readKind(dir.resolve("retrieval"), "offtopic");
		// the figures are of the ranking the bot settles on, not of the first seconds after start-up
		boolean byMeaning = this.search.awaitRankingByMeaning(PassageSearch.MEANING_READY_WITHIN);
		warmUp(questionSets);
		List<Score> scores = new ArrayList<>();
		List<Miss> misses = new ArrayList<>();
		List<Long> latencies = new ArrayList<>();
		for (EvalSet set : questionSets) {
			Score score = new Score(set.name());
			for (Map<String, String> row : set.rows()) {
				Set<String> expected = Set.of(row.get("expected").split("\\|"));
				long started = System.nanoTime();
				List<Reply> replies = handle(row.get("text"));
				latencies.add(System.nanoTime() - started);
				String answered = replies.stream()
					.filter(r -> r.kind() == ReplyKind.ANSWER)
					.map(Reply::passageId)
					.findFirst()
					.orElse(null);
				int rank = rank(this.search.search(row.get("text")), expected);
				score.add(answered != null && expected.contains(answered), rank, answered == null);
				if (answered == null || !expected.contains(answered)) {
					misses.add(new Miss(set, row.get("id") + " expected " + row.get("expected") + ", got "
							+ ((answered == null) ? "no answer" : answered) + ": " + row.get("text")));
				}
			}
			scores.add(score);
		}
		int offTopic = 0;
		int offTopicAnswered = 0;
		for (EvalSet set : offTopicSets) {
			for (Map<String, String> row : set.rows()) {
				offTopic++;
				if (handle(row.get("text")).stream().anyMatch(r -> r.kind() == ReplyKind.ANSWER)) {
					offTopicAnswered++;
					misses.add(new Miss(set, row.get("id") + " answered with a passage: " + row.get("text")));
				}
			}
		}
		long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
		return new RetrievalFigures(byMeaning, scores, Score.total(scores), offTopic, offTopicAnswered,
				Figures.percentile(nanos, 50), Figures.percentile(nanos, 95), Figures.percentile(nanos, 99), misses);
	}

	/** The emergency guard on {@code dir/safety/}: emergency-*.tsv must alarm; benign-*.tsv and negated-*.tsv must not. */
	public SafetyFigures safety(Path dir) {
		Map<String, List<Rate>> byKind = new LinkedHashMap<>();
		List<Miss> misses = new ArrayList<>();
		for (String kind : List.of("emergency", "benign", "negated")) {
			boolean mustAlarm = kind.equals("emergency");
			List<Rate> rates = new ArrayList<>();
			for (EvalSet set : EvalSet.readKind(dir.resolve("safety"), kind)) {
				Map<String, int[]> byLanguage = new TreeMap<>();
				for (Map<String, String> row : set.rows()) {
					List<Reply> replies = handle(row.get("text"));
					boolean alarmed = !replies.isEmpty() && replies.get(0).kind() == ReplyKind.EMERGENCY;
					int[] counts = byLanguage.computeIfAbsent(row.get("lang"), l -> new int[2]);
					counts[0]++;
					counts[1] += alarmed ? 1 : 0;
					if (alarmed != mustAlarm) {
						misses.add(new Miss(set, row.get("id") + (mustAlarm ? " MISSED: " : " false alarm: ")
								+ row.get("text")));
					}
				}
				byLanguage.forEach((language, counts) -> rates.add(new Rate(set.name(), language, counts[0], counts[1])));
			}
			byKind.put(kind, rates);
		}
		return new SafetyFigures(byKind, misses);
	}

	private List<Reply> handle(String text) {
		return this.conversations.handle(new InboundMessage("evaluation", "eval", text));
	}

	private void warmUp(List<EvalSet> sets) {
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			sets.forEach(set -> set.rows().forEach(row -> handle(row.get("text"))));
		}
	}

	private static int rank(SearchResult result, Set<String> expected) {
		for (int i = 0; i < result.hits().size(); i++) {
			if (expected.contains(result.hits().get(i).passage().id())) {
				return i + 1;
			}
		}
		return 0;
	}

	/** Retrieval scores of one file (or all files). */
	public static final class Score {

		private final String name;

		private int questions;

		private int top1;

		private int top3;

		private double reciprocalRanks;

		private int unanswered;

		Score(String name) {
			this.name = name;
		}

		void add(boolean answeredRight, int rank, boolean noAnswer) {
			this.questions++;
			this.top1 += answeredRight ? 1 : 0;
			this.top3 += (rank >= 1 && rank <= 3) ? 1 : 0;
			this.reciprocalRanks += (rank > 0) ? 1.0 / rank : 0;
			this.unanswered += noAnswer ? 1 : 0;
		}

		static Score total(List<Score> scores) {
			Score total = new Score("all");
			for (Score s : scores) {
				total.questions += s.questions;
				total.top1 += s.top1;
				total.top3 += s.top3;
				total.reciprocalRanks += s.reciprocalRanks;
				total.unanswered += s.unanswered;
			}
			return total;
		}

		public String name() {
			return this.name;
		}

		public int questions() {
			return this.questions;
		}

		/** Share of questions whose answer is a right passage. */
		public double top1() {
			return Figures.share(this.top1, this.questions);
		}

		/** Share of questions with a right passage among the first three ranked. */
		public double top3() {
			return (this.questions == 0) ? 0 : (double) this.top3 / this.questions;
		}

		public double meanReciprocalRank() {
			return (this.questions == 0) ? 0 : this.reciprocalRanks / this.questions;
		}

		/** Share of real questions the bot declined to answer (fallback). */
		public double unansweredRate() {
			return Figures.share(this.unanswered, this.questions);
		}

	}

	/**
	 * A case the system got wrong, and the file it is from. Only misses of dev files are ever shown: the held-out
	 * files measure what tuning on the dev files did not see, so their rows must not be looked at to fix them.
	 */
	public record Miss(String file, boolean heldOut, String text) {

		Miss(EvalSet set, String text) {
			this(set.name(), set.heldOut(), text);
		}

		@Override
		public String toString() {
			return this.file + " " + this.text;
		}

	}

	/** What the misses of one run may show: the dev files' misses listed, the held-out files' only counted. */
	private static String describe(List<Miss> misses) {
		long heldOut = misses.stream().filter(Miss::heldOut).count();
		List<String> lines = new ArrayList<>();
		misses.stream().filter(m -> !m.heldOut()).forEach(m -> lines.add(m.toString()));
		lines.add(heldOut + " held-out misses (not listed: those files are never tuned on)");
		return String.join("\n", lines);
	}

	private static List<Miss> dev(List<Miss> misses) {
		return misses.stream().filter(m -> !m.heldOut()).toList();
	}

	/** {@code byMeaning}: whether passages were ranked by meaning as well as words (else by words alone). */
	public record RetrievalFigures(boolean byMeaning, List<Score> byFile, Score all, int offTopic, int offTopicAnswered, long p50Nanos,
			long p95Nanos, long p99Nanos, List<Miss> misses) {

		/** The misses of the dev files; held-out misses are only counted. */
		public List<Miss> devMisses() {
			return dev(this.misses);
		}

		/** Dev misses one per line, then how many held-out rows missed: safe to print in a test failure. */
		public String describeMisses() {
			return describe(this.misses);
		}

		public String format() {
			StringBuilder out = new StringBuilder("Answer quality (retrieval/questions-*.tsv, through the pipeline; ranked by "
					+ (this.byMeaning ? "words and meaning" : "words alone") + ")\n");
			out.append(String.format("  %-28s %5s %7s %7s %7s %11s%n", "set", "n", "top-1", "top-3", "MRR", "unanswered"));
			for (Score s : concat(this.byFile, this.all)) {
				out.append(String.format("  %-28s %5d %7.3f %7.3f %7.3f %11s%n", s.name(), s.questions(), s.top1(),
						s.top3(), s.meanReciprocalRank(), Figures.pct(s.unansweredRate())));
			}
			out.append(String.format("  off-topic and chat answered with a passage: %d of %d (%s); fallback rate %s%n",
					this.offTopicAnswered, this.offTopic, Figures.pct(Figures.share(this.offTopicAnswered, this.offTopic)),
					Figures.pct(1 - Figures.share(this.offTopicAnswered, this.offTopic))));
			out.append(String.format("  latency per question (in-process pipeline): p50 %s, p95 %s, p99 %s%n",
					Figures.micros(this.p50Nanos), Figures.micros(this.p95Nanos), Figures.micros(this.p99Nanos)));
			return out.toString();
		}

	}

	/** Alarms raised on one file's rows in one language. */
	public record Rate(String file, String language, int cases, int alarms) {

		public double share() {
			return Figures.share(this.alarms, this.cases);
		}

	}

	public record SafetyFigures(Map<String, List<Rate>> byKind, List<Miss> misses) {

		/** The misses of the dev files; held-out misses are only counted. */
		public List<Miss> devMisses() {
			return dev(this.misses);
		}

		/** Dev misses one per line, then how many held-out rows missed: safe to print in a test failure. */
		public String describeMisses() {
			return describe(this.misses);
		}

		/** Share of the rows of one kind (all files, all languages) on which the first reply was the emergency one. */
		public double alarmRate(String kind) {
			List<Rate> rates = this.byKind.getOrDefault(kind, List.of());
			return Figures.share(rates.stream().mapToInt(Rate::alarms).sum(), rates.stream().mapToInt(Rate::cases).sum());
		}

		public String format() {
			StringBuilder out = new StringBuilder("Emergency guard (safety/*.tsv; alarm = first reply is the emergency message)\n");
			this.byKind.forEach((kind, rates) -> {
				String label = kind.equals("emergency") ? "recall" : "false alarms";
				out.append(String.format("  %-9s %s %s overall (%d cases)%n", kind, label,
						Figures.pct(alarmRate(kind)),
						rates.stream().mapToInt(Rate::cases).sum()));
				Map<String, List<Rate>> byFile = rates.stream()
					.collect(Collectors.groupingBy(Rate::file, LinkedHashMap::new, Collectors.toList()));
				byFile.forEach((file, fileRates) -> out.append("    ")
					.append(String.format("%-29s ", file))
					.append(fileRates.stream()
						.map(r -> r.language() + " " + r.alarms() + "/" + r.cases())
						.collect(Collectors.joining(", ")))
					.append('\n'));
			});
			return out.toString();
		}

	}

	private static List<Score> concat(List<Score> scores, Score total) {
		List<Score> all = new ArrayList<>(scores);
		all.add(total);
		return all;
	}

}
