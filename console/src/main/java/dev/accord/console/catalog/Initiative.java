package dev.accord.console.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A catalog entry as catalog-service's API answers it; the list leaves out mentions and stage history. */
public record Initiative(UUID id, String title, String summary, Evidence evidence, Parties parties, List<String> topics,
        String stage, double confidence, Instant firstSeenAt, Instant updatedAt, String url, List<Mention> mentions,
        List<StageChange> stageHistory) {

    public record Evidence(String sentence) {
    }

    public record Parties(List<String> countries, List<String> organisations, List<String> people) {
    }

    /** One article's report of the entry. */
    public record Mention(UUID articleId, String articleUrl, String source, String title, String evidence, String stage,
            Instant mentionedAt) {
    }

    public record StageChange(String stage, String previousStage, UUID articleId, Instant changedAt) {
    }

    public List<String> countries() {
        return parties == null || parties.countries() == null ? List.of() : parties.countries();
    }

    public List<String> organisations() {
        return parties == null || parties.organisations() == null ? List.of() : parties.organisations();
    }

    public List<String> topicList() {
        return topics == null ? List.of() : topics;
    }

    public String countriesText() {
        return String.join(", ", countries());
    }

    public String organisationsText() {
        return String.join(", ", organisations());
    }

    public String topicsText() {
        return String.join(", ", topicList());
    }

    public List<Mention> mentionList() {
        return mentions == null ? List.of() : mentions;
    }

    public List<StageChange> timeline() {
        return stageHistory == null ? List.of() : stageHistory;
    }
}
