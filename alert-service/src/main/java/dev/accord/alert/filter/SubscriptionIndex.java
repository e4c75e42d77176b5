package dev.accord.alert.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

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
 * their full filter, unless the key found implies it. A NOT of values or short keywords inside an AND
 * is filed too, as <em>excluding</em> keys: an event holding one of them rules the group out before
 * any group is checked, so {@code country:JP AND NOT stage:proposed} needs no check either. A filter
 * with nothing required (only NOT, or no filter at all) sits in a small fallback list checked for
 * every event of its kinds.
 *
 * <p>Reads need no lock and may run while subscriptions are added or removed: posting lists and a
 * group's ids are immutable arrays, replaced (copy on write) by the writers, which are serialised.
 *
 * <p>An event at 100k subscriptions matches hundreds of groups, so what a match reads per group is
 * kept out of the groups themselves, whose objects lie scattered over the heap: a posting list holds,
 * side by side, each group's serial with whether its anchor is exact, and its subscription ids. A
 * group found under an exact key is thus answered by reading the list in order; only groups that
 * need their filter checked are read.
 *
 * <p>This class is the writers' side and the entry point. What it files is in {@link IndexState} (per event kind an
 * {@link IndexPartition} of {@link Postings}, each holding {@link PostingList}s of {@link FilterGroup}s); where a
 * group is filed is {@link AnchorPlanner}'s decision; an event's walk over the lists is {@link IndexLookup}.
 */
public final class SubscriptionIndex {

    static final int[] NO_SERIALS = new int[0];

    /**
     * The subscriptions an event matched, by filter group. A group's ids are a snapshot taken during
     * the match and never change afterwards.
     */
    public static final class Matches {
        private final List<UUID[]> groups;
        /** Counted when first asked for, by whoever reads the ids: the match itself does not open the arrays. */
        private int subscriptions = -1;

        Matches(List<UUID[]> groups) {
            this.groups = groups;
        }

        /** Distinct filters matched. */
        public int groups() {
            return groups.size();
        }

        /** Subscriptions matched, over all groups. */
        public int subscriptions() {
            if (subscriptions < 0) {
                int n = 0;
                for (UUID[] group : groups) {
                    n += group.length;
                }
                subscriptions = n;
            }
            return subscriptions;
        }

        /** The subscription ids of one matched group. */
        public List<UUID> group(int i) {
            return Collections.unmodifiableList(Arrays.asList(groups.get(i)));
        }

        /** Every matched subscription id, group after group (each once: a subscription is in one group). */
        public List<UUID> ids() {
            List<UUID> ids = new ArrayList<>(subscriptions());
            for (UUID[] group : groups) {
                ids.addAll(Arrays.asList(group));
            }
            return ids;
        }
    }

    private volatile IndexState state = new IndexState();

    /**
     * Adds or replaces a subscription's filter. Re-putting the same filter (as every refresh does for
     * recently changed rows) changes nothing; a changed filter joins its new group before it leaves
     * the old one, so a concurrent match sees the subscription under one filter or the other (for a
     * moment possibly both), never under none.
     */
    public synchronized void put(UUID id, SubscriptionFilter filter) {
        IndexState current = state;
        current.changes++;
        try {
            put(current, id, filter);
        } finally {
            current.changes++;
        }
    }

    private static void put(IndexState current, UUID id, SubscriptionFilter filter) {
        String key = canonical(filter);
        FilterGroup old = current.bySubscription.get(id);
        if (old != null && old.key.equals(key)) {
            return;
        }
        FilterGroup target = current.byFilter.get(key);
        if (target == null) {
            target = current.newGroup(key, filter);
            target.ids = new UUID[] {id};
            file(current, target);
        } else {
            UUID[] more = Arrays.copyOf(target.ids, target.ids.length + 1);
            more[more.length - 1] = id;
            target.ids = more;
            refile(current, target);
        }
        current.bySubscription.put(id, target);
        if (old != null) {
            leave(current, old, id);
        }
    }

    public synchronized void remove(UUID id) {
        IndexState current = state;
        current.changes++;
        try {
            remove(current, id);
        } finally {
            current.changes++;
        }
    }

    /** Replaces the whole content at once; readers see the old index until the new one is complete. */
    public synchronized void replaceAll(Map<UUID, SubscriptionFilter> filters) {
        IndexState fresh = new IndexState();
        Map<FilterGroup, List<UUID>> members = new HashMap<>();
        filters.forEach((id, filter) -> {
            String key = canonical(filter);
            FilterGroup group = fresh.byFilter.get(key);
            if (group == null) {
                group = fresh.newGroup(key, filter);
            }
            members.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
            fresh.bySubscription.put(id, group);
        });
        members.forEach((group, ids) -> group.ids = ids.toArray(UUID[]::new));
        // Filing group by group would copy each posting list once per group; collect them first instead.
        Map<EventKind, Map<String, List<FilterGroup>>> byKey = new EnumMap<>(EventKind.class);
        Map<EventKind, Map<String, List<FilterGroup>>> excluding = new EnumMap<>(EventKind.class);
        Map<EventKind, List<FilterGroup>> fallback = new EnumMap<>(EventKind.class);
        for (FilterGroup group : fresh.byFilter.values()) {
            countPhrases(fresh, group, 1);
            for (EventKind kind : group.filter.kinds()) {
                if (group.anchor == null) {
                    fallback.computeIfAbsent(kind, k -> new ArrayList<>()).add(group);
                    continue;
                }
                for (String key : group.anchor.keys()) {
                    byKey.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(group);
                }
                for (String key : group.anchor.excludes()) {
                    excluding.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(group);
                }
            }
        }
        for (EventKind kind : EventKind.values()) {
            IndexPartition partition = fresh.partitions.get(kind);
            byKey.getOrDefault(kind, Map.of()).forEach((key, list) -> updateGroups(partition, key, none -> PostingList.of(list)));
            excluding.getOrDefault(kind, Map.of()).forEach((key, list) -> updateExcluded(partition, key,
                    none -> list.stream().mapToInt(g -> g.serial).toArray()));
            partition.fallback = PostingList.of(fallback.getOrDefault(kind, List.of()));
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

    /** The subscriptions whose filters match the event, by filter group. */
    public Matches match(EventDocument event) {
        return IndexLookup.match(state, event);
    }

    /** Subscriptions kept in the fallback lists (checked for every event of their kinds). */
    public int fallbackSize() {
        return state.bySubscription.values().stream().filter(g -> g.anchor == null).mapToInt(g -> 1).sum();
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

    /** Files a new group in the posting lists of its kinds. */
    private static void file(IndexState target, FilterGroup group) {
        countPhrases(target, group, 1);
        // Exclusions first: a match never sees the group under its keys without them.
        eachExclusion(target, group, serials -> with(serials, group.serial));
        eachList(target, group, list -> list.with(group));
    }

    /** Puts the group's changed ids into each of its posting lists. */
    private static void refile(IndexState target, FilterGroup group) {
        eachList(target, group, list -> list.withIdsOf(group));
    }

    /** Takes the group out of every list it is filed in. */
    private static void unfile(IndexState target, FilterGroup group) {
        eachList(target, group, list -> list.without(group));
        eachExclusion(target, group, serials -> without(serials, group.serial));
        countPhrases(target, group, -1);
    }

    /** Changes each list the group is found in: under each of its keys, or in the fallback list, per event kind it wants. */
    private static void eachList(IndexState target, FilterGroup group, UnaryOperator<PostingList> change) {
        for (EventKind kind : group.filter.kinds()) {
            IndexPartition partition = target.partitions.get(kind);
            if (group.anchor == null) {
                partition.fallback = change.apply(partition.fallback);
                continue;
            }
            for (String key : group.anchor.keys()) {
                updateGroups(partition, key, change);
            }
        }
    }

    /** Changes the exclusions under each key the group's NOT parts name, per event kind it wants. */
    private static void eachExclusion(IndexState target, FilterGroup group, UnaryOperator<int[]> change) {
        if (group.anchor == null) {
            return;
        }
        for (EventKind kind : group.filter.kinds()) {
            for (String key : group.anchor.excludes()) {
                updateExcluded(target.partitions.get(kind), key, change);
            }
        }
    }

    private static void remove(IndexState target, UUID id) {
        FilterGroup group = target.bySubscription.remove(id);
        if (group != null) {
            leave(target, group, id);
        }
    }

    /** Takes the subscription out of the group, and the group out of the index if it was the last. */
    private static void leave(IndexState target, FilterGroup group, UUID id) {
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
            refile(target, group);
            return;
        }
        // The last subscription of the group: the filter leaves the index (its serial stays retired).
        target.byFilter.remove(group.key);
        unfile(target, group);
    }

    /** Counts the phrases the group is filed or excluded under, once per event kind, as they are filed. */
    private static void countPhrases(IndexState target, FilterGroup group, int delta) {
        if (group.anchor == null) {
            return;
        }
        for (EventKind kind : group.filter.kinds()) {
            group.anchor.keys().forEach(key -> countPhrase(target, key, delta));
            group.anchor.excludes().forEach(key -> countPhrase(target, key, delta));
        }
    }

    private static void countPhrase(IndexState target, String key, int delta) {
        if (!key.startsWith(AnchorPlanner.WORD_PREFIX)) {
            return;
        }
        int space = key.indexOf(' ');
        int split = key.indexOf(AnchorPlanner.COMBINED);
        if (space > 0 && (split < 0 || space < split)) {
            target.phraseStarts.merge(key.substring(AnchorPlanner.WORD_PREFIX.length(), space), delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /**
     * Replaces the groups filed under a full anchor key ({@code topic:space}, {@code k:lunar},
     * {@code k:lunar} + value). Entries left empty are dropped; writers are serialised, so nothing
     * refills one in between.
     */
    private static void updateGroups(IndexPartition partition, String key, UnaryOperator<PostingList> change) {
        int split = key.indexOf(AnchorPlanner.COMBINED);
        if (split < 0) {
            Map<String, Postings> map = entries(partition, key);
            Postings entry = map.computeIfAbsent(innerKey(key), k -> new Postings());
            entry.groups = change.apply(entry.groups);
            dropIfEmpty(map, innerKey(key), entry);
            return;
        }
        String word = key.substring(AnchorPlanner.WORD_PREFIX.length(), split);
        String value = key.substring(split + 1);
        Postings entry = partition.byWord.computeIfAbsent(word, w -> new Postings());
        Map<String, PostingList> combined = entry.combined;
        if (combined == null) {
            combined = new ConcurrentHashMap<>();
            entry.combined = combined;
        }
        PostingList changed = change.apply(combined.getOrDefault(value, PostingList.EMPTY));
        if (changed.isEmpty()) {
            combined.remove(value);
            if (combined.isEmpty()) {
                entry.combined = null;
            }
        } else {
            combined.put(value, changed);
        }
        dropIfEmpty(partition.byWord, word, entry);
    }

    /** Replaces the serials a value, pair, word or phrase key excludes. */
    private static void updateExcluded(IndexPartition partition, String key, UnaryOperator<int[]> change) {
        Map<String, Postings> map = entries(partition, key);
        Postings entry = map.computeIfAbsent(innerKey(key), k -> new Postings());
        entry.excluded = change.apply(entry.excluded);
        dropIfEmpty(map, innerKey(key), entry);
    }

    /** The map a key other than a combined one is filed in. */
    private static Map<String, Postings> entries(IndexPartition partition, String key) {
        return key.startsWith(AnchorPlanner.WORD_PREFIX) ? partition.byWord : partition.byKey;
    }

    /** The key within {@link #entries}: a value or pair as it is, a word or phrase without its prefix. */
    private static String innerKey(String key) {
        return key.startsWith(AnchorPlanner.WORD_PREFIX) ? key.substring(AnchorPlanner.WORD_PREFIX.length()) : key;
    }

    private static void dropIfEmpty(Map<String, Postings> map, String key, Postings entry) {
        if (entry.isEmpty()) {
            map.remove(key, entry);
        }
    }

    private static int[] with(int[] serials, int serial) {
        int[] more = Arrays.copyOf(serials, serials.length + 1);
        more[serials.length] = serial;
        return more;
    }

    private static int[] without(int[] serials, int serial) {
        int[] rest = new int[serials.length];
        int n = 0;
        for (int s : serials) {
            if (s != serial) {
                rest[n++] = s;
            }
        }
        return Arrays.copyOf(rest, n);
    }
}
