package com.crscompanion.knowledge.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.crscompanion.knowledge.ImportReport.Finding;
import com.crscompanion.knowledge.ImportReport.Severity;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.knowledge.PassageKind;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser on the real website export in index-data/, as a family would see its passages. */
class GuideExportParserTests {

	private static GuideExportParser.ParsedGuide guide;

	private static List<String> exportLines;

	@BeforeAll
	static void parseTheRealExport() throws IOException {
		exportLines = Files.readAllLines(Path.of("index-data/crs-family-guide-export.txt"), StandardCharsets.UTF_8);
		guide = parser().parse("export.txt", exportLines);
	}

	static GuideExportParser parser() {
		return new GuideExportParser(new MojibakeRepair(Charset.forName("x-windows-874"), Map.of("โ", "—")), 60);
	}

	@Test
	void noMojibakeSurvivesInAnyPassage() {
		assertThat(guide.passages()).allSatisfy(p -> assertThat(p.displayText() + p.source()).doesNotContainPattern("\\p{IsThai}"));
		assertThat(passage("symptoms-families-should-recognise/fever-often-the-first-and-most").text())
			.isEqualTo("Fever, often the first and most reliable sign — usually above 38°C and sometimes as high as 40°C");
	}

	@Test
	void everyDuplicatedBulletAppearsOnceInFull() {
		List<Passage> items = guide.passages().stream().filter(p -> p.kind() == PassageKind.LIST_ITEM).toList();
		assertThat(items).extracting(Passage::text).doesNotHaveDuplicates();
		assertThat(items).hasSize(3 + 9 + 8);
		assertThat(items).allSatisfy(item -> assertThat(exportLines).contains(item.text().replace("—", "โ").replace("°", "ยฐ")));
		long truncatedCopies = guide.findings().stream().filter(f -> f.what().startsWith("removed bullet")).count();
		assertThat(truncatedCopies).isEqualTo(20);
	}

	@Test
	void listItemsKeepTheirLeadInAndTheWholeListIsAPassageToo() {
		Passage chills = passage("symptoms-families-should-recognise/chills-and-shaking-often-together-with");
		assertThat(chills.displayText()).isEqualTo("The most common patterns include:\n• Chills and shaking, often together with fever");
		assertThat(text("symptoms-families-should-recognise/list")).startsWith(
				"CRS can affect almost any system in the body. The most common patterns include:\n• Fever")
			.contains("• Reduced urine output as blood pressure falls");
	}

	@Test
	void textGluedAfterAListLeadInBecomesItsOwnParagraph() {
		assertThat(text("symptoms-families-should-recognise/families-do-not-need-to-grade"))
			.startsWith("Families do not need to grade CRS themselves.");
		assertThat(text("when-crs-usually-happens/list")).startsWith("Timing depends on the therapy:\n• After CAR-T");
		assertThat(text("when-crs-usually-happens/most-cases-of-crs-resolve-within"))
			.startsWith("Most cases of CRS resolve within one to two weeks.");
	}

	@Test
	void runTogetherTreatmentSubtopicsAreSplit() {
		assertThat(guide.passages()).filteredOn(p -> p.kind() == PassageKind.SUBTOPIC)
			.extracting(Passage::title)
			.containsExactly("Supportive Care", "Tocilizumab", "Corticosteroids", "Other Therapies",
					"Bridging Therapy and Pre-Medication");
		assertThat(text("how-crs-is-treated/tocilizumab")).startsWith("Tocilizumab is the most important CRS-specific drug.")
			.endsWith("does not generally interfere with the anti-cancer effect of CAR-T.");
		assertThat(passage("how-crs-is-treated/tocilizumab").source()).isEqualTo("How CRS Is Treated › Tocilizumab");
	}

	@Test
	void ordinarySentencesStartingWithCapitalisedWordsAreNotSplit() {
		assertThat(GuideExportParser.subtopics("Major Chinese cell therapy centres use the same frameworks. Tocilizumab is widely available.")).isEmpty();
		assertThat(GuideExportParser.subtopics("Most CRS resolves within two weeks. Mild cases may last only a few days.")).isEmpty();
	}

	@Test
	void faqQuestionsPairWithTheirAnswers() {
		List<Passage> faq = guide.passages().stream().filter(p -> p.kind() == PassageKind.FAQ).toList();
		assertThat(faq).hasSize(8).allSatisfy(p -> assertThat(p.question()).endsWith("?"));
		assertThat(passage("frequently-asked-questions/is-fever-after-car-t-always").text()).startsWith("Not always.");
	}

	@Test
	void gradeTableGivesOnePassagePerGradeWithItsColumnNames() {
		assertThat(guide.passages()).filteredOn(p -> p.kind() == PassageKind.TABLE_ROW)
			.extracting(Passage::title)
			.containsExactly("Grade 1", "Grade 2", "Grade 3", "Grade 4");
		assertThat(text("reference-data/grade-3")).isEqualTo(
				"What It Looks Like: Low blood pressure needing one vasopressor, or oxygen needing high-flow or non-invasive ventilation\n"
						+ "Typical Management: ICU-level care, tocilizumab, steroids, vasopressor support");
	}

	@Test
	void titleAndSectionIntrosAreLeftOutAndSaidSo() {
		assertThat(guide.passages()).noneMatch(p -> p.text().startsWith("Answers to common questions")
				|| p.text().startsWith("Prepared by") || p.text().startsWith("Structured reference data"));
		assertThat(guide.findings()).filteredOn(f -> f.severity() == Severity.NOTE).hasSize(5);
	}

	@Test
	void everyRepairIsReportedWithItsLine() {
		assertThat(guide.findings()).filteredOn(f -> f.what().startsWith("mojibake ยฐ"))
			.extracting(Finding::origin)
			.containsOnly("export.txt:17");
		assertThat(guide.findings()).filteredOn(f -> f.severity() == Severity.WARNING)
			.allSatisfy(f -> assertThat(f.what()).contains("continuation bytes were lost"));
		assertThat(guide.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
	}

	@Test
	void unexplainedForeignTextIsAnErrorAndNeverReachesTheIndex() {
		GuideExportParser.ParsedGuide damaged = parser().parse("x.txt", List.of("Symptoms To Watch",
				"Fever is common after CAR-T.", "Chills are common ฒฒ too.", "Chills are common ฒฒ too."));
		assertThat(damaged.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
			.extracting(Finding::origin)
			.containsOnly("x.txt:3", "x.txt:4");
		assertThat(damaged.passages()).extracting(Passage::text).containsExactly("Fever is common after CAR-T.");
	}

	@Test
	void idsAreStableAndUnique() {
		assertThat(guide.passages()).extracting(Passage::id).doesNotHaveDuplicates();
		assertThat(parser().parse("export.txt", exportLines).passages()).extracting(Passage::id)
			.containsExactlyElementsOf(guide.passages().stream().map(Passage::id).toList());
	}

	private static Passage passage(String id) {
		return guide.passages().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no passage " + id));
	}

	private static String text(String id) {
		return passage(id).displayText();
	}

}
