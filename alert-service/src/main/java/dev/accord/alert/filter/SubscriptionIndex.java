package dev.accord.alert.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the subscriptions an event matches without looking at all of them. Each subscription is
 * filed, per event kind it wants, under the keys one of its required conditions needs (its
 * <em>anchor</em>): a topic, country, organisation, stage, a pair of them, or a keyword's word. An
 * event looks up only the keys it has; the subscriptions found are then checked with their full
 * filter. A filter with nothing required (only NOT, or no filter at all) sits in a small fallback list
 * checked for every event of its kinds.
 *
 * <p>Reads need no lock and may run while subscriptions are added or removed; writes are serialised.
 */
public final class SubscriptionIndex {

    /** An anchor of two fields is filed under each pair of their values; past this many pairs one field is used alone. */
    static final int MAX_PAIRS = 64;

    /** Rough chance that an event carries one value of each field: what an anchor key costs in candidates. */
    private static final Map<Field, Double> KEY_ODDS = Map.of(Field.TOPIC, 0.15, Field.COUNTRY, 0.1, Field.ORG, 0.05,
            Field.STAGE, 0.3, Field.KEYWORD, 0.02);

    private static final String WORD_PREFIX = "k:";

    private record Anchor(List<String> keys, double cost, boolean singleField) {
    }

    private static final class Entry {
        final UUID id;
        final SubscriptionFilter filter;
        final Anchor anchor;
        /** Small dense number, so that a match can remember which entries it has checked in a bit set. */
        final int serial;

        Entry(UUID id, SubscriptionFilter filter, Anchor anchor, int serial) {
            this.id = id;
            this.filter = filter;
            this.anchor = anchor;
            this.serial = serial;
        }
    }

    private static final class Partition {
        final Map<String, Set<Entry>> byKey = new ConcurrentHashMap<>();
        final Map<String, Set<Entry>> byWord = new ConcurrentHashMap<>();
        final Set<Entry> fallback = ConcurrentHashMap.newKeySet();
    }

    private static final class State {
        final Map<EventKind, Partition> partitions = new EnumMap<>(EventKind.class);
        final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
        /** Serials of removed entries, reused so that serials stay below about the number of entries. */
        final java.util.ArrayDeque<Integer> freeSerials = new java.util.ArrayDeque<>();
        volatile int serialLimit;

        int nextSerial() {
            Integer free = freeSerials.poll();
            if (free != null) {
                return free;
            }
            return serialLimit++;
        }

        State() {
            for (EventKind kind : EventKind.values()) {
                partitions.put(kind, new Partition());
            }
        }
    }

    private volatile State state = new State();

    /** Adds or replaces a subscription's filter. */
    public synchronized void put(UUID id, SubscriptionFilter filter) {
        remove(state, id);
        add(state, id, filter);
    }

    public synchronized void remove(UUID id) {
        remove(state, id);
    }

    /** Replaces the whole content at once; readers see the old index until the new one is complete. */
    public synchronized void replaceAll(Map<UUID, SubscriptionFilter> filters) {
        State fresh = new State();
        filters.forEach((id, filter) -> add(fresh, id, filter));
        state = fresh;
    }

    public boolean contains(UUID id) {
        return state.entries.containsKey(id);
    }

    public Set<UUID> ids() {
        return Set.copyOf(state.entries.keySet());
    }

    public int size() {
        return state.entries.size();
    }

    /** Subscriptions kept in the fallback lists (checked for every event of their kinds). */
    public int fallbackSize() {
        return (int) state.entries.values().stream().filter(e -> e.anchor == null).count();
    }

    /** The ids of the subscriptions whose filters match the event. */
    public List<UUID> match(EventDocument event) {
        State current = state;
        List<String> keys = structuredKeys(event);
        Seen seen = new Seen(current.serialLimit);
        List<UUID> matched = new ArrayList<>();
        for (EventKind kind : event.kinds()) {
            Partition partition = current.partitions.get(kind);
            for (String key : keys) {
                check(partition.byKey.get(key), event, seen, matched);
            }
            for (String word : event.words()) {
                check(partition.byWord.get(word), event, seen, matched);
            }
            check(partition.fallback, event, seen, matched);
        }
        return matched;
    }

    /** The entries one match has checked: a bit per serial, and a set for entries added while it runs. */
    private static final class Seen {
        private final long[] bits;
        private Set<Entry> late;

        Seen(int serials) {
            bits = new long[(serials + 63) >>> 6];
        }

        boolean add(Entry entry) {
            int word = entry.serial >>> 6;
            if (word < bits.length) {
                long mask = 1L << (entry.serial & 63);
                boolean fresh = (bits[word] & mask) == 0;
                bits[word] |= mask;
                return fresh;
            }
            if (late == null) {
                late = new HashSet<>();
            }
            return late.add(entry);
        }
    }

    private static void check(Collection<Entry> entries, EventDocument event, Seen seen, List<UUID> matched) {
        if (entries == null) {
            return;
        }
        for (Entry entry : entries) {
            if (seen.add(entry) && entry.filter.condition().test(event)) {
                matched.add(entry.id);
            }
        }
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

    private static void add(State target, UUID id, SubscriptionFilter filter) {
        Anchor anchor = anchorOf(filter.condition());
        Entry entry = new Entry(id, filter, anchor, target.nextSerial());
        target.entries.put(id, entry);
        for (EventKind kind : filter.kinds()) {
            Partition partition = target.partitions.get(kind);
            if (anchor == null) {
                partition.fallback.add(entry);
                continue;
            }
            for (String key : anchor.keys()) {
                if (key.startsWith(WORD_PREFIX)) {
                    partition.byWord.computeIfAbsent(key.substring(WORD_PREFIX.length()), k -> ConcurrentHashMap.newKeySet()).add(entry);
                } else {
                    partition.byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(entry);
                }
            }
        }
    }

    private static void remove(State target, UUID id) {
        Entry entry = target.entries.remove(id);
        if (entry == null) {
            return;
        }
        target.freeSerials.add(entry.serial);
        for (EventKind kind : entry.filter.kinds()) {
            Partition partition = target.partitions.get(kind);
            if (entry.anchor == null) {
                partition.fallback.remove(entry);
                continue;
            }
            for (String key : entry.anchor.keys()) {
                boolean word = key.startsWith(WORD_PREFIX);
                Map<String, Set<Entry>> postings = word ? partition.byWord : partition.byKey;
                String posting = word ? key.substring(WORD_PREFIX.length()) : key;
                postings.computeIfPresent(posting, (k, set) -> {
                    set.remove(entry);
                    return set.isEmpty() ? null : set;
                });
            }
        }
    }

    /**
     * Keys such that every event matching the condition has at least one of them, choosing the
     * cheapest where there is a choice; null when no such keys exist (a NOT, or no condition).
     */
    static Anchor anchorOf(Condition condition) {
        if (condition instanceof Condition.ValueIn in) {
            List<String> keys = in.values().stream().map(v -> key(in.field(), v)).sorted().toList();
            return new Anchor(keys, keys.size() * KEY_ODDS.get(in.field()), true);
        }
        if (condition instanceof Condition.KeywordIn keywords) {
            List<String> keys = keywords.patterns().stream().map(p -> WORD_PREFIX + p.indexWord()).distinct().toList();
            return new Anchor(keys, keys.size() * KEY_ODDS.get(Field.KEYWORD), false);
        }
        if (condition instanceof Condition.AnyOf any) {
            List<String> keys = new ArrayList<>();
            double cost = 0;
            for (Condition part : any.parts()) {
                Anchor anchor = anchorOf(part);
                if (anchor == null) {
                    return null;
                }
                keys.addAll(anchor.keys());
                cost += anchor.cost();
            }
            return new Anchor(keys.stream().distinct().toList(), cost, false);
        }
        if (condition instanceof Condition.AllOf all) {
            List<Anchor> anchors = all.parts().stream().map(SubscriptionIndex::anchorOf).filter(a -> a != null).toList();
            Anchor best = null;
            for (int i = 0; i < anchors.size(); i++) {
                best = cheaper(best, anchors.get(i));
                for (int j = i + 1; j < anchors.size(); j++) {
                    best = cheaper(best, paired(anchors.get(i), anchors.get(j)));
                }
            }
            return best;
        }
        return null;
    }

    /** Both conditions must hold, so an event needs a value of each: file under every pair of their values. */
    private static Anchor paired(Anchor a, Anchor b) {
        if (!a.singleField() || !b.singleField() || a.keys().size() * b.keys().size() > MAX_PAIRS) {
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
        return new Anchor(keys.stream().distinct().toList(), keys.size() * each, false);
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
