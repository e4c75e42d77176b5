package dev.accord.alert.preview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a filter would have matched: the catalog entries first seen in the window that it matches,
 * newest first. {@code complete} is false when the window held more entries than one preview reads
 * ({@code scanned}), so the counts are a lower bound.
 */
public record PreviewResult(Instant from, Instant to, int scanned, int matched, boolean complete, List<Entry> initiatives) {

    /** One matching entry, with its link in the catalog. */
    public record Entry(UUID id, String title, String stage, List<String> countries, List<String> organisations,
            List<String> topics, Instant firstSeenAt, String url) {
    }
}
