package dev.accord.alert.digest;

import dev.accord.alert.config.DigestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Window arithmetic. Without a schedule, windows have their period's configured length and are aligned
 * to multiples of it since Monday 1970-01-05 00:00 UTC (so hours and days are UTC hours and days, and
 * weeks start on Monday). With a {@link DigestSchedule}, a window ends at each delivery time in the
 * schedule's zone.
 */
@ApplicationScoped
public class DigestWindows {

    /** The first Monday of the epoch: week windows start on Mondays, and any hour or day length divides the gap to it. */
    static final Instant ANCHOR = Instant.parse("1970-01-05T00:00:00Z");

    /** The last closed window: [start, end), end at or before the moment it was asked for. */
    public record Window(Instant start, Instant end) {
    }

    private final DigestConfig config;

    public DigestWindows(DigestConfig config) {
        this.config = config;
    }

    public Duration length(DigestPeriod period) {
        return switch (period) {
            case HOURLY -> config.hourly();
            case DAILY -> config.daily();
            case WEEKLY -> config.weekly();
            case NONE -> throw new IllegalArgumentException("No window without a digest");
        };
    }

    /** The start of the unscheduled window that contains {@code at}. */
    public Instant startOf(DigestPeriod period, Instant at) {
        long length = length(period).toMillis();
        long sinceAnchor = at.toEpochMilli() - ANCHOR.toEpochMilli();
        return Instant.ofEpochMilli(ANCHOR.toEpochMilli() + Math.floorDiv(sinceAnchor, length) * length);
    }

    /** The window that closed last at {@code now}; {@code schedule} is null for the configured alignment. */
    public Window lastClosed(DigestPeriod period, DigestSchedule schedule, Instant now) {
        if (schedule == null || period == DigestPeriod.HOURLY) {
            Instant end = startOf(period, now);
            return new Window(end.minus(length(period)), end);
        }
        ZonedDateTime local = now.atZone(schedule.zone());
        if (period == DigestPeriod.DAILY) {
            ZonedDateTime end = local.toLocalDate().atTime(schedule.at()).atZone(schedule.zone());
            if (end.toInstant().isAfter(now)) {
                end = end.minusDays(1);
            }
            // Recomputed from the date, so a day with a clock change keeps the local time of delivery.
            ZonedDateTime start = end.toLocalDate().minusDays(1).atTime(schedule.at()).atZone(schedule.zone());
            return new Window(start.toInstant(), end.toInstant());
        }
        DayOfWeek day = schedule.day() == null ? DayOfWeek.MONDAY : schedule.day();
        ZonedDateTime end = local.toLocalDate().with(TemporalAdjusters.previousOrSame(day)).atTime(schedule.at()).atZone(schedule.zone());
        if (end.toInstant().isAfter(now)) {
            end = end.toLocalDate().minusWeeks(1).atTime(schedule.at()).atZone(schedule.zone());
        }
        ZonedDateTime start = end.toLocalDate().minusWeeks(1).atTime(schedule.at()).atZone(schedule.zone());
        return new Window(start.toInstant(), end.toInstant());
    }
}
