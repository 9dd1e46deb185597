package com.crscompanion.handoff.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Coordinators' office hours ({@code config/office-hours.yml}).
 *
 * @param timeZone the hospital's time zone, e.g. Asia/Shanghai
 * @param zoneLabel how families are told the zone, e.g. "Beijing time"
 * @param weekly working hours per day, e.g. {@code monday: ["09:00-12:30", "13:30-17:30"]}; a day not listed is off
 * @param holidays dates with no office hours
 * @param words how the next opening is put to a family
 */
@Validated
@ConfigurationProperties("crs.office-hours")
record OfficeHoursProperties(@NotBlank String timeZone, @NotBlank String zoneLabel,
		@NotNull Map<DayOfWeek, List<String>> weekly, @NotNull List<LocalDate> holidays, @NotNull Words words) {

	@AssertTrue(message = "crs.office-hours.time-zone must be a time zone id such as Asia/Shanghai or Europe/Paris")
	boolean isTimeZoneValid() {
		try {
			return this.timeZone == null || ZoneId.of(this.timeZone) != null;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	@AssertTrue(message = "crs.office-hours.weekly must give each day's hours as \"HH:MM-HH:MM\" (start before end), "
			+ "e.g. monday: [\"09:00-17:30\"]")
	boolean isWeeklyValid() {
		try {
			if (this.weekly != null) {
				this.weekly.values().forEach(ranges -> ranges.forEach(WeeklySchedule.Range::parse));
			}
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Templates; {time}, {zone}, {day} and {n} are filled in.
	 *
	 * @param today e.g. "today at {time} {zone}"
	 * @param tomorrow e.g. "tomorrow at {time} {zone}"
	 * @param later e.g. "on {day} at {time} {zone}"
	 * @param inMinutes e.g. "in about {n} minutes"
	 * @param inHours e.g. "in about {n} hours"
	 * @param inDays e.g. "in about {n} days"
	 * @param never when no opening is scheduled at all
	 */
	record Words(@NotBlank String today, @NotBlank String tomorrow, @NotBlank String later, @NotBlank String inMinutes,
			@NotBlank String inHours, @NotBlank String inDays, @NotBlank String never) {
	}

}
