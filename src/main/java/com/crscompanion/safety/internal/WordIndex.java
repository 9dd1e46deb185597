package com.crscompanion.safety.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which phrase-file words a message word stands for, tolerant of what families type: inflections
 * ("breathe" → "breathing", from each file's [INFLECTIONS] and [PREFIXES]), stems ("convuls*"), stretched
 * letters ("feverrr") and one-letter typos of long words ("siezure", "breahting": insertion, deletion,
 * substitution or swap of two neighbours, first letter kept). Typos are found with a precomputed deletion
 * neighbourhood (SymSpell), so a lookup costs a few hash probes per letter and no allocation.
 */
final class WordIndex {

	/** Typos are tolerated only in words this long: shorter ones are too close to everyday words (fever/never). */
	static final int MIN_TYPO_LENGTH = 7;

	/** Longest message word checked for typos; longer ones are not words families type. */
	private static final int MAX_TYPO_LENGTH = 40;

	static final long HASH_BASE = 0x100000001B3L;

	private static final long[] POWERS = new long[MAX_TYPO_LENGTH + 2];

	static {
		POWERS[0] = 1;
		for (int i = 1; i < POWERS.length; i++) {
			POWERS[i] = POWERS[i - 1] * HASH_BASE;
		}
	}

	/**
	 * Every form in one array, so that checking a candidate and taking its words reads one place: at a form's
	 * offset, its length, its characters, the number of words it stands for and their ids. The indexes below map
	 * hashes to these offsets.
	 */
	private final int[] forms;

	/**
	 * Forms as written, in two tables by the script of their first letter: a word can only match a form that
	 * starts with its own first letter, and nearly three quarters of all forms are Arabic words with clitic
	 * prefixes (و, ال, بال ...). Apart, the table that every Latin and Cyrillic word probes is a quarter the
	 * size, small enough to stay in the CPU's caches instead of costing a memory read per word.
	 */
	private final ExactForms arabicExactForms;

	private final ExactForms otherExactForms;

	private final LongIndex squeezedForms;

	private final LongIndex stems;

	/** Bit n set when some stem is n characters long: for first letters below U+0800 per letter, else all. */
	private final long[] stemLengthsByFirstLetter = new long[0x800];

	private final long stemLengths;

	/**
	 * Letter pairs (first, second) and (first, third) of typo-tolerant forms. A word one edit from such a form
	 * with the same first letter has one of these pairs at its own positions (0,1) or (0,2), so most words are
	 * ruled out before any hash probe.
	 */
	private final long[] typoLetterPairs = new long[1024];

	private final LongIndex typoNeighbours;

	/** For first letters below U+0800 (Latin, Cyrillic, Arabic): bit n set when a typo-tolerant form of length n-1..n+1 starts with it. */
	private final long[] typoLengthsByFirstLetter = new long[0x800];

	private WordIndex(Builder builder) {
		int[] offsets = new int[builder.forms.size()];
		int size = 0;
		for (int id = 0; id < offsets.length; id++) {
			offsets[id] = size;
			size += 2 + builder.forms.get(id).length + builder.formWords.get(id).size();
		}
		this.forms = new int[size];
		for (int id = 0; id < offsets.length; id++) {
			char[] form = builder.forms.get(id);
			List<Integer> words = builder.formWords.get(id);
			int at = offsets[id];
			this.forms[at++] = form.length;
			for (char c : form) {
				this.forms[at++] = c;
			}
			this.forms[at++] = words.size();
			for (int word : words) {
				this.forms[at++] = word;
			}
		}
		ExactForms.Builder arabicExact = new ExactForms.Builder();
		ExactForms.Builder otherExact = new ExactForms.Builder();
		LongIndex.Builder squeezed = new LongIndex.Builder();
		LongIndex.Builder stemIndex = new LongIndex.Builder();
		LongIndex.Builder typos = new LongIndex.Builder();
		long lengths = 0;
		for (int id = 0; id < offsets.length; id++) {
			char[] form = builder.forms.get(id);
			int offset = offsets[id];
			FormKind kind = builder.formKinds.get(id);
			if (kind == FormKind.STEM) {
				stemIndex.add(hash(form, 0, form.length), offset);
				long lengthBit = 1L << Math.min(form.length, 63);
				lengths |= lengthBit;
				if (form[0] < 0x800) {
					this.stemLengthsByFirstLetter[form[0]] |= lengthBit;
				}
				continue;
			}
			(isArabic(form[0]) ? arabicExact : otherExact).add(hash(form, 0, form.length), offset, form,
					builder.formWords.get(id));
			if (kind == FormKind.TOLERANT) {
				char[] squeezedForm = squeeze(form, 0, form.length);
				squeezed.add(hash(squeezedForm, 0, squeezedForm.length), offset);
			}
			if (kind == FormKind.TOLERANT && builder.typoTolerant.get(id) && form.length >= MIN_TYPO_LENGTH
					&& form.length <= MAX_TYPO_LENGTH && form[0] < 0x800) {
				typos.add(hash(form, 0, form.length), offset);
				for (int skip = 1; skip < form.length; skip++) {
					typos.add(hashWithout(form, skip), offset);
				}
				for (int n = form.length - 1; n <= form.length + 1; n++) {
					this.typoLengthsByFirstLetter[form[0]] |= 1L << n;
				}
				setPair(this.typoLetterPairs, form[0], form[1]);
				setPair(this.typoLetterPairs, form[0], form[2]);
			}
		}
		this.arabicExactForms = arabicExact.build(this.forms);
		this.otherExactForms = otherExact.build(this.forms);
		this.squeezedForms = squeezed.build();
		this.stems = stemIndex.build();
		this.stemLengths = lengths;
		this.typoNeighbours = typos.build();
	}

	/**
	 * Adds to {@code found} the ids of the words that {@code text[start, start+length)} stands for and returns
	 * how many there are now. {@code prefixHashes} is scratch space of at least {@code length + 1} longs.
	 */
	int lookup(char[] text, int start, int length, WordIdSink found, long[] prefixHashes) {
		// kept small enough for the JIT to inline into the caller's loop; the rarer steps are methods of their own
		int before = found.size();
		if (lookupAsWritten(text, start, length, found) > before) {
			return found.size();
		}
		return lookupAltered(text, start, length, found, prefixHashes);
	}

	/**
	 * Like {@link #lookup} without the tolerance for stretched letters and typos: the words that the text stands for
	 * as written (an inflection or a stem counts), which {@link #lookup} tries first.
	 */
	int lookupAsWritten(char[] text, int start, int length, WordIdSink found) {
		long hash = hashAddingStems(text, start, length, found);
		(isArabic(text[start]) ? this.arabicExactForms : this.otherExactForms).collect(hash, text, start, length,
				found);
		return found.size();
	}

	/** The word's hash; on the way, adds the words of stems that the word starts with. */
	private long hashAddingStems(char[] text, int start, int length, WordIdSink found) {
		long hash = 0;
		long stemLengthsHere = (text[start] < 0x800) ? this.stemLengthsByFirstLetter[text[start]] : this.stemLengths;
		for (int i = 0; i < length; i++) {
			hash = hash * HASH_BASE + text[start + i];
			int stemLength = i + 1;
			if (stemLength < 64 && (stemLengthsHere & (1L << stemLength)) != 0) {
				collect(this.stems, this.stems.find(hash), text, start, stemLength, found);
			}
		}
		return hash;
	}

	/** For a word that matched no form or stem as written: stretched letters, then one typo. */
	private int lookupAltered(char[] text, int start, int length, WordIdSink found, long[] prefixHashes) {
		int before = found.size();
		if (hasStretchedLetters(text, start, length)) {
			char[] squeezed = squeeze(text, start, length);
			long entry = this.squeezedForms.find(hash(squeezed, 0, squeezed.length));
			for (int k = 0; k < LongIndex.count(entry); k++) {
				addWords(this.forms, this.squeezedForms.value(entry, k), found);
			}
			if (found.size() > before) {
				return found.size();
			}
		}
		if (length <= MAX_TYPO_LENGTH && length >= MIN_TYPO_LENGTH - 1 && text[start] < 0x800
				&& (this.typoLengthsByFirstLetter[text[start]] & (1L << length)) != 0
				&& (hasPair(this.typoLetterPairs, text[start], text[start + 1])
						|| hasPair(this.typoLetterPairs, text[start], text[start + 2]))) {
			lookupTypos(text, start, length, found, prefixHashes);
		}
		return found.size();
	}

	/** The Arabic block: the script whose prefixed forms fill most of the index. */
	private static boolean isArabic(char c) {
		return c >= '\u0600' && c <= '\u06FF';
	}

	private static int pairBit(char first, char other) {
		return ((first * 0x9E37) ^ other) & 0xFFFF;
	}

	private static void setPair(long[] pairs, char first, char other) {
		int bit = pairBit(first, other);
		pairs[bit >>> 6] |= 1L << bit;
	}

	private static boolean hasPair(long[] pairs, char first, char other) {
		int bit = pairBit(first, other);
		return (pairs[bit >>> 6] & (1L << bit)) != 0;
	}

	private void collect(LongIndex index, long entry, char[] text, int start, int length, WordIdSink found) {
		for (int k = 0; k < LongIndex.count(entry); k++) {
			int form = index.value(entry, k);
			if (spelt(this.forms, form, text, start, length)) {
				addWords(this.forms, form, found);
			}
		}
	}

	/** Adds the ids of the words that the form at offset {@code form} of {@code forms} stands for. */
	private static void addWords(int[] forms, int form, WordIdSink found) {
		int words = form + 1 + forms[form];
		for (int k = words + 1; k <= words + forms[words]; k++) {
			found.add(forms[k]);
		}
	}

	private void lookupTypos(char[] text, int start, int length, WordIdSink found, long[] prefixHashes) {
		// the prefix hashes are worked out here, not in lookup's loop: few words get this far
		prefixHashes[0] = 0;
		for (int i = 0; i < length; i++) {
			prefixHashes[i + 1] = prefixHashes[i] * HASH_BASE + text[start + i];
		}
		long whole = prefixHashes[length];
		verifyTypos(this.typoNeighbours.find(whole), text, start, length, found);
		for (int skip = 1; skip < length; skip++) {
			long tail = whole - prefixHashes[skip + 1] * POWERS[length - skip - 1];
			long without = prefixHashes[skip] * POWERS[length - skip - 1] + tail;
			verifyTypos(this.typoNeighbours.find(without), text, start, length, found);
		}
	}

	private void verifyTypos(long entry, char[] text, int start, int length, WordIdSink found) {
		for (int k = 0; k < LongIndex.count(entry); k++) {
			int form = this.typoNeighbours.value(entry, k);
			if (this.forms[form + 1] == text[start] && withinOneEdit(form, text, start, length)) {
				addWords(this.forms, form, found);
			}
		}
	}

	/**
	 * Whether the form at offset {@code form} is within optimal string alignment distance 1 of the text: one
	 * insertion, deletion, substitution or neighbour swap.
	 */
	private boolean withinOneEdit(int form, char[] text, int start, int length) {
		int formLength = this.forms[form];
		if (Math.abs(formLength - length) > 1) {
			return false;
		}
		int first = form + 1;
		int i = 0;
		while (i < formLength && i < length && this.forms[first + i] == text[start + i]) {
			i++;
		}
		if (i == formLength && i == length) {
			return true;
		}
		if (formLength == length) {
			if (tailEquals(this.forms, first + i + 1, text, start + i + 1, length - i - 1)) {
				return true;
			}
			return i + 1 < length && this.forms[first + i] == text[start + i + 1]
					&& this.forms[first + i + 1] == text[start + i]
					&& tailEquals(this.forms, first + i + 2, text, start + i + 2, length - i - 2);
		}
		if (formLength > length) {
			return tailEquals(this.forms, first + i + 1, text, start + i, length - i);
		}
		return tailEquals(this.forms, first + i, text, start + i + 1, formLength - i);
	}

	/** Whether {@code count} characters of {@code forms} from {@code from} equal the text's from {@code textFrom}. */
	private static boolean tailEquals(int[] forms, int from, char[] text, int textFrom, int count) {
		for (int k = 0; k < count; k++) {
			if (forms[from + k] != text[textFrom + k]) {
				return false;
			}
		}
		return true;
	}

	/** Whether the form at offset {@code form} of {@code forms} is spelt as the text's {@code length} characters. */
	private static boolean spelt(int[] forms, int form, char[] text, int start, int length) {
		return forms[form] == length && tailEquals(forms, form + 1, text, start, length);
	}

	/**
	 * "feverrr", "breatheee": a run of three or more equal letters, or a doubled last letter ("feverr"). Ordinary
	 * doubled letters inside a word ("comma") are left alone so they do not turn into another word ("coma").
	 */
	private static boolean hasStretchedLetters(char[] text, int start, int length) {
		if (length >= 3 && text[start + length - 1] == text[start + length - 2]) {
			return true;
		}
		for (int i = start + 2; i < start + length; i++) {
			if (text[i] == text[i - 1] && text[i] == text[i - 2]) {
				return true;
			}
		}
		return false;
	}

	private static char[] squeeze(char[] text, int start, int length) {
		char[] squeezed = new char[length];
		int out = 0;
		for (int i = start; i < start + length; i++) {
			if (out == 0 || squeezed[out - 1] != text[i]) {
				squeezed[out++] = text[i];
			}
		}
		return Arrays.copyOf(squeezed, out);
	}

	static long hash(char[] text, int start, int length) {
		long hash = 0;
		for (int i = start; i < start + length; i++) {
			hash = hash * HASH_BASE + text[i];
		}
		return hash;
	}

	private static long hashWithout(char[] form, int skip) {
		long hash = 0;
		for (int i = 0; i < form.length; i++) {
			if (i != skip) {
				hash = hash * HASH_BASE + form[i];
			}
		}
		return hash;
	}

	/**
	 * The forms matched as written, by hash, laid out so that looking up a short word reads one 32-byte slot: the
	 * slot holds the hash, the form's length and first {@value #INLINE_CHARS} characters (enough to check most
	 * words without reading the form itself) and, when the form stands for one word, that word's id. Longer forms
	 * and forms of several words are read from the {@code forms} array. Forms sharing a hash sit in consecutive
	 * slots in the order they were added (linear probing, nothing is ever removed), as they come out.
	 */
	private static final class ExactForms {

		private static final int INLINE_CHARS = 8;

		/** Longs per slot: hash, info, then the first eight characters four to a long. */
		private static final int SLOT = 4;

		/** In an info's top 16 bits: the form stands for several words (or one with a large id); read them from forms. */
		private static final int SEVERAL_WORDS = 0xFFFF;

		private static final int LONG_FORM = 0xFFFF;

		private final long[] slots;

		private final int mask;

		private final int[] forms;

		/**
		 * The hashes of all forms, four keys to a 64-bit word (32 KB for the 10,000 non-Arabic forms): a third of
		 * a message's words are in no phrase file, and this answers most of them without reading the table.
		 */
		private final HashFilter filter;

		private ExactForms(long[] slots, int[] forms, HashFilter filter) {
			this.slots = slots;
			this.mask = slots.length / SLOT - 1;
			this.forms = forms;
			this.filter = filter;
		}

		/** Adds the words of every form spelt as {@code text[start, start+length)}, whose hash is {@code hash}. */
		void collect(long hash, char[] text, int start, int length, WordIdSink found) {
			if (!this.filter.mightContain(hash)) {
				return;
			}
			int slot = LongIndex.slot(hash, this.mask);
			long info;
			while ((info = this.slots[SLOT * slot + 1]) != 0) {
				if (this.slots[SLOT * slot] == hash && formLength(info) == Math.min(length, LONG_FORM)) {
					int form = (int) info - 1;
					// packed only once the hash matched: most probes end at an empty slot or another hash
					boolean same = (length <= INLINE_CHARS)
							? this.slots[SLOT * slot + 2] == packed(text, start, Math.min(length, 4))
									&& this.slots[SLOT * slot + 3] == ((length > 4) ? packed(text, start + 4, length - 4) : 0)
							: spelt(this.forms, form, text, start, length);
					if (same) {
						int word = (int) (info >>> 48);
						if (word != SEVERAL_WORDS) {
							found.add(word);
						}
						else {
							addWords(this.forms, form, found);
						}
					}
				}
				slot = (slot + 1) & this.mask;
			}
		}

		private static int formLength(long info) {
			return (int) (info >>> 32) & 0xFFFF;
		}

		/** Up to four characters, 16 bits each, the first in the lowest bits. */
		private static long packed(char[] chars, int start, int count) {
			long packed = 0;
			for (int k = 0; k < count; k++) {
				packed |= (long) chars[start + k] << (16 * k);
			}
			return packed;
		}

		static final class Builder {

			private final List<long[]> entries = new ArrayList<>();

			/** A form with its hash, its offset in the forms array, its characters and its word ids. */
			void add(long hash, int offset, char[] form, List<Integer> words) {
				int length = Math.min(form.length, LONG_FORM);
				int word = (words.size() == 1 && words.get(0) < SEVERAL_WORDS) ? words.get(0) : SEVERAL_WORDS;
				long info = (offset + 1L) | ((long) length << 32) | ((long) word << 48);
				long first = 0;
				long second = 0;
				if (form.length <= INLINE_CHARS) {
					first = packed(form, 0, Math.min(form.length, 4));
					second = (form.length > 4) ? packed(form, 4, form.length - 4) : 0;
				}
				this.entries.add(new long[] { hash, info, first, second });
			}

			ExactForms build(int[] forms) {
				// at most half full, so a miss usually ends within the slot's own cache line
				int capacity = Integer.highestOneBit(Math.max(4, this.entries.size() * 2) * 2 - 1);
				long[] slots = new long[capacity * SLOT];
				HashFilter filter = new HashFilter(this.entries.size(), 4);
				for (long[] entry : this.entries) {
					filter.add(entry[0]);
					int slot = LongIndex.slot(entry[0], capacity - 1);
					while (slots[SLOT * slot + 1] != 0) {
						slot = (slot + 1) & (capacity - 1);
					}
					System.arraycopy(entry, 0, slots, SLOT * slot, SLOT);
				}
				return new ExactForms(slots, forms, filter);
			}

		}

	}

	/** Receives word ids and keeps each once. */
	interface WordIdSink {

		/** How many ids were kept so far; {@link #lookup} compares it before and after. */
		int size();

		void add(int wordId);

	}

	private enum FormKind {

		EXACT, TOLERANT, STEM

	}

	/** Collects the surface forms of every phrase-file word and which word each form stands for. */
	static final class Builder {

		private final Map<String, Integer> formIds = new LinkedHashMap<>();

		private final List<char[]> forms = new ArrayList<>();

		private final List<List<Integer>> formWords = new ArrayList<>();

		private final List<FormKind> formKinds = new ArrayList<>();

		private final List<Boolean> typoTolerant = new ArrayList<>();

		/** A cue word: matched as written (after folding) only. */
		void addExact(String form, int wordId) {
			add(form, FormKind.EXACT, false, wordId);
		}

		/** A sign word or one of its inflections: also matched stretched and, when not prefixed, with a typo. */
		void addTolerant(String form, boolean typoTolerant, int wordId) {
			add(form, FormKind.TOLERANT, typoTolerant, wordId);
		}

		void addStem(String stem, int wordId) {
			add(stem, FormKind.STEM, false, wordId);
		}

		private void add(String form, FormKind kind, boolean typos, int wordId) {
			String key = kind.name() + ':' + form;
			Integer id = this.formIds.get(key);
			if (id == null) {
				id = this.forms.size();
				this.formIds.put(key, id);
				this.forms.add(form.toCharArray());
				this.formWords.add(new ArrayList<>());
				this.formKinds.add(kind);
				this.typoTolerant.add(typos);
			}
			else if (typos) {
				this.typoTolerant.set(id, true);
			}
			if (!this.formWords.get(id).contains(wordId)) {
				this.formWords.get(id).add(wordId);
			}
		}

		WordIndex build() {
			return new WordIndex(this);
		}

	}

}
