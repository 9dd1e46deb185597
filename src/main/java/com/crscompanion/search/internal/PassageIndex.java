package com.crscompanion.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.LoggerFactory;

import com.crscompanion.knowledge.Passage;
import com.crscompanion.search.SearchResult;
import com.crscompanion.search.SearchResult.Hit;

/**
 * An immutable in-memory index of one content snapshot. Searches run on it while a newer one is built; it is
 * reference counted so swapping it out never closes it under a query in flight.
 */
final class PassageIndex {

	/**
	 * Distinct term groups (and terms) whose scores one index keeps. Families' questions draw on a few thousand words;
	 * the bound keeps a flood of made-up words from growing it.
	 */
	private static final int REMEMBERED_TERMS = 20_000;

	/** A model failing on questions is logged, but not once per question. */
	private static final RateLimitedLog MODEL_FAILURES = new RateLimitedLog(
			"The sentence model failed on a question; it was ranked by words alone", Duration.ofMinutes(5));

	private final GuideAnalyzer analyzer;

	private final Analyzer surface = new GuideAnalyzer.SurfaceAnalyzer();

	private final SearchProperties properties;

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	private final Passage[] passagesByDoc;

	private final List<Passage> passages;

	/** For a phrasing's document, the document of the passage it asks for; -1 for every other document. */
	private final int[] passageDocOf;

	private final SpellingCorrector speller;

	private final int documents;

	private final Map<IndexField, Float> boosts;

	/** Meaning vectors of the passages and their phrasings, with the model for the question's; null when off. */
	private final MeaningVectors meaning;

	/** Terms of headings, questions, titles, phrasings and the synonym lexicon: the words of what the guide is about. */
	private final Set<String> topicTerms;

	/**
	 * Terms of the guide's own words (headings, questions, titles, text) and the synonym lexicon. Also-asked phrasings
	 * are left out: they are told the way families tell things ("this morning dad couldn't write his name"), so their
	 * words include chat that says nothing about the guide.
	 */
	private final Set<String> guideTerms;

	/**
	 * Each term group's BM25F scores by document, and its best-phrasing scores: the index never changes, so Lucene
	 * computes them once per group, not once per question (that was most of a question's time and garbage).
	 */
	private final BoundedCache<List<String>, DocScores> groupScores = new BoundedCache<>(REMEMBERED_TERMS);

	private final BoundedCache<List<String>, DocScores> phrasingScores = new BoundedCache<>(REMEMBERED_TERMS);

	/** The passages whose words hold a term, for the confidence: how rare it is and whether the best one holds it. */
	private final BoundedCache<String, TermPassages> passagesWith = new BoundedCache<>(REMEMBERED_TERMS);

	private PassageIndex(GuideAnalyzer analyzer, SearchProperties properties, DirectoryReader reader,
			Passage[] passagesByDoc, int[] passageDocOf, Supplier<Set<String>> english, Set<String> lexiconTerms,
			MeaningVectors meaning) {
		this.analyzer = analyzer;
		this.properties = properties;
		this.reader = reader;
		this.searcher = new IndexSearcher(reader);
		this.searcher.setSimilarity(new BM25Similarity(properties.bm25().k1(), properties.bm25().b()));
		this.passagesByDoc = passagesByDoc;
		this.passages = Arrays.stream(passagesByDoc).filter(Objects::nonNull).toList();
		this.passageDocOf = passageDocOf;
		this.meaning = meaning;
		try {
			this.documents = Math.max(1, reader.getDocCount(IndexField.ALL.fieldName()));
			this.speller = new SpellingCorrector(vocabulary(reader), english, properties.spellingMinLength());
			this.topicTerms = terms(reader, lexiconTerms,
					List.of(IndexField.QUESTION, IndexField.ASKED, IndexField.TITLE, IndexField.SECTION));
			this.guideTerms = terms(reader, lexiconTerms,
					List.of(IndexField.QUESTION, IndexField.TITLE, IndexField.SECTION, IndexField.TEXT));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		SearchProperties.Boosts b = properties.boosts();
		this.boosts = Map.of(IndexField.QUESTION, b.question(), IndexField.ASKED, b.question(), IndexField.TITLE,
				b.title(), IndexField.SECTION, b.section(), IndexField.TEXT, b.text());
	}

	/** {@code encoder} null: ranking by words alone. */
	static PassageIndex build(List<Passage> passages, Set<String> extraVocabulary, Set<String> lexiconTerms,
			Supplier<Set<String>> english, GuideAnalyzer analyzer, SearchProperties properties,
			MeaningVectors.Encoder encoder) {
		// each file read back as one buffer: a search clones its inputs for every term it looks up, and the default
		// many-buffer form duplicated every buffer each time (most of a question's allocation)
		ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
				ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
		Analyzer perField = new PerFieldAnalyzerWrapper(analyzer,
				Map.of(IndexField.WORDS.fieldName(), new GuideAnalyzer.SurfaceAnalyzer()));
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
			for (Passage passage : passages) {
				writer.addDocument(document(passage));
				for (String phrasing : phrasings(passage)) {
					Document doc = new Document();
					// StringField: which passage the phrasing asks for, exact and stored
					doc.add(new StringField(IndexField.PHRASING_OF.fieldName(), passage.id(), Field.Store.YES));
					doc.add(new TextField(IndexField.PHRASING.fieldName(), phrasing, Field.Store.NO));
					writer.addDocument(doc);
				}
			}
			// the synonym file's lay words are a vocabulary too: "temprature" should reach "temperature" and its rule
			Document lexicon = new Document();
			lexicon.add(new TextField(IndexField.WORDS.fieldName(), String.join(" ", extraVocabulary), Field.Store.NO));
			writer.addDocument(lexicon);
			writer.forceMerge(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			DirectoryReader reader = DirectoryReader.open(directory);
			reader.getReaderCacheHelper().addClosedListener(key -> directory.close());
			Map<String, Passage> byId = new HashMap<>();
			passages.forEach(p -> byId.put(p.id(), p));
			Passage[] byDoc = new Passage[reader.maxDoc()];
			Map<String, Integer> docById = new HashMap<>();
			var stored = reader.storedFields();
			for (int doc = 0; doc < reader.maxDoc(); doc++) {
				String id = stored.document(doc).get(IndexField.ID.fieldName());
				byDoc[doc] = (id != null) ? byId.get(id) : null;
				if (id != null) {
					docById.put(id, doc);
				}
			}
			int[] passageDocOf = new int[reader.maxDoc()];
			for (int doc = 0; doc < reader.maxDoc(); doc++) {
				String of = stored.document(doc).get(IndexField.PHRASING_OF.fieldName());
				passageDocOf[doc] = (of != null) ? docById.get(of) : -1;
			}
			MeaningVectors meaning = (encoder != null) ? meaningVectors(byDoc, encoder) : null;
			return new PassageIndex(analyzer, properties, reader, byDoc, passageDocOf, english, lexiconTerms, meaning);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A model that fails on the content costs the ranking by meaning, never the content change. */
	private static MeaningVectors meaningVectors(Passage[] byDoc, MeaningVectors.Encoder encoder) {
		try {
			return MeaningVectors.of(byDoc, encoder);
		}
		catch (RuntimeException ex) {
			LoggerFactory.getLogger(PassageIndex.class)
				.error("The sentence model failed on the content, so this index ranks by words alone", ex);
			return null;
		}
	}

	/** The synonym lexicon's terms and every term of these fields. */
	private static Set<String> terms(DirectoryReader reader, Set<String> lexiconTerms, List<IndexField> fields)
			throws IOException {
		Set<String> topic = new java.util.HashSet<>(lexiconTerms);
		for (IndexField field : fields) {
			Terms terms = MultiTerms.getTerms(reader, field.fieldName());
			if (terms == null) {
				continue;
			}
			TermsEnum iterator = terms.iterator();
			for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
				topic.add(term.utf8ToString());
			}
		}
		return Set.copyOf(topic);
	}

	/** Every surface word of the content and the synonym rules, with how many passages use it. */
	private static Map<String, Integer> vocabulary(DirectoryReader reader) throws IOException {
		Map<String, Integer> words = new HashMap<>();
		Terms terms = MultiTerms.getTerms(reader, IndexField.WORDS.fieldName());
		if (terms == null) {
			return words;
		}
		TermsEnum iterator = terms.iterator();
		for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
			words.put(term.utf8ToString(), iterator.docFreq());
		}
		return words;
	}

	/** The ways of asking for a passage: its FAQ question and its also-asked phrasings. */
	private static List<String> phrasings(Passage passage) {
		List<String> phrasings = new ArrayList<>();
		if (passage.question() != null) {
			phrasings.add(passage.question());
		}
		phrasings.addAll(passage.alsoAsked());
		return phrasings;
	}

	private static Document document(Passage passage) {
		Document doc = new Document();
		// StringField: an exact, stored key to map a hit back to its passage
		doc.add(new StringField(IndexField.ID.fieldName(), passage.id(), Field.Store.YES));
		// TextField, not stored: the passage object itself is what the reply shows
		addText(doc, IndexField.QUESTION, passage.question());
		addText(doc, IndexField.TITLE, passage.title());
		addText(doc, IndexField.SECTION, passage.section());
		addText(doc, IndexField.TEXT, passage.text());
		String asked = String.join("\n", passage.alsoAsked());
		addText(doc, IndexField.ASKED, asked.isEmpty() ? null : asked);
		StringBuilder all = new StringBuilder();
		for (String part : new String[] { passage.question(), asked, passage.title(), passage.section(),
				passage.text(), passage.context() }) {
			if (part != null && !part.isEmpty()) {
				all.append(part).append('\n');
			}
		}
		addText(doc, IndexField.ALL, all.toString());
		addText(doc, IndexField.WORDS, all.toString());
		return doc;
	}

	private static void addText(Document doc, IndexField field, String value) {
		if (value != null) {
			doc.add(new TextField(field.fieldName(), value, Field.Store.NO));
		}
	}

	/** Whether this index has the meaning vectors (else it ranks by words alone). */
	boolean ranksByMeaning() {
		return this.meaning != null;
	}

	/** The content this index was built from, in its order. */
	List<Passage> passages() {
		return this.passages;
	}

	/** Takes a reference for one search; false if this index was already retired and closed. */
	boolean tryAcquire() {
		return this.reader.tryIncRef();
	}

	void release() {
		try {
			this.reader.decRef();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	SearchResult search(String text) throws IOException {
		List<List<String>> groups = termGroups(correctTypos(text));
		if (groups.isEmpty()) {
			return SearchResult.empty();
		}
		float[] wordScores = wordScores(groups);
		int bestByWords = bestPassage(wordScores);
		if (bestByWords < 0) {
			return SearchResult.empty();
		}
		List<Map.Entry<Integer, Float>> ranked = ranked((this.meaning != null)
				? withMeaning(wordScores, wordScores[bestByWords], text) : wordScores);
		List<Hit> hits = new ArrayList<>();
		for (Map.Entry<Integer, Float> scored : ranked.subList(0, Math.min(ranked.size(), this.properties.maxHits()))) {
			hits.add(new Hit(this.passagesByDoc[scored.getKey()], scored.getValue()));
		}
		// whether to answer at all rests on the words the question shares with the guide, measured on the passage the
		// words rank first: meaning finds a nearest passage for any text, "hiii" and "set an alarm" included
		Coverage coverage = coverage(groups, bestByWords);
		double confidence = Math.max(coverage.share(),
				Math.min(1, coverage.topicEvidence() / this.properties.evidenceForFullConfidence()));
		double floor = (coverage.matchedWords() >= 2) ? this.properties.confidenceFloorSeveralWords()
				: this.properties.confidenceFloor();
		boolean confident = coverage.guideEvidence() > 0 && confidence >= floor;
		return new SearchResult(hits, confidence, confident);
	}

	/**
	 * Word scores by document: the passage's BM25F score plus, weighted, the BM25 score of its one
	 * phrasing that best matches the question. A bag of fifteen phrasings adds up words from different ones ("fever"
	 * from one, "infection" from another); the best single phrasing rewards the passage families asked for in
	 * these words.
	 */
	private float[] wordScores(List<List<String>> groups) {
		float[] scores = new float[this.reader.maxDoc()];
		for (List<String> group : groups) {
			this.groupScores.get(group, g -> scoresOf(groupQuery(g))).addTo(scores);
		}
		float phrasingWeight = this.properties.boosts().phrasing();
		if (phrasingWeight > 0) {
			float[] phrasingScores = new float[scores.length];
			for (List<String> group : groups) {
				this.phrasingScores.get(group, g -> scoresOf(phrasingQuery(g))).addTo(phrasingScores);
			}
			float[] bestPhrasing = new float[scores.length];
			for (int doc = 0; doc < phrasingScores.length; doc++) {
				int passageDoc = this.passageDocOf[doc];
				if (passageDoc >= 0) {
					bestPhrasing[passageDoc] = Math.max(bestPhrasing[passageDoc], phrasingScores[doc]);
				}
			}
			for (int doc = 0; doc < scores.length; doc++) {
				scores[doc] += phrasingWeight * bestPhrasing[doc];
			}
		}
		return scores;
	}

	/** The passage document with the highest score (the first in index order among equals), or -1 if none scores. */
	private int bestPassage(float[] scores) {
		int best = -1;
		for (int doc = 0; doc < scores.length; doc++) {
			if (this.passagesByDoc[doc] != null && scores[doc] > 0 && (best < 0 || scores[doc] > scores[best])) {
				best = doc;
			}
		}
		return best;
	}

	/** Passage documents with a score, best first; equal scores in index order, as Lucene ranks them. */
	private List<Map.Entry<Integer, Float>> ranked(float[] scores) {
		List<Map.Entry<Integer, Float>> ranked = new ArrayList<>();
		for (int doc = 0; doc < scores.length; doc++) {
			if (scores[doc] > 0 && this.passagesByDoc[doc] != null) {
				ranked.add(Map.entry(doc, scores[doc]));
			}
		}
		ranked.sort(Map.Entry.<Integer, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		return ranked;
	}

	/**
	 * Word scores scaled to the best one ({@code best}, above 0), blended with each passage's similarity in meaning to
	 * the question. If the model fails on this question, the words alone rank it: a question is never lost to the
	 * model.
	 */
	private float[] withMeaning(float[] wordScores, float best, String question) {
		float weight = this.properties.meaning().weight();
		float[] similarity;
		try {
			similarity = this.meaning.similarities(question);
		}
		catch (RuntimeException ex) {
			MODEL_FAILURES.warn(ex);
			return wordScores;
		}
		float[] blended = new float[wordScores.length];
		for (int doc = 0; doc < wordScores.length; doc++) {
			// only passages the words found: the answer must share something with the question the confidence measured
			if (this.passagesByDoc[doc] != null && wordScores[doc] > 0) {
				blended[doc] = (1 - weight) * (wordScores[doc] / best) + weight * similarity[doc];
			}
		}
		return blended;
	}

	/** The score of every document the query matches. */
	private DocScores scoresOf(Query query) {
		// each group's scores kept apart and added up group by group: a BooleanQuery of SHOULD clauses sums the same,
		// but allocates a 2,048-slot window for every search
		float[] scores = new float[this.reader.maxDoc()];
		try {
			this.searcher.search(query, new EveryScore(scores));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return DocScores.of(scores);
	}

	/** Scores by document, only the documents that have one. */
	private record DocScores(int[] docs, float[] scores) {

		static DocScores of(float[] byDoc) {
			int matched = 0;
			for (float score : byDoc) {
				matched += (score != 0) ? 1 : 0;
			}
			int[] docs = new int[matched];
			float[] scores = new float[matched];
			for (int doc = 0, i = 0; doc < byDoc.length; doc++) {
				if (byDoc[doc] != 0) {
					docs[i] = doc;
					scores[i++] = byDoc[doc];
				}
			}
			return new DocScores(docs, scores);
		}

		void addTo(float[] byDoc) {
			for (int i = 0; i < this.docs.length; i++) {
				byDoc[this.docs[i]] += this.scores[i];
			}
		}

	}

	/** One query term and its synonyms in one phrasing: BM25 with one idf for the term and its synonyms. */
	private static Query phrasingQuery(List<String> group) {
		if (group.size() == 1) {
			return new TermQuery(new Term(IndexField.PHRASING.fieldName(), group.get(0)));
		}
		SynonymQuery.Builder query = new SynonymQuery.Builder(IndexField.PHRASING.fieldName());
		group.forEach(term -> query.addTerm(new Term(IndexField.PHRASING.fieldName(), term)));
		return query.build();
	}

	/**
	 * One query term and its synonyms, scored BM25F across the weighted fields: one idf for the term however many
	 * fields hold it, so a word that is rare in the guide is not cheap just because it is common among titles.
	 */
	private Query groupQuery(List<String> group) {
		CombinedFieldQuery.Builder query = new CombinedFieldQuery.Builder();
		this.boosts.forEach((field, weight) -> query.addField(field.fieldName(), weight));
		group.forEach(term -> query.addTerm(new BytesRef(term)));
		return query.build();
	}

	/**
	 * Replaces words the content never uses with the closest word it does ("tocilizumb" → "tocilizumab"), so the
	 * analyzer, its synonyms and stemming see the intended word.
	 */
	String correctTypos(String text) throws IOException {
		StringBuilder corrected = null;
		int copied = 0;
		try (TokenStream tokens = this.surface.tokenStream(IndexField.WORDS.fieldName(), text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
			tokens.reset();
			int seen = 0;
			while (tokens.incrementToken() && seen++ < this.properties.maxQueryTerms() * 2) {
				String word = term.toString();
				String correction = word.chars().allMatch(Character::isLetter) ? this.speller.correct(word) : null;
				if (correction == null) {
					continue;
				}
				corrected = (corrected != null) ? corrected : new StringBuilder(text.length());
				corrected.append(text, copied, offset.startOffset()).append(correction);
				copied = offset.endOffset();
			}
			tokens.end();
		}
		return (corrected == null) ? text : corrected.append(text, copied, text.length()).toString();
	}

	/** Analyzed terms grouped by position: a word and the synonyms stacked on it form one group. */
	List<List<String>> termGroups(String text) throws IOException {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		try (TokenStream tokens = this.analyzer.tokenStream(IndexField.ALL.fieldName(), text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
			tokens.reset();
			Set<String> group = new LinkedHashSet<>();
			while (tokens.incrementToken()) {
				if (increment.getPositionIncrement() > 0 && !group.isEmpty()) {
					addGroup(groups, group);
					group = new LinkedHashSet<>();
					if (groups.size() >= this.properties.maxQueryTerms()) {
						break;
					}
				}
				group.add(term.toString());
			}
			tokens.end();
			addGroup(groups, group);
		}
		return List.copyOf(groups.values());
	}

	private void addGroup(Map<String, List<String>> groups, Set<String> group) {
		if (!group.isEmpty() && groups.size() < this.properties.maxQueryTerms()) {
			List<String> terms = List.copyOf(group);
			groups.putIfAbsent(String.join(" ", terms), terms);
		}
	}

	/**
	 * How much of the question the best passage answers: the idf-weighted share of its terms the passage holds (words
	 * the guide never uses counting against it), and the absolute evidence, the summed idf of matched terms from the
	 * guide's topic vocabulary, so a long message with several solid matches is not sunk by its chatter. The guide
	 * evidence counts only matches on the guide's own words: a question is answered only if it has some.
	 */
	private Coverage coverage(List<List<String>> groups, int doc) {
		double rarest = idf(1);
		double asked = 0;
		double covered = 0;
		double topicEvidence = 0;
		double guideEvidence = 0;
		int matchedWords = 0;
		for (List<String> group : groups) {
			double groupWeight = 0;
			double matchedWeight = 0;
			double topicWeight = 0;
			double guideWeight = 0;
			for (String term : group) {
				TermPassages with = this.passagesWith.get(term, this::passagesWith);
				if (with.docFreq() == 0) {
					continue;
				}
				double weight = idf(with.docFreq());
				groupWeight = Math.max(groupWeight, weight);
				if (with.holds(doc)) {
					matchedWeight = Math.max(matchedWeight, weight);
					topicWeight = this.topicTerms.contains(term) ? Math.max(topicWeight, weight) : topicWeight;
					guideWeight = this.guideTerms.contains(term) ? Math.max(guideWeight, weight) : guideWeight;
				}
			}
			asked += (groupWeight > 0) ? groupWeight : rarest * this.properties.unknownWordWeight();
			covered += matchedWeight;
			matchedWords += (matchedWeight > 0) ? 1 : 0;
			topicEvidence += topicWeight;
			guideEvidence += guideWeight;
		}
		return new Coverage((asked == 0) ? 0 : covered / asked, topicEvidence, guideEvidence, matchedWords);
	}

	private record Coverage(double share, double topicEvidence, double guideEvidence, int matchedWords) {
	}

	/** Adds the score of every matching document to an array indexed by document (one segment or several). */
	private record EveryScore(float[] scores) implements CollectorManager<SimpleCollector, Void> {

		@Override
		public SimpleCollector newCollector() {
			return new SimpleCollector() {

				private Scorable scorer;

				private int docBase;

				@Override
				protected void doSetNextReader(LeafReaderContext context) {
					this.docBase = context.docBase;
				}

				@Override
				public void setScorer(Scorable scorer) {
					this.scorer = scorer;
				}

				@Override
				public void collect(int doc) throws IOException {
					EveryScore.this.scores[this.docBase + doc] += this.scorer.score();
				}

				@Override
				public ScoreMode scoreMode() {
					return ScoreMode.COMPLETE;
				}

			};
		}

		@Override
		public Void reduce(Collection<SimpleCollector> collectors) {
			return null;
		}

	}

	private double idf(int df) {
		return Math.log(1 + (this.documents - df + 0.5) / (df + 0.5));
	}

	/** The passage documents whose words hold {@code term}, in order. */
	private TermPassages passagesWith(String term) {
		Term inAll = new Term(IndexField.ALL.fieldName(), term);
		try {
			// the index is written once and never deletes, so its document frequency is exactly the postings' length
			int[] docs = new int[this.reader.docFreq(inAll)];
			int count = 0;
			for (LeafReaderContext leaf : this.reader.leaves()) {
				PostingsEnum postings = leaf.reader().postings(inAll, PostingsEnum.NONE);
				if (postings != null) {
					for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
						docs[count++] = leaf.docBase + doc;
					}
				}
			}
			return new TermPassages(docs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record TermPassages(int[] docs) {

		int docFreq() {
			return this.docs.length;
		}

		boolean holds(int doc) {
			return Arrays.binarySearch(this.docs, doc) >= 0;
		}

	}

}
