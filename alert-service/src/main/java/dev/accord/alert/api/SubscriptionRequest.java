package dev.accord.alert.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/subscriptions}. */
public record SubscriptionRequest(
        @Size(max = 200) String name,
        @Valid Filter filter,
        @NotNull @Valid Channel channel,
        @Size(max = 10) String digest) {

    /** What to match: any of the topics, any of the countries, any of the orgs, any of the keywords; empty means any. */
    public record Filter(
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> topics,
            @Size(max = 250) List<@NotBlank @Size(max = 2) String> countries,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> orgs,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> keywords) {
    }

    /** Where to notify: {@code webhook} with {@code url}, {@code email} with {@code address}, or {@code sse}. */
    public record Channel(@NotBlank String type, @Size(max = 2048) String url, @Size(max = 320) String address) {
    }
}
