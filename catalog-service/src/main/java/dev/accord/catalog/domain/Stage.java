package dev.accord.catalog.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lifecycle stages in the order an initiative passes through them (docs/extraction.md §3); cancelled
 * ends any of them, suspended pauses one until it is launched, expanded or completed again.
 */
public enum Stage {
    PROPOSED, PLANNED, ANNOUNCED, AGREED, LAUNCHED, EXPANDED, COMPLETED, SUSPENDED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Stage> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }

    public static List<String> allowed() {
        return Arrays.stream(values()).map(Stage::wire).toList();
    }

    /** Whether a mention claiming {@code next} moves an entry that is at this stage. */
    public boolean isAdvancedBy(Stage next) {
        if (this == CANCELLED || this == COMPLETED || next == this) {
            return false;
        }
        if (this == SUSPENDED) {
            return next == LAUNCHED || next == EXPANDED || next == COMPLETED || next == CANCELLED;
        }
        return next == SUSPENDED ? ordinal() >= AGREED.ordinal() : next.ordinal() > ordinal();
    }
}
