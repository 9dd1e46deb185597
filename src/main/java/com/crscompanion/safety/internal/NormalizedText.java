package com.crscompanion.safety.internal;

import java.util.Arrays;

/**
 * A message folded for matching (lower case, accents and compatibility forms removed) with, for every folded
 * character, the range of original characters it came from, so matches can be reported on the original text.
 */
record NormalizedText(char[] chars, int length, SourceMap sourceMap) {

	/** Original start index of the folded range {@code [from, to)}. */
	int originalStart(int from) {
		return this.sourceMap.start(from);
	}

	/** Original end index (exclusive) of the folded range {@code [from, to)}. */
	int originalEnd(int to) {
		return this.sourceMap.end(to - 1);
	}

	String slice(int from, int to) {
		return new String(this.chars, from, to - from);
	}

	/**
	 * Where each folded character came from, stored as pieces rather than per character (two int arrays as long
	 * as the message cost more than the folding itself). Most of a message is one run, where folded character
	 * {@code k} is original character {@code k + shift}; a dropped apostrophe starts a new run, and a character
	 * that folds to several ("ﬁ" → "fi") or a surrogate pair that folds to one is a piece of its own.
	 */
	static final class SourceMap {

		/** The first folded character of each piece, ascending. */
		private final int[] pieceStarts;

		/** The original index where each piece starts. */
		private final int[] sourceStarts;

		/** 0 for a run; else the number of original characters that every folded character of the piece spans. */
		private final int[] widths;

		private final int pieces;

		private SourceMap(int[] pieceStarts, int[] sourceStarts, int[] widths, int pieces) {
			this.pieceStarts = pieceStarts;
			this.sourceStarts = sourceStarts;
			this.widths = widths;
			this.pieces = pieces;
		}

		int start(int folded) {
			int piece = pieceOf(folded);
			return (this.widths[piece] == 0) ? this.sourceStarts[piece] + (folded - this.pieceStarts[piece])
					: this.sourceStarts[piece];
		}

		int end(int folded) {
			int piece = pieceOf(folded);
			return (this.widths[piece] == 0) ? this.sourceStarts[piece] + (folded - this.pieceStarts[piece]) + 1
					: this.sourceStarts[piece] + this.widths[piece];
		}

		/** The last piece starting at or before the folded index (binary search). */
		private int pieceOf(int folded) {
			int low = 0;
			int high = this.pieces - 1;
			while (low < high) {
				int mid = (low + high + 1) >>> 1;
				if (this.pieceStarts[mid] <= folded) {
					low = mid;
				}
				else {
					high = mid - 1;
				}
			}
			return low;
		}

		static final class Builder {

			private int[] pieceStarts = new int[4];

			private int[] sourceStarts = new int[4];

			private int[] widths = new int[4];

			private int pieces;

			/** Starts a new map in the same arrays; a map built before must no longer be used. */
			void reset() {
				this.pieces = 0;
			}

			/** From folded index {@code folded} on, folded characters map one to one from {@code source} on. */
			void run(int folded, int source) {
				add(folded, source, 0);
			}

			/** The folded characters from {@code folded} on, up to the next piece, all come from these originals. */
			void single(int folded, int source, int width) {
				add(folded, source, width);
			}

			private void add(int folded, int source, int width) {
				if (this.pieces == this.pieceStarts.length) {
					int grown = this.pieces * 2;
					this.pieceStarts = Arrays.copyOf(this.pieceStarts, grown);
					this.sourceStarts = Arrays.copyOf(this.sourceStarts, grown);
					this.widths = Arrays.copyOf(this.widths, grown);
				}
				this.pieceStarts[this.pieces] = folded;
				this.sourceStarts[this.pieces] = source;
				this.widths[this.pieces++] = width;
			}

			/** The map so far; it shares this builder's arrays, so it is valid until the next {@link #reset}. */
			SourceMap build() {
				return new SourceMap(this.pieceStarts, this.sourceStarts, this.widths, this.pieces);
			}

		}

	}

}
