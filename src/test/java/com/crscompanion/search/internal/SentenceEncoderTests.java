package com.crscompanion.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEncoderTests {

	private static SentenceEncoder encoder;

	@BeforeAll
	static void load() {
		encoder = SentenceEncoder.shared();
	}

	/**
	 * The first values of the vectors that the model's reference implementation (Hugging Face tokenizer, ONNX
	 * Runtime, mean pooling; langchain4j-embeddings 1.0.0-beta1) gives for these texts: our own tokenizer and pooling
	 * must reproduce the model, accents, punctuation and Chinese included.
	 */
	@Test
	void reproducesTheModelsReferenceVectors() {
		assertStartsWith(encoder.encode("will the IL-6 drug stop the CAR-T working?"), -0.06495f, 0.02137f, 0.04431f,
				-0.05406f, -0.03666f, 0.03992f);
		assertStartsWith(encoder.encode("Mamá tiene fiebre: ¿es normal después del CAR-T?"), 0.00079f, 0.02256f,
				0.02121f, 0.01036f, -0.05780f, -0.00143f);
		assertStartsWith(encoder.encode("他发烧了 39.2°C"), 0.03932f, 0.02549f, 0.02128f, 0.07402f, 0.00231f, -0.06851f);
	}

	private static void assertStartsWith(float[] vector, float... expected) {
		for (int d = 0; d < expected.length; d++) {
			assertThat(vector[d]).as("dimension %d", d).isCloseTo(expected[d], within(2e-4f));
		}
	}

	@Test
	void aQuestionIsNearerToItsParaphraseThanToAnotherTopic() {
		float[] question = encoder.encode("will the IL-6 drug stop the CAR-T working?");
		float[] paraphrase = encoder.encode("Does tocilizumab make the cell therapy less effective?");
		float[] otherTopic = encoder.encode("How much is the hospital deposit?");
		assertThat(SentenceEncoder.dot(question, paraphrase)).isGreaterThan(SentenceEncoder.dot(question, otherTopic) + 0.1f);
	}

	@Test
	void vectorsHaveUnitLengthAndTheSameTextGivesTheSameVector() {
		float[] vector = encoder.encode("how long does crs last");
		assertThat(SentenceEncoder.dot(vector, vector)).isCloseTo(1f, within(1e-4f));
		assertThat(encoder.encode("how long does crs last")).containsExactly(vector);
	}

	@Test
	void anyTextGivesAVector() {
		for (String text : new String[] { "", " ", "🤒🤒🤒", "\u0000\uFFFF\uD800", "a".repeat(10_000),
				"word ".repeat(3_000), "Ω≈ç√∫˜µ≤≥÷" }) {
			assertThat(encoder.encode(text)).hasSize(384);
		}
	}

}
