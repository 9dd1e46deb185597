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
	 * The target is top-1 0.90, reached: measured 0.907 (dev 0.93, held-out 0.84) with top-3 0.97. The top-1 floor
	 * is the target itself, with no margin (one more miss fails it); top-3 holds what is reached less a small
	 * margin. Raise them as retrieval improves.
	 */
	@Test
	void familyQuestionsGetTheRightPassage() {
		Evaluation.RetrievalFigures figures = this.evaluation.retrieval(EVAL);
		System.out.println(figures.format());
		assertThat(figures.all().questions()).isGreaterThanOrEqualTo(150);
		assertThat(figures.all().top1()).as(figures.describeMisses()).isGreaterThanOrEqualTo(0.90);
		assertThat(figures.all().top3()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void offTopicChatIsNeverAnsweredWithAPassage() {
		Evaluation.RetrievalFigures figures = this.evaluation.retrieval(EVAL);
		assertThat(figures.offTopic()).isGreaterThanOrEqualTo(40);
		assertThat(figures.offTopicAnswered()).as(figures.describeMisses()).isZero();
	}

}
