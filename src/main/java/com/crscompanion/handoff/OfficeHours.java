package com.crscompanion.handoff;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Coordinators' working hours (the ward never closes). */
public interface OfficeHours {

	boolean isOpen(Instant at);

	/** The next time coordinators start work after {@code at}; empty when the schedule has no working time. */
	Optional<ZonedDateTime> nextOpening(Instant at);

	/** "tomorrow at 09:00 Beijing time, in about 7 hours"; "" while open. */
	String describeNextOpening(Instant at);

}
