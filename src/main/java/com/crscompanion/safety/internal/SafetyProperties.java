package com.crscompanion.safety.internal;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the emergency guard ({@code crs.safety.*}); defaults in application.yml.
 * @param phrasesDirectory folder with one {@code <language>.txt} phrase file per language
 * @param messagesFile the emergency reply texts per language
 * @param languages languages whose phrase files must be present
 * @param defaultLanguage reply language when a message's language is not recognised
 * @param wardPhone the ward's phone number, put into the reply; may be empty (start-up warns)
 */
@ConfigurationProperties("crs.safety")
@Validated
public record SafetyProperties(@NotNull Path phrasesDirectory, @NotNull Path messagesFile,
		@NotEmpty List<@Pattern(regexp = "[a-z]{2}") String> languages,
		@NotNull @Pattern(regexp = "[a-z]{2}") String defaultLanguage, String wardPhone) {

	public boolean hasWardPhone() {
		return this.wardPhone != null && !this.wardPhone.isBlank();
	}

}
