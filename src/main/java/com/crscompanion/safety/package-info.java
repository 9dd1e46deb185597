/**
 * Emergency guard: decides, before anything else looks at a message, whether it reports a danger sign.
 * <p>
 * API: {@link com.crscompanion.safety.EmergencyGuard}, {@link com.crscompanion.safety.EmergencyVerdict},
 * {@link com.crscompanion.safety.EmergencyDetected} and the localized emergency reply
 * ({@link com.crscompanion.safety.EmergencyReplies}). Everything else lives in sub-packages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety")
package com.crscompanion.safety;
