package dev.accord.ingest.extract;

import java.util.Set;

/**
 * The rule half of the decision: the textbook shape of an announcement — an actor as subject, a verb
 * that sets something up, launches, agrees, commits or plans it, and the thing itself right after the
 * verb or named — with none of what makes a sentence something else (negation, a quote, hedging,
 * restating, a dated past, a field such as sport or markets). A candidate of this shape is reported
 * whatever the classifier says; the classifier decides the many that are not.
 */
final class CorePattern {

    private static final Set<String> SETTING_UP = Set.of("cls=launch", "cls=announce", "cls=agree", "cls=commit", "cls=plan",
            "cls=propose", "cls=expand", "cls=complete", "cls=cancel", "cls=suspend");
    private static final Set<String> ACTOR = Set.of("subj=country", "subj=group", "official");
    private static final Set<String> DISQUALIFYING = Set.of("negated", "quoted", "conditional", "question", "umbrella",
            "past-year", "discourse=restate", "discourse=welcome", "discourse=discuss", "discourse=judge", "article=sport",
            "article=markets", "article=crime", "article=entertainment", "field=sport", "field=markets", "field=crime",
            "field=entertainment", "field=history", "pluperfect", "no-object", "gap=weak", "passive");

    private CorePattern() {
    }

    static boolean matches(Set<String> features) {
        if (features.stream().anyMatch(DISQUALIFYING::contains) || features.stream().anyMatch(f -> f.startsWith("nonann="))) {
            return false;
        }
        boolean verb = features.stream().anyMatch(SETTING_UP::contains);
        boolean actor = features.stream().anyMatch(ACTOR::contains);
        boolean object = features.contains("named") || features.contains("gap=near") || features.contains("gap=mid")
                || features.contains("gap=far");
        return verb && actor && object;
    }
}
