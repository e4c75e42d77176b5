package dev.accord.alert.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/subscriptions}; fields not listed here are refused. */
public record SubscriptionRequest(
        @Size(max = 200) String name,
        @Valid Filter filter,
        @Schema(description = "Kinds of catalog change that notify: initiative.cataloged (default), "
                + "initiative.stage-changed, initiative.mentioned, article.cataloged")
        @Size(max = 10) List<@NotNull String> events,
        @NotNull @Valid Channel channel,
        @Schema(description = "none (default), hourly, daily or weekly: one message per window with all its notifications")
        @Size(max = 10) String digest,
        @Valid DigestTime digestSchedule) {

    public SubscriptionRequest(String name, Filter filter, List<String> events, Channel channel, String digest) {
        this(name, filter, events, channel, digest, null);
    }

    /**
     * When a daily or weekly digest goes out; without it daily windows are UTC days and weekly ones start on
     * Monday 00:00 UTC.
     */
    public record DigestTime(
            @Schema(description = "local time of delivery, HH:mm (default 00:00)", example = "08:00")
            @Size(max = 5) String at,
            @Schema(description = "IANA time zone of that time (default UTC)", example = "Europe/Berlin")
            @Size(max = 64) String timeZone,
            @Schema(description = "weekly digests: the day of delivery, monday … sunday (default monday)", example = "monday")
            @Size(max = 9) String day) {
    }

    /**
     * What to match: any of the topics, any of the countries, any of the orgs, any of the keywords
     * (whole words or quoted phrases, ignoring case), and the query; empty parts match anything.
     */
    public record Filter(
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> topics,
            @Schema(description = "ISO 3166-1 alpha-2 codes")
            @Size(max = 250) List<@NotBlank @Size(max = 2) String> countries,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> orgs,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> keywords,
            @Schema(description = "e.g. topic:defense AND (country:JP OR country:AU) AND \"air defense\"; AND, OR, NOT, "
                    + "parentheses, fields topic, country, org, stage, keyword; bare words and quoted phrases are keywords")
            @Size(max = 1000) String query) {

        public Filter(List<String> topics, List<String> countries, List<String> orgs, List<String> keywords) {
            this(topics, countries, orgs, keywords, null);
        }
    }

    /** Where to notify: {@code webhook} with {@code url}, {@code email} with {@code address}, or {@code sse}. */
    public record Channel(@NotBlank String type, @Size(max = 2048) String url, @Size(max = 320) String address) {
    }
}
