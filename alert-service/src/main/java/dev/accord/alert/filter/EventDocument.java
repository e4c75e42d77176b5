package dev.accord.alert.filter;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A catalog event reduced to what filters look at, prepared once per event: its kinds, topics,
 * countries, organisations (lower-cased), stage, and its text lower-cased with the set of its words.
 */
public record EventDocument(Set<EventKind> kinds, Set<String> topics, Set<String> countries, Set<String> orgs,
        String stage, String text, Set<String> words) {

    public static EventDocument of(Set<EventKind> kinds, Collection<String> topics, Collection<String> countries,
            Collection<String> orgs, String stage, List<String> texts) {
        String text = Text.lower(texts.stream().filter(t -> t != null && !t.isEmpty()).collect(Collectors.joining("\n")));
        return new EventDocument(Set.copyOf(kinds), lowerSet(topics), Set.copyOf(nonNull(countries)), lowerSet(orgs),
                stage == null ? null : Text.lower(stage), text, new HashSet<>(Text.words(text)));
    }

    private static Set<String> lowerSet(Collection<String> values) {
        return nonNull(values).stream().map(Text::lower).collect(Collectors.toUnmodifiableSet());
    }

    private static Collection<String> nonNull(Collection<String> values) {
        return values == null ? List.of() : values;
    }
}
