package com.crscompanion.search.internal;

import java.util.ArrayList;
import java.util.List;

import com.crscompanion.knowledge.Passage;

/**
 * For each passage document, the meaning vectors of its text (with where it sits in the guide) and of each of its
 * also-asked phrasings; a question is as close to a passage as to the nearest of these.
 */
final class MeaningVectors {

	/** Vectors of unit length for texts; the same text must always give the same vector. */
	interface Encoder {

		float[] encode(String text);

		/** Encodes many texts at once (the start-up work), in any order or in parallel. */
		default List<float[]> encodeAll(List<String> texts) {
			return texts.stream().map(this::encode).toList();
		}

	}

	private final Encoder encoder;

	/** By document: the passage's vectors, its text first; null for documents that are not passages. */
	private final float[][][] byDoc;

	private MeaningVectors(Encoder encoder, float[][][] byDoc) {
		this.encoder = encoder;
		this.byDoc = byDoc;
	}

	static MeaningVectors of(Passage[] passagesByDoc, Encoder encoder) {
		List<String> texts = new ArrayList<>();
		for (Passage passage : passagesByDoc) {
			if (passage != null) {
				texts.add(text(passage));
				texts.addAll(passage.alsoAsked());
			}
		}
		List<float[]> vectors = encoder.encodeAll(texts);
		float[][][] byDoc = new float[passagesByDoc.length][][];
		int next = 0;
		for (int doc = 0; doc < passagesByDoc.length; doc++) {
			Passage passage = passagesByDoc[doc];
			if (passage != null) {
				int count = 1 + passage.alsoAsked().size();
				byDoc[doc] = vectors.subList(next, next + count).toArray(float[][]::new);
				next += count;
			}
		}
		return new MeaningVectors(encoder, byDoc);
	}

	/** What a passage's vector is made of: where it sits in the guide ("FAQ › Is fever always CRS?") and its words. */
	static String text(Passage passage) {
		return passage.source() + ". " + passage.displayText();
	}

	/** By document, the cosine of the question with the nearest of the passage's vectors (0 for other documents). */
	float[] similarities(String question) {
		float[] query = this.encoder.encode(question);
		float[] similarity = new float[this.byDoc.length];
		for (int doc = 0; doc < this.byDoc.length; doc++) {
			if (this.byDoc[doc] == null) {
				continue;
			}
			float nearest = 0;
			for (float[] vector : this.byDoc[doc]) {
				nearest = Math.max(nearest, SentenceEncoder.dot(query, vector));
			}
			similarity[doc] = nearest;
		}
		return similarity;
	}

}
