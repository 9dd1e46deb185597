package com.crscompanion.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.ParseException;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The one analyzer for indexing and querying, so both sides agree on every term: lower case and accents folded,
 * lay words mapped to the guide's words (synonyms, before stemming so rules are written as people type), English
 * stop words dropped, irregular verb forms to their base ("gave" to "give"), Porter stemming ("shivering" and
 * "shivers" meet).
 */
final class GuideAnalyzer extends Analyzer {

	/**
	 * Lucene's English stop words plus the pronouns, auxiliaries and chat words families wrap a question in
	 * ("can you tell me if my dad…", "is it even normal", "since yesterday"): they match FAQ questions by form, not
	 * by meaning, and a rare one weighs as much against confidence as a word the guide has never heard of.
	 */
	static final CharArraySet STOP_WORDS = stopWords();

	/**
	 * Irregular verb forms Porter stemming cannot reach ("gave", "given" and "give" stay three words to it), so "they
	 * gave toci early" meets "given by infusion".
	 */
	private static final StemmerOverrideMap IRREGULAR_FORMS = irregularForms();

	private final SynonymMap synonyms;

	private GuideAnalyzer(SynonymMap synonyms) {
		this.synonyms = synonyms;
	}

	/** Builds the analyzer from rules in Solr synonym format ("temp, temperature => fever"). */
	static GuideAnalyzer withSynonyms(Reader rules) throws IOException, ParseException {
		SolrSynonymParser parser = new SolrSynonymParser(true, true, new SurfaceAnalyzer());
		parser.parse(rules);
		return new GuideAnalyzer(parser.build());
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer source = new StandardTokenizer();
		TokenStream stream = SurfaceAnalyzer.fold(source);
		if (this.synonyms.fst != null) {
			stream = new FlattenGraphFilter(new SynonymGraphFilter(stream, this.synonyms, true));
		}
		stream = new StopFilter(stream, STOP_WORDS);
		stream = new StemmerOverrideFilter(stream, IRREGULAR_FORMS);
		stream = new PorterStemFilter(stream);
		return new TokenStreamComponents(source, stream);
	}

	private static StemmerOverrideMap irregularForms() {
		StemmerOverrideFilter.Builder forms = new StemmerOverrideFilter.Builder(true);
		for (String line : List.of("gave given > give", "took taken > take", "went gone > go", "came > come",
				"ate eaten > eat", "felt > feel", "began begun > begin", "fell fallen > fall", "drank drunk > drink",
				"brought > bring", "kept > keep", "left > leave", "lost > lose", "slept > sleep", "spoke spoken > speak",
				"wrote written > write", "saw seen > see", "knew known > know", "thought > think", "meant > mean",
				"ran > run", "woke woken > wake", "got gotten > get")) {
			String[] parts = line.split(" > ");
			for (String form : parts[0].split(" ")) {
				forms.add(form, parts[1]);
			}
		}
		try {
			return forms.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CharArraySet stopWords() {
		CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
		words.addAll(List.of("i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his", "she",
				"her", "hers", "they", "them", "its", "it's", "im", "i'm", "am", "do", "does", "did", "doing", "done",
				"can", "could", "would", "should", "shall", "may", "might", "must", "has", "have", "had", "having",
				"been", "being", "were", "what", "which", "who", "whom", "whose", "how", "why", "where", "so", "too",
				"very", "just", "also", "still", "really", "please", "tell", "know", "explain", "any", "some", "much",
				"many", "about", "from", "here", "hi", "hello", "thanks", "ok", "okay", "dont", "don't", "doesnt",
				"doesn't", "cant", "can't", "isnt", "isn't", "wont", "won't", "didnt", "didn't", "our", "mum", "mom",
				"dad", "father", "mother", "husband", "wife", "son", "daughter", "brother", "sister", "patient",
				// contractions typed without the apostrophe ("what's" already loses its "'s" to the possessive filter)
				"whats", "thats", "theres", "hows", "heres", "ive", "youre", "theyre", "hes", "shes", "wasnt", "werent",
				"arent", "havent", "hasnt", "hadnt", "wouldnt", "shouldnt", "couldnt",
				// hedges, fillers and when the message is written: how a question is told, not what it asks
				"even", "exactly", "actually", "basically", "maybe", "perhaps", "probably", "quite", "rather", "anyway",
				"though", "although", "yet", "already", "ever", "since", "yesterday", "today", "tonight", "tomorrow",
				"ago", "now", "currently", "recently", "thing", "things", "stuff", "guys", "someone", "somebody",
				"anyone", "anybody", "morning", "afternoon", "evening", "monday", "tuesday", "wednesday", "thursday",
				"friday", "saturday", "sunday", "during", "while", "lot", "lots", "never",
				// who said it and how the question hangs on CRS: "the doctor mentioned…", "is it related to crs"
				"said", "say", "says", "saying", "told", "mention", "mentioned", "mentions", "heard", "hear", "related",
				"relate", "linked", "connected", "associated",
				// comparison and choice words: "more than", "whether or not" say nothing of the topic
				"than", "whether"));
		return CharArraySet.unmodifiableSet(words);
	}

	/** Words as typed, only lower-cased and folded: the vocabulary for typo correction, and the synonym rule parser. */
	static final class SurfaceAnalyzer extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			return new TokenStreamComponents(source, fold(source));
		}

		static TokenStream fold(TokenStream stream) {
			return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(stream)));
		}

	}

}
