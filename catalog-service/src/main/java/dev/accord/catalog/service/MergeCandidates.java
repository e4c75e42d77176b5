package dev.accord.catalog.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * <p>For one new mention only the mentions sharing a word with it are visited, and the overlap counts
 * are gathered on the way, so scoring costs the postings of its words rather than a set comparison per
 * candidate. Candidates whose stored term arrays hold a duplicate are scored by
 * {@link InitiativeMatcher#score} itself.
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
    private int[] shared = new int[64];
    private int[] sharedTitle = new int[64];

    MergeCandidates(Duration window, double threshold, double titleWeight) {
        this.window = window;
        this.threshold = threshold;
        this.titleWeight = titleWeight;
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
        if (index >= shared.length) {
            shared = java.util.Arrays.copyOf(shared, shared.length * 2);
            sharedTitle = java.util.Arrays.copyOf(sharedTitle, sharedTitle.length * 2);
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
        IntList touched = new IntList();
        for (String term : new HashSet<>(mention.terms())) {
            IntList postings = byTerm.get(term);
            if (postings != null) {
                for (int i = 0; i < postings.size; i++) {
                    int c = postings.values[i];
                    if (shared[c]++ == 0) {
                        touched.add(c);
                    }
                }
            }
        }
        for (String term : new HashSet<>(mention.titleTerms())) {
            IntList postings = byTitleTerm.get(term);
            if (postings != null) {
                for (int i = 0; i < postings.size; i++) {
                    int c = postings.values[i];
                    if (shared[c] > 0) {
                        sharedTitle[c]++;
                    }
                }
            }
        }
        boolean countable = distinct(mention.titleTerms()) && distinct(mention.terms());
        Instant from = at.minus(window);
        Instant to = at.plus(window);
        Candidate best = null;
        double bestScore = 0;
        for (int i = 0; i < touched.size; i++) {
            int c = touched.values[i];
            Candidate candidate = candidates.get(c);
            // Most candidates share only common words: the counts alone rule them out, before any other test.
            boolean possible = !countable || !candidate.duplicateFree() || mayReach(sharedTitle[c], shared[c]);
            double score = !possible || candidate.mentionedAt().isBefore(from) || candidate.mentionedAt().isAfter(to)
                    || !sharesAny(candidate.partyKeySet(), keys) ? Double.NaN : score(mention, countable, candidate, c);
            shared[c] = 0;
            sharedTitle[c] = 0;
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
     * Whether a candidate sharing {@code sharedTitle} title terms and {@code shared} terms could reach the
     * threshold at all: each overlap is at most 1 and at most the shared count over its floor, whatever
     * the sets' sizes. (A hair below the threshold, so rounding never rules out a real match.)
     */
    private boolean mayReach(int sharedTitle, int shared) {
        double bound = titleWeight * Math.min(1.0, sharedTitle / (double) InitiativeMatcher.MIN_TITLE_TERMS)
                + (1 - titleWeight) * Math.min(1.0, shared / (double) InitiativeMatcher.MIN_TERMS);
        return bound >= threshold - 1e-9;
    }

    private double score(InitiativeMatcher.Features mention, boolean countable, Candidate candidate, int index) {
        InitiativeMatcher.Features other = candidate.features();
        if (!countable || !candidate.duplicateFree()) {
            return InitiativeMatcher.score(mention, other, titleWeight);
        }
        double wording = InitiativeMatcher.wordingScore(sharedTitle[index], mention.titleTerms().size(),
                other.titleTerms().size(), shared[index], mention.terms().size(), other.terms().size(), titleWeight);
        // Parties are compared only where the wording could merge (the rarer, dearer test); below the
        // threshold the answer is "no" either way.
        if (wording < threshold) {
            return wording;
        }
        return InitiativeMatcher.partiesCompatible(mention, other) ? wording : -1;
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
