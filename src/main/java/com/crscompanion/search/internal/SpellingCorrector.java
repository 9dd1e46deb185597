package com.crscompanion.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Corrects a word the content never uses to the closest word it does ("tocilizumb" → "tocilizumab"), SymSpell
 * style: every vocabulary word's deletions are indexed once, so a look-up is a handful of hash probes rather than
 * an automaton per word. One edit for words of 5–7 letters, two from 8 letters; ties go to the more frequent word.
 * Real English words are never "corrected": "mount" is not a typo of "count", it is off the guide's topic.
 */
final class SpellingCorrector {

	private static final int TWO_EDITS_FROM_LENGTH = 8;

	private final Map<String, Integer> frequencies;

	private final Map<String, List<String>> byDeletion = new HashMap<>();

	private final int minLength;

	private final Supplier<Set<String>> english;

	SpellingCorrector(Map<String, Integer> frequencies, Supplier<Set<String>> english, int minLength) {
		this.frequencies = Map.copyOf(frequencies);
		this.english = english;
		this.minLength = minLength;
		for (String word : this.frequencies.keySet()) {
			for (String deletion : deletions(word, maxEdits(word.length()))) {
				this.byDeletion.computeIfAbsent(deletion, d -> new ArrayList<>(2)).add(word);
			}
		}
	}

	boolean knows(String word) {
		return this.frequencies.containsKey(word);
	}

	/** The correction, or {@code null} when the word is known, too short, or nothing is close enough. */
	String correct(String word) {
		if (word.length() < this.minLength || knows(word) || this.english.get().contains(word)) {
			return null;
		}
		int maxEdits = maxEdits(word.length());
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String deletion : deletions(word, maxEdits)) {
			for (String candidate : this.byDeletion.getOrDefault(deletion, List.of())) {
				int distance = distance(word, candidate, maxEdits);
				if (distance <= maxEdits && (distance < bestDistance
						|| (distance == bestDistance && closerTie(candidate, best)))) {
					best = candidate;
					bestDistance = distance;
				}
			}
		}
		return best;
	}

	/**
	 * Of two words equally close, the more frequent; of two as frequent, the first in alphabetical order. The candidates
	 * come out of hash sets in an order that changes from run to run, and the same question must get the same answer.
	 */
	private boolean closerTie(String candidate, String best) {
		int byFrequency = Integer.compare(this.frequencies.get(candidate), this.frequencies.get(best));
		return byFrequency > 0 || (byFrequency == 0 && candidate.compareTo(best) < 0);
	}

	private static int maxEdits(int length) {
		return (length >= TWO_EDITS_FROM_LENGTH) ? 2 : 1;
	}

	/** The word itself and every string made by deleting up to {@code edits} characters. */
	private static Set<String> deletions(String word, int edits) {
		Set<String> result = new HashSet<>();
		result.add(word);
		Set<String> frontier = Set.of(word);
		for (int e = 0; e < edits; e++) {
			Set<String> next = new HashSet<>();
			for (String w : frontier) {
				for (int i = 0; i < w.length(); i++) {
					next.add(w.substring(0, i) + w.substring(i + 1));
				}
			}
			result.addAll(next);
			frontier = next;
		}
		return result;
	}

	/** Optimal string alignment distance (a swap of neighbours is one edit), giving up past {@code max}. */
	static int distance(String a, String b, int max) {
		if (Math.abs(a.length() - b.length()) > max) {
			return max + 1;
		}
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int rowMin = Integer.MAX_VALUE;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
				rowMin = Math.min(rowMin, d[i][j]);
			}
			if (rowMin > max) {
				return max + 1;
			}
		}
		return d[a.length()][b.length()];
	}

}
