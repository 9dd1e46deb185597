package com.crscompanion.knowledge.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the content lives and how the website export is repaired.
 *
 * @param contentDir folder holding the guide export and editors' Markdown entries
 * @param guideFile the website export inside {@code contentDir}, kept as received
 * @param reloadInterval how often {@code contentDir} is checked for changes
 * @param truncatedBulletLength the export writes each bullet twice, first cut at this many characters
 * @param misreadCharset the charset the export mistook UTF-8 for (its mojibake)
 * @param lossyMojibake mojibake whose bytes were lost in the export, with the character it stands for
 */
@Validated
@ConfigurationProperties("crs.knowledge")
public record KnowledgeProperties(@NotNull Path contentDir, @NotBlank String guideFile,
		@NotNull Duration reloadInterval, @Min(10) @Max(500) int truncatedBulletLength, @NotBlank String misreadCharset,
		@NotNull List<@Valid LossyMojibake> lossyMojibake) {

	Map<String, String> lossyMojibakeTable() {
		return this.lossyMojibake.stream().collect(Collectors.toMap(LossyMojibake::found, LossyMojibake::meant));
	}

	/** A mojibake character that cannot be decoded back, and what it stood for. */
	public record LossyMojibake(@NotBlank String found, @NotBlank String meant) {
	}

}
