package com.crscompanion.evaluation;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floors on the measured quality, over the whole evaluation set (dev and held-out) through the real pipeline.
 * A failure prints the misses; fix them in general ways (synonyms, analysis, guard phrase families), never by
 * matching single rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EvaluationTests {

	private static final Path EVAL = Path.of("src/test/resources/eval");

	@Autowired
	Evaluation evaluation;

	/**
	 * The target is top-1 0.90 on the whole set. Measured 0.906 with ranking by meaning: dev 0.92, held-out 0.90 and
	 * two blind held-out parts 0.87 and 0.88 (60 questions each, written by someone who saw only the passages), with
	 * top-3 0.985. By words alone it is 0.876. Most misses left are questions turned away by the confidence floor.
	 * The floors hold what is reached, less a question or two.
	 */
	@Test
	void familyQuestionsGetTheRightPassage() {
		Evaluation.RetrievalFigures figures = this.evaluation.retrieval(EVAL);
		System.out.println(figures.format());
		assertThat(figures.byMeaning()).as("ranked by meaning (the sentence model loaded)").isTrue();
		assertThat(figures.all().questions()).isGreaterThanOrEqualTo(250);
		assertThat(figures.all().top1()).as(figures.describeMisses()).isGreaterThanOrEqualTo(0.90);
		assertThat(figures.all().top3()).isGreaterThanOrEqualTo(0.98);
	}

	@Test
	void offTopicChatIsNeverAnsweredWithAPassage() {
		Evaluation.RetrievalFigures figures = this.evaluation.retrieval(EVAL);
		assertThat(figures.offTopic()).isGreaterThanOrEqualTo(40);
		assertThat(figures.offTopicAnswered()).as(figures.describeMisses()).isZero();
	}

}
