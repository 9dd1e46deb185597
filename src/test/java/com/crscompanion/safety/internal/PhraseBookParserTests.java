package com.crscompanion.safety.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.crscompanion.safety.DangerSign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhraseBookParserTests {

	@TempDir
	Path directory;

	@Test
	void readsSectionsSeverityQuotesAndAlternatives() throws IOException {
		Path file = write("en.txt", """
				# comment
				[BREATHING severe]
				"not breathing"   # exact
				(cant|cannot) breathe
				[FEVER]
				(very|) hot
				[INFLECTIONS]
				ing
				""");

		PhraseBook book = PhraseBookParser.read("en", file);

		assertThat(book.phrases()).extracting(PhraseBook.Phrase::text, PhraseBook.Phrase::sign,
				PhraseBook.Phrase::severe, PhraseBook.Phrase::exact)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("not breathing", DangerSign.BREATHING, true, true),
					org.assertj.core.groups.Tuple.tuple("cant breathe", DangerSign.BREATHING, true, false),
					org.assertj.core.groups.Tuple.tuple("cannot breathe", DangerSign.BREATHING, true, false),
					org.assertj.core.groups.Tuple.tuple("very hot", DangerSign.FEVER, false, false),
					org.assertj.core.groups.Tuple.tuple("hot", DangerSign.FEVER, false, false));
		assertThat(book.inflections()).containsExactly("ing");
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
			[FEVER]\\nfever\\n[NOSUCH] => line 3, has an unknown section [NOSUCH]
			fever => line 1, has a phrase before the first [SECTION] line
			[FEVER]\\n(hot|warm => line 2, has an unclosed or nested '('
			[FEVER]\\nhot|warm => line 2, has '|' outside (...|...)
			[NEGATION BEFORE]\\nno => has no danger-sign phrases
			[FEVER => line 1, has a section line without closing ']'
			[FEVER]\\n!!! => line 2, has a phrase with no letters or digits
			""")
	void rejectsMalformedFilesNamingFileAndLine(String content, String problem) throws IOException {
		Path file = write("en.txt", content.replace("\\n", "\n"));

		assertThatThrownBy(() -> PhraseBookParser.read("en", file)).isInstanceOf(PhraseFileException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining(problem);
	}

	@Test
	void rejectsMissingFileByName() {
		Path missing = this.directory.resolve("xx.txt");

		assertThatThrownBy(() -> Lexicon.load(this.directory, List.of("xx"), "xx"))
			.isInstanceOf(PhraseFileException.class)
			.hasMessageContaining(missing.toString())
			.hasMessageContaining("cannot be read");
	}

	@Test
	void rejectsEmptyFileByName() throws IOException {
		Path empty = write("en.txt", "# nothing yet\n");

		assertThatThrownBy(() -> Lexicon.load(this.directory, List.of("en"), "en"))
			.hasMessageContaining(empty.toString())
			.hasMessageContaining("has no danger-sign phrases");
	}

	@Test
	void rejectsDefaultLanguageWithoutPhraseFile() throws IOException {
		write("en.txt", "[FEVER]\nfever\n");

		assertThatThrownBy(() -> Lexicon.load(this.directory, List.of("en"), "fr"))
			.hasMessageContaining("Default language 'fr' has no phrase file");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

}
