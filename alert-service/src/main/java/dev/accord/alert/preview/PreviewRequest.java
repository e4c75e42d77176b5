package dev.accord.alert.preview;

import dev.accord.alert.subscription.SubscriptionRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/subscriptions/preview}: a subscription's filter and event kinds, and how far back to look. */
public record PreviewRequest(
        @Valid SubscriptionRequest.Filter filter,
        @Schema(description = "Kinds of catalog change, as for a subscription; the preview covers the initiative kinds")
        @Size(max = 10) List<@NotNull String> events,
        @Schema(description = "Days to look back over (default 30, at most 90)", example = "30")
        Integer days) {
}
