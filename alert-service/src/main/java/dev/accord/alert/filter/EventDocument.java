package dev.accord.alert.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A catalog event reduced to what filters look at, prepared once per event: its kinds, topics,
 * countries, organisations (lower-cased), stage, and its text as a sequence of lower-cased words
 * with the positions of each word, so keyword and phrase checks never scan the text again.
 */
public record EventDocument(Set<EventKind> kinds, Set<String> topics, Set<String> countries, Set<String> orgs,
        String stage, List<String> sequence, Map<String, int[]> positions) {

    public static EventDocument of(Set<EventKind> kinds, Collection<String> topics, Collection<String> countries,
            Collection<String> orgs, String stage, List<String> texts) {
        List<String> sequence = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isEmpty()) {
                sequence.addAll(Text.words(Text.lower(text)));
            }
        }
        Map<String, int[]> positions = new HashMap<>(sequence.size() * 2);
        for (int i = 0; i < sequence.size(); i++) {
            int[] at = positions.get(sequence.get(i));
            if (at == null) {
                positions.put(sequence.get(i), new int[] {i});
            } else {
                int[] more = java.util.Arrays.copyOf(at, at.length + 1);
                more[at.length] = i;
                positions.put(sequence.get(i), more);
            }
        }
        return new EventDocument(Set.copyOf(kinds), lowerSet(topics), Set.copyOf(nonNull(countries)), lowerSet(orgs),
                stage == null ? null : Text.lower(stage), List.copyOf(sequence), positions);
    }

    /** The distinct words of the text. */
    public Set<String> words() {
        return positions.keySet();
    }

    private static Set<String> lowerSet(Collection<String> values) {
        return nonNull(values).stream().map(Text::lower).collect(Collectors.toUnmodifiableSet());
    }

    private static Collection<String> nonNull(Collection<String> values) {
        return values == null ? List.of() : values;
    }
}
