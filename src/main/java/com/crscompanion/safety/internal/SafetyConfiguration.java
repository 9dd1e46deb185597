package com.crscompanion.safety.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.crscompanion.safety.EmergencyReplies;

/** Wires the guard, the replies and the audit from {@code crs.safety.*}; bad phrase files stop start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SafetyProperties.class)
class SafetyConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SafetyConfiguration.class);

	@Bean
	BackgroundLoadedGuard emergencyGuard(SafetyProperties properties) {
		return new BackgroundLoadedGuard(() -> {
			RuleBasedEmergencyGuard guard = RuleBasedEmergencyGuard.fromDirectory(properties.phrasesDirectory(),
					properties.languages(), properties.defaultLanguage());
			logger.info("Emergency guard loaded phrase files for {} from {}", properties.languages(),
					properties.phrasesDirectory().toAbsolutePath());
			return guard;
		});
	}

	@Bean
	EmergencyReplies emergencyReplies(SafetyProperties properties) {
		if (!properties.hasWardPhone()) {
			logger.warn("crs.safety.ward-phone is not set: emergency replies will tell families to call the ward "
					+ "team or emergency services without giving a number. Set the ward's phone number.");
		}
		return ConfiguredEmergencyReplies.load(properties.messagesFile(), properties.languages(),
				properties.defaultLanguage(), properties.wardPhone());
	}

	@Bean
	EmergencyAuditListener emergencyAuditListener(MeterRegistry meterRegistry) {
		return new EmergencyAuditListener(meterRegistry);
	}

}
