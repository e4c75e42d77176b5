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
 */
public final class SubscriptionIndex {

    private static final int[] NO_SERIALS = new int[0];

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

    private static final class Group {
        final String key;
        final SubscriptionFilter filter;
        final AnchorPlanner.Anchor anchor;
        /** Small dense number for a match's seen-set; never reused within one state. */
        final int serial;
        /** What the group's postings hold: its serial, and in the lowest bit whether its anchor is exact. */
        final int posting;
        /** The subscriptions sharing this filter. Writers only: matches read the copy in each posting list. */
        UUID[] ids;

        Group(String key, SubscriptionFilter filter, AnchorPlanner.Anchor anchor, int serial) {
            this.key = key;
            this.filter = filter;
            this.anchor = anchor;
            this.serial = serial;
            this.posting = serial << 1 | (anchor != null && anchor.exact() ? 1 : 0);
        }
    }

    /** Groups filed under one key: for each, its posting, the group and its subscription ids. Immutable. */
    private record PostingList(int[] postings, Group[] groups, UUID[][] ids) {

        static final PostingList EMPTY = new PostingList(NO_SERIALS, new Group[0], new UUID[0][]);

        static PostingList of(List<Group> groups) {
            PostingList list = new PostingList(new int[groups.size()], groups.toArray(Group[]::new), new UUID[groups.size()][]);
            for (int i = 0; i < list.groups.length; i++) {
                list.postings[i] = list.groups[i].posting;
                list.ids[i] = list.groups[i].ids;
            }
            return list;
        }

        boolean isEmpty() {
            return postings.length == 0;
        }

        PostingList with(Group group) {
            int n = postings.length;
            PostingList more = new PostingList(Arrays.copyOf(postings, n + 1), Arrays.copyOf(groups, n + 1), Arrays.copyOf(ids, n + 1));
            more.postings[n] = group.posting;
            more.groups[n] = group;
            more.ids[n] = group.ids;
            return more;
        }

        PostingList without(Group group) {
            int at = indexOf(group);
            if (at < 0) {
                return this;
            }
            int n = postings.length - 1;
            PostingList rest = new PostingList(new int[n], new Group[n], new UUID[n][]);
            System.arraycopy(postings, 0, rest.postings, 0, at);
            System.arraycopy(postings, at + 1, rest.postings, at, n - at);
            System.arraycopy(groups, 0, rest.groups, 0, at);
            System.arraycopy(groups, at + 1, rest.groups, at, n - at);
            System.arraycopy(ids, 0, rest.ids, 0, at);
            System.arraycopy(ids, at + 1, rest.ids, at, n - at);
            return rest;
        }

        /** The same list with the group's current ids. */
        PostingList withIdsOf(Group group) {
            int at = indexOf(group);
            if (at < 0) {
                return this;
            }
            UUID[][] fresh = ids.clone();
            fresh[at] = group.ids;
            return new PostingList(postings, groups, fresh);
        }

        private int indexOf(Group group) {
            for (int i = 0; i < groups.length; i++) {
                if (groups[i] == group) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** What is filed under one key of one event kind; each list is replaced, never changed in place. */
    private static final class Postings {
        /** Groups anchored under the key. */
        volatile PostingList groups = PostingList.EMPTY;
        /** The serials of the groups an event with the key cannot match. */
        volatile int[] excluded = NO_SERIALS;
        /** Under a word: groups anchored under the word together with a value or pair, by value or pair. */
        volatile Map<String, PostingList> combined;

        boolean isEmpty() {
            return groups.isEmpty() && excluded.length == 0 && combined == null;
        }
    }

    private static final class Partition {
        /** By value ({@code country:JP}) or pair of values. */
        final Map<String, Postings> byKey = new ConcurrentHashMap<>();
        /** By keyword word or phrase. */
        final Map<String, Postings> byWord = new ConcurrentHashMap<>();
        volatile PostingList fallback = PostingList.EMPTY;
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
        /**
         * Serials are handed out in order and not reused: a reader may still hold a posting list naming
         * a removed group, and must not take another group for it. {@link #replaceAll} starts a fresh
         * state, numbered from zero.
         */
        int nextSerial;
        /**
         * Odd while a writer changes this state, moved on by two per change. A match that overlapped a
         * change may have seen a group's keys without its exclusions (filed first, but looked up by
         * the match earlier), so it checks what it found in full.
         */
        volatile int changes;

        State() {
            for (EventKind kind : EventKind.values()) {
                partitions.put(kind, new Partition());
            }
        }

        /** Writers only. */
        Group newGroup(String key, SubscriptionFilter filter) {
            Group group = new Group(key, filter, AnchorPlanner.anchorOf(filter.condition()), nextSerial++);
            byFilter.put(key, group);
            return group;
        }
    }

    private volatile State state = new State();

    /** Per matching thread: which serials this match has met, reused from match to match. */
    private static final ThreadLocal<Seen> SEEN = ThreadLocal.withInitial(Seen::new);

    /**
     * Adds or replaces a subscription's filter. Re-putting the same filter (as every refresh does for
     * recently changed rows) changes nothing; a changed filter joins its new group before it leaves
     * the old one, so a concurrent match sees the subscription under one filter or the other (for a
     * moment possibly both), never under none.
     */
    public synchronized void put(UUID id, SubscriptionFilter filter) {
        State current = state;
        current.changes++;
        try {
            put(current, id, filter);
        } finally {
            current.changes++;
        }
    }

    private static void put(State current, UUID id, SubscriptionFilter filter) {
        String key = canonical(filter);
        Group old = current.bySubscription.get(id);
        if (old != null && old.key.equals(key)) {
            return;
        }
        Group target = current.byFilter.get(key);
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
        State current = state;
        current.changes++;
        try {
            remove(current, id);
        } finally {
            current.changes++;
        }
    }

    /** Replaces the whole content at once; readers see the old index until the new one is complete. */
    public synchronized void replaceAll(Map<UUID, SubscriptionFilter> filters) {
        State fresh = new State();
        Map<Group, List<UUID>> members = new HashMap<>();
        filters.forEach((id, filter) -> {
            String key = canonical(filter);
            Group group = fresh.byFilter.get(key);
            if (group == null) {
                group = fresh.newGroup(key, filter);
            }
            members.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
            fresh.bySubscription.put(id, group);
        });
        members.forEach((group, ids) -> group.ids = ids.toArray(UUID[]::new));
        // Filing group by group would copy each posting list once per group; collect them first instead.
        Map<EventKind, Map<String, List<Group>>> byKey = new EnumMap<>(EventKind.class);
        Map<EventKind, Map<String, List<Group>>> excluding = new EnumMap<>(EventKind.class);
        Map<EventKind, List<Group>> fallback = new EnumMap<>(EventKind.class);
        for (Group group : fresh.byFilter.values()) {
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
            Partition partition = fresh.partitions.get(kind);
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

    /** Subscriptions kept in the fallback lists (checked for every event of their kinds). */
    public int fallbackSize() {
        return state.bySubscription.values().stream().filter(g -> g.anchor == null).mapToInt(g -> 1).sum();
    }

    /** The subscriptions whose filters match the event, by filter group. */
    public Matches match(EventDocument event) {
        State current = state;
        int changes = current.changes;
        List<String> keys = structuredKeys(event);
        List<String> words = wordKeys(event, current.phraseStarts);
        Seen seen = SEEN.get();
        Lookup lookup = new Lookup(event, seen);
        try {
            Postings[] underKeys = new Postings[keys.size()];
            Postings[] underWords = new Postings[words.size()];
            for (EventKind kind : event.kinds()) {
                Partition partition = current.partitions.get(kind);
                // Every exclusion is marked before any group is taken, so an excluded group is never taken.
                for (int i = 0; i < underKeys.length; i++) {
                    underKeys[i] = lookup.exclude(partition.byKey.get(keys.get(i)));
                }
                for (int i = 0; i < underWords.length; i++) {
                    underWords[i] = lookup.exclude(partition.byWord.get(words.get(i)));
                }
                for (Postings found : underKeys) {
                    if (found != null) {
                        lookup.check(found.groups, true);
                    }
                }
                for (Postings found : underWords) {
                    if (found == null) {
                        continue;
                    }
                    lookup.check(found.groups, true);
                    Map<String, PostingList> combined = found.combined;
                    if (combined != null) {
                        for (String key : keys) {
                            lookup.check(combined.get(key), true);
                        }
                    }
                }
                lookup.check(partition.fallback, false);
            }
        } finally {
            seen.clear();
        }
        if ((changes & 1) != 0 || current.changes != changes) {
            lookup.confirm();
        }
        return new Matches(lookup.matched);
    }

    /** One match's walk over posting lists. */
    private static final class Lookup {
        final EventDocument event;
        final Seen seen;
        final List<UUID[]> matched = new ArrayList<>(32);
        /** The group of each match, in the same order. */
        Group[] groups = new Group[32];

        Lookup(EventDocument event, Seen seen) {
            this.event = event;
            this.seen = seen;
        }

        /** Rules out the groups that an event with the key cannot match, as if they had been met already. */
        Postings exclude(Postings found) {
            if (found != null) {
                for (int serial : found.excluded) {
                    seen.add(serial);
                }
            }
            return found;
        }

        /** {@code byKey}: the list was found under a key the event has, so an exact anchor needs no check. */
        void check(PostingList list, boolean byKey) {
            if (list == null) {
                return;
            }
            int[] postings = list.postings();
            for (int i = 0; i < postings.length; i++) {
                int posting = postings[i];
                if (!seen.add(posting >>> 1)
                        || ((!byKey || (posting & 1) == 0) && !list.groups()[i].filter.condition().test(event))) {
                    continue;
                }
                if (matched.size() == groups.length) {
                    groups = Arrays.copyOf(groups, groups.length * 2);
                }
                groups[matched.size()] = list.groups()[i];
                matched.add(list.ids()[i]);
            }
        }

        /** Keeps only the matched groups whose full filter holds: for a match that overlapped a change. */
        void confirm() {
            List<UUID[]> confirmed = new ArrayList<>(matched.size());
            for (int i = 0; i < matched.size(); i++) {
                if (groups[i].filter.condition().test(event)) {
                    confirmed.add(matched.get(i));
                }
            }
            matched.clear();
            matched.addAll(confirmed);
        }
    }

    /** The serials one match has met, a bit each; cleared after the match by the serials it recorded. */
    private static final class Seen {
        private long[] bits = new long[0];
        private int[] met = new int[64];
        private int count;

        boolean add(int serial) {
            int word = serial >>> 6;
            if (word >= bits.length) {
                bits = Arrays.copyOf(bits, Math.max(word + 1, bits.length * 2));
            }
            long mask = 1L << (serial & 63);
            if ((bits[word] & mask) != 0) {
                return false;
            }
            bits[word] |= mask;
            if (count == met.length) {
                met = Arrays.copyOf(met, count * 2);
            }
            met[count++] = serial;
            return true;
        }

        void clear() {
            for (int i = 0; i < count; i++) {
                bits[met[i] >>> 6] = 0;
            }
            count = 0;
        }
    }

    /**
     * The event's distinct words and its runs of two up to {@link #AnchorPlanner.MAX_PHRASE} words that begin a
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
            for (int n = 2; n <= AnchorPlanner.MAX_PHRASE && start + n <= sequence.size(); n++) {
                keys.add(run.append(' ').append(sequence.get(start + n - 1)).toString());
            }
        }
        return keys;
    }

    /** The event's structured keys and every pair of them, as anchors are filed. */
    private static List<String> structuredKeys(EventDocument event) {
        List<String> singles = new ArrayList<>();
        event.topics().forEach(t -> singles.add(AnchorPlanner.key(Field.TOPIC, t)));
        event.countries().forEach(c -> singles.add(AnchorPlanner.key(Field.COUNTRY, c)));
        event.orgs().forEach(o -> singles.add(AnchorPlanner.key(Field.ORG, o)));
        if (event.stage() != null) {
            singles.add(AnchorPlanner.key(Field.STAGE, event.stage()));
        }
        List<String> keys = new ArrayList<>(singles.size() * (singles.size() + 1) / 2);
        keys.addAll(singles);
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i + 1; j < singles.size(); j++) {
                keys.add(AnchorPlanner.pair(singles.get(i), singles.get(j)));
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

    /** Files a new group in the posting lists of its kinds. */
    private static void file(State target, Group group) {
        countPhrases(target, group, 1);
        // Exclusions first: a match never sees the group under its keys without them.
        eachExclusion(target, group, serials -> with(serials, group.serial));
        eachList(target, group, list -> list.with(group));
    }

    /** Puts the group's changed ids into each of its posting lists. */
    private static void refile(State target, Group group) {
        eachList(target, group, list -> list.withIdsOf(group));
    }

    /** Takes the group out of every list it is filed in. */
    private static void unfile(State target, Group group) {
        eachList(target, group, list -> list.without(group));
        eachExclusion(target, group, serials -> without(serials, group.serial));
        countPhrases(target, group, -1);
    }

    /** Changes each list the group is found in: under each of its keys, or in the fallback list, per event kind it wants. */
    private static void eachList(State target, Group group, UnaryOperator<PostingList> change) {
        for (EventKind kind : group.filter.kinds()) {
            Partition partition = target.partitions.get(kind);
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
    private static void eachExclusion(State target, Group group, UnaryOperator<int[]> change) {
        if (group.anchor == null) {
            return;
        }
        for (EventKind kind : group.filter.kinds()) {
            for (String key : group.anchor.excludes()) {
                updateExcluded(target.partitions.get(kind), key, change);
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
            refile(target, group);
            return;
        }
        // The last subscription of the group: the filter leaves the index (its serial stays retired).
        target.byFilter.remove(group.key);
        unfile(target, group);
    }

    /** Counts the phrases the group is filed or excluded under, once per event kind, as they are filed. */
    private static void countPhrases(State target, Group group, int delta) {
        if (group.anchor == null) {
            return;
        }
        for (EventKind kind : group.filter.kinds()) {
            group.anchor.keys().forEach(key -> countPhrase(target, key, delta));
            group.anchor.excludes().forEach(key -> countPhrase(target, key, delta));
        }
    }

    private static void countPhrase(State target, String key, int delta) {
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
    private static void updateGroups(Partition partition, String key, UnaryOperator<PostingList> change) {
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
    private static void updateExcluded(Partition partition, String key, UnaryOperator<int[]> change) {
        Map<String, Postings> map = entries(partition, key);
        Postings entry = map.computeIfAbsent(innerKey(key), k -> new Postings());
        entry.excluded = change.apply(entry.excluded);
        dropIfEmpty(map, innerKey(key), entry);
    }

    /** The map a key other than a combined one is filed in. */
    private static Map<String, Postings> entries(Partition partition, String key) {
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
