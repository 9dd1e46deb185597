package com.crscompanion.knowledge.internal;

import java.lang.Character.UnicodeScript;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Undoes the export's mojibake: UTF-8 bytes that were decoded as a legacy charset (Thai cp874 here), so "ยฐ" is
 * really "°". Runs that round-trip are certain repairs; a lone lead byte whose continuation bytes the export dropped
 * ("โ", once an em dash) is repaired only from the configured table, and anything else non-Latin is left as an error
 * so it is never shown to a family as if it were the guide's text.
 */
final class MojibakeRepair {

	private final Charset misreadAs;

	private final Map<String, String> lossy;

	MojibakeRepair(Charset misreadAs, Map<String, String> lossy) {
		this.misreadAs = misreadAs;
		this.lossy = Map.copyOf(lossy);
	}

	Result repair(String line) {
		StringBuilder out = new StringBuilder(line.length());
		List<String> certain = new ArrayList<>();
		List<String> assumed = new ArrayList<>();
		List<String> unexplained = new ArrayList<>();
		int i = 0;
		while (i < line.length()) {
			int runEnd = i;
			boolean thai = false;
			while (runEnd < line.length() && isMisreadByte(line.charAt(runEnd))) {
				thai |= isThai(line.charAt(runEnd));
				runEnd++;
			}
			if (!thai) {
				// a real "’" or "—" in the text: only runs with Thai letters in them are mojibake
				out.append(line, i, Math.max(runEnd, i + 1));
				i = Math.max(runEnd, i + 1);
				continue;
			}
			decodeRun(line.substring(i, runEnd), out, certain, assumed, unexplained);
			i = runEnd;
		}
		collectOtherScripts(out, unexplained);
		return new Result(out.toString(), certain, assumed, unexplained);
	}

	private void decodeRun(String run, StringBuilder out, List<String> certain, List<String> assumed,
			List<String> unexplained) {
		byte[] bytes = run.getBytes(this.misreadAs);
		if (bytes.length != run.length()) {
			unexplained.add(run);
			out.append(run);
			return;
		}
		int b = 0;
		while (b < bytes.length) {
			int length = utf8SequenceLength(bytes[b]);
			String decoded = (length > 0 && b + length <= bytes.length) ? strictUtf8(bytes, b, length) : null;
			if (decoded != null) {
				out.append(decoded);
				certain.add(run.substring(b, b + length) + " → " + decoded);
				b += length;
				continue;
			}
			String original = String.valueOf(run.charAt(b));
			String replacement = this.lossy.get(original);
			if (replacement != null) {
				out.append(replacement);
				assumed.add(original + " → " + replacement + " (its continuation bytes were lost in the export)");
			}
			else {
				out.append(original);
				unexplained.add(original);
			}
			b++;
		}
	}

	private static boolean isThai(char c) {
		return Character.UnicodeScript.of(c) == UnicodeScript.THAI;
	}

	/** A character the misread charset produces from a byte of 0x80 or above (Thai letters, and "€", "”"… in cp874). */
	private boolean isMisreadByte(char c) {
		if (c < 0x80) {
			return false;
		}
		byte[] bytes = String.valueOf(c).getBytes(this.misreadAs);
		return bytes.length == 1 && (bytes[0] & 0xFF) >= 0x80;
	}

	private static int utf8SequenceLength(byte lead) {
		int b = lead & 0xFF;
		if (b >= 0xC2 && b <= 0xDF) {
			return 2;
		}
		if (b >= 0xE0 && b <= 0xEF) {
			return 3;
		}
		return (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
	}

	private static String strictUtf8(byte[] bytes, int offset, int length) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.decode(java.nio.ByteBuffer.wrap(bytes, offset, length))
				.toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return null;
		}
	}

	/** Any letter outside Latin left after repair is damage we cannot explain in this English guide. */
	private static void collectOtherScripts(CharSequence text, List<String> unexplained) {
		int i = 0;
		while (i < text.length()) {
			int cp = Character.codePointAt(text, i);
			UnicodeScript script = UnicodeScript.of(cp);
			if (Character.isLetter(cp) && script != UnicodeScript.LATIN && script != UnicodeScript.COMMON
					&& script != UnicodeScript.INHERITED && script != UnicodeScript.THAI) {
				unexplained.add(new String(Character.toChars(cp)));
			}
			i += Character.charCount(cp);
		}
	}

	record Result(String text, List<String> certain, List<String> assumed, List<String> unexplained) {

		boolean clean() {
			return this.unexplained.isEmpty();
		}

	}

}
