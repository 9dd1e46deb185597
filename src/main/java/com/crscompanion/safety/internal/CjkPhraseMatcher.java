package com.crscompanion.safety.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases of languages written without spaces (Chinese) found as substrings with one Aho–Corasick pass over the
 * folded text. A phrase written with spaces in the file ("呼吸 困难") is a sequence of parts that may have up to
 * {@link #MAX_GAP_CHARS} other characters between them ("呼吸很困难", "呼吸有点困难") but no punctuation.
 * Characters that occur in no phrase reset the automaton at the cost of one array read.
 */
final class CjkPhraseMatcher {

	static final int MAX_GAP_CHARS = 4;

	private final boolean[] alphabet = new boolean[0x10000];

	/** Whether every character of every phrase is a CJK character: then nothing else needs reading. */
	private boolean alphabetIsCjkOnly = true;

	private final Map<Long, Integer> gotoBuild = new HashMap<>();

	private long[] gotoKeys;

	private int[] gotoValues;

	private int gotoMask;

	private int[] fail;

	/** For each state, the parts that end there (including via suffix links). */
	private int[][] outputs;

	private final List<PhrasePayload> phrasePayloads = new ArrayList<>();

	/** Part number → phrase number, index within the phrase, and length in characters. */
	private int[] partPhrase;

	private int[] partIndex;

	private int[] partLength;

	/** Phrase number → how many parts it has. */
	private int[] partCountOfPhrase;

	private CjkPhraseMatcher() {
	}

	boolean isEmpty() {
		return this.phrasePayloads.isEmpty();
	}

	void match(Tokens tokens, PhraseTrie.MatchSink sink) {
		Scan scan = new Scan(tokens, sink, this.partCountOfPhrase.length);
		int state = 0;
		if (this.alphabetIsCjkOnly) {
			// every other character resets the automaton, so only the CJK tokens (one per character) need a visit
			int previousEnd = -1;
			for (int t = 0; t < tokens.count(); t++) {
				if (tokens.type(t) == Tokens.CJK) {
					int i = tokens.start(t);
					state = step((i == previousEnd) ? state : 0, i, scan);
					previousEnd = i + 1;
				}
			}
			return;
		}
		for (int i = 0; i < tokens.text().length(); i++) {
			state = step(state, i, scan);
		}
	}

	/** Feeds character {@code i} to the automaton in {@code state}, reports what ends there, returns the next state. */
	private int step(int state, int i, Scan scan) {
		char[] chars = scan.chars;
		char c = chars[i];
		if (!this.alphabet[c]) {
			return 0;
		}
		int next;
		while ((next = transition(state, c)) < 0 && state != 0) {
			state = this.fail[state];
		}
		state = Math.max(next, 0);
		for (int part : this.outputs[state]) {
			int phrase = this.partPhrase[part];
			int partIndex = this.partIndex[part];
			int end = i + 1;
			int start = end - this.partLength[part];
			int partCount = this.partCountOfPhrase[phrase];
			if (partCount == 1) {
				emit(scan.tokens, phrase, new int[][] { { start, end } }, scan.sink);
				continue;
			}
			int[][] chain = scan.chain(phrase, partCount);
			if (partIndex == 0) {
				chain[0] = new int[] { start, end };
			}
			else {
				int[] previous = chain[partIndex - 1];
				if (previous == null || start < previous[previous.length - 1]
						|| start - previous[previous.length - 1] > MAX_GAP_CHARS
						|| hasBreak(chars, previous[previous.length - 1], start)) {
					continue;
				}
				int[] extended = Arrays.copyOf(previous, previous.length + 2);
				extended[previous.length] = start;
				extended[previous.length + 1] = end;
				chain[partIndex] = extended;
				if (partIndex == partCount - 1) {
					emit(scan.tokens, phrase, toSpans(extended), scan.sink);
				}
			}
		}
		return state;
	}

	/** One message's scan: where to report, and the partly matched multi-part phrases. */
	private static final class Scan {

		private final Tokens tokens;

		private final char[] chars;

		private final PhraseTrie.MatchSink sink;

		private final int phrases;

		/**
		 * Per phrase: start and end (chars) of the latest chain of parts matched so far, by part index; made when a
		 * message first matches a part of a phrase of several parts.
		 */
		private int[][][] chains;

		Scan(Tokens tokens, PhraseTrie.MatchSink sink, int phrases) {
			this.tokens = tokens;
			this.chars = tokens.text().chars();
			this.sink = sink;
			this.phrases = phrases;
		}

		int[][] chain(int phrase, int partCount) {
			if (this.chains == null) {
				this.chains = new int[this.phrases][][];
			}
			if (this.chains[phrase] == null) {
				this.chains[phrase] = new int[partCount][];
			}
			return this.chains[phrase];
		}

	}

	private static boolean hasBreak(char[] chars, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!Tokens.isCjk(chars[i]) && !Tokens.isLetter(chars[i]) && !Tokens.isDigit(chars[i]) && chars[i] != ' ') {
				return true;
			}
		}
		return false;
	}

	private static int[][] toSpans(int[] flat) {
		int[][] spans = new int[flat.length / 2][];
		for (int k = 0; k < spans.length; k++) {
			spans[k] = new int[] { flat[2 * k], flat[2 * k + 1] };
		}
		return spans;
	}

	private void emit(Tokens tokens, int phrase, int[][] spans, PhraseTrie.MatchSink sink) {
		int startToken = tokens.firstTokenAtOrAfter(spans[0][0]);
		int endToken = tokens.firstTokenAtOrAfter(spans[spans.length - 1][1]);
		if (endToken <= startToken) {
			return;
		}
		long phraseTokens = 0;
		for (int[] span : spans) {
			int from = tokens.firstTokenAtOrAfter(span[0]);
			int to = tokens.firstTokenAtOrAfter(span[1]);
			for (int t = from; t < to && t - startToken < 64; t++) {
				phraseTokens |= 1L << (t - startToken);
			}
		}
		sink.match(this.phrasePayloads.get(phrase), startToken, endToken, phraseTokens);
	}

	private int transition(int state, char c) {
		long key = ((long) state << 16) | c;
		int slot = LongIndex.slot(key, this.gotoMask);
		while (this.gotoValues[slot] != 0) {
			if (this.gotoKeys[slot] == key) {
				return this.gotoValues[slot] - 1;
			}
			slot = (slot + 1) & this.gotoMask;
		}
		return -1;
	}

	static final class Builder {

		private final Map<String, List<int[]>> patterns = new LinkedHashMap<>();

		private final CjkPhraseMatcher matcher = new CjkPhraseMatcher();

		/** Part number → phrase number, index within the phrase, and length in characters. */
		private final List<int[]> parts = new ArrayList<>();

		private final List<Integer> phrasePartCounts = new ArrayList<>();

		/** {@code parts}: the folded phrase split at its spaces. */
		void add(List<String> parts, PhrasePayload payload) {
			int phrase = this.matcher.phrasePayloads.size();
			this.matcher.phrasePayloads.add(payload);
			this.phrasePartCounts.add(parts.size());
			for (int index = 0; index < parts.size(); index++) {
				String part = parts.get(index);
				int partNumber = this.parts.size();
				this.parts.add(new int[] { phrase, index, part.length() });
				this.patterns.computeIfAbsent(part, p -> new ArrayList<>()).add(new int[] { partNumber });
			}
		}

		CjkPhraseMatcher build() {
			CjkPhraseMatcher m = this.matcher;
			List<List<Integer>> stateOutputs = new ArrayList<>();
			stateOutputs.add(new ArrayList<>());
			int[] stateCount = { 1 };
			this.patterns.forEach((pattern, partNumbers) -> {
				int state = 0;
				for (char c : pattern.toCharArray()) {
					m.alphabet[c] = true;
					m.alphabetIsCjkOnly &= Tokens.isCjk(c);
					long key = ((long) state << 16) | c;
					Integer next = m.gotoBuild.get(key);
					if (next == null) {
						next = stateCount[0]++;
						m.gotoBuild.put(key, next);
						stateOutputs.add(new ArrayList<>());
					}
					state = next;
				}
				for (int[] part : partNumbers) {
					stateOutputs.get(state).add(part[0]);
				}
			});
			int capacity = Integer.highestOneBit(Math.max(4, m.gotoBuild.size() * 2 + 1) * 2 - 1);
			m.gotoKeys = new long[capacity];
			m.gotoValues = new int[capacity];
			m.gotoMask = capacity - 1;
			m.gotoBuild.forEach((key, value) -> {
				int slot = LongIndex.slot(key, m.gotoMask);
				while (m.gotoValues[slot] != 0) {
					slot = (slot + 1) & m.gotoMask;
				}
				m.gotoKeys[slot] = key;
				m.gotoValues[slot] = value + 1;
			});
			Map<Integer, List<long[]>> childrenOf = new HashMap<>();
			m.gotoBuild.forEach((key, value) -> childrenOf.computeIfAbsent((int) (key >>> 16), s -> new ArrayList<>())
				.add(new long[] { key & 0xFFFF, value }));
			m.fail = new int[stateCount[0]];
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			for (long[] child : childrenOf.getOrDefault(0, List.of())) {
				queue.add((int) child[1]);
			}
			while (!queue.isEmpty()) {
				int state = queue.poll();
				stateOutputs.get(state).addAll(stateOutputs.get(m.fail[state]));
				for (long[] child : childrenOf.getOrDefault(state, List.of())) {
					char c = (char) child[0];
					int target = (int) child[1];
					int fallback = m.fail[state];
					int next;
					while ((next = m.transition(fallback, c)) < 0 && fallback != 0) {
						fallback = m.fail[fallback];
					}
					m.fail[target] = (next >= 0 && next != target) ? next : 0;
					queue.add(target);
				}
			}
			m.outputs = stateOutputs.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray())
				.toArray(int[][]::new);
			m.partPhrase = this.parts.stream().mapToInt(part -> part[0]).toArray();
			m.partIndex = this.parts.stream().mapToInt(part -> part[1]).toArray();
			m.partLength = this.parts.stream().mapToInt(part -> part[2]).toArray();
			m.partCountOfPhrase = this.phrasePartCounts.stream().mapToInt(Integer::intValue).toArray();
			return m;
		}

	}

}
