package dev.accord.alert.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the subscriptions an event matches without looking at all of them, and without looking at
 * each of them when many want the same thing. Subscriptions whose filters are the same once
 * normalised (same event kinds, same values in any order or case, same query) share one
 * <em>filter group</em>; the index holds groups, and an event checks each candidate group's filter
 * once and answers with the matched groups, each with its subscription ids. So the work per event is
 * bounded by the distinct filters, not by the number of subscribers; spelling out one delivery per
 * subscription is the caller's job.
 *
 * <p>Each group is filed, per event kind it wants, under the keys one of its required conditions
 * needs (its <em>anchor</em>): a topic, country, organisation, stage, a pair of them, a keyword's
 * word or short phrase, or such a word or phrase together with one of those values or pairs (so that
 * a group wanting a keyword and a country is found only by events holding both, not by every event
 * using the word). An event looks up only the keys it has; the groups found are then checked with
 * their full filter, unless the key found implies it. A filter with nothing required (only NOT, or no
 * filter at all) sits in a small fallback list checked for every event of its kinds.
 *
 * <p>Reads need no lock and may run while subscriptions are added or removed: posting lists and a
 * group's ids are immutable arrays, replaced (copy on write) by the writers, which are serialised.
 */
public final class SubscriptionIndex {

    /** An anchor of two fields is filed under each pair of their values; past this many pairs one field is used alone. */
    static final int MAX_PAIRS = 64;

    /** Rough chance that an event carries one value of each field: what an anchor key costs in candidates. */
    private static final Map<Field, Double> KEY_ODDS = Map.of(Field.TOPIC, 0.15, Field.COUNTRY, 0.1, Field.ORG, 0.05,
            Field.STAGE, 0.3, Field.KEYWORD, 0.02);

    /**
     * Phrases of up to this many words are filed under the whole phrase, which an event has when its
     * text holds those words in a row (so the group needs no check); longer ones under their longest word.
     */
    static final int MAX_PHRASE = 3;

    private static final String WORD_PREFIX = "k:";
    /** Separates the word or phrase from the value or pair in a combined key (they hold only letters, digits, spaces). */
    private static final char COMBINED = '\u0002';
    private static final Group[] NO_GROUPS = new Group[0];
    private static final UUID[] NO_IDS = new UUID[0];

    /** What an anchor's keys are, which decides what it can be combined with. */
    enum Shape {
        /** Single values ({@code country:JP}); two such anchors pair up. */
        VALUES,
        /** Pairs of values. */
        PAIRS,
        /** Keyword words or phrases ({@code k:lunar}, {@code k:coast guard}); combine with values or pairs. */
        WORDS,
        /** A word with a value or pair. */
        COMBINED,
        /** Keys of different shapes (an OR of a value and a keyword): usable only alone. */
        MIXED
    }

    /**
     * {@code exact}: an event carrying any of the keys satisfies the whole condition, so a group found
     * under a key needs no check (a list of values, a pair of lists, keywords of up to
     * {@link #MAX_PHRASE} words, such keywords with a list or pair of lists).
     */
    record Anchor(List<String> keys, double cost, Shape shape, boolean exact) {
    }

    /**
     * The subscriptions an event matched, by filter group. A group's ids are a snapshot taken during
     * the match and never change afterwards.
     */
    public static final class Matches {
        private final List<UUID[]> groups;
        private final int subscriptions;

        Matches(List<UUID[]> groups, int subscriptions) {
            this.groups = groups;
            this.subscriptions = subscriptions;
        }

        /** Distinct filters matched. */
        public int groups() {
            return groups.size();
        }

        /** Subscriptions matched, over all groups. */
        public int subscriptions() {
            return subscriptions;
        }

        /** The subscription ids of one matched group. */
        public List<UUID> group(int i) {
            return Collections.unmodifiableList(Arrays.asList(groups.get(i)));
        }

        /** Every matched subscription id, group after group (each once: a subscription is in one group). */
        public List<UUID> ids() {
            List<UUID> ids = new ArrayList<>(subscriptions);
            for (UUID[] group : groups) {
                ids.addAll(Arrays.asList(group));
            }
            return ids;
        }
    }

    private static final class Group {
        final String key;
        final SubscriptionFilter filter;
        final Anchor anchor;
        /** The anchor's {@code exact}, kept here so that a match need not read the anchor of every group found. */
        final boolean exact;
        /** Small dense number, so that a match can remember which groups it has checked in a bit set. */
        final int serial;
        /** The subscriptions sharing this filter; replaced, never changed in place. */
        volatile UUID[] ids = NO_IDS;

        Group(String key, SubscriptionFilter filter, Anchor anchor, int serial) {
            this.key = key;
            this.filter = filter;
            this.anchor = anchor;
            this.exact = anchor != null && anchor.exact();
            this.serial = serial;
        }
    }

    private static final class Partition {
        final Map<String, Group[]> byKey = new ConcurrentHashMap<>();
        final Map<String, Group[]> byWord = new ConcurrentHashMap<>();
        /** Combined keys: by word, then by value or pair. */
        final Map<String, Map<String, Group[]>> byWordAndKey = new ConcurrentHashMap<>();
        volatile Group[] fallback = NO_GROUPS;
    }

    private static final class State {
        final Map<EventKind, Partition> partitions = new EnumMap<>(EventKind.class);
        /** The group of each subscription. */
        final Map<UUID, Group> bySubscription = new ConcurrentHashMap<>();
        /**
         * The first words of the phrases filed, with how many keys use each: an event forms runs of
         * words only from these. Counted up before a key is filed and down after it is removed, so a
         * reader never misses a filed phrase.
         */
        final Map<String, Integer> phraseStarts = new ConcurrentHashMap<>();
        /** Groups by canonical filter; only touched by writers. */
        final Map<String, Group> byFilter = new HashMap<>();
        /** Serials of removed groups, reused so that serials stay below about the number of groups. */
        final java.util.ArrayDeque<Integer> freeSerials = new java.util.ArrayDeque<>();
        volatile int serialLimit;

        State() {
            for (EventKind kind : EventKind.values()) {
                partitions.put(kind, new Partition());
            }
        }

        int nextSerial() {
            Integer free = freeSerials.poll();
            if (free != null) {
                return free;
            }
            return serialLimit++;
        }
    }

    private volatile State state = new State();

    /**
     * Adds or replaces a subscription's filter. Re-putting the same filter (as every refresh does for
     * recently changed rows) changes nothing; a changed filter joins its new group before it leaves
     * the old one, so a concurrent match sees the subscription under one filter or the other (for a
     * moment possibly both), never under none.
     */
    public synchronized void put(UUID id, SubscriptionFilter filter) {
        State current = state;
        String key = canonical(filter);
        Group old = current.bySubscription.get(id);
        if (old != null && old.key.equals(key)) {
            return;
        }
        Group target = current.byFilter.get(key);
        if (target == null) {
            target = newGroup(current, key, filter);
            target.ids = new UUID[] {id};
            file(current, target);
        } else {
            UUID[] ids = Arrays.copyOf(target.ids, target.ids.length + 1);
            ids[ids.length - 1] = id;
            target.ids = ids;
        }
        current.bySubscription.put(id, target);
        if (old != null) {
            leave(current, old, id);
        }
    }

    public synchronized void remove(UUID id) {
        remove(state, id);
    }

    /** Replaces the whole content at once; readers see the old index until the new one is complete. */
    public synchronized void replaceAll(Map<UUID, SubscriptionFilter> filters) {
        State fresh = new State();
        Map<Group, List<UUID>> members = new HashMap<>();
        filters.forEach((id, filter) -> {
            String key = canonical(filter);
            Group group = fresh.byFilter.get(key);
            if (group == null) {
                group = newGroup(fresh, key, filter);
            }
            members.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
            fresh.bySubscription.put(id, group);
        });
        members.forEach((group, ids) -> group.ids = ids.toArray(UUID[]::new));
        // Filing group by group would copy each posting list once per group; collect them first instead.
        Map<EventKind, Map<String, List<Group>>> byKey = new EnumMap<>(EventKind.class);
        Map<EventKind, List<Group>> fallback = new EnumMap<>(EventKind.class);
        for (Group group : fresh.byFilter.values()) {
            for (EventKind kind : group.filter.kinds()) {
                if (group.anchor == null) {
                    fallback.computeIfAbsent(kind, k -> new ArrayList<>()).add(group);
                    continue;
                }
                for (String key : group.anchor.keys()) {
                    byKey.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(group);
                    countPhrase(fresh, key, 1);
                }
            }
        }
        for (EventKind kind : EventKind.values()) {
            Partition partition = fresh.partitions.get(kind);
            byKey.getOrDefault(kind, Map.of()).forEach((key, list) -> postings(partition, key, true)
                    .put(innerKey(key), list.toArray(NO_GROUPS)));
            partition.fallback = fallback.getOrDefault(kind, List.of()).toArray(NO_GROUPS);
        }
        state = fresh;
    }

    public boolean contains(UUID id) {
        return state.bySubscription.containsKey(id);
    }

    public Set<UUID> ids() {
        return Set.copyOf(state.bySubscription.keySet());
    }

    /** Subscriptions indexed. */
    public int size() {
        return state.bySubscription.size();
    }

    /** Distinct filters indexed: what an event's work is bounded by. */
    public synchronized int groupCount() {
        return state.byFilter.size();
    }

    /** Subscriptions kept in the fallback lists (checked for every event of their kinds). */
    public int fallbackSize() {
        return state.bySubscription.values().stream().filter(g -> g.anchor == null).mapToInt(g -> 1).sum();
    }

    /** The subscriptions whose filters match the event, by filter group. */
    public Matches match(EventDocument event) {
        State current = state;
        List<String> keys = structuredKeys(event);
        List<String> words = wordKeys(event, current.phraseStarts);
        Seen seen = new Seen(current.serialLimit);
        Collector matched = new Collector();
        for (EventKind kind : event.kinds()) {
            Partition partition = current.partitions.get(kind);
            for (String key : keys) {
                check(partition.byKey.get(key), true, event, seen, matched);
            }
            for (String word : words) {
                check(partition.byWord.get(word), true, event, seen, matched);
                Map<String, Group[]> withWord = partition.byWordAndKey.get(word);
                if (withWord != null) {
                    for (String key : keys) {
                        check(withWord.get(key), true, event, seen, matched);
                    }
                }
            }
            check(partition.fallback, false, event, seen, matched);
        }
        return new Matches(matched.groups, matched.subscriptions);
    }

    private static final class Collector {
        final List<UUID[]> groups = new ArrayList<>();
        int subscriptions;
    }

    /** The groups one match has checked: a bit per serial, and a set for groups added while it runs. */
    private static final class Seen {
        private final long[] bits;
        private Set<Group> late;

        Seen(int serials) {
            bits = new long[(serials + 63) >>> 6];
        }

        boolean add(Group group) {
            int word = group.serial >>> 6;
            if (word < bits.length) {
                long mask = 1L << (group.serial & 63);
                boolean fresh = (bits[word] & mask) == 0;
                bits[word] |= mask;
                return fresh;
            }
            if (late == null) {
                late = new HashSet<>();
            }
            return late.add(group);
        }
    }

    /** {@code byKey}: the groups were found under a key the event has, so an exact anchor needs no check. */
    private static void check(Group[] groups, boolean byKey, EventDocument event, Seen seen, Collector matched) {
        if (groups == null) {
            return;
        }
        for (Group group : groups) {
            if (seen.add(group) && ((byKey && group.exact) || group.filter.condition().test(event))) {
                UUID[] ids = group.ids;
                if (ids.length > 0) {
                    matched.groups.add(ids);
                    matched.subscriptions += ids.length;
                }
            }
        }
    }

    /**
     * The event's distinct words and its runs of two up to {@link #MAX_PHRASE} words that begin a
     * filed phrase, as keyword anchors are filed.
     */
    private static List<String> wordKeys(EventDocument event, Map<String, Integer> phraseStarts) {
        List<String> sequence = event.sequence();
        List<String> keys = new ArrayList<>(event.words().size() + 16);
        keys.addAll(event.words());
        StringBuilder run = new StringBuilder();
        for (int start = 0; start < sequence.size(); start++) {
            if (!phraseStarts.containsKey(sequence.get(start))) {
                continue;
            }
            run.setLength(0);
            run.append(sequence.get(start));
            for (int n = 2; n <= MAX_PHRASE && start + n <= sequence.size(); n++) {
                keys.add(run.append(' ').append(sequence.get(start + n - 1)).toString());
            }
        }
        return keys;
    }

    /** The event's structured keys and every pair of them, as anchors are filed. */
    private static List<String> structuredKeys(EventDocument event) {
        List<String> singles = new ArrayList<>();
        event.topics().forEach(t -> singles.add(key(Field.TOPIC, t)));
        event.countries().forEach(c -> singles.add(key(Field.COUNTRY, c)));
        event.orgs().forEach(o -> singles.add(key(Field.ORG, o)));
        if (event.stage() != null) {
            singles.add(key(Field.STAGE, event.stage()));
        }
        List<String> keys = new ArrayList<>(singles.size() * (singles.size() + 1) / 2);
        keys.addAll(singles);
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i + 1; j < singles.size(); j++) {
                keys.add(pair(singles.get(i), singles.get(j)));
            }
        }
        return keys;
    }

    /**
     * A text equal for two filters only if they match the same events: the kinds, each list's values
     * sorted (organisations lower-cased and keywords reduced to their words, as they are matched) and
     * the query as written. Filters that differ only in ways matching ignores share a group.
     */
    static String canonical(SubscriptionFilter filter) {
        FilterSpec spec = filter.spec();
        StringBuilder key = new StringBuilder();
        key.append(new TreeSet<>(filter.kinds())).append('\u0001');
        key.append(new TreeSet<>(spec.topics())).append('\u0001');
        key.append(new TreeSet<>(spec.countries())).append('\u0001');
        key.append(sortedSet(spec.orgs().stream().map(Text::lower).toList())).append('\u0001');
        key.append(sortedSet(spec.keywords().stream().map(k -> String.join(" ", Text.words(Text.lower(k)))).toList()))
                .append('\u0001');
        key.append(spec.query() == null ? "" : spec.query());
        return key.toString();
    }

    private static String sortedSet(List<String> values) {
        return new TreeSet<>(values).toString();
    }

    private static Group newGroup(State target, String key, SubscriptionFilter filter) {
        Group group = new Group(key, filter, anchorOf(filter.condition()), target.nextSerial());
        target.byFilter.put(key, group);
        return group;
    }

    /** Files a new group in the posting lists of its kinds. */
    private static void file(State target, Group group) {
        for (EventKind kind : group.filter.kinds()) {
            Partition partition = target.partitions.get(kind);
            if (group.anchor == null) {
                partition.fallback = with(partition.fallback, group);
                continue;
            }
            for (String key : group.anchor.keys()) {
                countPhrase(target, key, 1);
                postings(partition, key, true).merge(innerKey(key), new Group[] {group}, (old, one) -> with(old, group));
            }
        }
    }

    private static void remove(State target, UUID id) {
        Group group = target.bySubscription.remove(id);
        if (group != null) {
            leave(target, group, id);
        }
    }

    /** Takes the subscription out of the group, and the group out of the index if it was the last. */
    private static void leave(State target, Group group, UUID id) {
        UUID[] ids = group.ids;
        if (ids.length > 1) {
            UUID[] rest = new UUID[ids.length - 1];
            int n = 0;
            for (UUID member : ids) {
                if (!member.equals(id) && n < rest.length) {
                    rest[n++] = member;
                }
            }
            group.ids = rest;
            return;
        }
        // The last subscription of the group: the filter leaves the index.
        group.ids = NO_IDS;
        target.byFilter.remove(group.key);
        for (EventKind kind : group.filter.kinds()) {
            Partition partition = target.partitions.get(kind);
            if (group.anchor == null) {
                partition.fallback = without(partition.fallback, group);
                continue;
            }
            for (String key : group.anchor.keys()) {
                Map<String, Group[]> postings = postings(partition, key, false);
                if (postings == null) {
                    continue;
                }
                postings.computeIfPresent(innerKey(key), (k, groups) -> {
                    Group[] rest = without(groups, group);
                    return rest.length == 0 ? null : rest;
                });
                countPhrase(target, key, -1);
                int split = key.indexOf(COMBINED);
                if (split >= 0 && postings.isEmpty()) {
                    // Writers are serialised, so nothing refills it in between.
                    partition.byWordAndKey.remove(key.substring(WORD_PREFIX.length(), split), postings);
                }
            }
        }
        target.freeSerials.add(group.serial);
    }

    private static void countPhrase(State target, String key, int delta) {
        if (!key.startsWith(WORD_PREFIX)) {
            return;
        }
        int space = key.indexOf(' ');
        int split = key.indexOf(COMBINED);
        if (space > 0 && (split < 0 || space < split)) {
            target.phraseStarts.merge(key.substring(WORD_PREFIX.length(), space), delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** The map a full anchor key is filed in (created when {@code create}), see {@link #innerKey}. */
    private static Map<String, Group[]> postings(Partition partition, String key, boolean create) {
        if (!key.startsWith(WORD_PREFIX)) {
            return partition.byKey;
        }
        int split = key.indexOf(COMBINED);
        if (split < 0) {
            return partition.byWord;
        }
        String word = key.substring(WORD_PREFIX.length(), split);
        return create ? partition.byWordAndKey.computeIfAbsent(word, w -> new ConcurrentHashMap<>())
                : partition.byWordAndKey.get(word);
    }

    /** The key within the map {@link #postings} gives: the value or pair, the word, or the value or pair after the word. */
    private static String innerKey(String key) {
        if (!key.startsWith(WORD_PREFIX)) {
            return key;
        }
        int split = key.indexOf(COMBINED);
        return split < 0 ? key.substring(WORD_PREFIX.length()) : key.substring(split + 1);
    }

    private static Group[] with(Group[] groups, Group group) {
        Group[] more = Arrays.copyOf(groups, groups.length + 1);
        more[groups.length] = group;
        return more;
    }

    private static Group[] without(Group[] groups, Group group) {
        Group[] rest = new Group[groups.length];
        int n = 0;
        for (Group g : groups) {
            if (g != group) {
                rest[n++] = g;
            }
        }
        return Arrays.copyOf(rest, n);
    }

    /**
     * Keys such that every event matching the condition has at least one of them, choosing the
     * cheapest where there is a choice; null when no such keys exist (a NOT, or no condition).
     */
    static Anchor anchorOf(Condition condition) {
        if (condition instanceof Condition.ValueIn in) {
            List<String> keys = in.values().stream().map(v -> key(in.field(), v)).sorted().toList();
            return new Anchor(keys, keys.size() * KEY_ODDS.get(in.field()), Shape.VALUES, true);
        }
        if (condition instanceof Condition.KeywordIn keywords) {
            List<String> keys = keywords.patterns().stream()
                    .map(p -> WORD_PREFIX + (p.length() <= MAX_PHRASE ? p.joined() : p.indexWord())).distinct().toList();
            boolean whole = keywords.patterns().stream().allMatch(p -> p.length() <= MAX_PHRASE);
            return new Anchor(keys, keys.size() * KEY_ODDS.get(Field.KEYWORD), Shape.WORDS, whole);
        }
        if (condition instanceof Condition.AnyOf any) {
            List<String> keys = new ArrayList<>();
            double cost = 0;
            boolean exact = true;
            Shape shape = null;
            for (Condition part : any.parts()) {
                Anchor anchor = anchorOf(part);
                if (anchor == null) {
                    return null;
                }
                keys.addAll(anchor.keys());
                cost += anchor.cost();
                exact &= anchor.exact();
                shape = shape == null || shape == anchor.shape() ? anchor.shape() : Shape.MIXED;
            }
            return new Anchor(keys.stream().distinct().toList(), cost, shape, exact);
        }
        if (condition instanceof Condition.AllOf all) {
            List<Anchor> anchors = all.parts().stream().map(SubscriptionIndex::anchorOf).filter(a -> a != null).toList();
            // An anchor covers the whole AND only when it stands for every part.
            boolean whole = anchors.size() == all.parts().size();
            int n = anchors.size();
            Anchor best = null;
            for (int i = 0; i < n; i++) {
                Anchor one = anchors.get(i);
                best = cheaper(best, covering(one, 1, n, whole));
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    if (j > i) {
                        best = cheaper(best, covering(paired(one, anchors.get(j)), 2, n, whole));
                    }
                    best = cheaper(best, covering(combined(one, anchors.get(j)), 2, n, whole));
                    for (int k = j + 1; k < n; k++) {
                        if (k != i) {
                            best = cheaper(best, covering(combined(one, paired(anchors.get(j), anchors.get(k))), 3, n, whole));
                        }
                    }
                }
            }
            return best;
        }
        return null;
    }

    /** The anchor of some parts of an AND stays exact only if those parts are all the AND has. */
    private static Anchor covering(Anchor anchor, int parts, int anchored, boolean whole) {
        return whole && parts == anchored ? anchor : inexact(anchor);
    }

    /** Both conditions must hold, so an event needs a value of each: file under every pair of their values. */
    private static Anchor paired(Anchor a, Anchor b) {
        if (b == null || a.shape() != Shape.VALUES || b.shape() != Shape.VALUES || a.keys().size() * b.keys().size() > MAX_PAIRS) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (String x : a.keys()) {
            for (String y : b.keys()) {
                if (x.equals(y)) {
                    // One value satisfying both: an event with only that value has no pair to look up.
                    return null;
                }
                keys.add(pair(x, y));
            }
        }
        double each = (a.cost() / a.keys().size()) * (b.cost() / b.keys().size());
        return new Anchor(keys.stream().distinct().toList(), keys.size() * each, Shape.PAIRS, a.exact() && b.exact());
    }

    /**
     * A keyword and values (or pairs) that must both hold: an event needs one of the words together
     * with one of the values, so file under each word with each value.
     */
    private static Anchor combined(Anchor words, Anchor values) {
        if (values == null || words.shape() != Shape.WORDS || (values.shape() != Shape.VALUES && values.shape() != Shape.PAIRS)
                || words.keys().size() * values.keys().size() > MAX_PAIRS) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (String word : words.keys()) {
            for (String value : values.keys()) {
                keys.add(word + COMBINED + value);
            }
        }
        return new Anchor(keys, words.cost() * values.cost(), Shape.COMBINED, words.exact() && values.exact());
    }

    private static Anchor inexact(Anchor anchor) {
        return anchor == null ? null : new Anchor(anchor.keys(), anchor.cost(), anchor.shape(), false);
    }

    private static Anchor cheaper(Anchor best, Anchor candidate) {
        return candidate != null && (best == null || candidate.cost() < best.cost()) ? candidate : best;
    }

    private static String key(Field field, String value) {
        return field.fieldName() + ":" + value;
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "&" + b : b + "&" + a;
    }
}
