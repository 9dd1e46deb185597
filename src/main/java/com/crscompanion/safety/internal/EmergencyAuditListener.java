package com.crscompanion.safety.internal;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;

import com.crscompanion.safety.EmergencyDetected;
import com.crscompanion.safety.SignMatch;

/**
 * Audits every emergency the conversation pipeline publishes: one log line (time, conversation, channel, language,
 * signs; never message text, which is health data) and the counter {@code crs.emergency.alarms} tagged by sign.
 */
public class EmergencyAuditListener {

	static final String ALARMS_COUNTER = "crs.emergency.alarms";

	/** Detections without sign detail (the guard's fail-safe alarm) are counted under this tag. */
	static final String UNSPECIFIED_SIGN = "UNSPECIFIED";

	private static final Logger audit = LoggerFactory.getLogger("com.crscompanion.safety.audit");

	private final MeterRegistry meterRegistry;

	EmergencyAuditListener(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@EventListener
	public void onEmergency(EmergencyDetected event) {
		List<String> signs = event.matches().stream().filter(SignMatch::raisesAlarm).map(SignMatch::sign)
			.distinct().map(Enum::name).toList();
		List<String> counted = signs.isEmpty() ? List.of(UNSPECIFIED_SIGN) : signs;
		audit.info("Emergency detected at={} conversation={} channel={} language={} signs={}", event.detectedAt(),
				event.conversationId(), event.channel(), event.language(), counted);
		for (String sign : counted) {
			Counter.builder(ALARMS_COUNTER).description("Messages the emergency guard raised an alarm for")
				.tag("sign", sign).register(this.meterRegistry).increment();
		}
	}

}
