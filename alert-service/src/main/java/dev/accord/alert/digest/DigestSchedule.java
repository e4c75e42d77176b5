package dev.accord.alert.digest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a daily or weekly digest goes out: at a local time ({@code at}) in a time zone, and for weekly
 * digests on a day of the week. A window runs from one delivery time to the next, so "daily at 08:00
 * Europe/Berlin" gathers what arrived since yesterday's 08:00 Berlin time, whatever the offset that day.
 */
public record DigestSchedule(LocalTime at, ZoneId zone, DayOfWeek day) {

    public static final LocalTime MIDNIGHT = LocalTime.MIDNIGHT;

    public DigestSchedule {
        at = at == null ? MIDNIGHT : at.withSecond(0).withNano(0);
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }
}
