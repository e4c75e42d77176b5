package dev.accord.alert.filter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What happened in the catalog, as a subscriber chooses what to be told about. */
public enum EventKind {
    /** A new initiative entered the catalog (the default). */
    INITIATIVE_CATALOGED("initiative.cataloged"),
    /** A known initiative moved to another stage. */
    INITIATIVE_STAGE_CHANGED("initiative.stage-changed"),
    /** Another article mentions a known initiative. */
    INITIATIVE_MENTIONED("initiative.mentioned"),
    /** A new article entered the catalog. */
    ARTICLE_CATALOGED("article.cataloged");

    private final String wire;

    EventKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(value)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EventKind::wire).toList();
    }
}
