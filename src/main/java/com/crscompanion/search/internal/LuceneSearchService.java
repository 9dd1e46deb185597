package com.crscompanion.search.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.crscompanion.support.ReadyBeforeWebServer;
import com.crscompanion.support.Startup;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import com.crscompanion.knowledge.KnowledgeBase;
import com.crscompanion.language.EnglishWords;
import com.crscompanion.knowledge.KnowledgeChanged;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.search.PassageSearch;
import com.crscompanion.search.SearchResult;

/**
 * Keeps the index of the current content and searches it. A content change builds a new index beside the old
 * one and swaps it in; queries in flight finish on the index they started with. The first index is built beside
 * the rest of start-up and waited for before the web server opens.
 */
@Service
class LuceneSearchService extends ReadyBeforeWebServer implements PassageSearch {

	private static final Logger log = LoggerFactory.getLogger(LuceneSearchService.class);

	/** Longer messages are searched on their start; the emergency guard has already read all of it. */
	private static final int MAX_SEARCHED_CHARS = 2_000;

	private final SearchProperties properties;

	private final GuideAnalyzer analyzer;

	private final Set<String> synonymVocabulary;

	private final Set<String> lexiconTerms;


	private final AtomicReference<PassageIndex> current = new AtomicReference<>();

	private final CompletableFuture<PassageIndex> firstIndex;

	/** The sentence model, or null when ranking by meaning is off or the model could not be loaded. */
	private final CompletableFuture<MeaningVectors.Encoder> encoder;

	LuceneSearchService(SearchProperties properties, KnowledgeBase knowledge) {
		this.properties = properties;
		EnglishWords.preload();
		String rules = readSynonyms(properties);
		try {
			this.analyzer = GuideAnalyzer.withSynonyms(new StringReader(rules));
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("Synonym file " + properties.synonymsFile().toAbsolutePath()
					+ " has a rule that cannot be read: " + ex.getMessage(), ex);
		}
		this.synonymVocabulary = vocabulary(rules);
		this.lexiconTerms = analyzedTerms(this.analyzer, rules);
		this.encoder = properties.meaning().enabled() ? Startup.inBackground("sentence-model", this::loadEncoder)
				: CompletableFuture.completedFuture(null);
		this.firstIndex = Startup.inBackground("index-build", () -> build(knowledge.current().passages()));
	}

	@Override
	public SearchResult search(String text) {
		if (text == null || text.isBlank()) {
			return SearchResult.empty();
		}
		String searched = (text.length() > MAX_SEARCHED_CHARS) ? text.substring(0, MAX_SEARCHED_CHARS) : text;
		PassageIndex index = acquire();
		try {
			return index.search(searched);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			index.release();
		}
	}

	@EventListener
	void onKnowledgeChanged(KnowledgeChanged changed) {
		PassageIndex fresh = build(changed.snapshot().passages());
		PassageIndex retired = this.current.getAndSet(fresh);
		(retired != null ? retired : Startup.await(this.firstIndex)).release();
	}

	private PassageIndex acquire() {
		while (true) {
			PassageIndex index = this.current.get();
			if (index == null) {
				this.current.compareAndSet(null, Startup.await(this.firstIndex));
			}
			else if (index.tryAcquire()) {
				return index;
			}
		}
	}

	/** Start-up fails on an index that cannot be built. */
	@Override
	protected void awaitReady() {
		acquire().release();
	}

	private PassageIndex build(List<Passage> passages) {
		MeaningVectors.Encoder meaning = this.encoder.join();
		long started = System.nanoTime();
		PassageIndex index = PassageIndex.build(passages, this.synonymVocabulary, this.lexiconTerms,
				EnglishWords::get, this.analyzer, this.properties, meaning);
		log.info("Search index built: {} passages in {} ms, ranked by {}", passages.size(),
				(System.nanoTime() - started) / 1_000_000, (meaning != null) ? "words and meaning" : "words");
		return index;
	}

	/**
	 * The sentence model. One that cannot load costs the ranking by meaning, not the bot: it answers by words, and
	 * says so in the log.
	 */
	private MeaningVectors.Encoder loadEncoder() {
		long started = System.nanoTime();
		try {
			SentenceEncoder model = SentenceEncoder.shared();
			log.info("Sentence model ready in {} ms", (System.nanoTime() - started) / 1_000_000);
			return model;
		}
		catch (RuntimeException | LinkageError ex) {
			log.error("The sentence model could not be loaded, so passages are ranked by their words alone "
					+ "(crs.search.meaning.enabled=false hides this error)", ex);
			return null;
		}
	}

	private static String readSynonyms(SearchProperties properties) {
		try {
			return Files.readString(properties.synonymsFile(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the synonym file " + properties.synonymsFile().toAbsolutePath()
					+ " (crs.search.synonyms-file): " + ex.getMessage(), ex);
		}
	}

	/** Every word the synonym rules mention, so typo correction can reach lay words the guide never uses. */
	private static Set<String> vocabulary(String rules) {
		try (var surface = new GuideAnalyzer.SurfaceAnalyzer()) {
			return analyzedTerms(surface, rules);
		}
	}

	/** The terms an analyzer makes of the rules' words: through the guide analyzer, the lexicon's guide terms. */
	private static Set<String> analyzedTerms(org.apache.lucene.analysis.Analyzer analyzer, String rules) {
		Set<String> words = new LinkedHashSet<>();
		String text = rules.replaceAll("(?m)#.*$", " ").replace("=>", ",");
		try (TokenStream tokens = analyzer.tokenStream("rules", text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				words.add(term.toString());
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

}
