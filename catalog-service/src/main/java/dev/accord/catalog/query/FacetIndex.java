package dev.accord.catalog.query;

import dev.accord.catalog.changes.ChangedRows;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Facet counts from an in-memory, dictionary-coded copy of every entry's topics, countries,
 * organisations, stage and first-seen time. Without filters the answer is the per-value counts kept up to
 * date on every change; with filters only the entries listed under the most selective filtered facet are
 * visited, never an unnest of the matching rows in SQL. Before each count the copy is brought up to date
 * with one indexed read of the rows written since its last snapshot (migration V6), so the answer is the
 * database's at that moment, on every replica alike. Full-text filters are not served here ({@link #serves}).
 */
@ApplicationScoped
public class FacetIndex {

    private final DataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<UUID, Integer> slots = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Dictionary topics = new Dictionary();
    private final Dictionary countries = new Dictionary();
    private final Dictionary orgs = new Dictionary();
    private final Dictionary stages = new Dictionary();
    private final ChangedRows changes = new ChangedRows("i.id, i.topics, i.countries, i.organisations, i.stage,"
            + " i.first_seen_at", "initiative i", "i.written_by");
    /** Per slot, the count that last visited it, so a slot listed twice in a posting counts once. */
    private int[] visited = new int[0];
    private int visit;

    private static final Entry NONE = new Entry(new int[0], new int[0], new int[0], -1, 0);

    public FacetIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether this index can count for the filter: every filter but the full-text query. */
    public static boolean serves(InitiativeFilter filter) {
        return filter.query() == null;
    }

    /** The facets of the entries matching {@code filter}, each cut to its {@code size} most frequent values. */
    public InitiativeFacets count(InitiativeFilter filter, int size) {
        if (!serves(filter)) {
            throw new IllegalArgumentException("full-text filters are counted in SQL");
        }
        lock.lock();
        try {
            refresh();
            return tally(filter, size);
        } finally {
            lock.unlock();
        }
    }

    private void refresh() {
        try (Connection connection = dataSource.getConnection()) {
            changes.read(connection, row -> {
                int c = ChangedRows.FIRST_COLUMN;
                put(row.getObject(c, UUID.class), new Entry(topics.codes(row.getArray(c + 1)),
                        countries.codes(row.getArray(c + 2)), orgs.codes(row.getArray(c + 3)),
                        stages.code(row.getString(c + 4)),
                        micros(row.getObject(c + 5, OffsetDateTime.class).toInstant())));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the changed catalog entries", e);
        }
    }

    private void put(UUID id, Entry entry) {
        Integer slot = slots.get(id);
        Entry old = NONE;
        if (slot == null) {
            slot = entries.size();
            slots.put(id, slot);
            entries.add(entry);
            if (visited.length < entries.size()) {
                visited = Arrays.copyOf(visited, Math.max(1024, 2 * entries.size()));
            }
        } else {
            old = entries.set(slot, entry);
            topics.remove(old.topics);
            countries.remove(old.countries);
            orgs.remove(old.orgs);
            stages.remove(new int[] {old.stage});
        }
        topics.add(entry.topics, slot, old.topics);
        countries.add(entry.countries, slot, old.countries);
        orgs.add(entry.orgs, slot, old.orgs);
        stages.add(new int[] {entry.stage}, slot, old == NONE ? new int[0] : new int[] {old.stage});
    }

    private InitiativeFacets tally(InitiativeFilter filter, int size) {
        boolean[] wantTopics = topics.wanted(filter.topics());
        boolean[] wantCountries = countries.wanted(filter.countries());
        boolean[] wantOrgs = orgs.wanted(filter.orgs());
        boolean[] wantStages = stages.wanted(filter.stages());
        if (wantTopics == null && wantCountries == null && wantOrgs == null && wantStages == null
                && filter.from() == null && filter.until() == null) {
            // No filter: the counts kept up to date on every change.
            return new InitiativeFacets(entries.size(), topics.top(topics.all, size), countries.top(countries.all, size),
                    orgs.top(orgs.all, size), stages.top(stages.all, size));
        }
        long from = filter.from() == null ? Long.MIN_VALUE : micros(filter.from());
        long until = filter.until() == null ? Long.MAX_VALUE : micros(filter.until());
        long[] topicCounts = new long[topics.size()];
        long[] countryCounts = new long[countries.size()];
        long[] orgCounts = new long[orgs.size()];
        long[] stageCounts = new long[stages.size()];
        long total = 0;
        // Candidates: the postings of the most selective filtered facet (or every entry); a posting may
        // hold a slot twice or a slot that no longer has the value, so each is visited once and checked.
        Dictionary narrowest = null;
        boolean[] narrowestWanted = null;
        long candidates = entries.size();
        for (Object[] pair : new Object[][] {{topics, wantTopics}, {countries, wantCountries}, {orgs, wantOrgs},
                {stages, wantStages}}) {
            Dictionary dictionary = (Dictionary) pair[0];
            boolean[] wanted = (boolean[]) pair[1];
            if (wanted != null && dictionary.postingSize(wanted) < candidates) {
                narrowest = dictionary;
                narrowestWanted = wanted;
                candidates = dictionary.postingSize(wanted);
            }
        }
        int stamp = ++visit;
        int[] slots = narrowest == null ? null : narrowest.postings(narrowestWanted);
        int count = slots == null ? entries.size() : slots.length;
        for (int i = 0; i < count; i++) {
            int slot = slots == null ? i : slots[i];
            if (visited[slot] == stamp) {
                continue;
            }
            visited[slot] = stamp;
            Entry e = entries.get(slot);
            if (e.firstSeen < from || e.firstSeen >= until || !any(e.topics, wantTopics)
                    || !any(e.countries, wantCountries) || !any(e.orgs, wantOrgs)
                    || (wantStages != null && !wantStages[e.stage])) {
                continue;
            }
            total++;
            add(topicCounts, e.topics);
            add(countryCounts, e.countries);
            add(orgCounts, e.orgs);
            stageCounts[e.stage]++;
        }
        return new InitiativeFacets(total, topics.top(topicCounts, size), countries.top(countryCounts, size),
                orgs.top(orgCounts, size), stages.top(stageCounts, size));
    }

    /** "Any of": true without a restriction, else whether one of the codes is wanted. */
    private static boolean any(int[] codes, boolean[] wanted) {
        if (wanted == null) {
            return true;
        }
        for (int code : codes) {
            if (wanted[code]) {
                return true;
            }
        }
        return false;
    }

    private static void add(long[] counts, int[] codes) {
        for (int code : codes) {
            counts[code]++;
        }
    }

    /** Microseconds since the epoch, PostgreSQL's timestamp precision (the driver rounds a bound Instant so). */
    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), Math.round(at.getNano() / 1000.0));
    }

    private record Entry(int[] topics, int[] countries, int[] orgs, int stage, long firstSeen) {
    }

    /** The values of one facet, coded as dense ints; values are only ever added. */
    private static final class Dictionary {
        /** The SQL answer orders equal counts by value in the "C" collation: by code point. */
        private static final Comparator<String> BY_CODE_POINT = (a, b) -> {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int ca = a.codePointAt(i);
                int cb = b.codePointAt(j);
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
            return Integer.compare(a.length() - i, b.length() - j);
        };

        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();
        /** Per value, how many entries carry it (an array lists a value as often as it holds it). */
        private long[] all = new long[16];
        /** Per value, the slots of the entries that carry it, or once did (checked when counting). */
        private int[][] postings = new int[16][];
        private int[] postingSizes = new int[16];

        int code(String value) {
            return codes.computeIfAbsent(value, v -> {
                values.add(v);
                if (values.size() > all.length) {
                    all = Arrays.copyOf(all, 2 * all.length);
                    postings = Arrays.copyOf(postings, 2 * postings.length);
                    postingSizes = Arrays.copyOf(postingSizes, 2 * postingSizes.length);
                }
                postings[values.size() - 1] = new int[8];
                return values.size() - 1;
            });
        }

        /** Counts the entry in {@code slot}, and lists it under each value it did not already have. */
        void add(int[] coded, int slot, int[] had) {
            for (int code : coded) {
                all[code]++;
                if (!contains(had, code)) {
                    if (postingSizes[code] == postings[code].length) {
                        postings[code] = Arrays.copyOf(postings[code], 2 * postings[code].length);
                    }
                    postings[code][postingSizes[code]++] = slot;
                }
            }
        }

        void remove(int[] coded) {
            for (int code : coded) {
                all[code]--;
            }
        }

        private static boolean contains(int[] coded, int code) {
            for (int c : coded) {
                if (c == code) {
                    return true;
                }
            }
            return false;
        }

        long postingSize(boolean[] wanted) {
            long size = 0;
            for (int code = 0; code < wanted.length; code++) {
                size += wanted[code] ? postingSizes[code] : 0;
            }
            return size;
        }

        int[] postings(boolean[] wanted) {
            int[] slots = new int[(int) postingSize(wanted)];
            int at = 0;
            for (int code = 0; code < wanted.length; code++) {
                if (wanted[code]) {
                    System.arraycopy(postings[code], 0, slots, at, postingSizes[code]);
                    at += postingSizes[code];
                }
            }
            return slots;
        }

        int[] codes(Array array) throws SQLException {
            String[] strings = (String[]) array.getArray();
            int[] coded = new int[strings.length];
            for (int i = 0; i < strings.length; i++) {
                coded[i] = code(strings[i]);
            }
            return coded;
        }

        int size() {
            return values.size();
        }

        /** The wanted codes as a lookup table, or null when the filter has no values (no restriction). */
        boolean[] wanted(List<String> filter) {
            if (filter.isEmpty()) {
                return null;
            }
            boolean[] wanted = new boolean[values.size()];
            for (String value : filter) {
                Integer code = codes.get(value);
                if (code != null) {
                    wanted[code] = true;
                }
            }
            return wanted;
        }

        List<InitiativeFacets.Count> top(long[] counts, int size) {
            List<InitiativeFacets.Count> found = new ArrayList<>();
            for (int code = 0; code < values.size(); code++) {
                if (counts[code] > 0) {
                    found.add(new InitiativeFacets.Count(values.get(code), counts[code]));
                }
            }
            found.sort(Comparator.comparingLong(InitiativeFacets.Count::count).reversed()
                    .thenComparing(InitiativeFacets.Count::value, BY_CODE_POINT));
            return found.size() > size ? List.copyOf(found.subList(0, size)) : found;
        }
    }
}
