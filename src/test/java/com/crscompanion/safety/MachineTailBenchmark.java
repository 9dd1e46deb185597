package com.crscompanion.safety;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the machine itself adds to a 99th percentile: the same fixed arithmetic every call (no allocation, no
 * memory beyond 32 KB, no branches that depend on data), timed like {@link EmergencyGuardBenchmark}. Any spread
 * between its p50 and p99 comes from the machine (interrupts, a shared host), not from the code measured, so it
 * tells how far below the guard's p99 target its p50 has to be on this machine. {@code rounds} sets the work per
 * call; read the guard's figures beside the round count whose p50 is closest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class MachineTailBenchmark {

	/** About 4 µs of work per round on the machines of these sessions. */
	@Param({ "2", "4", "6", "8", "12" })
	int rounds;

	private long[] data;

	@Setup
	public void setUp() {
		this.data = new long[4096];
		for (int i = 0; i < this.data.length; i++) {
			this.data[i] = i * 0x9E3779B97F4A7C15L;
		}
	}

	@Benchmark
	public long fixedWork() {
		long hash = 0;
		for (int round = 0; round < this.rounds; round++) {
			for (long value : this.data) {
				hash = hash * 31 + (value ^ (hash >>> 7));
			}
		}
		return hash;
	}

}
