package com.crscompanion.handoff;

/** A family wrote while their handoff is open; coordinators should see it under the card. */
public record FamilyMessageRelayed(Handoff handoff, String text) {
}
