package com.crscompanion.handoff.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.crscompanion.handoff.OfficeHours;

/** Office hours from a weekly schedule and a list of holidays, in the hospital's time zone. */
final class WeeklySchedule implements OfficeHours {

	/** Far enough to cross any run of holidays, short enough to stop on an empty schedule. */
	private static final int DAYS_AHEAD = 366;

	private final ZoneId zone;

	private final Map<DayOfWeek, List<Range>> weekly = new EnumMap<>(DayOfWeek.class);

	private final Set<LocalDate> holidays;

	private final OfficeHoursProperties properties;

	record Range(LocalTime start, LocalTime end) {

		static Range parse(String text) {
			String[] parts = (text == null) ? new String[0] : text.strip().split("\\s*-\\s*");
			if (parts.length != 2) {
				throw new IllegalArgumentException("Not a time range: " + text);
			}
			try {
				// "24:00" is the end of the day, so a range can run up to midnight
				LocalTime end = "24:00".equals(parts[1]) ? LocalTime.MAX : LocalTime.parse(parts[1]);
				Range range = new Range(LocalTime.parse(parts[0]), end);
				if (!range.start.isBefore(range.end)) {
					throw new IllegalArgumentException("Range ends before it starts: " + text);
				}
				return range;
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("Not a time range: " + text, ex);
			}
		}

	}

	WeeklySchedule(OfficeHoursProperties properties) {
		this.properties = properties;
		this.zone = ZoneId.of(properties.timeZone());
		properties.weekly().forEach((day, ranges) -> this.weekly.put(day,
				ranges.stream().map(Range::parse).sorted((a, b) -> a.start.compareTo(b.start)).toList()));
		this.holidays = Set.copyOf(properties.holidays());
	}

	@Override
	public boolean isOpen(Instant at) {
		return currentOpening(at).isPresent();
	}

	/** When the working period {@code at} falls in began. */
	Optional<Instant> currentOpening(Instant at) {
		ZonedDateTime local = at.atZone(this.zone);
		for (Range range : periods(local.toLocalDate())) {
			ZonedDateTime start = local.toLocalDate().atTime(range.start).atZone(this.zone);
			ZonedDateTime end = local.toLocalDate().atTime(range.end).atZone(this.zone);
			if (!local.isBefore(start) && local.isBefore(end)) {
				return Optional.of(start.toInstant());
			}
		}
		return Optional.empty();
	}

	@Override
	public Optional<ZonedDateTime> nextOpening(Instant at) {
		ZonedDateTime local = at.atZone(this.zone);
		LocalDate day = local.toLocalDate();
		for (int i = 0; i <= DAYS_AHEAD; i++, day = day.plusDays(1)) {
			for (Range range : periods(day)) {
				ZonedDateTime start = day.atTime(range.start).atZone(this.zone);
				if (start.isAfter(local)) {
					return Optional.of(start);
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public String describeNextOpening(Instant at) {
		if (isOpen(at)) {
			return "";
		}
		OfficeHoursProperties.Words words = this.properties.words();
		Optional<ZonedDateTime> next = nextOpening(at);
		if (next.isEmpty()) {
			return words.never();
		}
		LocalDate today = at.atZone(this.zone).toLocalDate();
		LocalDate day = next.get().toLocalDate();
		String template = day.equals(today) ? words.today()
				: day.equals(today.plusDays(1)) ? words.tomorrow() : words.later();
		String when = template.replace("{time}", String.format(Locale.ROOT, "%02d:%02d", next.get().getHour(),
				next.get().getMinute()))
			.replace("{zone}", this.properties.zoneLabel())
			.replace("{day}", next.get().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		return when + ", " + inAbout(Duration.between(at, next.get().toInstant()), words);
	}

	/** Rounded the way a person would say it: minutes under an hour, hours under two days, then days. */
	private static String inAbout(Duration wait, OfficeHoursProperties.Words words) {
		long minutes = Math.max(1, Math.round(wait.toSeconds() / 60.0));
		if (minutes < 60) {
			return words.inMinutes().replace("{n}", Long.toString(minutes));
		}
		long hours = Math.round(minutes / 60.0);
		if (hours < 48) {
			return words.inHours().replace("{n}", Long.toString(hours));
		}
		return words.inDays().replace("{n}", Long.toString(Math.round(hours / 24.0)));
	}

	private List<Range> periods(LocalDate day) {
		if (this.holidays.contains(day)) {
			return List.of();
		}
		return this.weekly.getOrDefault(day.getDayOfWeek(), List.of());
	}

}
