/**
 * Handoff: a family handed to a human coordinator. One open handoff per family; triggers (an emergency, a request,
 * answers the bot could not give, unhelpful answers) add to it; coordinators claim, reply and resolve from the
 * Telegram group or the web console; coordinators' office hours decide what the family is told.
 * <p>
 * API: {@link com.crscompanion.handoff.Handoffs}, {@link com.crscompanion.handoff.OfficeHours}, the events
 * {@link com.crscompanion.handoff.HandoffAnnounced}, {@link com.crscompanion.handoff.HandoffChanged},
 * {@link com.crscompanion.handoff.FamilyMessageRelayed} and {@link com.crscompanion.handoff.MessageToFamily}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Handoff")
package com.crscompanion.handoff;
