package dev.accord.ingest.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an article was about up to the sentence being read: its principal countries (those its
 * opening names most), and the countries of the last sentences, which "the two countries" or "the
 * government" refer back to.
 */
final class Context {

    /** How many sentences back a reference like "both nations" may reach. */
    private static final int MEMORY = 3;
    /** The opening: the first sentences, where a report or a fact sheet says who it is about. */
    private static final int OPENING = 3;
    /** A joint statement of the G7 has seven authors; more than this is a list of places, not of actors. */
    private static final int MAX_PRINCIPALS = 10;

    private final Deque<List<String>> recent = new ArrayDeque<>();
    private final Map<String, Integer> openingCounts = new LinkedHashMap<>();
    private int seen;
    private List<String> principals = List.of();
    /** The country the whole article names most, for an article whose opening names none as acting. */
    private final List<String> dominant;

    Context(List<String> dominant) {
        this.dominant = dominant;
    }

    /** Notes the countries of a sentence just read, and those of them in its subject (before its first verb). */
    void read(List<String> countries, List<String> subjects) {
        if (seen++ < OPENING) {
            subjects.forEach(c -> openingCounts.merge(c, 1, Integer::sum));
            principals = rank(openingCounts);
        }
        if (!countries.isEmpty()) {
            recent.addFirst(countries);
            while (recent.size() > MEMORY) {
                recent.removeLast();
            }
        }
    }

    /**
     * The countries the article's opening has acting (the most named as subjects, and those named nearly as
     * often); where the opening has none acting, the country the whole article is about.
     */
    List<String> principals() {
        return principals.isEmpty() ? dominant : principals;
    }

    /** Two or more countries the last sentences named, for "the two countries", "both sides". */
    List<String> recentGroup() {
        Set<String> group = new LinkedHashSet<>();
        for (List<String> countries : recent) {
            group.addAll(countries);
            if (group.size() >= 2) {
                return List.copyOf(group);
            }
        }
        group.addAll(principals());
        return List.copyOf(group);
    }

    /** The country the last sentence was about, for "the government", "the country". */
    List<String> recentSingle() {
        if (!recent.isEmpty()) {
            return List.of(recent.peekFirst().get(0));
        }
        return principals().isEmpty() ? List.of() : List.of(principals().get(0));
    }

    private static List<String> rank(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> b.getValue() - a.getValue());
        List<String> ranked = new ArrayList<>();
        int top = entries.isEmpty() ? 0 : entries.get(0).getValue();
        for (Map.Entry<String, Integer> entry : entries) {
            if (ranked.size() < MAX_PRINCIPALS && entry.getValue() * 2 >= top) {
                ranked.add(entry.getKey());
            }
        }
        return ranked;
    }
}
