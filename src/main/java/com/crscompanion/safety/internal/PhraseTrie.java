package com.crscompanion.safety.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Phrases of space-separated languages as paths of word ids. Matching starts at each word that stands for a
 * phrase's first word and may step over up to {@link #MAX_GAP} other words between two phrase words ("struggling
 * a lot to breathe"), never over punctuation; exact phrases (cues, quoted phrases) take no gaps. The number of
 * paths tried from one word is bounded by the phrase length and gap, so matching stays linear in the text.
 * <p>
 * Nodes are numbers into flat arrays rather than objects: most words of a message start a walk, and following
 * references from node to keys to children to payloads cost a cache miss each.
 */
final class PhraseTrie {

	static final int MAX_GAP = 2;

	static final int MAX_PHRASE_WORDS = 8;

	private static final int NO_NODE = -1;

	/**
	 * The node under the root for each word id ({@link #NO_NODE} where no phrase starts with that word). Every word
	 * of a message is looked up here, and the root has a child for most word ids, so a direct index beats a search.
	 */
	private final int[] firstWords;

	/** Node n's children are {@code childNodes[k]} for word {@code childWords[k]}, k in [firstChild[n], firstChild[n + 1]), by word. */
	private final int[] firstChild;

	private final int[] childWords;

	private final int[] childNodes;

	/** Per node, bit (word id mod 64) set for every child word id: rules out most lookups before the binary search. */
	private final long[] childBloom;

	/** Node n's payloads are {@code payloads[k]} for k in [firstPayload[n], firstPayload[n + 1]). */
	private final int[] firstPayload;

	private final PhrasePayload[] payloads;

	private PhraseTrie(Builder.BuildNode root) {
		// number the nodes depth first, so a node's subtree (the next words of its phrases) lies close together
		List<Builder.BuildNode> nodes = new ArrayList<>();
		for (Builder.BuildNode first : root.children.values()) {
			number(first, nodes);
		}
		this.firstChild = new int[nodes.size() + 1];
		this.firstPayload = new int[nodes.size() + 1];
		this.childBloom = new long[nodes.size()];
		List<PhrasePayload> allPayloads = new ArrayList<>();
		int childCount = 0;
		for (int n = 0; n < nodes.size(); n++) {
			this.firstChild[n] = childCount;
			this.firstPayload[n] = allPayloads.size();
			childCount += nodes.get(n).children.size();
			allPayloads.addAll(nodes.get(n).payloads);
		}
		this.firstChild[nodes.size()] = childCount;
		this.firstPayload[nodes.size()] = allPayloads.size();
		this.payloads = allPayloads.toArray(new PhrasePayload[0]);
		this.childWords = new int[childCount];
		this.childNodes = new int[childCount];
		for (int n = 0; n < nodes.size(); n++) {
			int k = this.firstChild[n];
			for (var child : nodes.get(n).children.entrySet()) {
				this.childWords[k] = child.getKey();
				this.childNodes[k++] = child.getValue().number;
				this.childBloom[n] |= 1L << child.getKey();
			}
		}
		int size = root.children.isEmpty() ? 0 : root.children.lastKey() + 1;
		this.firstWords = new int[size];
		Arrays.fill(this.firstWords, NO_NODE);
		root.children.forEach((word, node) -> this.firstWords[word] = node.number);
	}

	private static void number(Builder.BuildNode node, List<Builder.BuildNode> nodes) {
		node.number = nodes.size();
		nodes.add(node);
		for (Builder.BuildNode child : node.children.values()) {
			number(child, nodes);
		}
	}

	/** Receives phrase matches without allocating: most matches are common words only counted or flagged. */
	interface MatchSink {

		void match(PhrasePayload payload, int startToken, int endToken, long phraseTokens);

	}

	/** Reports every phrase match starting at {@code start}. {@code words} gives each token's word ids. */
	void matchAt(int start, TokenWords words, Tokens tokens, MatchSink sink) {
		for (int k = words.from(start); k < words.to(start); k++) {
			int word = words.id(k);
			int node = (word < this.firstWords.length) ? this.firstWords[word] : NO_NODE;
			if (node != NO_NODE) {
				walk(node, start, start, 1L, false, words, tokens, sink);
			}
		}
	}

	private void walk(int node, int start, int last, long phraseTokens, boolean gapped, TokenWords words,
			Tokens tokens, MatchSink sink) {
		for (int p = this.firstPayload[node]; p < this.firstPayload[node + 1]; p++) {
			PhrasePayload payload = this.payloads[p];
			if (!payload.exact() || !gapped) {
				sink.match(payload, start, last + 1, phraseTokens);
			}
		}
		if (this.firstChild[node] == this.firstChild[node + 1]) {
			return;
		}
		int limit = Math.min(tokens.count() - 1, last + 1 + MAX_GAP);
		for (int next = last + 1; next <= limit && next - start < 64; next++) {
			if (tokens.isBreak(next)) {
				return;
			}
			for (int k = words.from(next); k < words.to(next); k++) {
				int child = child(node, words.id(k));
				if (child != NO_NODE) {
					walk(child, start, next, phraseTokens | (1L << (next - start)), gapped || next > last + 1,
							words, tokens, sink);
				}
			}
		}
	}

	private int child(int node, int word) {
		if ((this.childBloom[node] & (1L << word)) == 0) {
			return NO_NODE;
		}
		int index = Arrays.binarySearch(this.childWords, this.firstChild[node], this.firstChild[node + 1], word);
		return (index >= 0) ? this.childNodes[index] : NO_NODE;
	}

	static final class Builder {

		private final BuildNode root = new BuildNode();

		void add(int[] words, PhrasePayload payload) {
			BuildNode node = this.root;
			for (int word : words) {
				node = node.children.computeIfAbsent(word, w -> new BuildNode());
			}
			if (!node.payloads.contains(payload)) {
				node.payloads.add(payload);
			}
		}

		PhraseTrie build() {
			return new PhraseTrie(this.root);
		}

		private static final class BuildNode {

			private final TreeMap<Integer, BuildNode> children = new TreeMap<>();

			private final List<PhrasePayload> payloads = new ArrayList<>();

			private int number;

		}

	}

}
