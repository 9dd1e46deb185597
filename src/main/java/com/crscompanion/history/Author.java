package com.crscompanion.history;

/** Who wrote a message. */
public enum Author {

	FAMILY, BOT, COORDINATOR

}
