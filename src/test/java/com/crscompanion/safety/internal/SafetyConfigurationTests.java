package com.crscompanion.safety.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.crscompanion.safety.DangerSign;
import com.crscompanion.safety.EmergencyDetected;
import com.crscompanion.safety.EmergencyGuard;
import com.crscompanion.safety.EmergencyReplies;
import com.crscompanion.safety.SignMatch;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SafetyConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SafetyConfiguration.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("crs.safety.phrases-directory=config/emergency",
				"crs.safety.messages-file=config/emergency/messages.yml",
				"crs.safety.languages=en,zh,ru,ar,es,fr", "crs.safety.default-language=en");

	@Test
	void repliesWithTheWardNumberInTheFamilysLanguage() {
		this.runner.withPropertyValues("crs.safety.ward-phone=+86 10 1234 5678").run(context -> {
			EmergencyReplies replies = context.getBean(EmergencyReplies.class);

			assertThat(replies.emergencyMessage("en")).startsWith("Contact the ward immediately")
				.contains("+86 10 1234 5678").contains("emergency services").contains("any time of day");
			assertThat(replies.emergencyMessage("zh")).contains("+86 10 1234 5678").startsWith("请立即联系病房");
			assertThat(replies.emergencyMessage("zh-CN")).isEqualTo(replies.emergencyMessage("zh"));
			assertThat(replies.emergencyMessage("de")).isEqualTo(replies.emergencyMessage("en"));
			assertThat(replies.emergencyMessage(null)).isEqualTo(replies.emergencyMessage("en"));
			assertThat(context.getBean(EmergencyGuard.class).assess("he is having a seizure").emergency()).isTrue();
		});
	}

	@Test
	void warnsAndLeavesTheNumberOutWhenNoWardPhoneIsSet(CapturedOutput output) {
		this.runner.withPropertyValues("crs.safety.ward-phone=").run(context -> {
			assertThat(context).hasNotFailed();
			String reply = context.getBean(EmergencyReplies.class).emergencyMessage("en");

			assertThat(reply).startsWith("Contact the ward immediately").contains("emergency services")
				.doesNotContain("{wardPhone}");
			assertThat(output).contains("WARN").contains("crs.safety.ward-phone is not set");
		});
	}

	@Test
	void failsToStartNamingAMissingPhraseFile(@TempDir Path directory) {
		this.runner.withPropertyValues("crs.safety.phrases-directory=" + directory).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(directory.resolve("en.txt").toString());
		});
	}

	@Test
	void failsToStartNamingAnEmptyPhraseFile(@TempDir Path directory) throws IOException {
		for (String language : List.of("en", "zh", "ru", "ar", "es", "fr")) {
			Files.copy(Path.of("config/emergency", language + ".txt"), directory.resolve(language + ".txt"));
		}
		Files.writeString(directory.resolve("ru.txt"), "# emptied by mistake\n[FEVER]\n");

		this.runner.withPropertyValues("crs.safety.phrases-directory=" + directory).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(directory.resolve("ru.txt").toString())
				.hasMessageContaining("no danger-sign phrases");
		});
	}

	@Test
	void failsToStartWithoutMessagesForALanguage(@TempDir Path directory) throws IOException {
		Path messages = Files.writeString(directory.resolve("messages.yml"),
				"en:\n  with-phone: Contact the ward immediately on {wardPhone}\n"
						+ "  without-phone: Contact the ward immediately\n");

		this.runner.withPropertyValues("crs.safety.messages-file=" + messages).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(messages.toString())
				.hasMessageContaining("language 'zh'");
		});
	}

	@Test
	void rejectsAnInvalidDefaultLanguage() {
		this.runner.withPropertyValues("crs.safety.default-language=English").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("defaultLanguage");
		});
	}

	@Test
	void auditsEmergenciesWithoutMessageTextAndCountsThemBySign(CapturedOutput output) {
		this.runner.run(context -> {
			SignMatch fever = new SignMatch(DangerSign.FEVER, "en", 5, 9, "39.2", false, false);
			SignMatch seizure = new SignMatch(DangerSign.SEIZURE, "en", 20, 27, "seizure", true, true);
			SignMatch confusion = new SignMatch(DangerSign.NEUROLOGICAL, "en", 30, 38, "confusedsecret", true,
					false);

			context.publishEvent(new EmergencyDetected("conv-42", "web", Instant.parse("2026-11-21T10:00:00Z"), "en",
					List.of(fever, seizure, confusion)));

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("crs.emergency.alarms").tag("sign", "FEVER").counter().count()).isEqualTo(1);
			assertThat(registry.get("crs.emergency.alarms").tag("sign", "SEIZURE").counter().count()).isEqualTo(1);
			assertThat(registry.find("crs.emergency.alarms").tag("sign", "NEUROLOGICAL").counter()).isNull();
			assertThat(output).contains("conversation=conv-42").contains("signs=[FEVER, SEIZURE]")
				.contains("2026-11-21T10:00:00Z").doesNotContain("39.2").doesNotContain("confusedsecret");
		});
	}

}
