package dev.accord.alert.digest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether a subscription gets each notification on its own or gathered per window. */
public enum DigestPeriod {
    NONE, HOURLY, DAILY, WEEKLY;

    public static final List<String> NAMES = Arrays.stream(values()).map(DigestPeriod::wireName).toList();

    /** Whether a delivery time of day (and, weekly, a day) can be set: hourly windows are always UTC hours. */
    public boolean schedulable() {
        return this == DAILY || this == WEEKLY;
    }

    /** The wire and database spelling. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DigestPeriod> parse(String value) {
        if (value == null) {
            return Optional.of(NONE);
        }
        return Arrays.stream(values()).filter(p -> p.wireName().equals(value.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The stored value; anything unknown is treated as no digest. */
    public static DigestPeriod of(String stored) {
        return parse(stored).orElse(NONE);
    }
}
