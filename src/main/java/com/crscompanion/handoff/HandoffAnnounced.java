package com.crscompanion.handoff;

/**
 * A handoff needs the coordinators' attention: opened, raised to urgent, still unclaimed after the re-announce
 * time, or waiting since the last closing time at opening time.
 *
 * @param handoff as it is now
 * @param reminder not the first announcement
 */
public record HandoffAnnounced(Handoff handoff, boolean reminder) {
}
