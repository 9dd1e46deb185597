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
 */
final class PhraseTrie {

	static final int MAX_GAP = 2;

	static final int MAX_PHRASE_WORDS = 8;

	/**
	 * The nodes under the root, indexed by word id (null where no phrase starts with that word). Every word of a
	 * message is looked up here, and the root has a child for most word ids, so a direct index beats a search.
	 */
	private final Node[] firstWords;

	private PhraseTrie(Node root) {
		int size = (root.keys.length == 0) ? 0 : root.keys[root.keys.length - 1] + 1;
		this.firstWords = new Node[size];
		for (int k = 0; k < root.keys.length; k++) {
			this.firstWords[root.keys[k]] = root.children[k];
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
			Node child = (word < this.firstWords.length) ? this.firstWords[word] : null;
			if (child != null) {
				walk(child, start, start, 1L, false, words, tokens, sink);
			}
		}
	}

	private void walk(Node node, int start, int last, long phraseTokens, boolean gapped, TokenWords words,
			Tokens tokens, MatchSink sink) {
		for (PhrasePayload payload : node.payloads) {
			if (!payload.exact() || !gapped) {
				sink.match(payload, start, last + 1, phraseTokens);
			}
		}
		if (node.childBloom == 0) {
			return; // a leaf: the bloom has a bit for every child, and lives in the node itself
		}
		int limit = Math.min(tokens.count() - 1, last + 1 + MAX_GAP);
		for (int next = last + 1; next <= limit && next - start < 64; next++) {
			if (tokens.isBreak(next)) {
				return;
			}
			for (int k = words.from(next); k < words.to(next); k++) {
				Node child = node.child(words.id(k));
				if (child != null) {
					walk(child, start, next, phraseTokens | (1L << (next - start)), gapped || next > last + 1,
							words, tokens, sink);
				}
			}
		}
	}

	private static final class Node {

		private static final int[] NO_KEYS = new int[0];

		private int[] keys = NO_KEYS;

		private Node[] children = new Node[0];

		private PhrasePayload[] payloads = new PhrasePayload[0];

		/** Bit (id mod 64) set for every child word id: rules out most lookups before the binary search. */
		private long childBloom;

		Node child(int word) {
			if ((this.childBloom & (1L << word)) == 0) {
				return null;
			}
			int index = Arrays.binarySearch(this.keys, word);
			return (index >= 0) ? this.children[index] : null;
		}

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
			return new PhraseTrie(freeze(this.root));
		}

		private static Node freeze(BuildNode building) {
			Node node = new Node();
			node.keys = building.children.keySet().stream().mapToInt(Integer::intValue).toArray();
			node.children = building.children.values().stream().map(Builder::freeze).toArray(Node[]::new);
			node.payloads = building.payloads.toArray(new PhrasePayload[0]);
			for (int key : node.keys) {
				node.childBloom |= 1L << key;
			}
			return node;
		}

		private static final class BuildNode {

			private final TreeMap<Integer, BuildNode> children = new TreeMap<>();

			private final List<PhrasePayload> payloads = new ArrayList<>();

		}

	}

}
