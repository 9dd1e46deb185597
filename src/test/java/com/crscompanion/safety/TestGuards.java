package com.crscompanion.safety;

import java.nio.file.Path;
import java.util.List;

import com.crscompanion.safety.internal.RuleBasedEmergencyGuard;

/** The guard built from the operator's phrase files in config/emergency, loaded once for all tests. */
final class TestGuards {

	static final List<String> LANGUAGES = List.of("en", "zh", "ru", "ar", "es", "fr");

	static final EmergencyGuard GUARD = RuleBasedEmergencyGuard.fromDirectory(Path.of("config/emergency"), LANGUAGES,
			"en");

	private TestGuards() {
	}

}
