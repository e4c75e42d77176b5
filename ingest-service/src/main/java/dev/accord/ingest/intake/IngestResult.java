package dev.accord.ingest.intake;

import java.util.List;
import java.util.UUID;

/** The answer to an accepted article: its id, whether it was already known, and what was found in it. */
public record IngestResult(UUID articleId, boolean duplicate, List<FoundInitiative> initiatives) {

    /** The answer for a copy of an article already ingested: the original's id, nothing republished. */
    public static IngestResult duplicateOf(UUID originalId) {
        return new IngestResult(originalId, true, List.of());
    }

    /** One initiative found in the article. */
    public record FoundInitiative(UUID id, String title) {
    }
}
