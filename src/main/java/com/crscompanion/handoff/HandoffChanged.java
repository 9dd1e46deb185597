package com.crscompanion.handoff;

/** A handoff was claimed, resolved or got another trigger: its card should show it. */
public record HandoffChanged(Handoff handoff) {
}
