package dev.accord.catalog.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The mentions a batch of new mentions may join, held in memory with an index from each word stem to
 * the mentions that contain it, and the merge rule applied to them: the same answer as looking up
 * every new mention's candidates in the database one by one, without that query per mention. A
 * mention placed from the batch is {@linkplain #add added}, so later mentions of the same batch can
 * join its entry.
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

    /**
     * A mention that can be joined: its entry, the entry's first-seen time, what the merge compares,
     * its stored party keys, when. The sets the index needs are made once, as candidates are cached.
     */
    record Candidate(UUID entryId, Instant entryFirstSeenAt, InitiativeMatcher.Features features,
            List<String> partyKeys, Instant mentionedAt, Set<String> partyKeySet, Set<String> termSet,
            Set<String> titleTermSet, boolean duplicateFree) {

        static Candidate of(UUID entryId, Instant entryFirstSeenAt, InitiativeMatcher.Features features,
                List<String> partyKeys, Instant mentionedAt) {
            Set<String> terms = Set.copyOf(features.terms());
            Set<String> titleTerms = Set.copyOf(features.titleTerms());
            return new Candidate(entryId, entryFirstSeenAt, features, partyKeys, mentionedAt, Set.copyOf(partyKeys),
                    terms, titleTerms, terms.size() == features.terms().size()
                            && titleTerms.size() == features.titleTerms().size());
        }
    }

    private final Duration window;
    private final double threshold;
    private final double titleWeight;
    private final List<Candidate> candidates = new ArrayList<>();
    private final Map<String, IntList> byTerm = new HashMap<>();
    private final Map<String, IntList> byTitleTerm = new HashMap<>();
    /** Each word's number in this index, so a candidate's words are a sorted int array (quick to intersect). */
    private final Map<String, Integer> termIds = new HashMap<>();
    private final List<int[]> termsOf = new ArrayList<>();
    private final List<int[]> titleTermsOf = new ArrayList<>();
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

    void add(Candidate candidate) {
        int index = candidates.size();
        candidates.add(candidate);
        for (String term : candidate.termSet()) {
            byTerm.computeIfAbsent(term, t -> new IntList()).add(index);
        }
        for (String term : candidate.titleTermSet()) {
            byTitleTerm.computeIfAbsent(term, t -> new IntList()).add(index);
        }
        termsOf.add(ids(candidate.termSet(), true));
        titleTermsOf.add(ids(candidate.titleTermSet(), true));
        if (index >= seen.length) {
            seen = java.util.Arrays.copyOf(seen, seen.length * 2);
        }
    }

    int size() {
        return candidates.size();
    }

    /**
     * The mention whose entry {@code mention}, published at {@code at}, joins; empty when it starts one. Candidates
     * are the mentions published within the window that share a party key and a word with it; among
     * entries scoring at or above the threshold (an entry scores its best mention's score) the highest
     * score wins, then the oldest entry, then the smallest id.
     */
    Optional<Candidate> entryFor(InitiativeMatcher.Features mention, Instant at) {
        List<String> keys = mention.partyKeys();
        if (keys.isEmpty() || mention.terms().isEmpty()) {
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
        Instant from = at.minus(window);
        Instant to = at.plus(window);
        Candidate best = null;
        double bestScore = 0;
        for (int i = 0; i < found.size; i++) {
            int c = found.values[i];
            Candidate candidate = candidates.get(c);
            int shared = sharedCount(termIds, termsOf.get(c));
            int sharedTitle = sharedCount(titleTermIds, titleTermsOf.get(c));
            if (shared == 0 || !mayReach(sharedTitle, shared)) {
                continue;
            }
            // The wording from the counts first: it rules out most of the rest with arithmetic alone.
            boolean counted = countable && candidate.duplicateFree();
            if (counted && wording(mention, candidate, sharedTitle, shared) < threshold) {
                continue;
            }
            if (candidate.mentionedAt().isBefore(from) || candidate.mentionedAt().isAfter(to)
                    || !sharesAny(candidate.partyKeySet(), keys)) {
                continue;
            }
            double score = score(mention, counted, candidate, sharedTitle, shared);
            if (!(score >= threshold)) {
                continue;
            }
            if (best == null || score > bestScore
                    || score == bestScore && (candidate.entryFirstSeenAt().isBefore(best.entryFirstSeenAt())
                            || candidate.entryFirstSeenAt().equals(best.entryFirstSeenAt())
                                    && candidate.entryId().compareTo(best.entryId()) < 0)) {
                best = candidate;
                bestScore = score;
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
    private int[] ids(Set<String> words, boolean assign) {
        int[] ids = new int[words.size()];
        int n = 0;
        for (String word : words) {
            Integer id = assign ? termIds.computeIfAbsent(word, w -> termIds.size()) : termIds.get(word);
            if (id != null) {
                ids[n++] = id;
            }
        }
        int[] sorted = java.util.Arrays.copyOf(ids, n);
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    /** How many numbers two sorted arrays of distinct numbers share. */
    private static int sharedCount(int[] a, int[] b) {
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length;) {
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

    private double wording(InitiativeMatcher.Features mention, Candidate candidate, int sharedTitle, int shared) {
        return InitiativeMatcher.wordingScore(sharedTitle, mention.titleTerms().size(),
                candidate.features().titleTerms().size(), shared, mention.terms().size(),
                candidate.features().terms().size(), titleWeight);
    }

    /** The rule's score: from the counts when both term sets are duplicate-free, else by {@link InitiativeMatcher#score}. */
    private double score(InitiativeMatcher.Features mention, boolean counted, Candidate candidate, int sharedTitle,
            int shared) {
        if (!counted) {
            return InitiativeMatcher.score(mention, candidate.features(), titleWeight);
        }
        double wording = wording(mention, candidate, sharedTitle, shared);
        // Parties are compared only where the wording could merge (the rarer, dearer test); below the
        // threshold the answer is "no" either way.
        if (wording < threshold) {
            return wording;
        }
        return InitiativeMatcher.partiesCompatible(mention, candidate.features()) ? wording : -1;
    }

    private static boolean sharesAny(Set<String> keys, Collection<String> other) {
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
