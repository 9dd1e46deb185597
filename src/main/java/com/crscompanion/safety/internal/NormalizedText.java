package com.crscompanion.safety.internal;

/**
 * A message folded for matching (lower case, accents and compatibility forms removed) with, for every folded
 * character, the range of original characters it came from, so matches can be reported on the original text.
 */
record NormalizedText(char[] chars, int length, int[] sourceStart, int[] sourceEnd) {

	/** Original start index of the folded range {@code [from, to)}. */
	int originalStart(int from) {
		return this.sourceStart[from];
	}

	/** Original end index (exclusive) of the folded range {@code [from, to)}. */
	int originalEnd(int to) {
		return this.sourceEnd[to - 1];
	}

	String slice(int from, int to) {
		return new String(this.chars, from, to - from);
	}

}
