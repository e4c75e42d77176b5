package dev.accord.catalog.recording;

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
 * vocabulary, so that many merge and many only just miss, placed both ways. A share of them repeat an
 * earlier mention word for word at another time (kept once, with both times), and the candidates are
 * split between two indexes asked together, as a batch asks the stored mentions and its own.
 */
class MergeCandidatesTest {

    private static final Duration WINDOW = Duration.ofDays(14);
    private static final List<String> COUNTRIES = List.of("US", "JP", "AU", "KR", "DE", "FR");
    private static final List<String> ORGS = List.of("NASA", "JAXA", "NATO");

    /** A placed mention: its candidate and when it was published. */
    private record Placed(MergeCandidates.Candidate candidate, Instant at) {
    }

    @Test
    void placesEveryMentionWhereComparingItWithEveryCandidateWould() {
        for (double[] setting : new double[][] {{0.5, 0.6}, {0.3, 0.6}, {0.7, 0.4}, {0.5, 0.2}}) {
            compare(new Random(42), 1_500, setting[0], setting[1], false);
            compare(new Random(7), 1_500, setting[0], setting[1], true);
        }
    }

    @Test
    void mentionsKeptOnceStillJoinOnlyWithinTheWindowOfOneOfThem() {
        MergeCandidates index = new MergeCandidates(WINDOW, 0.5, 0.6);
        InitiativeMatcher.Features wording = new InitiativeMatcher.Features(List.of("US", "JP"), List.of(),
                List.of("lunar", "astronaut", "partner"), List.of("lunar", "astronaut", "partner", "nasa", "jaxa",
                        "moon", "mission", "japanese", "crew"));
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        MergeCandidates.Candidate entry = MergeCandidates.Candidate.of(UUID.randomUUID(), start, wording,
                wording.partyKeys());
        index.add(entry, start);
        index.add(entry, start.plus(Duration.ofDays(60)));
        assertThat(index.candidates()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(2);
        // Day 30: 30 days from either mention, none within 14.
        assertThat(index.entryFor(wording, start.plus(Duration.ofDays(30)))).isEmpty();
        index.add(entry, start.plus(Duration.ofDays(20)));
        assertThat(index.entryFor(wording, start.plus(Duration.ofDays(30))).map(m -> m.candidate().entryId()))
                .contains(entry.entryId());
        assertThat(index.entryFor(wording, start.plus(Duration.ofDays(90)))).isEmpty();
        assertThat(index.entryFor(wording, start.minus(Duration.ofDays(14)))).isPresent();
    }

    /** {@code wide}: titles of 1–14 stems and up to 50 stems in all, so that candidates fill every size class. */
    private static void compare(Random random, int count, double threshold, double titleWeight, boolean wide) {
        MergeCandidates stored = new MergeCandidates(WINDOW, threshold, titleWeight);
        MergeCandidates batch = new MergeCandidates(WINDOW, threshold, titleWeight);
        List<Placed> all = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        int merged = 0;
        Set<MergeCandidates.Candidate> inStored = new HashSet<>();
        Set<MergeCandidates.Candidate> inBatch = new HashSet<>();
        for (int i = 0; i < count; i++) {
            // Every fifth mention repeats an earlier one's wording, up to 60 days later or earlier.
            boolean copy = !all.isEmpty() && random.nextInt(5) == 0;
            InitiativeMatcher.Features mention = copy ? all.get(random.nextInt(all.size())).candidate().features()
                    : wide ? wideFeatures(random) : features(random);
            Instant at = start.plus(Duration.ofHours(random.nextInt(24 * 60)));
            Optional<MergeCandidates.Candidate> fast = MergeCandidates.Match.best(stored.entryFor(mention, at),
                    batch.entryFor(mention, at));
            Optional<MergeCandidates.Candidate> slow = bruteForce(all, mention, at, threshold, titleWeight);
            assertThat(fast.map(MergeCandidates.Candidate::entryId)).as("mention %d", i)
                    .isEqualTo(slow.map(MergeCandidates.Candidate::entryId));
            merged += fast.isPresent() ? 1 : 0;
            UUID entry = fast.map(MergeCandidates.Candidate::entryId).orElse(UUID.randomUUID());
            Instant firstSeen = fast.map(MergeCandidates.Candidate::entryFirstSeenAt).orElse(start.plusSeconds(i));
            MergeCandidates.Candidate placed = MergeCandidates.Candidate.of(entry, firstSeen, mention, mention.partyKeys());
            boolean toBatch = random.nextInt(4) == 0;
            (toBatch ? batch : stored).add(placed, at);
            (toBatch ? inBatch : inStored).add(placed);
            all.add(new Placed(placed, at));
        }
        assertThat(merged).as("mentions that merged").isBetween(count / 20, count - count / 20);
        assertThat(stored.size() + batch.size()).isEqualTo(count);
        assertThat(stored.candidates()).as("mentions of one entry alike kept once").isEqualTo(inStored.size())
                .isLessThan(stored.size() - count / 20);
        assertThat(batch.candidates()).isEqualTo(inBatch.size());
    }

    private static Optional<MergeCandidates.Candidate> bruteForce(List<Placed> all, InitiativeMatcher.Features mention,
            Instant at, double threshold, double titleWeight) {
        if (mention.partyKeys().isEmpty() || mention.terms().isEmpty()) {
            return Optional.empty();
        }
        record Scored(MergeCandidates.Candidate candidate, double score) {
        }
        return all.stream()
                .filter(p -> !p.at().isBefore(at.minus(WINDOW)) && !p.at().isAfter(at.plus(WINDOW)))
                .map(Placed::candidate)
                .filter(c -> !Collections.disjoint(c.partyKeys(), mention.partyKeys()))
                .filter(c -> !Collections.disjoint(c.features().terms(), mention.terms()))
                .map(c -> new Scored(c, InitiativeMatcher.score(mention, c.features(), titleWeight)))
                .filter(s -> s.score() >= threshold)
                .min(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.candidate().entryFirstSeenAt())
                        .thenComparing(s -> s.candidate().entryId()))
                .map(Scored::candidate);
    }

    private static InitiativeMatcher.Features wideFeatures(Random random) {
        List<String> countries = List.of(COUNTRIES.get(random.nextInt(2)), COUNTRIES.get(2 + random.nextInt(2)));
        Set<String> title = new LinkedHashSet<>();
        int titleWords = 1 + random.nextInt(14);
        while (title.size() < titleWords) {
            title.add("t" + random.nextInt(90));
        }
        Set<String> terms = new LinkedHashSet<>(title);
        int more = random.nextInt(37);
        while (terms.size() < title.size() + more) {
            terms.add("e" + random.nextInt(250));
        }
        return new InitiativeMatcher.Features(countries, List.of(), List.copyOf(title), List.copyOf(terms));
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
