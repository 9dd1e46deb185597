package com.crscompanion.safety.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.crscompanion.safety.DangerSign;
import com.crscompanion.safety.EmergencyGuard;
import com.crscompanion.safety.EmergencyVerdict;
import com.crscompanion.safety.SignMatch;

/**
 * The emergency guard: phrase lists from the operator's phrase files, temperature readings, and NegEx-style
 * negation. One pass folds the text, one tokenises it, then every word is looked up once; all later steps work on
 * the found phrases only, so the cost grows linearly with the message.
 * <p>
 * A message stands down only when every sign it mentions is negated ("no fever since yesterday") and none is
 * severe: a severe sign (seizure, not breathing, unresponsive, collapse, blue lips) always alarms.
 */
public final class RuleBasedEmergencyGuard implements EmergencyGuard {

	private static final Logger logger = LoggerFactory.getLogger(RuleBasedEmergencyGuard.class);

	/** Words allowed between a negation cue and the sign it negates ("doesn't have a fever"). */
	private static final int NEGATION_BEFORE_WINDOW = 3;

	/** The same for Chinese, counted in characters ("没有发烧", "没有任何发烧"). */
	private static final int CJK_NEGATION_BEFORE_WINDOW = 2;

	/** Words allowed between a sign and a resolution cue after it ("the fever has now gone"). */
	private static final int NEGATION_AFTER_WINDOW = 4;

	/** Words between a fever word and a normal reading that stands it down ("his temperature is 36.8"). */
	private static final int NORMAL_READING_REACH = 3;

	private final Lexicon lexicon;

	/** Enough places for every core to assess at once, with room for threads that wait on something else. */
	private final MessageBuffers.Pool buffers = new MessageBuffers.Pool(
			2 * Runtime.getRuntime().availableProcessors() + 2);

	RuleBasedEmergencyGuard(Lexicon lexicon) {
		this.lexicon = lexicon;
	}

	/**
	 * A guard reading {@code <language>.txt} for each language in {@code phrasesDirectory}.
	 * @throws PhraseFileException if a file is missing, unreadable, malformed or has no sign phrases
	 */
	public static RuleBasedEmergencyGuard fromDirectory(Path phrasesDirectory, List<String> languages,
			String defaultLanguage) {
		return new RuleBasedEmergencyGuard(Lexicon.load(phrasesDirectory, languages, defaultLanguage));
	}

	@Override
	public EmergencyVerdict assess(String text) {
		if (text == null || text.isEmpty()) {
			return new EmergencyVerdict(false, defaultLanguageCode(), List.of());
		}
		try {
			MessageBuffers buffers = this.buffers.take();
			EmergencyVerdict verdict = new Assessment(text, buffers).run();
			// given back only after a normal end: buffers an exception left half-filled are dropped
			this.buffers.giveBack(buffers);
			return verdict;
		}
		catch (RuntimeException | StackOverflowError ex) {
			// Unreachable by design (the fuzz tests hunt for it); if it happens anyway, alarm rather than miss.
			logger.error("Emergency guard failed on a message of {} characters; treating it as an emergency",
					text.length(), ex);
			return new EmergencyVerdict(true, defaultLanguageCode(), List.of());
		}
	}

	private String defaultLanguageCode() {
		return this.lexicon.languages().get(this.lexicon.defaultLanguage());
	}

	/** The work on one message, in buffers that no other thread uses meanwhile. */
	private final class Assessment {

		private final String original;

		private final MessageBuffers buffers;

		private final NormalizedText text;

		private final Tokens tokens;

		private final List<Mention> signs;

		private final List<Mention> benign;

		private final List<Mention> scopeEnds;

		private final List<Mention> negationsBefore;

		private final List<Mention> negationsAfter;

		private final List<Mention> notNegations;

		/** See {@link #scopeEndTokens}; null until asked for. */
		private boolean[] scopeEndTokens;

		/** Receives every phrase found; made once, not once per word (a long message has thousands of words). */
		private final PhraseTrie.MatchSink sorter = this::sort;

		private final int[] hintsPerLanguage = new int[RuleBasedEmergencyGuard.this.lexicon.languages().size()];

		/** Whether hint words or the script showed the message's language (else it is the default). */
		private boolean languageEvident;

		private final boolean[] temperatureWord;

		private final boolean[] notTemperature;

		private final VitalSignsReader.VitalWords vitalWords;

		/** Tokens of temperatures below fever level: they stand down a fever word beside them. */
		private final boolean[] normalReading;

		/** Tokens that end a negation's reach without ending a sign phrase's gap ("and"). */
		private final boolean[] negationScopeEnd;

		Assessment(String original, MessageBuffers buffers) {
			this.original = original;
			this.buffers = buffers;
			this.text = buffers.fold(original);
			this.tokens = buffers.tokens;
			this.tokens.reset(this.text);
			buffers.clearMentions();
			this.signs = buffers.signs;
			this.benign = buffers.benign;
			this.scopeEnds = buffers.scopeEnds;
			this.negationsBefore = buffers.negationsBefore;
			this.negationsAfter = buffers.negationsAfter;
			this.notNegations = buffers.notNegations;
			int count = this.tokens.count();
			this.temperatureWord = buffers.flags(MessageBuffers.TEMPERATURE_WORD, count);
			this.notTemperature = buffers.flags(MessageBuffers.NOT_TEMPERATURE, count);
			this.normalReading = buffers.flags(MessageBuffers.NORMAL_READING, count + 1);
			this.negationScopeEnd = buffers.flags(MessageBuffers.NEGATION_SCOPE_END, count + 1);
			this.vitalWords = new VitalSignsReader.VitalWords(buffers.flags(MessageBuffers.OXYGEN_WORD, count),
					buffers.flags(MessageBuffers.PULSE_WORD, count),
					buffers.flags(MessageBuffers.BLOOD_PRESSURE_WORD, count),
					buffers.flags(MessageBuffers.PRESSURE_PAIR_WORD, count));
		}

		EmergencyVerdict run() {
			findPhrases();
			int messageLanguage = messageLanguage();
			readNumbers(messageLanguage);
			List<Mention> kept = keepOnePerSpan(messageLanguage);
			if (kept.isEmpty()) {
				// most messages: no sign, so no negation scopes to work out
				return new EmergencyVerdict(false, code(messageLanguage), List.of());
			}
			Negation negation = new Negation();
			List<SignMatch> matches = new ArrayList<>(kept.size());
			for (Mention sign : kept) {
				matches.add(toSignMatch(sign, negation.negates(sign)));
			}
			matches.sort(Comparator.comparingInt(SignMatch::start));
			SignMatch firstAlarming = null;
			for (SignMatch match : matches) {
				if (match.raisesAlarm()) {
					firstAlarming = match;
					break;
				}
			}
			// the reply should be in the family's language: the message's when its words show it, otherwise
			// the language of the first alarming phrase
			String language = (this.languageEvident || firstAlarming == null) ? code(messageLanguage)
					: firstAlarming.language();
			boolean emergency = firstAlarming != null;
			if (logger.isDebugEnabled() && !matches.isEmpty()) {
				logger.debug("Guard verdict emergency={} language={} matches={}", emergency, language, matches);
			}
			return new EmergencyVerdict(emergency, language, matches);
		}

		private void readNumbers(int language) {
			TemperatureReader.read(this.tokens, this.temperatureWord, this.notTemperature,
					new TemperatureReader.ReadingSink() {

						@Override
						public void fever(int start, int end) {
							addReading(DangerSign.FEVER, "temperature", language, start, end);
						}

						@Override
						public void normal(int start, int end) {
							for (int t = start; t < end; t++) {
								Assessment.this.normalReading[t] = true;
							}
						}

					});
			VitalSignsReader.read(this.tokens, this.vitalWords, new VitalSignsReader.VitalSink() {

				@Override
				public void lowOxygen(int start, int end) {
					addReading(DangerSign.BREATHING, "oxygen saturation", language, start, end);
				}

				@Override
				public void fastPulse(int start, int end) {
					addReading(DangerSign.HEART, "heart rate", language, start, end);
				}

				@Override
				public void lowBloodPressure(int start, int end) {
					addReading(DangerSign.HEART, "blood pressure", language, start, end);
				}

			});
		}

		private void addReading(DangerSign sign, String reading, int language, int start, int end) {
			this.signs.add(new Mention(new PhrasePayload(PhraseKind.SIGN, sign, false, language, true, reading), start,
					end, -1L));
		}

		private void findPhrases() {
			TokenWords words = lookUpWords();
			PhraseTrie trie = RuleBasedEmergencyGuard.this.lexicon.trie();
			for (int t = 0; t < this.tokens.count(); t++) {
				if (words.from(t) < words.to(t)) {
					trie.matchAt(t, words, this.tokens, this.sorter);
				}
			}
			CjkPhraseMatcher cjk = RuleBasedEmergencyGuard.this.lexicon.cjk();
			if (!cjk.isEmpty() && this.tokens.hasCjk()) {
				cjk.match(this.tokens, this.sorter);
			}
		}

		private TokenWords lookUpWords() {
			int count = this.tokens.count();
			TokenWords words = this.buffers.words;
			words.reset(count);
			long[] scratch = this.buffers.prefixHashes;
			WordIndex index = RuleBasedEmergencyGuard.this.lexicon.words();
			char[] chars = this.text.chars();
			RepeatedWords repeated = this.buffers.repeated;
			repeated.reset(this.tokens);
			for (int t = 0; t < count; t++) {
				byte type = this.tokens.type(t);
				if (type == Tokens.WORD || type == Tokens.NUMBER) {
					int earlier = repeated.earlierOccurrence(t);
					if (earlier >= 0) {
						words.repeat(earlier);
					}
					else {
						index.lookup(chars, this.tokens.start(t), this.tokens.end(t) - this.tokens.start(t), words,
								scratch);
					}
				}
				words.endToken(t);
			}
			return words;
		}

		private void sort(PhrasePayload payload, int start, int end, long phraseTokens) {
			switch (payload.kind()) {
				case SIGN -> this.signs.add(new Mention(payload, start, end, phraseTokens));
				case BENIGN -> this.benign.add(new Mention(payload, start, end, phraseTokens));
				case SCOPE_END -> this.scopeEnds.add(new Mention(payload, start, end, phraseTokens));
				case NEGATION_SCOPE_END -> mark(this.negationScopeEnd, start, end);
				case NEGATION_BEFORE -> this.negationsBefore.add(new Mention(payload, start, end, phraseTokens));
				case NEGATION_AFTER -> this.negationsAfter.add(new Mention(payload, start, end, phraseTokens));
				case NOT_NEGATION -> this.notNegations.add(new Mention(payload, start, end, phraseTokens));
				case TEMPERATURE_WORD -> mark(this.temperatureWord, start, end);
				case NOT_TEMPERATURE -> mark(this.notTemperature, start, end);
				case OXYGEN_WORD -> mark(this.vitalWords.oxygen(), start, end);
				case PULSE_WORD -> mark(this.vitalWords.pulse(), start, end);
				case BLOOD_PRESSURE_WORD -> mark(this.vitalWords.bloodPressure(), start, end);
				case PRESSURE_PAIR_WORD -> mark(this.vitalWords.pairWord(), start, end);
				case LANGUAGE_HINT -> this.hintsPerLanguage[payload.language()]++;
			}
		}

		private static void mark(boolean[] flags, int start, int end) {
			for (int t = start; t < end; t++) {
				flags[t] = true;
			}
		}

		private static void mark(boolean[] flags, Mention mention) {
			for (int t = mention.startToken(); t < mention.endToken(); t++) {
				flags[t] = true;
			}
		}

		/**
		 * The language with most hint words; without any, the language of the message's script (Chinese,
		 * Cyrillic, Arabic) when that language has a phrase file; else the default language.
		 */
		private int messageLanguage() {
			List<String> languages = RuleBasedEmergencyGuard.this.lexicon.languages();
			int best = RuleBasedEmergencyGuard.this.lexicon.defaultLanguage();
			for (int language = 0; language < this.hintsPerLanguage.length; language++) {
				if (this.hintsPerLanguage[language] > this.hintsPerLanguage[best]) {
					best = language;
				}
			}
			if (this.hintsPerLanguage[best] > 0) {
				this.languageEvident = true;
				return best;
			}
			for (int t = 0; t < this.tokens.count(); t++) {
				char first = this.text.chars()[this.tokens.start(t)];
				String byScript = (this.tokens.type(t) == Tokens.CJK) ? "zh"
						: (first >= '\u0400' && first <= '\u04FF') ? "ru"
								: (first >= '\u0600' && first <= '\u06FF') ? "ar" : null;
				if (byScript != null && languages.contains(byScript)) {
					this.languageEvident = true;
					return languages.indexOf(byScript);
				}
			}
			return best;
		}

		/**
		 * Drops sign mentions inside a benign phrase or stepping over a scope end, and keeps one mention where
		 * several of the same sign overlap: a severe one first, then one in the message's language, then the
		 * longest. Works on per-token arrays so it stays linear however many mentions a long message has.
		 */
		private List<Mention> keepOnePerSpan(int messageLanguage) {
			if (this.signs.isEmpty()) {
				return List.of();
			}
			int count = this.tokens.count();
			List<Mention> candidates = new ArrayList<>(this.signs.size());
			if (this.benign.isEmpty() && this.scopeEnds.isEmpty()) {
				candidates.addAll(this.signs);
			}
			else {
				int[] benignReach = this.buffers.numbers(MessageBuffers.BENIGN_REACH, count + 1);
				for (Mention benign : this.benign) {
					benignReach[benign.startToken()] = Math.max(benignReach[benign.startToken()], benign.endToken());
				}
				for (int t = 1; t <= count; t++) {
					benignReach[t] = Math.max(benignReach[t], benignReach[t - 1]);
				}
				boolean[] scopeEnd = scopeEndTokens();
				for (Mention sign : this.signs) {
					if (benignReach[sign.startToken()] < sign.endToken() && !stepsOver(scopeEnd, sign)) {
						candidates.add(sign);
					}
				}
			}
			candidates.sort((a, b) -> preference(a, b, messageLanguage));
			int[] signsAt = this.buffers.numbers(MessageBuffers.SIGNS_AT, count + 1);
			List<Mention> kept = new ArrayList<>();
			for (Mention candidate : candidates) {
				int bit = 1 << candidate.payload().sign().ordinal();
				boolean covered = false;
				for (int t = candidate.startToken(); t < candidate.endToken() && !covered; t++) {
					covered = (signsAt[t] & bit) != 0;
				}
				if (!covered) {
					kept.add(candidate);
					for (int t = candidate.startToken(); t < candidate.endToken(); t++) {
						signsAt[t] |= bit;
					}
				}
			}
			return kept;
		}

		/** Whether each token is inside a scope-end phrase; worked out once, for whichever step asks first. */
		private boolean[] scopeEndTokens() {
			if (this.scopeEndTokens == null) {
				this.scopeEndTokens = this.buffers.flags(MessageBuffers.SCOPE_END, this.tokens.count() + 1);
				for (Mention end : this.scopeEnds) {
					mark(this.scopeEndTokens, end);
				}
			}
			return this.scopeEndTokens;
		}

		/** Severe first, then in the message's language, then the longest, then the earliest. */
		private static int preference(Mention a, Mention b, int messageLanguage) {
			if (a.payload().severe() != b.payload().severe()) {
				return a.payload().severe() ? -1 : 1;
			}
			boolean aInLanguage = a.payload().language() == messageLanguage;
			if (aInLanguage != (b.payload().language() == messageLanguage)) {
				return aInLanguage ? -1 : 1;
			}
			int aLength = a.endToken() - a.startToken();
			int bLength = b.endToken() - b.startToken();
			if (aLength != bLength) {
				return (aLength > bLength) ? -1 : 1;
			}
			return Integer.compare(a.startToken(), b.startToken());
		}

		private static boolean stepsOver(boolean[] scopeEnd, Mention sign) {
			for (int t = sign.startToken() + 1; t < sign.endToken(); t++) {
				if (scopeEnd[t] && sign.isGapWord(t)) {
					return true;
				}
			}
			return false;
		}

		private SignMatch toSignMatch(Mention mention, boolean negated) {
			int from = this.tokens.start(mention.startToken());
			int to = this.tokens.end(mention.endToken() - 1);
			int start = this.text.originalStart(from);
			int end = this.text.originalEnd(to);
			PhrasePayload payload = mention.payload();
			return new SignMatch(payload.sign(), code(payload.language()), start, end,
					this.original.substring(start, end), negated, payload.severe());
		}

		private String code(int language) {
			return RuleBasedEmergencyGuard.this.lexicon.languages().get(language);
		}

		/** NegEx-style scopes, computed once per message from the cue phrases found. */
		private final class Negation {

			private final boolean[] cueEndsBefore;

			private final boolean[] cueStartsAt;

			private final boolean[] negationWord;

			/** Tokens inside a scope-end phrase; with punctuation they are the barriers a scope stops at. */
			private final boolean[] scopeEnd;

			Negation() {
				int count = Assessment.this.tokens.count();
				MessageBuffers buffers = Assessment.this.buffers;
				this.cueEndsBefore = buffers.flags(MessageBuffers.NEGATION_CUE_ENDS, count + 1);
				this.cueStartsAt = buffers.flags(MessageBuffers.NEGATION_CUE_STARTS, count + 1);
				this.negationWord = buffers.flags(MessageBuffers.NEGATION_WORD, count + 1);
				this.scopeEnd = scopeEndTokens();
				boolean[] pseudo = buffers.flags(MessageBuffers.NOT_NEGATION, count + 1);
				for (Mention notNegation : Assessment.this.notNegations) {
					mark(pseudo, notNegation);
				}
				for (Mention cue : Assessment.this.negationsBefore) {
					if (!touches(pseudo, cue)) {
						this.cueEndsBefore[cue.endToken()] = true;
						mark(this.negationWord, cue);
					}
				}
				for (Mention cue : Assessment.this.negationsAfter) {
					if (!touches(pseudo, cue)) {
						this.cueStartsAt[cue.startToken()] = true;
					}
				}
			}

			private boolean nextToNormalReading(Mention sign) {
				boolean[] normal = Assessment.this.normalReading;
				for (int k = sign.startToken() - 1; k >= 0 && sign.startToken() - k <= NORMAL_READING_REACH; k--) {
					if (isBarrier(k)) {
						break;
					}
					if (normal[k]) {
						return true;
					}
				}
				for (int k = sign.endToken(); k < Assessment.this.tokens.count()
						&& k - sign.endToken() < NORMAL_READING_REACH; k++) {
					if (isBarrier(k)) {
						break;
					}
					if (normal[k]) {
						return true;
					}
				}
				return false;
			}

			/** Punctuation or a scope end: worked out where asked, not for every token of a long message. */
			private boolean isBarrier(int token) {
				return Assessment.this.tokens.isBreak(token) || this.scopeEnd[token];
			}

			private static boolean touches(boolean[] flags, Mention mention) {
				for (int t = mention.startToken(); t < mention.endToken(); t++) {
					if (flags[t]) {
						return true;
					}
				}
				return false;
			}

			boolean negates(Mention sign) {
				if (sign.phraseTokens() == -1L) {
					return false; // a measured value is a fact; "plus de 39" is "more than 39", not "no 39"
				}
				Tokens tokens = Assessment.this.tokens;
				int start = sign.startToken();
				int window = (tokens.type(start) == Tokens.CJK) ? CJK_NEGATION_BEFORE_WINDOW : NEGATION_BEFORE_WINDOW;
				for (int k = start; k > 0 && start - k <= window; k--) {
					if (this.cueEndsBefore[k]) {
						return true;
					}
					// "not eating and very confused": the negation stops at "and" (a normal reading beside a fever word
					// still reaches over it: "fever and temp 36.8")
					if (isBarrier(k - 1) || Assessment.this.negationScopeEnd[k - 1]
							|| tokens.type(k - 1) == Tokens.NUMBER) {
						break;
					}
				}
				for (int t = start + 1; t < sign.endToken(); t++) {
					if (sign.isGapWord(t) && this.negationWord[t]) {
						return true; // "breathing is not hard"
					}
				}
				if (sign.payload().sign() == DangerSign.FEVER && sign.phraseTokens() != -1L && nextToNormalReading(sign)) {
					return true; // "температура 36,6": the reading says the temperature is not a fever
				}
				int end = sign.endToken();
				for (int k = end; k < tokens.count() && k - end <= NEGATION_AFTER_WINDOW; k++) {
					if (this.cueStartsAt[k]) {
						return true;
					}
					// "and" ends this reach too: "passed out and fell" must not read "fell" as the faint going down;
					// "the fever and cough have gone" alarms needlessly instead
					if (isBarrier(k) || Assessment.this.negationScopeEnd[k] || this.negationWord[k]) {
						break; // "fever has not gone": a negation before the cue undoes it
					}
				}
				return false;
			}

		}

	}

}
