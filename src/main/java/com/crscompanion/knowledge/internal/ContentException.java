package com.crscompanion.knowledge.internal;

/** The content in {@code index-data/} cannot be used as it is; the message says which file and why. */
class ContentException extends RuntimeException {

	ContentException(String message) {
		super(message);
	}

	ContentException(String message, Throwable cause) {
		super(message, cause);
	}

}
