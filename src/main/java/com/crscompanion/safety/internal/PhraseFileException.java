package com.crscompanion.safety.internal;

import java.nio.file.Path;

/** A phrase or message file that is missing, unreadable or malformed; stops the application from starting. */
public class PhraseFileException extends IllegalStateException {

	PhraseFileException(Path file, String problem) {
		super("Emergency guard configuration file " + file + " " + problem);
	}

	PhraseFileException(Path file, int line, String problem) {
		super("Emergency guard configuration file " + file + ", line " + line + ", " + problem);
	}

}
