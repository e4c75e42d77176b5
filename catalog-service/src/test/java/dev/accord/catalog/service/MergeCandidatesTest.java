package dev.accord.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The in-memory placement gives the answer of the rule applied to every candidate the database would
 * return (shares a party key and a word, within the window): thousands of mentions from a small
 * vocabulary, so that many merge and many only just miss, placed both ways.
 */
class MergeCandidatesTest {

    private static final Duration WINDOW = Duration.ofDays(14);
    private static final List<String> COUNTRIES = List.of("US", "JP", "AU", "KR", "DE", "FR");
    private static final List<String> ORGS = List.of("NASA", "JAXA", "NATO");

    @Test
    void placesEveryMentionWhereComparingItWithEveryCandidateWould() {
        for (double[] setting : new double[][] {{0.5, 0.6}, {0.3, 0.6}, {0.7, 0.4}, {0.5, 0.2}}) {
            compare(new Random(42), 1_500, setting[0], setting[1]);
        }
    }

    private static void compare(Random random, int count, double threshold, double titleWeight) {
        MergeCandidates index = new MergeCandidates(WINDOW, threshold, titleWeight);
        List<MergeCandidates.Candidate> all = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        int merged = 0;
        for (int i = 0; i < count; i++) {
            InitiativeMatcher.Features mention = features(random);
            Instant at = start.plus(Duration.ofHours(random.nextInt(24 * 60)));
            Optional<MergeCandidates.Candidate> fast = index.entryFor(mention, at);
            Optional<MergeCandidates.Candidate> slow = bruteForce(all, mention, at, threshold, titleWeight);
            assertThat(fast.map(MergeCandidates.Candidate::entryId)).as("mention %d", i)
                    .isEqualTo(slow.map(MergeCandidates.Candidate::entryId));
            merged += fast.isPresent() ? 1 : 0;
            UUID entry = fast.map(MergeCandidates.Candidate::entryId).orElse(UUID.randomUUID());
            Instant firstSeen = fast.map(MergeCandidates.Candidate::entryFirstSeenAt).orElse(start.plusSeconds(i));
            MergeCandidates.Candidate placed = MergeCandidates.Candidate.of(entry, firstSeen, mention,
                    mention.partyKeys(), at);
            index.add(placed);
            all.add(placed);
        }
        assertThat(merged).as("mentions that merged").isBetween(count / 20, count - count / 20);
    }

    private static Optional<MergeCandidates.Candidate> bruteForce(List<MergeCandidates.Candidate> all,
            InitiativeMatcher.Features mention, Instant at, double threshold, double titleWeight) {
        if (mention.partyKeys().isEmpty() || mention.terms().isEmpty()) {
            return Optional.empty();
        }
        record Scored(MergeCandidates.Candidate candidate, double score) {
        }
        return all.stream()
                .filter(c -> !c.mentionedAt().isBefore(at.minus(WINDOW)) && !c.mentionedAt().isAfter(at.plus(WINDOW)))
                .filter(c -> !Collections.disjoint(c.partyKeys(), mention.partyKeys()))
                .filter(c -> !Collections.disjoint(c.features().terms(), mention.terms()))
                .map(c -> new Scored(c, InitiativeMatcher.score(mention, c.features(), titleWeight)))
                .filter(s -> s.score() >= threshold)
                .min(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.candidate().entryFirstSeenAt())
                        .thenComparing(s -> s.candidate().entryId()))
                .map(Scored::candidate);
    }

    /** Titles of 2–5 words from 12, evidence adds 3–10 more from 20; 1–3 countries, sometimes an organisation. */
    private static InitiativeMatcher.Features features(Random random) {
        Set<String> countries = new LinkedHashSet<>();
        int parties = random.nextInt(4);
        while (countries.size() < parties) {
            countries.add(COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        }
        List<String> orgs = random.nextInt(3) == 0 ? List.of(ORGS.get(random.nextInt(ORGS.size()))) : List.of();
        Set<String> title = new LinkedHashSet<>();
        int titleWords = 2 + random.nextInt(4);
        while (title.size() < titleWords) {
            title.add("t" + random.nextInt(12));
        }
        Set<String> terms = new LinkedHashSet<>(title);
        int more = 3 + random.nextInt(8);
        Set<String> evidence = new HashSet<>();
        while (evidence.size() < more) {
            evidence.add("e" + random.nextInt(20));
        }
        terms.addAll(evidence);
        return new InitiativeMatcher.Features(new ArrayList<>(countries), orgs, List.copyOf(title), List.copyOf(terms));
    }
}
