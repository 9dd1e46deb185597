package com.crscompanion.knowledge.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.crscompanion.knowledge.ImportReport;
import com.crscompanion.knowledge.ImportReport.Finding;
import com.crscompanion.knowledge.ImportReport.Severity;
import com.crscompanion.knowledge.KnowledgeSnapshot;
import com.crscompanion.knowledge.Passage;

/** Builds one snapshot from {@code index-data/}: the repaired guide export, then editors' entries over it. */
final class ContentLoader {

	private final KnowledgeProperties properties;

	private final GuideExportParser parser;

	private final EditorEntryReader entries = new EditorEntryReader();

	private final Clock clock;

	ContentLoader(KnowledgeProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		Charset misread = Charset.forName(properties.misreadCharset());
		this.parser = new GuideExportParser(new MojibakeRepair(misread, properties.lossyMojibakeTable()),
				properties.truncatedBulletLength());
	}

	KnowledgeSnapshot load() {
		Path dir = this.properties.contentDir();
		Path guide = dir.resolve(this.properties.guideFile());
		if (!Files.isRegularFile(guide)) {
			throw new ContentException("guide export not found: " + guide.toAbsolutePath()
					+ " (set crs.knowledge.content-dir / crs.knowledge.guide-file)");
		}
		GuideExportParser.ParsedGuide parsed = this.parser.parse(guide.getFileName().toString(), readLines(guide));
		if (parsed.passages().isEmpty()) {
			throw new ContentException(guide + ": no passages could be read from the export");
		}
		Map<String, Passage> passages = new LinkedHashMap<>();
		parsed.passages().forEach(p -> passages.put(p.id(), p));
		List<Finding> findings = new ArrayList<>(parsed.findings());
		for (Path file : markdownFiles(dir)) {
			String name = dir.relativize(file).toString();
			EditorEntryReader.Entry entry = this.entries.read(name, readString(file));
			Passage replaced = passages.get(entry.id());
			if (entry.hidden()) {
				if (passages.remove(entry.id()) == null) {
					throw new ContentException(name + ": hides '" + entry.id() + "', but no passage has that id");
				}
				findings.add(new Finding(Severity.NOTE, name, "withdraws passage " + entry.id()));
				continue;
			}
			if (entry.onlyAddsPhrasings()) {
				if (replaced == null) {
					throw new ContentException(name + ": adds also-asked to '" + entry.id() + "', but no passage has that id");
				}
				passages.put(entry.id(), replaced.withAlsoAsked(entry.alsoAsked()));
				continue;
			}
			if (replaced != null) {
				findings.add(new Finding(Severity.NOTE, name, "replaces passage " + entry.id()));
			}
			passages.put(entry.id(), entry.toPassage(replaced));
		}
		return new KnowledgeSnapshot(List.copyOf(passages.values()), new ImportReport(findings), this.clock.instant());
	}

	private static List<Path> markdownFiles(Path dir) {
		try (Stream<Path> files = Files.walk(dir, 4)) {
			return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new ContentException("cannot list " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> readLines(Path file) {
		String text = readString(file);
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		return text.lines().toList();
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ContentException("cannot read " + file + " as UTF-8: " + ex.getMessage(), ex);
		}
	}

}
