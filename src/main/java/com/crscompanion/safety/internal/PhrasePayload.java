package com.crscompanion.safety.internal;

import com.crscompanion.safety.DangerSign;

/** What a matched phrase means: its kind, its sign (for SIGN phrases), and the phrase file language it came from. */
record PhrasePayload(PhraseKind kind, DangerSign sign, boolean severe, int language, boolean exact, String text) {
}
