package dev.accord.alert.preview;

import dev.accord.alert.filter.EventDocument;
import dev.accord.alert.filter.EventKind;
import dev.accord.alert.filter.SubscriptionFilter;
import dev.accord.alert.subscription.SubscriptionRequest;
import dev.accord.alert.subscription.SubscriptionService;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a filter would have matched over the last days: every catalog entry first seen in the window,
 * judged by the same compiled filter that decides live alerts. An entry stands for the events it
 * produced, so a filter for any initiative kind (cataloged, stage-changed, mentioned) is judged on the
 * entry as it is now; a filter for articles only matches nothing here.
 */
@ApplicationScoped
public class SubscriptionPreview {

    private static final Set<EventKind> INITIATIVE_KINDS = Set.of(EventKind.INITIATIVE_CATALOGED, EventKind.INITIATIVE_STAGE_CHANGED,
            EventKind.INITIATIVE_MENTIONED);

    private final CatalogPages catalog;
    private final PreviewConfig config;

    public SubscriptionPreview(CatalogPages catalog, PreviewConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    public PreviewResult preview(PreviewRequest request, Instant now) {
        int days = request.days() == null ? config.defaultDays() : request.days();
        if (days < 1 || days > config.maxDays()) {
            throw ProblemException.badParameter("days", "days must be between 1 and " + config.maxDays() + ".");
        }
        SubscriptionRequest.Filter filter = request.filter() == null
                ? new SubscriptionRequest.Filter(null, null, null, null, null) : request.filter();
        SubscriptionFilter compiled = SubscriptionService.compile(filter, request.events());
        Instant from = now.minus(Duration.ofDays(days));
        List<PreviewResult.Entry> listed = new ArrayList<>();
        int scanned = 0;
        int matched = 0;
        String cursor = null;
        boolean complete = true;
        do {
            CatalogPages.Page page = catalog.page(from, cursor);
            for (CatalogPages.Item item : page.items()) {
                if (scanned == config.maxScanned()) {
                    complete = false;
                    break;
                }
                scanned++;
                if (compiled.matches(documentOf(item))) {
                    matched++;
                    if (listed.size() < config.maxListed()) {
                        listed.add(entryOf(item));
                    }
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && complete);
        return new PreviewResult(from, now, scanned, matched, complete, listed);
    }

    /** The entry as a live event about it is matched: the same fields and texts (SubscriptionMatcher.documentOf). */
    private static EventDocument documentOf(CatalogPages.Item item) {
        CatalogPages.Item.Parties parties = item.parties();
        return EventDocument.of(INITIATIVE_KINDS, item.topics(), parties == null ? List.of() : parties.countries(),
                parties == null ? List.of() : parties.organisations(), item.stage(),
                List.of(nonNull(item.title()), nonNull(item.summary()), item.evidence() == null ? "" : nonNull(item.evidence().sentence())));
    }

    private static PreviewResult.Entry entryOf(CatalogPages.Item item) {
        CatalogPages.Item.Parties parties = item.parties();
        return new PreviewResult.Entry(item.id(), item.title(), item.stage(), parties == null ? List.of() : parties.countries(),
                parties == null ? List.of() : parties.organisations(), item.topics(), item.firstSeenAt(), item.url());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
