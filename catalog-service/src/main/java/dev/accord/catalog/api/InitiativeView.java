package dev.accord.catalog.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.Parties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A catalog entry as the API shows it; {@code mentions} and {@code stageHistory} are filled on the
 * single-entry endpoint only.
 */
public record InitiativeView(UUID id, String title, String summary, Evidence evidence, Parties parties,
        List<String> topics, String stage, double confidence, Instant firstSeenAt, Instant updatedAt, String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MentionView> mentions,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<StageView> stageHistory) {

    /** One article's report of the entry: its source (once the article is in), evidence and stage claimed. */
    public record MentionView(UUID articleId, String articleUrl, String source, String title, String evidence,
            String stage, Instant mentionedAt) {
    }

    /** A stage the entry reached, and the article whose mention moved it there. */
    public record StageView(String stage, String previousStage, UUID articleId, Instant changedAt) {
    }
}
