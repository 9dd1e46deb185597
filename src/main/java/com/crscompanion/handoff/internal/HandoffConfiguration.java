package com.crscompanion.handoff.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.crscompanion.history.ConversationHistory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ HandoffProperties.class, OfficeHoursProperties.class })
class HandoffConfiguration {

	@Bean
	WeeklySchedule officeHours(OfficeHoursProperties properties) {
		return new WeeklySchedule(properties);
	}

	@Bean
	JdbcHandoffs handoffs(JdbcClient jdbc, TransactionTemplate transactions, ConversationHistory history,
			WeeklySchedule officeHours, HandoffProperties properties, ApplicationEventPublisher events, Clock clock) {
		return new JdbcHandoffs(jdbc, transactions, history, officeHours, properties, events, clock);
	}

	@Bean
	HandoffAnnouncer handoffAnnouncer(JdbcHandoffs handoffs, WeeklySchedule officeHours,
			HandoffProperties properties, ApplicationEventPublisher events, Clock clock) {
		return new HandoffAnnouncer(handoffs, officeHours, properties, events, clock);
	}

}
