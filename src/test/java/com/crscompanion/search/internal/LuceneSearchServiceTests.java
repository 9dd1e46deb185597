package com.crscompanion.search.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.crscompanion.knowledge.KnowledgeChanged;
import com.crscompanion.knowledge.KnowledgeSnapshot;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.knowledge.PassageKind;
import com.crscompanion.knowledge.internal.TestContent;
import com.crscompanion.search.SearchResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LuceneSearchServiceTests {

	private static KnowledgeSnapshot guide;

	private static LuceneSearchService search;

	@BeforeAll
	static void indexTheGuide() {
		guide = TestContent.guide();
		search = SearchFixtures.service(() -> guide);
		assertThat(search.awaitRankingByMeaning(Duration.ofMinutes(2))).as("ranked by meaning").isTrue();
	}

	static Stream<Arguments> hostileInput() {
		return Stream.of(Arguments.of("\"unbalanced quote"), Arguments.of("*"), Arguments.of("AND OR NOT"),
				Arguments.of("((((fever"), Arguments.of("fever~2^3 title:crs [1 TO 5] {x}"), Arguments.of("\\"),
				Arguments.of("/regex.*/"), Arguments.of("fever ".repeat(2_000)), Arguments.of("a".repeat(10_000)),
				Arguments.of("😷🤒🌡️"), Arguments.of("他发烧了怎么办"), Arguments.of("هل الحمى طبيعية"),
				Arguments.of("\u0000\u0001\u0002"), Arguments.of("\uD800 lone surrogate"), Arguments.of("   "),
				Arguments.of(""), Arguments.of((String) null), Arguments.of("'; DROP TABLE passages; --"),
				Arguments.of("<script>alert(1)</script>"));
	}

	@ParameterizedTest
	@MethodSource("hostileInput")
	void noTextCanMakeSearchThrow(String text) {
		assertThatCode(() -> search.search(text)).doesNotThrowAnyException();
	}

	@Test
	void aVeryLongMessageIsStillAnsweredFromItsStart() {
		SearchResult result = search.search("how long does crs usually last? " + "blah ".repeat(3_000));
		assertThat(result.hits()).isNotEmpty();
	}

	@Test
	void aLayNameForTheDrugReachesTheTocilizumabAnswer() {
		assertThat(search.search("will the IL-6 drug stop the CAR-T working?").answer()).map(Passage::id)
			.hasValue("frequently-asked-questions/will-tocilizumab-affect-how-well-the");
	}

	@Test
	void aQuestionWordedUnlikeTheGuideFindsItsPassageByMeaning() {
		// by words alone, "steroid on top" ranks a passage about grading first
		assertThat(search.search("why would they give him a steroid on top").hits()).first()
			.extracting(hit -> hit.passage().id())
			.isEqualTo("how-crs-is-treated/corticosteroids");
	}

	@Test
	void aContentChangeKeepsTheRankingByMeaning() {
		LuceneSearchService service = SearchFixtures.service(() -> guide);
		assertThat(service.awaitRankingByMeaning(Duration.ofMinutes(2))).isTrue();
		service.onKnowledgeChanged(new KnowledgeChanged(guide));
		assertThat(service.search("why would they give him a steroid on top").hits()).first()
			.extracting(hit -> hit.passage().id())
			.isEqualTo("how-crs-is-treated/corticosteroids");
	}

	@Test
	void aModelThatFailsOnAQuestionLeavesItRankedByWords() {
		MeaningVectors.Encoder failsOnQuestions = new MeaningVectors.Encoder() {

			@Override
			public float[] encode(String text) {
				throw new IllegalStateException("the model broke");
			}

			@Override
			public List<float[]> encodeAll(List<String> texts) {
				return texts.stream().map(text -> new float[] { 1f }).toList();
			}

		};
		LuceneSearchService service = new LuceneSearchService(SearchFixtures.properties(), () -> guide,
				() -> failsOnQuestions);
		assertThat(service.awaitRankingByMeaning(Duration.ofMinutes(1))).isTrue();
		assertThat(service.search("will the IL-6 drug stop the CAR-T working?").answer()).map(Passage::id)
			.hasValue("frequently-asked-questions/will-tocilizumab-affect-how-well-the");
	}

	@Test
	void aModelThatFailsOnTheContentLeavesItRankedByWords() {
		MeaningVectors.Encoder failsOnContent = text -> {
			throw new IllegalStateException("the model broke");
		};
		LuceneSearchService service = new LuceneSearchService(SearchFixtures.properties(), () -> guide,
				() -> failsOnContent);
		assertThat(service.awaitRankingByMeaning(Duration.ofMinutes(1))).isFalse();
		service.onKnowledgeChanged(new KnowledgeChanged(guide));
		assertThat(service.search("will the IL-6 drug stop the CAR-T working?").answer()).map(Passage::id)
			.hasValue("frequently-asked-questions/will-tocilizumab-affect-how-well-the");
	}

	@Test
	void aModelThatCannotLoadLeavesItRankedByWords() {
		LuceneSearchService service = new LuceneSearchService(SearchFixtures.properties(), () -> guide, () -> {
			throw new UnsatisfiedLinkError("no onnxruntime for this platform");
		});
		assertThat(service.awaitRankingByMeaning(Duration.ofMinutes(1))).isFalse();
		assertThat(service.search("will the IL-6 drug stop the CAR-T working?").answer()).map(Passage::id)
			.hasValue("frequently-asked-questions/will-tocilizumab-affect-how-well-the");
	}

	@ParameterizedTest
	@ValueSource(strings = { "hiii there", "book me a taxi to the airport", "sing me something nice" })
	void meaningAloneNeverMakesAnAnswer(String chat) {
		assertThat(search.search(chat).answer()).isEmpty();
	}

	@Test
	void withMeaningOffPassagesAreRankedByTheirWords() {
		SearchProperties on = SearchFixtures.properties();
		SearchProperties off = new SearchProperties(on.synonymsFile(), on.confidenceFloor(),
				on.confidenceFloorSeveralWords(), on.unknownWordWeight(), on.evidenceForFullConfidence(),
				on.maxQueryTerms(), on.maxHits(), on.spellingMinLength(), on.boosts(), on.bm25(),
				new SearchProperties.Meaning(false, 0.6f));
		LuceneSearchService byWords = new LuceneSearchService(off, () -> guide, SentenceEncoder::shared);
		assertThat(byWords.awaitRankingByMeaning(Duration.ofSeconds(10))).isFalse();
		assertThat(byWords.search("will the IL-6 drug stop the CAR-T working?").answer()).map(Passage::id)
			.hasValue("frequently-asked-questions/will-tocilizumab-affect-how-well-the");
		assertThat(byWords.search("why would they give him a steroid on top").hits()).first()
			.extracting(hit -> hit.passage().id())
			.isNotEqualTo("how-crs-is-treated/corticosteroids");
	}

	/** Ranking quality is measured by the evaluation set; here: nicknames and typos reach the right passage at all. */
	@ParameterizedTest
	@ValueSource(strings = { "will toci stop the car-t from working", "does actemra make CAR T work less",
			"tocilizumb reduce effect of cart cells?" })
	void brandNamesNicknamesAndTyposReachTheTocilizumabAnswerAmongTheFirstThree(String question) {
		assertThat(search.search(question).hits().stream().limit(3).map(h -> h.passage().id()))
			.contains("frequently-asked-questions/will-tocilizumab-affect-how-well-the");
	}

	@Test
	void aSingleListItemIsFindableOnItsOwn() {
		SearchResult result = search.search("is shivering a sign?");
		assertThat(result.hits().stream().limit(3).map(h -> h.passage().id()))
			.contains("symptoms-families-should-recognise/chills-and-shaking-often-together-with");
		assertThat(result.hits().stream().filter(h -> h.passage().kind() == PassageKind.LIST_ITEM).findFirst())
			.hasValueSatisfying(h -> assertThat(h.passage().displayText()).startsWith("The most common patterns include:\n• "));
	}

	@ParameterizedTest
	@ValueSource(strings = { "write me a poem", "what's the weather in Beijing tomorrow",
			"recommend a good restaurant near the hospital", "who won the football last night", "whats your name",
			"good evening", "where can I charge my phone", "can I bring food", "can I bring my dog" })
	void offTopicChatIsNotConfidentlyAnswered(String text) {
		assertThat(search.search(text).confident()).isFalse();
	}

	@Test
	void hedgesAndWhenTheMessageIsWrittenDoNotCountAgainstTheAnswer() {
		SearchResult plain = search.search("how long does crs last");
		SearchResult told = search.search("so how long does crs actually even last? it's been since yesterday");
		assertThat(told.answer()).isEqualTo(plain.answer()).isPresent();
		assertThat(told.confidence()).isEqualTo(plain.confidence());
	}

	/** What families see and hear at the bedside, for what the guide names clinically. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"the nurse makes him count backwards from 100, what is that for | frequently-asked-questions/what-if-i-miss-a-symptom",
			"she is on optiflow now, which grade is that | reference-data/grade-3",
			"do crs medicines stop car t working | frequently-asked-questions/will-tocilizumab-affect-how-well-the",
			"is there medicine ahead of time to make crs less severe | how-crs-is-treated/bridging-therapy-and-pre-medication",
			"the cytokine release, how long does it last | frequently-asked-questions/how-long-does-crs-usually-last",
			"at what point does crs show up with teclistamab | when-crs-usually-happens/after-bispecific-antibodies-crs-is-most" })
	void bedsideWordsReachTheGuidesClinicalTerms(String question, String passage) {
		assertThat(search.search(question).answer()).map(Passage::id).hasValue(passage);
	}

	/** "Is it related to…", "the nurse mentioned…": how a question is told does not count against its answer. */
	@Test
	void whoSaidItAndHowItHangsOnCrsDoNotCountAgainstTheAnswer() {
		SearchResult plain = search.search("less urine with crs?");
		SearchResult told = search.search("less urine, is it related to the crs? the nurse mentioned it this morning");
		assertThat(told.answer()).map(Passage::id)
			.hasValue("symptoms-families-should-recognise/reduced-urine-output-as-blood-pressure");
		assertThat(told.answer()).isEqualTo(plain.answer());
	}

	/** Also-asked phrasings are told as families tell things; their chat words alone are no reason to answer. */
	@Test
	void wordsOnlyAnAlsoAskedPhrasingUsesDoNotMakeAnAnswer() {
		List<Passage> passages = new ArrayList<>(guide.passages());
		passages.add(new Passage("ward/parking", PassageKind.FAQ, "Ward information", null, "Where can we park the car?",
				null, "Use the east car park.", "parking.md",
				List.of("my cousin drove down from Lagos, where can she leave the car")));
		KnowledgeSnapshot withPhrasing = new KnowledgeSnapshot(passages, guide.report(), guide.loadedAt());
		LuceneSearchService search = SearchFixtures.service(() -> withPhrasing);
		assertThat(search.search("where can my cousin park").answer()).map(Passage::id).hasValue("ward/parking");
		assertThat(search.search("lagos").confident()).isFalse();
	}

	/** Words from different phrasings of one passage do not add up to beat the passage asked for in one phrasing. */
	@Test
	void theOnePhrasingThatMatchesBeatsWordsScatteredOverManyPhrasings() {
		List<Passage> passages = new ArrayList<>(guide.passages());
		passages.add(new Passage("ward/parking", PassageKind.FAQ, "Ward information", null, "Where can we park?", null,
				"Use the east car park; it is open day and night.", "parking.md",
				List.of("is there parking at night", "how much is the car park", "where do visitors leave the car",
						"is the car park shuttle free")));
		passages.add(new Passage("ward/shuttle", PassageKind.FAQ, "Ward information", null, "Is there a shuttle bus?",
				null, "A shuttle runs from the station every 30 minutes.", "shuttle.md",
				List.of("shuttle from the car park at night")));
		KnowledgeSnapshot withWard = new KnowledgeSnapshot(passages, guide.report(), guide.loadedAt());
		LuceneSearchService search = SearchFixtures.service(() -> withWard);
		assertThat(search.search("shuttle from the car park at night?").hits().get(0).passage().id())
			.isEqualTo("ward/shuttle");
	}

	@Test
	void searchesInFlightSurviveContentSwaps() throws Exception {
		LuceneSearchService swapped = SearchFixtures.service(() -> guide);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		ExecutorService searchers = Executors.newFixedThreadPool(3);
		List<Future<Integer>> counts = new ArrayList<>();
		for (int t = 0; t < 3; t++) {
			counts.add(searchers.submit(() -> {
				int searches = 0;
				while (running.get()) {
					try {
						assertThat(swapped.search("how long does crs last").hits()).isNotEmpty();
						searches++;
					}
					catch (Throwable ex) {
						failure.compareAndSet(null, ex);
						return searches;
					}
				}
				return searches;
			}));
		}
		for (int swap = 0; swap < 30; swap++) {
			swapped.onKnowledgeChanged(new KnowledgeChanged(guide));
		}
		List<Passage> withEntry = new ArrayList<>(guide.passages());
		withEntry.add(new Passage("ward/parking", PassageKind.FAQ, "Ward information", null, "Where can we park the car?",
				null, "Use the east car park.", "parking.md"));
		swapped.onKnowledgeChanged(new KnowledgeChanged(new KnowledgeSnapshot(withEntry, guide.report(), guide.loadedAt())));
		running.set(false);
		searchers.shutdown();
		assertThat(searchers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(failure.get()).isNull();
		assertThat(counts.get(0).get()).isPositive();
		assertThat(swapped.search("where do we park").answer()).map(Passage::id).hasValue("ward/parking");
	}

}
