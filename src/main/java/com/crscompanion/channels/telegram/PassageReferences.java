package com.crscompanion.channels.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.crscompanion.knowledge.KnowledgeBase;
import com.crscompanion.knowledge.KnowledgeSnapshot;
import com.crscompanion.knowledge.Passage;

/**
 * Short, stable references to passages for button data: passage ids can be longer than Telegram's 64-byte
 * {@code callback_data}. A reference is the first 72 bits of the id's SHA-256, so it is the same on every instance
 * and survives restarts; it is turned back into the id against the content in force.
 */
final class PassageReferences {

	private static final int REFERENCE_BYTES = 9;

	private final KnowledgeBase knowledge;

	private volatile Index index;

	private record Index(KnowledgeSnapshot snapshot, Map<String, String> idsByReference) {
	}

	PassageReferences(KnowledgeBase knowledge) {
		this.knowledge = knowledge;
	}

	static String of(String passageId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(passageId.getBytes(StandardCharsets.UTF_8));
			byte[] prefix = new byte[REFERENCE_BYTES];
			System.arraycopy(digest, 0, prefix, 0, REFERENCE_BYTES);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(prefix);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The passage id, or empty when the passage is no longer in the guide. */
	Optional<String> resolve(String reference) {
		KnowledgeSnapshot current = this.knowledge.current();
		Index known = this.index;
		if (known == null || known.snapshot() != current) {
			known = new Index(current, current.passages().stream().map(Passage::id).distinct()
				.collect(Collectors.toMap(PassageReferences::of, Function.identity(), (first, second) -> first)));
			this.index = known;
		}
		return Optional.ofNullable(known.idsByReference().get(reference));
	}

}
