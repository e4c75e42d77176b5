package dev.accord.alert.filter;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** One generation of the index: its posting lists by event kind, its groups, and the counters readers check. */
final class IndexState {
    final Map<EventKind, IndexPartition> partitions = new EnumMap<>(EventKind.class);
    /** The group of each subscription. */
    final Map<UUID, FilterGroup> bySubscription = new ConcurrentHashMap<>();
    /**
     * The first words of the phrases filed, with how many keys use each: an event forms runs of
     * words only from these. Counted up before a key is filed and down after it is removed, so a
     * reader never misses a filed phrase.
     */
    final Map<String, Integer> phraseStarts = new ConcurrentHashMap<>();
    /** Groups by canonical filter; only touched by writers. */
    final Map<String, FilterGroup> byFilter = new HashMap<>();
    /**
     * Serials are handed out in order and not reused: a reader may still hold a posting list naming
     * a removed group, and must not take another group for it. {@link SubscriptionIndex#replaceAll} starts a fresh
     * state, numbered from zero.
     */
    int nextSerial;
    /**
     * Odd while a writer changes this state, moved on by two per change. A match that overlapped a
     * change may have seen a group's keys without its exclusions (filed first, but looked up by
     * the match earlier), so it checks what it found in full.
     */
    volatile int changes;

    IndexState() {
        for (EventKind kind : EventKind.values()) {
            partitions.put(kind, new IndexPartition());
        }
    }

    /** Writers only. */
    FilterGroup newGroup(String key, SubscriptionFilter filter) {
        FilterGroup group = new FilterGroup(key, filter, AnchorPlanner.anchorOf(filter.condition()), nextSerial++);
        byFilter.put(key, group);
        return group;
    }
}
