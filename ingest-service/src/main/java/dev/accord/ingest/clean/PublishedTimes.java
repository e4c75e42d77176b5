package dev.accord.ingest.clean;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication times pages state, which are ISO 8601 in spirit but vary in the letter: "2015-07-24T05:36:09+01:00",
 * "2019-11-20T11:19:29+0000", "2019-11-20 5:19:00 -0600", "2020-08-14", or RFC 1123. A time without a zone is taken
 * as UTC, a date alone as its start in UTC.
 */
final class PublishedTimes {

    private static final Pattern ISO_LIKE = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?$");

    private PublishedTimes() {
    }

    static Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.strip();
        Matcher iso = ISO_LIKE.matcher(value);
        try {
            if (iso.matches()) {
                return Optional.of(fromParts(iso));
            }
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Instant fromParts(Matcher iso) {
        LocalDate date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3)));
        if (iso.group(4) == null) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        int nanos = iso.group(7) == null ? 0 : Integer.parseInt((iso.group(7) + "00000000").substring(0, 9));
        LocalDateTime time = date.atTime(Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)), nanos);
        return time.toInstant(offset(iso.group(8)));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        return zone.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                : ZoneOffset.ofHoursMinutes(hours, minutes);
    }
}
