package com.crscompanion.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One labelled file of the evaluation set: tab-separated, a header line naming the columns, one case a line.
 * Files named {@code <kind>-heldout*.tsv} are the part never tuned on: their misses are counted, never listed.
 */
public record EvalSet(String name, boolean heldOut, List<Map<String, String>> rows) {

	public static EvalSet read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read evaluation file " + file, ex);
		}
		if (lines.isEmpty()) {
			throw new IllegalArgumentException(file + " is empty; it needs a header line");
		}
		List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			String[] cells = lines.get(i).split("\t", -1);
			if (cells.length != header.size()) {
				throw new IllegalArgumentException(file + ":" + (i + 1) + " has " + cells.length + " columns, the header "
						+ header.size());
			}
			Map<String, String> row = new TreeMap<>();
			for (int c = 0; c < cells.length; c++) {
				row.put(header.get(c), cells[c]);
			}
			rows.add(row);
		}
		String name = file.getFileName().toString();
		return new EvalSet(name, name.contains("-heldout"), List.copyOf(rows));
	}

	/**
	 * The dev and held-out files of one kind: "questions" reads questions-dev.tsv, then every held-out part
	 * (questions-heldout.tsv, questions-heldout-blind.tsv…) in name order.
	 */
	public static List<EvalSet> readKind(Path dir, String kind) {
		List<EvalSet> sets = new ArrayList<>();
		Path dev = dir.resolve(kind + "-dev.tsv");
		if (Files.isRegularFile(dev)) {
			sets.add(read(dev));
		}
		try (Stream<Path> files = Files.list(dir)) {
			files.filter(file -> file.getFileName().toString().startsWith(kind + "-heldout"))
				.filter(file -> file.getFileName().toString().endsWith(".tsv"))
				.sorted()
				.forEach(file -> sets.add(read(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (sets.isEmpty()) {
			throw new IllegalArgumentException("No evaluation files " + kind + "-dev.tsv / " + kind + "-heldout.tsv in "
					+ dir.toAbsolutePath());
		}
		return sets;
	}

}
