package com.crscompanion.safety.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import com.crscompanion.safety.EmergencyReplies;

/**
 * The "Contact the ward immediately" texts from the operator's messages file: per language a {@code with-phone}
 * text containing {@code {wardPhone}} and a {@code without-phone} text used while no ward number is configured.
 * Unknown languages get the default language's text.
 */
public final class ConfiguredEmergencyReplies implements EmergencyReplies {

	static final String WARD_PHONE_PLACEHOLDER = "{wardPhone}";

	private final Map<String, String> messages;

	private final String defaultLanguage;

	ConfiguredEmergencyReplies(Map<String, String> messages, String defaultLanguage) {
		this.messages = Map.copyOf(messages);
		this.defaultLanguage = defaultLanguage;
	}

	/**
	 * Reads the messages file and fixes the ward phone number into every text.
	 * @throws PhraseFileException if the file is missing, not YAML, or lacks a text for a language
	 */
	public static ConfiguredEmergencyReplies load(Path file, List<String> languages, String defaultLanguage,
			String wardPhone) {
		Map<?, ?> root;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = new Yaml().load(reader) instanceof Map<?, ?> map ? map : null;
		}
		catch (IOException ex) {
			throw new PhraseFileException(file, "cannot be read (" + ex.getClass().getSimpleName() + ": "
					+ ex.getMessage() + ")");
		}
		catch (YAMLException ex) {
			throw new PhraseFileException(file, "is not valid YAML: " + ex.getMessage());
		}
		if (root == null) {
			throw new PhraseFileException(file, "must map each language code to with-phone and without-phone texts");
		}
		boolean hasPhone = wardPhone != null && !wardPhone.isBlank();
		String key = hasPhone ? "with-phone" : "without-phone";
		Map<String, String> messages = new HashMap<>();
		for (String language : languages) {
			if (!(root.get(language) instanceof Map<?, ?> texts) || !(texts.get(key) instanceof String text)
					|| text.isBlank()) {
				throw new PhraseFileException(file, "has no " + key + " text for language '" + language + "'");
			}
			if (hasPhone && !text.contains(WARD_PHONE_PLACEHOLDER)) {
				throw new PhraseFileException(file,
						"has a with-phone text for '" + language + "' without " + WARD_PHONE_PLACEHOLDER);
			}
			messages.put(language, hasPhone ? text.strip().replace(WARD_PHONE_PLACEHOLDER, wardPhone.strip())
					: text.strip());
		}
		return new ConfiguredEmergencyReplies(messages, defaultLanguage);
	}

	@Override
	public String emergencyMessage(String language) {
		String primary = (language == null) ? "" : language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
		return this.messages.getOrDefault(primary, this.messages.get(this.defaultLanguage));
	}

}
