package com.crscompanion.conversation;

/** What a reply is, so channels can show each kind in its own way. */
public enum ReplyKind {

	/** A passage of the guide. */
	ANSWER,
	/** "Contact the ward immediately": always first when a danger sign is reported. */
	EMERGENCY,
	/** The guide does not cover this; suggestions and the way to a coordinator. */
	FALLBACK,
	/** About reaching a human coordinator. */
	HANDOFF,
	/** Greetings, thanks, help and notices. */
	INFO

}
