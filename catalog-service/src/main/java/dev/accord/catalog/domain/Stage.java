package dev.accord.catalog.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Lifecycle stages in the order an initiative passes through them; cancelled ends any of them. */
public enum Stage {
    PROPOSED, PLANNED, ANNOUNCED, LAUNCHED, EXPANDED, COMPLETED, CANCELLED;

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
        return this != CANCELLED && this != COMPLETED && next.ordinal() > ordinal();
    }
}
