package dev.accord.catalog.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>For one new mention only candidates that can still reach the threshold are visited. Each overlap
 * is at most 1 and at most the shared count over its floor, so a merge needs one of a few least
 * (shared title stems, shared stems) pairs — with the default weights (2, 2), (1, 6) or (3, 1). A set
 * sharing k of the mention's n stems shares one of any n − k + 1 of them, so the lists of its rarest
 * stems suffice: a word every title carries is never read. The visited candidates' shared counts come
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
    private final Map<String, IntList> byTerm = new HashMap<>();
    private final Map<String, IntList> byTitleTerm = new HashMap<>();
    /** Each word's number in this index, so a candidate's words are a sorted int array (quick to intersect). */
    private final Map<String, Integer> termIds = new HashMap<>();
    /** Each word once, by number: candidates read from the database share these strings instead of their own copies. */
    private final List<String> words = new ArrayList<>();
    /**
     * Per candidate, what the scan compares, in one array so that visiting a candidate reads one place: the
     * number of title stems, the title stems' numbers sorted, then all stems' numbers sorted.
     */
    private int[][] stems = new int[64][];
    /** Candidates whose stored stem lists hold a duplicate: scored by {@link InitiativeMatcher#score}, not from counts. */
    private final java.util.BitSet uncounted = new java.util.BitSet();
    private int mentions;
    /** Needs larger than this are not looked for: no title or sentence has that many stems in common. */
    private static final int MAX_NEED = 64;
    private static final IntList EMPTY = new IntList();

    private final List<int[]> needs;
    /** seen[c] == stamp: candidate c was already collected for the current mention. */
    private int[] seen = new int[64];
    private int stamp;

    MergeCandidates(Duration window, double threshold, double titleWeight) {
        this.window = window;
        this.threshold = threshold;
        this.titleWeight = titleWeight;
        this.needs = needs(threshold, titleWeight);
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
        if (index == stems.length) {
            stems = java.util.Arrays.copyOf(stems, index * 2);
        }
        int[] packed = new int[1 + titleIds.length + termIds.length];
        packed[0] = titleIds.length;
        System.arraycopy(titleIds, 0, packed, 1, titleIds.length);
        System.arraycopy(termIds, 0, packed, 1 + titleIds.length, termIds.length);
        stems[index] = packed;
        uncounted.set(index, !candidate.duplicateFree());
        InitiativeMatcher.Features features = candidate.features();
        Candidate kept = new Candidate(candidate.entryId(), candidate.entryFirstSeenAt(),
                new InitiativeMatcher.Features(features.countries(), features.organisations(),
                        shared(features.titleTerms()), shared(features.terms())),
                candidate.partyKeys(), candidate.duplicateFree());
        candidates.add(kept);
        timesOf.add(new Times(at));
        slots.put(kept, index);
        for (String term : terms) {
            byTerm.computeIfAbsent(term, t -> new IntList()).add(index);
        }
        for (String term : titleTerms) {
            byTitleTerm.computeIfAbsent(term, t -> new IntList()).add(index);
        }
        if (index >= seen.length) {
            seen = java.util.Arrays.copyOf(seen, seen.length * 2);
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
        IntList found = new IntList();
        stamp++;
        for (int[] need : needs) {
            // A candidate meeting this need shares at least need[0] title terms and need[1] terms, so it is
            // in the postings of the mention's rarest |title terms| - need[0] + 1 title terms, and in those of
            // its rarest |terms| - need[1] + 1 terms: read whichever lists are shorter.
            List<IntList> byTitle = need[0] == 0 ? null : rarest(titleTerms, byTitleTerm, need[0]);
            List<IntList> byTerms = rarest(terms, byTerm, need[1]);
            List<IntList> cheaper = byTitle == null || cost(byTerms) <= cost(byTitle) ? byTerms : byTitle;
            for (IntList postings : cheaper) {
                for (int i = 0; i < postings.size; i++) {
                    int c = postings.values[i];
                    if (seen[c] != stamp) {
                        seen[c] = stamp;
                        found.add(c);
                    }
                }
            }
        }
        boolean countable = titleTerms.size() == mention.titleTerms().size() && terms.size() == mention.terms().size();
        long from = micros(at.minus(window));
        long to = micros(at.plus(window));
        Match best = null;
        for (int i = 0; i < found.size; i++) {
            int c = found.values[i];
            int[] packed = stems[c];
            int titles = packed[0];
            int sharedTitle = sharedCount(titleTermIds, packed, 1, 1 + titles);
            int shared = sharedCount(termIds, packed, 1 + titles, packed.length);
            if (shared == 0 || !mayReach(sharedTitle, shared)) {
                continue;
            }
            // The wording from the counts first: it rules out most of the rest with arithmetic alone. A candidate
            // counted from its stem numbers has as many stems as numbers.
            boolean counted = countable && !uncounted.get(c);
            double wording = counted ? InitiativeMatcher.wordingScore(sharedTitle, titleTerms.size(), titles, shared,
                    terms.size(), packed.length - 1 - titles, titleWeight) : Double.NaN;
            if (counted && wording < threshold) {
                continue;
            }
            Candidate candidate = candidates.get(c);
            if (!timesOf.get(c).anyWithin(from, to) || !sharesAny(candidate.partyKeys(), keys)) {
                continue;
            }
            double score = counted ? (InitiativeMatcher.partiesCompatible(mention, candidate.features()) ? wording : -1)
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

    /**
     * The least (shared title terms, shared terms) pairs with which a score can reach the threshold:
     * any candidate that can merge meets one of them. Shared terms are at least one (a candidate shares a word).
     */
    private static List<int[]> needs(double threshold, double titleWeight) {
        List<int[]> needs = new ArrayList<>();
        int leastTerms = Integer.MAX_VALUE;
        for (int title = 0; title <= MAX_NEED; title++) {
            for (int all = 1; all < leastTerms && all <= MAX_NEED; all++) {
                if (bound(title, all, titleWeight) >= threshold - 1e-9) {
                    needs.add(new int[] {title, all});
                    leastTerms = all;
                    break;
                }
            }
        }
        return needs;
    }

    /** The postings of the {@code terms} that a set sharing {@code least} of them must meet: all but the least - 1 commonest. */
    private static List<IntList> rarest(Set<String> terms, Map<String, IntList> index, int least) {
        int keep = terms.size() - least + 1;
        if (keep <= 0) {
            return List.of();
        }
        List<IntList> postings = new ArrayList<>(terms.size());
        for (String term : terms) {
            postings.add(index.getOrDefault(term, EMPTY));
        }
        postings.sort(Comparator.comparingInt(p -> p.size));
        return postings.subList(0, keep);
    }

    private static long cost(List<IntList> postings) {
        long cost = 0;
        for (IntList p : postings) {
            cost += p.size;
        }
        return cost;
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
        int[] sorted = java.util.Arrays.copyOf(ids, n);
        java.util.Arrays.sort(sorted);
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
                values = java.util.Arrays.copyOf(values, size * 2);
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
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
