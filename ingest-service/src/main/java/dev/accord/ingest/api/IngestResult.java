package dev.accord.ingest.api;

import java.util.List;
import java.util.UUID;

/** The answer to an accepted article: its id, whether it was already known, and what was found in it. */
public record IngestResult(UUID articleId, boolean duplicate, List<FoundInitiative> initiatives) {

    /** One initiative found in the article. */
    public record FoundInitiative(UUID id, String title) {
    }
}
