/**
 * History: what families and the bot said, kept in the database for the coordinators' context and the web chat's
 * live updates, with feedback and the emergency audit, purged after the retention period and deleted on request.
 * <p>
 * API: {@link com.crscompanion.history.ConversationHistory}, {@link com.crscompanion.history.ConversationRef},
 * {@link com.crscompanion.history.LoggedMessage}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "History")
package com.crscompanion.history;
