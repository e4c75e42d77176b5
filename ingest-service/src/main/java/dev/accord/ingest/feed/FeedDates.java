package dev.accord.ingest.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds carry: RFC 822 in RSS ({@code pubDate}; with or without weekday and
 * seconds, numeric offsets or the old zone names, two-digit years) and ISO 8601 in Atom and
 * {@code dc:date}. A date that cannot be read is left out rather than guessed.
 */
public final class FeedDates {

    private static final DateTimeFormatter RFC_822 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d MMM ")
            .appendValueReduced(ChronoField.YEAR, 2, 4, 1970)
            .appendPattern(" HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .appendLiteral(' ')
            .appendPattern("[XX][X]")
            .toFormatter(Locale.ENGLISH);

    private static final Pattern WEEKDAY = Pattern.compile("^[A-Za-z]{2,9},?\\s+(?=\\d)");

    /** RFC 822's zone names (and "Z" / "UT"), which java.time's zone-text parsing does not read reliably. */
    private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("UT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("Z", ZoneOffset.UTC), Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)));

    private FeedDates() {
    }

    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String s = value.strip().replaceAll("\\s+", " ");
        return iso(s).or(() -> rfc822(s));
    }

    private static Optional<Instant> iso(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            // not a full ISO date-time; try a bare date (dc:date may be "2018-01-31")
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc822(String value) {
        // The weekday is dropped unread: feeds get it wrong often enough, and the date says it all.
        String s = WEEKDAY.matcher(value).replaceFirst("");
        String withOffset = s;
        int space = s.lastIndexOf(' ');
        if (space > 0) {
            ZoneOffset named = ZONES.get(s.substring(space + 1).toUpperCase(Locale.ROOT));
            if (named != null) {
                withOffset = s.substring(0, space + 1) + (named.equals(ZoneOffset.UTC) ? "+0000" : named.getId().replace(":", ""));
            }
        }
        try {
            return Optional.of(ZonedDateTime.parse(withOffset, RFC_822).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
