package dev.accord.catalog.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Mentions that new mentions may join, held in memory with an index from each word stem to the
 * mentions that contain it, and the merge rule applied to them: the same answer as scoring every
 * mention that shares a party key and a word with the new one, within the window, without visiting
 * them all. Mentions of one entry that compare alike (same parties and stems) are kept once, with
 * every time they were published: a story many outlets copy word for word costs one candidate.
 *
 * <p>For one new mention only candidates that can still reach the threshold are visited. An overlap is
 * the shared count over the smaller set's size (at least its floor), so a merge needs one of a few least
 * (shared title stems, shared stems) pairs — with the default weights and sets of any size (2, 2), (1, 6)
 * or (3, 1). Candidates are filed by size class, and in a class whose sets are larger the denominators are
 * larger and the pairs needed higher. A set sharing k of the mention's n stems shares one of any n − k + 1
 * of them, so per class the lists of its rarest stems suffice: a word every title carries is never read,
 * and neither is one every title of a class of long sentences carries along with a common title word. Most
 * candidates in those lists share one word with the mention and no more; reading one or two further lists where
 * they are short, only the candidates found in two or three of them are visited. The visited candidates' shared counts come
 * from sorted stem numbers, and their score from the counts, exactly as {@link InitiativeMatcher#score}
 * computes it; candidates whose stored term arrays hold a duplicate are scored by that method itself.
 */
final class MergeCandidates {

    /** What can be joined: an entry, its first-seen time, what the merge compares of a mention of it, its party keys. */
    record Candidate(UUID entryId, Instant entryFirstSeenAt, InitiativeMatcher.Features features,
            List<String> partyKeys, boolean duplicateFree) {

        static Candidate of(UUID entryId, Instant entryFirstSeenAt, InitiativeMatcher.Features features,
                List<String> partyKeys) {
            return new Candidate(entryId, entryFirstSeenAt, features, partyKeys,
                    distinct(features.terms()) && distinct(features.titleTerms()));
        }
    }

    /** A candidate and the score a new mention reaches with it. */
    record Match(Candidate candidate, double score) {

        /** The rule's order: the higher score, then the older entry, then the smaller entry id. */
        boolean beats(Match other) {
            if (other == null || score > other.score) {
                return true;
            }
            if (score < other.score) {
                return false;
            }
            int age = candidate.entryFirstSeenAt().compareTo(other.candidate.entryFirstSeenAt());
            return age < 0 || age == 0 && candidate.entryId().compareTo(other.candidate.entryId()) < 0;
        }

        static Optional<Candidate> best(Optional<Match> a, Optional<Match> b) {
            Match winner = a.orElse(null);
            if (b.isPresent() && b.get().beats(winner)) {
                winner = b.get();
            }
            return Optional.ofNullable(winner).map(Match::candidate);
        }
    }

    private final Duration window;
    private final double threshold;
    private final double titleWeight;
    private final List<Candidate> candidates = new ArrayList<>();
    /** Per candidate, when each of the mentions it stands for was published. */
    private final List<Times> timesOf = new ArrayList<>();
    private final Map<Candidate, Integer> slots = new HashMap<>();
    /** Per word, the candidates containing it, per size class. */
    private final Map<String, IntList[]> byTerm = new HashMap<>();
    private final Map<String, IntList[]> byTitleTerm = new HashMap<>();
    private final int[] classSizes = new int[CLASSES];
    /** The needs per (mention's title stems, mention's stems, class), capped where the bounds stop changing. */
    private final int[][][] needsCache = new int[(MAX_TITLE_LEAST + 1) * (MAX_TERMS_LEAST + 1) * CLASSES][][];
    /** Each word's number in this index, so a candidate's words are a sorted int array (quick to intersect). */
    private final Map<String, Integer> termIds = new HashMap<>();
    /** Each word once, by number: candidates read from the database share these strings instead of their own copies. */
    private final List<String> words = new ArrayList<>();
    /**
     * Per candidate, what the scan compares, one after the other in one array so that visiting a candidate reads
     * one place of memory: the number of title stems, the title stems' numbers sorted, then all stems' numbers
     * sorted. Candidate c's run starts at {@code stemsFrom[c]} and ends where c + 1's starts.
     */
    private int[] stems = new int[1024];
    private int[] stemsFrom = new int[65];
    /** Candidates whose stored stem lists hold a duplicate: scored by {@link InitiativeMatcher#score}, not from counts. */
    private final BitSet uncounted = new BitSet();
    private int mentions;
    /** Needs larger than this are not looked for: no title or sentence has that many stems in common. */
    private static final int MAX_NEED = 64;
    private static final IntList EMPTY = new IntList();
    private static final IntList[] NOWHERE = new IntList[0];
    /**
     * Size classes: each starts at one of these title-stem counts and one of these stem counts. The first of each
     * is below the floors (3 and 8 stems), which is where the overlaps' denominators stop shrinking.
     */
    private static final int[] TITLE_CLASS_LEAST = {1, 4, 5, 6, 7, 8, 10, 13};
    private static final int[] TERMS_CLASS_LEAST = {1, 9, 11, 13, 16, 20, 26, 34, 45};
    private static final int CLASSES = TITLE_CLASS_LEAST.length * TERMS_CLASS_LEAST.length;
    private static final int MAX_TITLE_LEAST = TITLE_CLASS_LEAST[TITLE_CLASS_LEAST.length - 1];
    private static final int MAX_TERMS_LEAST = TERMS_CLASS_LEAST[TERMS_CLASS_LEAST.length - 1];
    /** seen[c] == stamp: candidate c was already collected for the current mention. */
    private int[] seen = new int[64];
    private int stamp;
    /** hitStamp[c] == hitsStamp: hits[c] counts candidate c's lists among those read for the current need. */
    private int[] hitStamp = new int[64];
    private byte[] hits = new byte[64];
    private int hitsStamp;
    /** Lists read beyond those a need requires, at most: each one more that a candidate must be in. */
    private static final int MAX_EXTRA_LISTS = 2;
    /** An extra list is read when it holds at most this many times the postings of the lists before it. */
    private static final int EXTRA_LIST_MAX_GROWTH = 2;

    MergeCandidates(Duration window, double threshold, double titleWeight) {
        this.window = window;
        this.threshold = threshold;
        this.titleWeight = titleWeight;
    }

    /** A mention of {@code candidate}'s entry, published at {@code mentionedAt}, that later mentions may join. */
    void add(Candidate candidate, Instant mentionedAt) {
        mentions++;
        long at = micros(mentionedAt);
        Integer slot = slots.get(candidate);
        if (slot != null) {
            timesOf.get(slot).add(at);
            return;
        }
        int index = candidates.size();
        Set<String> terms = new HashSet<>(candidate.features().terms());
        Set<String> titleTerms = new HashSet<>(candidate.features().titleTerms());
        int[] titleIds = ids(titleTerms, true);
        int[] termIds = ids(terms, true);
        int from = stemsFrom[index];
        int to = from + 1 + titleIds.length + termIds.length;
        if (to > stems.length) {
            stems = Arrays.copyOf(stems, Math.max(to, stems.length * 2));
        }
        stems[from] = titleIds.length;
        System.arraycopy(titleIds, 0, stems, from + 1, titleIds.length);
        System.arraycopy(termIds, 0, stems, from + 1 + titleIds.length, termIds.length);
        if (index + 1 == stemsFrom.length) {
            stemsFrom = Arrays.copyOf(stemsFrom, stemsFrom.length * 2);
        }
        stemsFrom[index + 1] = to;
        uncounted.set(index, !candidate.duplicateFree());
        InitiativeMatcher.Features features = candidate.features();
        Candidate kept = new Candidate(candidate.entryId(), candidate.entryFirstSeenAt(),
                new InitiativeMatcher.Features(features.countries(), features.organisations(),
                        shared(features.titleTerms()), shared(features.terms())),
                candidate.partyKeys(), candidate.duplicateFree());
        candidates.add(kept);
        timesOf.add(new Times(at));
        slots.put(kept, index);
        // A candidate scored from its lists rather than its counts goes where the bounds assume the least sizes.
        int sizeClass = candidate.duplicateFree() ? sizeClass(titleIds.length, termIds.length) : 0;
        classSizes[sizeClass]++;
        for (String term : terms) {
            file(byTerm, term, sizeClass, index);
        }
        for (String term : titleTerms) {
            file(byTitleTerm, term, sizeClass, index);
        }
        if (index >= seen.length) {
            seen = Arrays.copyOf(seen, seen.length * 2);
            hitStamp = Arrays.copyOf(hitStamp, hitStamp.length * 2);
            hits = Arrays.copyOf(hits, hits.length * 2);
        }
    }

    /** How many mentions were added. */
    int size() {
        return mentions;
    }

    /** How many candidates hold them: mentions of one entry that compare alike are one. */
    int candidates() {
        return candidates.size();
    }

    /**
     * The candidate whose entry {@code mention}, published at {@code at}, joins, with its score; empty when it
     * starts one. Candidates are the mentions published within the window that share a party key and a word
     * with it; among entries scoring at or above the threshold (an entry scores its best mention's score) the
     * highest score wins, then the oldest entry, then the smallest id ({@link Match#beats}).
     */
    Optional<Match> entryFor(InitiativeMatcher.Features mention, Instant at) {
        List<String> keys = mention.partyKeys();
        if (keys.isEmpty() || mention.terms().isEmpty() || candidates.isEmpty()) {
            return Optional.empty();
        }
        Set<String> titleTerms = new HashSet<>(mention.titleTerms());
        Set<String> terms = new HashSet<>(mention.terms());
        int[] termIds = ids(terms, false);
        int[] titleTermIds = ids(titleTerms, false);
        boolean countable = titleTerms.size() == mention.titleTerms().size() && terms.size() == mention.terms().size();
        IntList[][] titlePostings = postings(titleTerms, byTitleTerm);
        IntList[][] termPostings = postings(terms, byTerm);
        IntList[] titleLists = new IntList[titlePostings.length];
        IntList[] termLists = new IntList[termPostings.length];
        IntList found = new IntList();
        stamp++;
        for (int k = 0; k < CLASSES; k++) {
            if (classSizes[k] == 0) {
                continue;
            }
            // Sizes the mention's score cannot be computed from (a stem listed twice) get the bounds of any size.
            int[][] classNeeds = countable ? needs(titleTerms.size(), terms.size(), k) : needs(0, 0, k);
            byRarity(titlePostings, k, titleLists);
            byRarity(termPostings, k, termLists);
            for (int[] need : classNeeds) {
                // A candidate meeting this need shares at least need[0] title terms and need[1] terms, so it is
                // in the postings of the mention's rarest |title terms| - need[0] + 1 title terms, and in those of
                // its rarest |terms| - need[1] + 1 terms: read whichever lists are shorter. None left: none meets it.
                int termKeep = termLists.length - need[1] + 1;
                int titleKeep = need[0] == 0 ? -1 : titleLists.length - need[0] + 1;
                if (termKeep <= 0 || need[0] > 0 && titleKeep <= 0) {
                    continue;
                }
                boolean byTitle = need[0] > 0 && cost(titleLists, titleKeep) < cost(termLists, termKeep);
                IntList[] lists = byTitle ? titleLists : termLists;
                int keep = byTitle ? titleKeep : termKeep;
                // Most candidates in those lists share only one of their words. With e more of the rarest lists
                // read, a candidate meeting the need is in at least e + 1 of them: counting leaves the rest
                // unvisited. An extra list is read while it is short next to the lists before it.
                int extra = 0;
                long read = cost(lists, keep);
                while (extra < MAX_EXTRA_LISTS && keep + extra < lists.length
                        && lists[keep + extra].size <= EXTRA_LIST_MAX_GROWTH * read) {
                    read += lists[keep + extra].size;
                    extra++;
                }
                if (extra == 0) {
                    collect(lists, keep, found);
                } else {
                    collectRepeated(lists, keep + extra, extra + 1, found);
                }
            }
        }
        long from = micros(at.minus(window));
        long to = micros(at.plus(window));
        Match best = null;
        for (int i = 0; i < found.size; i++) {
            int c = found.values[i];
            int start = stemsFrom[c];
            int end = stemsFrom[c + 1];
            int titles = stems[start];
            int sharedTitle = sharedCount(titleTermIds, stems, start + 1, start + 1 + titles);
            int shared = sharedCount(termIds, stems, start + 1 + titles, end);
            if (shared == 0 || !mayReach(sharedTitle, shared)) {
                continue;
            }
            // The wording from the counts first: it rules out most of the rest with arithmetic alone. A candidate
            // counted from its stem numbers has as many stems as numbers.
            boolean counted = countable && !uncounted.get(c);
            double wording = counted ? InitiativeMatcher.wordingScore(sharedTitle, titleTerms.size(), titles, shared,
                    terms.size(), end - start - 1 - titles, titleWeight) : Double.NaN;
            if (counted && wording < threshold) {
                continue;
            }
            Candidate candidate = candidates.get(c);
            if (!timesOf.get(c).anyWithin(from, to) || !sharesAny(candidate.partyKeys(), keys)) {
                continue;
            }
            double score = counted ? (InitiativeMatcher.partiesCompatible(mention, candidate.features())
                    ? ProgrammeName.adjust(wording, mention.titleTerms(), candidate.features().titleTerms()) : -1)
                    : InitiativeMatcher.score(mention, candidate.features(), titleWeight);
            if (!(score >= threshold)) {
                continue;
            }
            Match match = new Match(candidate, score);
            if (match.beats(best)) {
                best = match;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int sizeClass(int titleTerms, int terms) {
        return classOf(titleTerms, TITLE_CLASS_LEAST) * TERMS_CLASS_LEAST.length + classOf(terms, TERMS_CLASS_LEAST);
    }

    private static int classOf(int size, int[] least) {
        int c = 0;
        while (c + 1 < least.length && size >= least[c + 1]) {
            c++;
        }
        return c;
    }

    private static void file(Map<String, IntList[]> index, String term, int sizeClass, int candidate) {
        IntList[] lists = index.computeIfAbsent(term, t -> new IntList[CLASSES]);
        if (lists[sizeClass] == null) {
            lists[sizeClass] = new IntList();
        }
        lists[sizeClass].add(candidate);
    }

    /** Each term's postings by class; a term no candidate holds has none. */
    private static IntList[][] postings(Set<String> terms, Map<String, IntList[]> index) {
        IntList[][] postings = new IntList[terms.size()][];
        int i = 0;
        for (String term : terms) {
            postings[i++] = index.getOrDefault(term, NOWHERE);
        }
        return postings;
    }

    /** Class {@code k}'s postings of each term into {@code into}, shortest first. */
    private static void byRarity(IntList[][] postings, int k, IntList[] into) {
        for (int i = 0; i < postings.length; i++) {
            IntList list = k < postings[i].length ? postings[i][k] : null;
            into[i] = list == null ? EMPTY : list;
        }
        Arrays.sort(into, Comparator.comparingInt(p -> p.size));
    }

    private static long cost(IntList[] rarestFirst, int keep) {
        long cost = 0;
        for (int i = 0; i < keep; i++) {
            cost += rarestFirst[i].size;
        }
        return cost;
    }

    /** The candidates in at least {@code least} of the {@code keep} rarest lists into {@code found}, each once. */
    private void collectRepeated(IntList[] rarestFirst, int keep, int least, IntList found) {
        hitsStamp++;
        for (int l = 0; l < keep; l++) {
            IntList postings = rarestFirst[l];
            for (int i = 0; i < postings.size; i++) {
                int c = postings.values[i];
                if (hitStamp[c] != hitsStamp) {
                    hitStamp[c] = hitsStamp;
                    hits[c] = 1;
                } else if (++hits[c] == least && seen[c] != stamp) {
                    seen[c] = stamp;
                    found.add(c);
                }
            }
        }
    }

    private void collect(IntList[] rarestFirst, int keep, IntList found) {
        for (int l = 0; l < keep; l++) {
            IntList postings = rarestFirst[l];
            for (int i = 0; i < postings.size; i++) {
                int c = postings.values[i];
                if (seen[c] != stamp) {
                    seen[c] = stamp;
                    found.add(c);
                }
            }
        }
    }

    /**
     * The least (shared title terms, shared terms) pairs with which a candidate of class {@code k} can reach the
     * threshold against a mention of {@code titleTerms} title terms and {@code terms} terms (0: any): every such
     * candidate meets one of them. The overlaps' denominators are the smaller set's size, at least its floor, so
     * the class's least sizes bound them from below. Shared terms are at least one (a candidate shares a word).
     */
    private int[][] needs(int titleTerms, int terms, int k) {
        int t = Math.min(titleTerms, MAX_TITLE_LEAST);
        int a = Math.min(terms, MAX_TERMS_LEAST);
        int slot = (t * (MAX_TERMS_LEAST + 1) + a) * CLASSES + k;
        int[][] cached = needsCache[slot];
        if (cached != null) {
            return cached;
        }
        double titleDenominator = Math.max(Math.min(t, TITLE_CLASS_LEAST[k / TERMS_CLASS_LEAST.length]),
                InitiativeMatcher.MIN_TITLE_TERMS);
        double termsDenominator = Math.max(Math.min(a, TERMS_CLASS_LEAST[k % TERMS_CLASS_LEAST.length]),
                InitiativeMatcher.MIN_TERMS);
        List<int[]> needs = new ArrayList<>();
        int leastTerms = Integer.MAX_VALUE;
        for (int title = 0; title <= MAX_NEED; title++) {
            for (int all = 1; all < leastTerms && all <= MAX_NEED; all++) {
                double bound = titleWeight * Math.min(1.0, title / titleDenominator)
                        + (1 - titleWeight) * Math.min(1.0, all / termsDenominator);
                if (bound >= threshold - 1e-9) {
                    needs.add(new int[] {title, all});
                    leastTerms = all;
                    break;
                }
            }
        }
        cached = needs.toArray(new int[0][]);
        needsCache[slot] = cached;
        return cached;
    }

    /** The numbers of these words, sorted; words not in the index get one only when {@code assign}. */
    private int[] ids(Set<String> terms, boolean assign) {
        int[] ids = new int[terms.size()];
        int n = 0;
        for (String word : terms) {
            Integer id = termIds.get(word);
            if (id == null && assign) {
                id = words.size();
                termIds.put(word, id);
                words.add(word);
            }
            if (id != null) {
                ids[n++] = id;
            }
        }
        int[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** How many numbers a sorted array of distinct numbers shares with {@code b[from, to)}, sorted and distinct too. */
    private static int sharedCount(int[] a, int[] b, int from, int to) {
        int shared = 0;
        for (int i = 0, j = from; i < a.length && j < to;) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    private static double bound(int sharedTitle, int shared, double titleWeight) {
        return titleWeight * Math.min(1.0, sharedTitle / (double) InitiativeMatcher.MIN_TITLE_TERMS)
                + (1 - titleWeight) * Math.min(1.0, shared / (double) InitiativeMatcher.MIN_TERMS);
    }

    /**
     * Whether a candidate sharing {@code sharedTitle} title terms and {@code shared} terms could reach the
     * threshold at all: each overlap is at most 1 and at most the shared count over its floor, whatever
     * the sets' sizes. (A hair below the threshold, so rounding never rules out a real match.)
     */
    private boolean mayReach(int sharedTitle, int shared) {
        return bound(sharedTitle, shared, titleWeight) >= threshold - 1e-9;
    }

    /** The same words as this index's own strings (each word added before). */
    private List<String> shared(List<String> terms) {
        String[] same = new String[terms.size()];
        for (int i = 0; i < same.length; i++) {
            same[i] = words.get(termIds.get(terms.get(i)));
        }
        return List.of(same);
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static boolean sharesAny(List<String> keys, List<String> other) {
        for (String key : other) {
            if (keys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean distinct(List<String> values) {
        return new HashSet<>(values).size() == values.size();
    }

    /** When the mentions of one candidate were published, in microseconds: the least, the greatest and all. */
    private static final class Times {
        long least;
        long greatest;
        long[] values = new long[1];
        int size;

        Times(long first) {
            least = first;
            greatest = first;
            values[size++] = first;
        }

        void add(long at) {
            least = Math.min(least, at);
            greatest = Math.max(greatest, at);
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = at;
        }

        boolean anyWithin(long from, long to) {
            if (least > to || greatest < from) {
                return false;
            }
            if (least >= from || greatest <= to) {
                return true;
            }
            for (int i = 0; i < size; i++) {
                if (values[i] >= from && values[i] <= to) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A growable array of ints: postings lists hold many small ones. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
