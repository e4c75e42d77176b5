package dev.accord.catalog.api;

import dev.accord.common.events.Evidence;
import dev.accord.common.events.Parties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A catalog entry as the API shows it; {@code mentions} is filled on the single-entry endpoint only. */
public record InitiativeView(UUID id, String title, String summary, Evidence evidence, Parties parties,
        List<String> topics, String stage, double confidence, Instant firstSeenAt, Instant updatedAt, String url,
        List<MentionView> mentions) {

    /** One article's report of the entry. */
    public record MentionView(UUID articleId, String articleUrl, String evidence, String stage, Instant mentionedAt) {
    }
}
