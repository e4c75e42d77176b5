package dev.accord.alert.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.alert.config.DigestConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestWindowsTest {

    /** The production lengths, as the service's defaults give them. */
    private static final DigestConfig DEFAULTS = new DigestConfig() {
        @Override
        public Duration hourly() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration daily() {
            return Duration.ofDays(1);
        }

        @Override
        public Duration weekly() {
            return Duration.ofDays(7);
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(30);
        }

        @Override
        public int batchSize() {
            return 50;
        }
    };

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final DigestWindows windows = new DigestWindows(DEFAULTS);

    @Test
    void unscheduledWindowsAreUtcHoursDaysAndWeeksFromMonday() {
        Instant thursday = Instant.parse("2026-12-03T16:20:00Z");
        assertThat(windows.lastClosed(DigestPeriod.HOURLY, null, thursday))
                .isEqualTo(window("2026-12-03T15:00:00Z", "2026-12-03T16:00:00Z"));
        assertThat(windows.lastClosed(DigestPeriod.DAILY, null, thursday))
                .isEqualTo(window("2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z"));
        assertThat(windows.lastClosed(DigestPeriod.WEEKLY, null, thursday))
                .isEqualTo(window("2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z"));
    }

    @Test
    void aDailyDigestAtEightBerlinTimeFollowsTheOffsetOfTheSeason() {
        DigestSchedule eight = new DigestSchedule(LocalTime.of(8, 0), BERLIN, null);
        // Winter (UTC+1): 08:00 in Berlin is 07:00 UTC.
        assertThat(windows.lastClosed(DigestPeriod.DAILY, eight, Instant.parse("2026-12-03T06:59:00Z")))
                .isEqualTo(window("2026-12-01T07:00:00Z", "2026-12-02T07:00:00Z"));
        assertThat(windows.lastClosed(DigestPeriod.DAILY, eight, Instant.parse("2026-12-03T07:00:00Z")))
                .isEqualTo(window("2026-12-02T07:00:00Z", "2026-12-03T07:00:00Z"));
        // Summer (UTC+2): 06:00 UTC.
        assertThat(windows.lastClosed(DigestPeriod.DAILY, eight, Instant.parse("2026-07-10T12:00:00Z")))
                .isEqualTo(window("2026-07-09T06:00:00Z", "2026-07-10T06:00:00Z"));
    }

    @Test
    void theWindowAcrossAClockChangeIsADayOfTheCalendarNotTwentyFourHours() {
        DigestSchedule eight = new DigestSchedule(LocalTime.of(8, 0), BERLIN, null);
        // Clocks went forward in Berlin on 2026-03-29: that day has 23 hours.
        DigestWindows.Window window = windows.lastClosed(DigestPeriod.DAILY, eight, Instant.parse("2026-03-29T09:00:00Z"));
        assertThat(window).isEqualTo(window("2026-03-28T07:00:00Z", "2026-03-29T06:00:00Z"));
        assertThat(Duration.between(window.start(), window.end())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void aWeeklyDigestGoesOutOnItsDayAtItsTime() {
        DigestSchedule fridayNine = new DigestSchedule(LocalTime.of(9, 0), ZoneId.of("America/New_York"), DayOfWeek.FRIDAY);
        // Thursday 2026-12-03: the last Friday 09:00 in New York (UTC-5) was 2026-11-27 14:00 UTC.
        assertThat(windows.lastClosed(DigestPeriod.WEEKLY, fridayNine, Instant.parse("2026-12-03T16:20:00Z")))
                .isEqualTo(window("2026-11-20T14:00:00Z", "2026-11-27T14:00:00Z"));
        // On the Friday itself, before and after the hour.
        assertThat(windows.lastClosed(DigestPeriod.WEEKLY, fridayNine, Instant.parse("2026-12-04T13:59:00Z")).end())
                .isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
        assertThat(windows.lastClosed(DigestPeriod.WEEKLY, fridayNine, Instant.parse("2026-12-04T14:00:00Z")).end())
                .isEqualTo(Instant.parse("2026-12-04T14:00:00Z"));
    }

    @Test
    void aScheduleWithoutTimeOrZoneMeansMidnightUtc() {
        DigestSchedule defaults = new DigestSchedule(null, null, null);
        assertThat(windows.lastClosed(DigestPeriod.DAILY, defaults, Instant.parse("2026-12-03T16:20:00Z")))
                .isEqualTo(window("2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z"));
    }

    private static DigestWindows.Window window(String start, String end) {
        return new DigestWindows.Window(Instant.parse(start), Instant.parse(end));
    }
}
