package dev.accord.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} value (RFC 9110: delay-seconds or an HTTP-date), bounded to {@code [0, max]}. */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value, Instant now, Duration max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        Duration delay;
        if (v.chars().allMatch(Character::isDigit)) {
            // Very long digit strings would overflow; they mean "a long time" and are capped below anyway.
            delay = v.length() > 12 ? max : Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                delay = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }
}
