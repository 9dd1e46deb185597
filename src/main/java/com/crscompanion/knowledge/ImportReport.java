package com.crscompanion.knowledge;

import java.util.List;

/** Everything the import repaired, dropped or refused, so editors can check the next export went the same way. */
public record ImportReport(List<Finding> findings) {

	public ImportReport {
		findings = List.copyOf(findings);
	}

	public long count(Severity severity) {
		return this.findings.stream().filter(f -> f.severity() == severity).count();
	}

	public enum Severity {

		/** Content left out on purpose (the title page, a section's one-line intro). */
		NOTE,
		/** A repair that is certain (mojibake that round-trips, a duplicated bullet). */
		REPAIR,
		/** A repair that had to assume something. */
		WARNING,
		/** Damage that could not be explained; the affected passage is not indexed. */
		ERROR

	}

	/** One repair or problem, located by file and line. */
	public record Finding(Severity severity, String origin, String what) {

		@Override
		public String toString() {
			return this.severity + " " + this.origin + ": " + this.what;
		}

	}

}
