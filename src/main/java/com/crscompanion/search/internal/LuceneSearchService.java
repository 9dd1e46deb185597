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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.crscompanion.support.ReadyBeforeWebServer;
import com.crscompanion.support.Startup;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 * one and swaps it in; queries in flight finish on the index they started with. The first index ranks by words; it
 * is built beside the rest of start-up and waited for before the web server opens. The sentence model and the
 * content's meaning vectors take a few seconds more: an index that ranks by meaning too is then swapped in the same
 * way, so start-up does not wait for them.
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

	/** Done when the index in use ranks by meaning too, or when it never will (off, or the model failed). */
	private final CompletableFuture<Void> meaningInstalled;

	/** Whether an index with meaning vectors was swapped in. */
	private volatile boolean rankingByMeaning;

	/** One index build and swap at a time, so an older content snapshot never replaces a newer one. */
	private final Object swapping = new Object();

	/** Metric: 1 while questions are ranked by meaning as well as words, 0 while by words alone. */
	static final String RANKING_BY_MEANING_GAUGE = "crs.search.ranking.meaning";

	@Autowired
	LuceneSearchService(SearchProperties properties, KnowledgeBase knowledge, MeterRegistry meters) {
		this(properties, knowledge, SentenceEncoder::shared);
		// an operator sees at /actuator/metrics whether the model is in use, not only in the start-up log
		Gauge.builder(RANKING_BY_MEANING_GAUGE, this, search -> search.rankingByMeaning ? 1 : 0)
			.description("1 while questions are ranked by meaning as well as words (the sentence model is in use)")
			.register(meters);
	}

	/** {@code model}: the sentence model, loaded in the background (tests give a stand-in). */
	LuceneSearchService(SearchProperties properties, KnowledgeBase knowledge, Supplier<MeaningVectors.Encoder> model) {
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
		boolean meaningCounts = properties.meaning().enabled() && properties.meaning().weight() > 0;
		this.encoder = meaningCounts ? Startup.inBackground("sentence-model", () -> loadEncoder(model))
				: CompletableFuture.completedFuture(null);
		this.firstIndex = Startup.inBackground("index-build",
				() -> build(knowledge.current().passages(), null));
		this.meaningInstalled = this.encoder.thenAcceptAsync(this::installMeaning,
				runnable -> Thread.ofPlatform().daemon().name("meaning-vectors").start(runnable));
	}

	/** Waits (at most {@code timeout}) until questions are ranked by meaning too; false if they never will be. */
	@Override
	public boolean awaitRankingByMeaning(Duration timeout) {
		try {
			this.meaningInstalled.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		return this.rankingByMeaning;
	}

	/** Rebuilds the index in use, same content, now with the meaning vectors. */
	private void installMeaning(MeaningVectors.Encoder model) {
		if (model == null) {
			return;
		}
		try {
			synchronized (this.swapping) {
				PassageIndex inUse = acquire();
				List<Passage> passages;
				try {
					passages = inUse.passages();
				}
				finally {
					inUse.release();
				}
				PassageIndex fresh = build(passages, model);
				swapIn(fresh);
				this.rankingByMeaning = fresh.ranksByMeaning();
			}
		}
		catch (RuntimeException ex) {
			log.error("The meaning vectors could not be made, so passages stay ranked by their words alone", ex);
		}
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
		synchronized (this.swapping) {
			// with the model once it is there; until then the index that installMeaning makes will carry it
			PassageIndex fresh = build(changed.snapshot().passages(), modelIfLoaded());
			swapIn(fresh);
			this.rankingByMeaning = fresh.ranksByMeaning();
		}
	}

	/** The sentence model if it has loaded; null while it loads, when it is off, or if it failed in any way. */
	private MeaningVectors.Encoder modelIfLoaded() {
		return (this.encoder.isDone() && !this.encoder.isCompletedExceptionally()) ? this.encoder.join() : null;
	}

	private void swapIn(PassageIndex fresh) {
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

	private PassageIndex build(List<Passage> passages, MeaningVectors.Encoder meaning) {
		long started = System.nanoTime();
		PassageIndex index = PassageIndex.build(passages, this.synonymVocabulary, this.lexiconTerms,
				EnglishWords::get, this.analyzer, this.properties, meaning);
		log.info("Search index built: {} passages in {} ms, ranked by {}", passages.size(),
				(System.nanoTime() - started) / 1_000_000, index.ranksByMeaning() ? "words and meaning" : "words");
		return index;
	}

	/**
	 * The sentence model. One that cannot load costs the ranking by meaning, not the bot: it answers by words, and
	 * says so in the log.
	 */
	private static MeaningVectors.Encoder loadEncoder(Supplier<MeaningVectors.Encoder> model) {
		long started = System.nanoTime();
		try {
			MeaningVectors.Encoder loaded = model.get();
			log.info("Sentence model ready in {} ms", (System.nanoTime() - started) / 1_000_000);
			return loaded;
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
