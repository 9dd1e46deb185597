package com.crscompanion.evaluation;

import java.util.Arrays;

/** Small statistics helpers for the report. */
final class Figures {

	private Figures() {
	}

	static double share(long part, long whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

	/** The p-th percentile (0–100) of latencies in nanoseconds, nearest rank. */
	static long percentile(long[] nanos, double p) {
		if (nanos.length == 0) {
			return 0;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static String micros(long nanos) {
		return String.format("%.0f µs", nanos / 1_000.0);
	}

	static String pct(double share) {
		return String.format("%.1f%%", share * 100);
	}

}
