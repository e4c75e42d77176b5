package dev.accord.alert.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read side of {@link SubscriptionIndex}: one event's walk over the posting lists of a generation. It takes no
 * lock; a walk that overlapped a change confirms what it found with the full filters.
 */
final class IndexLookup {

    /** Per matching thread: which serials this match has met, reused from match to match. */
    private static final ThreadLocal<Seen> SEEN = ThreadLocal.withInitial(Seen::new);

    private IndexLookup() {
    }

    /** The subscriptions whose filters match the event, by filter group, in this generation of the index. */
    static SubscriptionIndex.Matches match(IndexState current, EventDocument event) {
        int changes = current.changes;
        List<String> keys = structuredKeys(event);
        List<String> words = wordKeys(event, current.phraseStarts);
        Seen seen = SEEN.get();
        Walk lookup = new Walk(event, seen);
        try {
            Postings[] underKeys = new Postings[keys.size()];
            Postings[] underWords = new Postings[words.size()];
            for (EventKind kind : event.kinds()) {
                IndexPartition partition = current.partitions.get(kind);
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
        return new SubscriptionIndex.Matches(lookup.matched);
    }

    /** One match's walk over posting lists. */
    private static final class Walk {
        final EventDocument event;
        final Seen seen;
        final List<UUID[]> matched = new ArrayList<>(32);
        /** The group of each match, in the same order. */
        FilterGroup[] groups = new FilterGroup[32];

        Walk(EventDocument event, Seen seen) {
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
     * The event's distinct words and its runs of two up to {@link AnchorPlanner#MAX_PHRASE} words that begin a
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
}
