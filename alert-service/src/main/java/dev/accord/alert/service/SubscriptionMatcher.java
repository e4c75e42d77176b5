package dev.accord.alert.service;

import dev.accord.alert.domain.Subscription;
import dev.accord.common.events.CatalogInitiative;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether an initiative matches a subscription: every dimension the subscriber filled must
 * match (topics, countries, orgs: any of; keywords: any, as whole words, case-insensitive); an
 * empty dimension matches everything.
 */
@ApplicationScoped
public class SubscriptionMatcher {

    public boolean matches(Subscription subscription, CatalogInitiative initiative) {
        return anyOf(subscription.topics, initiative.topics())
                && anyOf(subscription.countries, initiative.parties().countries())
                && anyOfIgnoringCase(subscription.orgs, initiative.parties().organisations())
                && anyKeyword(subscription.keywords, initiative.title() + "\n" + initiative.summary() + "\n"
                        + initiative.evidence().sentence());
    }

    private static boolean anyOf(List<String> wanted, Collection<String> present) {
        return wanted.isEmpty() || wanted.stream().anyMatch(present::contains);
    }

    private static boolean anyOfIgnoringCase(List<String> wanted, Collection<String> present) {
        return wanted.isEmpty() || wanted.stream().anyMatch(w -> present.stream().anyMatch(p -> p.equalsIgnoreCase(w)));
    }

    private static boolean anyKeyword(List<String> keywords, String text) {
        if (keywords.isEmpty()) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return keywords.stream().anyMatch(k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k.toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}])").matcher(lower).find());
    }
}
