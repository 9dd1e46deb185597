package com.crscompanion.search.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GuideAnalyzerTests {

	@ParameterizedTest
	@CsvSource({ "they gave toci early, they give toci early", "it was given by drip, it gives by drip",
			"he took the tablets, he takes the tablets", "she felt dizzy, she is feeling dizzy",
			"we brought his papers, we are bringing his papers", "he wrote it down, he writes it down",
			"he got the cells, he gets the cells" })
	void irregularFormsMeetTheirBaseForm(String irregular, String regular) throws Exception {
		assertThat(terms(irregular)).isEqualTo(terms(regular));
	}

	@ParameterizedTest
	@CsvSource({ "'is it even normal, actually?', is it normal", "whats a crs grade, what's a crs grade",
			"'fever since yesterday, tonight too', fever",
			"'the doctor mentioned anakinra on monday morning, never heard of it', doctor anakinra",
			"'is the low urine related to crs, the nurse said', low urine crs nurse",
			"'can they give it more than once, whether or not', can they give it more once" })
	void chatWordsAreNotSearched(String told, String asked) throws Exception {
		assertThat(terms(told)).isEqualTo(terms(asked));
	}

	/** The therapy's name is one concept, one term: spelt as two words it would count twice against every other word. */
	@ParameterizedTest
	@CsvSource({ "after CAR-T", "after car t", "after cart", "after car-t cells", "after kymriah" })
	void theTherapyIsOneTermHoweverItIsWritten(String text) throws Exception {
		assertThat(terms(text, Files.readString(Path.of("config/synonyms.txt")))).containsExactly("after", "cart");
	}

	private static List<String> terms(String text) throws IOException, ParseException {
		return terms(text, "");
	}

	private static List<String> terms(String text, String synonyms) throws IOException, ParseException {
		List<String> terms = new ArrayList<>();
		try (GuideAnalyzer analyzer = GuideAnalyzer.withSynonyms(new StringReader(synonyms));
				TokenStream tokens = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				terms.add(term.toString());
			}
			tokens.end();
		}
		return terms;
	}

}
