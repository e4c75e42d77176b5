package dev.accord.alert.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {

    private static final List<String> TOPICS = List.copyOf(new java.util.TreeSet<>(Taxonomy.TOPICS));
    private static final List<String> COUNTRIES = List.of("US", "JP", "AU", "CN", "IN", "KR", "GB", "FR", "DE", "VN");
    private static final List<String> ORGS = List.of("NASA", "JAXA", "Quad", "NATO", "ASEAN");
    private static final List<String> STAGES = List.copyOf(new java.util.TreeSet<>(Taxonomy.STAGES));
    private static final List<String> WORDS = List.of("missile", "lunar", "semiconductor", "coast guard", "air defense",
            "council", "treaty", "satellite", "vaccine", "exchange");

    private static final String LONG_PHRASE = "air and missile defense";

    private final SubscriptionIndex index = new SubscriptionIndex();

    @Test
    void findsExactlyWhatAFullScanFindsForRandomFiltersAndEvents() {
        Random random = new Random(42);
        Map<UUID, SubscriptionFilter> filters = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            SubscriptionFilter filter = SubscriptionFilter.compile(randomSpec(random));
            UUID id = UUID.randomUUID();
            filters.put(id, filter);
            index.put(id, filter);
        }
        int matchedSomething = 0;
        for (int i = 0; i < 500; i++) {
            EventDocument event = randomEvent(random);
            List<UUID> expected = filters.entrySet().stream().filter(e -> e.getValue().matches(event)).map(Map.Entry::getKey).toList();
            assertThat(index.match(event).ids()).containsExactlyInAnyOrderElementsOf(expected);
            matchedSomething += expected.isEmpty() ? 0 : 1;
        }
        assertThat(matchedSomething).as("the random events exercise real matches").isGreaterThan(100);
        assertThat(index.fallbackSize()).as("only filters without any required term are checked for every event")
                .isLessThan(filters.size() / 10);
    }

    @Test
    void staysExactAfterBulkLoadAndChurnOfSharedFilters() {
        Random random = new Random(7);
        Map<UUID, SubscriptionFilter> filters = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            filters.put(UUID.randomUUID(), SubscriptionFilter.compile(randomSpec(random)));
        }
        index.replaceAll(filters);
        assertThat(index.groupCount()).as("identical filters share a group").isLessThan(filters.size());
        churn(filters, random, 2000, SubscriptionIndexTest::randomSpec);
        assertThat(index.size()).isEqualTo(filters.size());
        for (int i = 0; i < 300; i++) {
            EventDocument event = randomEvent(random);
            List<UUID> expected = filters.entrySet().stream().filter(e -> e.getValue().matches(event)).map(Map.Entry::getKey).toList();
            SubscriptionIndex.Matches matches = index.match(event);
            assertThat(matches.ids()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(matches.subscriptions()).isEqualTo(expected.size());
        }
    }

    @Test
    void keywordsWithValuesMatchExactlyWhatAFullScanFindsThroughChurn() {
        Random random = new Random(11);
        Map<UUID, SubscriptionFilter> filters = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            SubscriptionFilter filter = SubscriptionFilter.compile(keywordWithValuesSpec(random));
            UUID id = UUID.randomUUID();
            filters.put(id, filter);
            index.put(id, filter);
        }
        assertMatchesFullScan(filters, random, 300);
        churn(filters, random, 3000, SubscriptionIndexTest::keywordWithValuesSpec);
        assertMatchesFullScan(filters, random, 300);
        index.replaceAll(filters);
        assertMatchesFullScan(filters, random, 300);
    }

    @Test
    void aKeywordIsAnchoredTogetherWithTheValuesItIsRequiredWith() {
        AnchorPlanner.Anchor query = AnchorPlanner.anchorOf(
                spec(null, null, "topic:space AND (country:JP OR country:AU) AND \"missile\"").condition());
        assertThat(query.shape()).isEqualTo(AnchorPlanner.Shape.COMBINED);
        assertThat(query.exact()).isTrue();
        assertThat(query.keys()).hasSize(2);

        AnchorPlanner.Anchor listed = AnchorPlanner.anchorOf(SubscriptionFilter.compile(
                new FilterSpec(null, List.of("JP", "AU"), null, List.of("lunar", "coast guard"), null, null)).condition());
        assertThat(listed.shape()).isEqualTo(AnchorPlanner.Shape.COMBINED);
        assertThat(listed.keys()).hasSize(4);
        assertThat(listed.exact()).as("a short phrase is filed whole").isTrue();

        AnchorPlanner.Anchor longPhrase = AnchorPlanner.anchorOf(SubscriptionFilter.compile(
                new FilterSpec(null, List.of("JP"), null, List.of("lunar", LONG_PHRASE), null, null)).condition());
        assertThat(longPhrase.keys()).hasSize(2);
        assertThat(longPhrase.exact()).as("a long phrase is filed under one word and still needs its words in order").isFalse();

        AnchorPlanner.Anchor withNot = AnchorPlanner.anchorOf(
                spec(null, null, "country:JP AND \"missile\" AND NOT stage:announced").condition());
        assertThat(withNot.shape()).isEqualTo(AnchorPlanner.Shape.COMBINED);
        assertThat(withNot.exact()).as("the NOT is covered by an excluding key").isTrue();
        assertThat(withNot.excludes()).containsExactly("stage:announced");

        AnchorPlanner.Anchor longNot = AnchorPlanner.anchorOf(
                spec(null, null, "country:JP AND NOT \"" + LONG_PHRASE + "\"").condition());
        assertThat(longNot.exact()).as("a long phrase is no key an event looks up, so its NOT needs the check").isFalse();
        assertThat(longNot.excludes()).isEmpty();

        AnchorPlanner.Anchor insideOr = AnchorPlanner.anchorOf(
                spec(null, null, "(country:JP AND NOT stage:announced) OR country:AU").condition());
        assertThat(insideOr.excludes()).as("an exclusion holds for its own AND, not for the OR around it").isEmpty();
        assertThat(insideOr.exact()).isFalse();

        UUID id = UUID.randomUUID();
        index.put(id, spec(null, null, "topic:space AND (country:JP OR country:AU) AND \"missile\""));
        assertThat(index.match(event(List.of("space"), List.of("AU"), "A missile test")).ids()).containsExactly(id);
        assertThat(index.match(event(List.of("space"), List.of("CN"), "A missile test")).ids()).isEmpty();
        assertThat(index.match(event(List.of("trade"), List.of("JP"), "A missile test")).ids()).isEmpty();
        assertThat(index.match(event(List.of("space"), List.of("JP"), "A missiles test")).ids()).isEmpty();
        UUID phrase = UUID.randomUUID();
        index.put(phrase, SubscriptionFilter.compile(new FilterSpec(null, List.of("JP"), null, List.of("coast guard"), null, null)));
        assertThat(index.match(event(List.of(), List.of("JP"), "The Coast-Guard cutter")).ids()).containsExactly(phrase);
        assertThat(index.match(event(List.of(), List.of("JP"), "A guard on the coast")).ids()).isEmpty();
        assertThat(index.match(event(List.of(), List.of("JP"), "Along the coast. Guard duty")).ids())
                .as("as the full check, a phrase may run from one sentence into the next").containsExactly(phrase);
        index.remove(id);
        assertThat(index.match(event(List.of("space"), List.of("AU"), "A missile test")).ids()).isEmpty();
    }

    /** Random removals and filter changes of indexed subscriptions, mirrored in {@code filters}. */
    private void churn(Map<UUID, SubscriptionFilter> filters, Random random, int changes,
            java.util.function.Function<Random, FilterSpec> specs) {
        List<UUID> ids = new ArrayList<>(filters.keySet());
        for (int i = 0; i < changes; i++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            if (random.nextInt(3) == 0) {
                filters.remove(id);
                index.remove(id);
            } else {
                SubscriptionFilter filter = SubscriptionFilter.compile(specs.apply(random));
                filters.put(id, filter);
                index.put(id, filter);
            }
        }
    }

    private void assertMatchesFullScan(Map<UUID, SubscriptionFilter> filters, Random random, int events) {
        int matchedSomething = 0;
        for (int i = 0; i < events; i++) {
            EventDocument drawn = randomEvent(random);
            // Half the time a phrase's words are present but not in order: found under its word, then refused by the check.
            EventDocument event = random.nextBoolean() ? drawn : EventDocument.of(drawn.kinds(), drawn.topics(), drawn.countries(),
                    drawn.orgs(), drawn.stage(), List.of("The " + one(random, WORDS) + " talks.", "Defense of the air, a guard on the coast.",
                    random.nextBoolean() ? "A missile defense and air talk." : LONG_PHRASE + "."));
            List<UUID> expected = filters.entrySet().stream().filter(e -> e.getValue().matches(event)).map(Map.Entry::getKey).toList();
            SubscriptionIndex.Matches matches = index.match(event);
            assertThat(matches.ids()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(matches.subscriptions()).isEqualTo(expected.size());
            matchedSomething += expected.isEmpty() ? 0 : 1;
        }
        assertThat(matchedSomething).as("the random events exercise real matches").isGreaterThan(events / 5);
    }

    /** The matching benchmark's mix of filters, with keywords and phrases the random events use. */
    private static FilterSpec keywordWithValuesSpec(Random random) {
        List<String> events = random.nextInt(5) == 0 ? List.of("initiative.cataloged", "initiative.stage-changed") : null;
        int kind = random.nextInt(100);
        if (kind < 20) {
            return new FilterSpec(pick(random, TOPICS, 2), pick(random, COUNTRIES, 2), null, null, null, events);
        }
        if (kind < 30) {
            return new FilterSpec(null, pick(random, COUNTRIES, 1), pick(random, ORGS, 2), null, null, events);
        }
        if (kind < 50) {
            return new FilterSpec(random.nextInt(4) == 0 ? pick(random, TOPICS, 1) : null,
                    random.nextBoolean() ? pick(random, COUNTRIES, 2) : null, null,
                    random.nextInt(4) == 0 ? List.of(LONG_PHRASE, one(random, WORDS)) : pick(random, WORDS, 3), null, events);
        }
        if (kind < 75) {
            return new FilterSpec(null, null, null, null, "topic:" + one(random, TOPICS) + " AND (country:" + one(random, COUNTRIES)
                    + " OR country:" + one(random, COUNTRIES) + ") AND \"" + one(random, WORDS) + "\"", events);
        }
        if (kind < 85) {
            return new FilterSpec(null, null, null, null, "(country:" + one(random, COUNTRIES) + " OR org:" + one(random, ORGS)
                    + ") AND \"" + one(random, WORDS) + "\" AND NOT stage:" + one(random, STAGES), events);
        }
        return new FilterSpec(null, null, null, null, "country:" + one(random, COUNTRIES) + " AND NOT topic:"
                + one(random, TOPICS) + " AND NOT stage:" + one(random, STAGES), events);
    }

    @Test
    void filtersThatDifferOnlyInOrderAndCaseShareOneGroup() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        index.put(a, SubscriptionFilter.compile(new FilterSpec(List.of("space", "trade"), List.of("jp"), List.of("NASA"),
                List.of("Lunar Rover"), null, null)));
        index.put(b, SubscriptionFilter.compile(new FilterSpec(List.of("Trade", "space"), List.of("JP"), List.of("nasa"),
                List.of("\"lunar  rover\""), null, null)));
        index.put(c, SubscriptionFilter.compile(new FilterSpec(List.of("space"), List.of("JP"), null, null, null,
                List.of("initiative.cataloged", "initiative.stage-changed"))));
        assertThat(index.groupCount()).isEqualTo(2);

        EventDocument event = EventDocument.of(Set.of(EventKind.INITIATIVE_CATALOGED), List.of("space"), List.of("JP"),
                List.of("NASA"), "announced", List.of("The lunar rover"));
        SubscriptionIndex.Matches matches = index.match(event);
        assertThat(matches.groups()).isEqualTo(2);
        assertThat(matches.subscriptions()).isEqualTo(3);
        assertThat(matches.ids()).containsExactlyInAnyOrder(a, b, c);

        index.put(a, spec(List.of("trade"), List.of("AU"), null));
        assertThat(index.groupCount()).isEqualTo(3);
        assertThat(index.match(event).ids()).containsExactlyInAnyOrder(b, c);
        index.remove(b);
        assertThat(index.groupCount()).as("the last member leaving takes the filter with it").isEqualTo(2);
        assertThat(index.match(event).ids()).containsExactly(c);
    }

    @Test
    void followsReplacementRemovalAndBulkReload() {
        UUID id = UUID.randomUUID();
        EventDocument japan = event(List.of("space"), List.of("JP"), "The lunar rover");
        index.put(id, spec(List.of("space"), List.of("JP"), null));
        assertThat(index.match(japan).ids()).containsExactly(id);

        index.put(id, spec(List.of("space"), List.of("AU"), null));
        assertThat(index.match(japan).ids()).isEmpty();
        assertThat(index.match(event(List.of("space"), List.of("AU"), "x")).ids()).containsExactly(id);

        index.remove(id);
        assertThat(index.match(event(List.of("space"), List.of("AU"), "x")).ids()).isEmpty();
        assertThat(index.size()).isZero();

        UUID other = UUID.randomUUID();
        index.replaceAll(Map.of(other, spec(null, null, "lunar rover")));
        assertThat(index.match(japan).ids()).containsExactly(other);
        assertThat(index.ids()).containsExactly(other);
    }

    @Test
    void aSubscriptionWithOnlyANegationOrNothingIsStillMatched() {
        UUID everything = UUID.randomUUID();
        UUID notChina = UUID.randomUUID();
        index.put(everything, spec(null, null, null));
        index.put(notChina, spec(null, null, "NOT country:CN"));
        assertThat(index.match(event(List.of("trade"), List.of("JP"), "x")).ids()).containsExactlyInAnyOrder(everything, notChina);
        assertThat(index.match(event(List.of("trade"), List.of("CN"), "x")).ids()).containsExactly(everything);
        assertThat(index.fallbackSize()).isEqualTo(2);
    }

    @Test
    void anExcludingKeyRulesTheGroupOutWhateverKeyFoundIt() {
        UUID id = UUID.randomUUID();
        index.put(id, SubscriptionFilter.compile(new FilterSpec(null, null, null, null,
                "(country:JP OR country:AU) AND NOT stage:announced AND NOT \"coast guard\"",
                List.of("initiative.cataloged", "initiative.stage-changed"))));
        assertThat(index.match(EventDocument.of(Set.of(EventKind.INITIATIVE_CATALOGED), List.of(), List.of("JP", "AU"),
                List.of(), "planned", List.of("A joint exercise"))).ids()).containsExactly(id);
        assertThat(index.match(EventDocument.of(Set.of(EventKind.INITIATIVE_CATALOGED, EventKind.INITIATIVE_STAGE_CHANGED),
                List.of(), List.of("JP", "AU"), List.of(), "announced", List.of("A joint exercise"))).ids()).isEmpty();
        assertThat(index.match(EventDocument.of(Set.of(EventKind.INITIATIVE_STAGE_CHANGED), List.of(), List.of("AU"),
                List.of(), "planned", List.of("The Coast Guard joins"))).ids()).isEmpty();
        index.remove(id);
        assertThat(index.match(EventDocument.of(Set.of(EventKind.INITIATIVE_CATALOGED), List.of(), List.of("JP"),
                List.of(), "planned", List.of("A joint exercise"))).ids()).isEmpty();
    }

    @Test
    void aMatchDuringAChangeNeverSeesAGroupWithoutItsExclusions() throws Exception {
        SubscriptionFilter excluding = spec(null, null, "country:JP AND NOT stage:announced");
        UUID id = UUID.randomUUID();
        EventDocument announced = event(List.of("trade"), List.of("JP"), "Tariffs");
        // Keeps the country's entry in place, so a match can find it before the exclusion is filed and read it after.
        UUID japan = UUID.randomUUID();
        index.put(japan, spec(null, List.of("JP"), null));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger changes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                // Each put files a new group (the last member's removal took the old one away).
                index.put(id, excluding);
                index.remove(id);
                changes.incrementAndGet();
            }
        });
        writer.start();
        int wrong = 0;
        try {
            for (int i = 0; i < 200_000 || changes.get() < 1_000; i++) {
                if (index.match(announced).ids().contains(id)) {
                    wrong++;
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(wrong).as("matches of an event holding the excluded stage").isZero();
        assertThat(index.match(announced).ids()).containsExactly(japan);
    }

    @Test
    void aValueRequiredTwiceDoesNotHideTheSubscription() {
        UUID id = UUID.randomUUID();
        index.put(id, spec(null, List.of("JP", "AU"), "country:JP"));
        assertThat(index.match(event(List.of(), List.of("JP"), "x")).ids()).containsExactly(id);
    }

    private static SubscriptionFilter spec(List<String> topics, List<String> countries, String query) {
        return SubscriptionFilter.compile(new FilterSpec(topics, countries, null, null, query, null));
    }

    private static EventDocument event(List<String> topics, List<String> countries, String text) {
        return EventDocument.of(Set.of(EventKind.INITIATIVE_CATALOGED), topics, countries, List.of(), "announced", List.of(text));
    }

    private static FilterSpec randomSpec(Random random) {
        List<String> events = random.nextInt(5) == 0 ? List.of("initiative.cataloged", "initiative.stage-changed") : null;
        switch (random.nextInt(6)) {
            case 0:
                return new FilterSpec(pick(random, TOPICS, 2), null, null, null, null, events);
            case 1:
                return new FilterSpec(pick(random, TOPICS, 2), pick(random, COUNTRIES, 3), null, null, null, events);
            case 2:
                return new FilterSpec(null, pick(random, COUNTRIES, 2), pick(random, ORGS, 1), null, null, events);
            case 3:
                return new FilterSpec(null, null, null, pick(random, WORDS, 2), null, events);
            case 4:
                return new FilterSpec(null, null, null, null, "topic:" + one(random, TOPICS) + " AND (country:"
                        + one(random, COUNTRIES) + " OR \"" + one(random, WORDS) + "\") AND NOT stage:" + one(random, STAGES), events);
            default:
                return new FilterSpec(null, null, null, null, random.nextBoolean() ? "NOT topic:" + one(random, TOPICS)
                        : "(org:" + one(random, ORGS) + " OR stage:" + one(random, STAGES) + ") " + one(random, WORDS), events);
        }
    }

    private static EventDocument randomEvent(Random random) {
        Set<EventKind> kinds = random.nextBoolean() ? Set.of(EventKind.INITIATIVE_CATALOGED)
                : Set.of(EventKind.INITIATIVE_STAGE_CHANGED, EventKind.INITIATIVE_MENTIONED);
        List<String> text = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            text.add("The partners agreed on a " + one(random, WORDS) + " plan.");
        }
        return EventDocument.of(kinds, pick(random, TOPICS, 2), pick(random, COUNTRIES, 3), pick(random, ORGS, 1),
                one(random, STAGES), text);
    }

    private static List<String> pick(Random random, List<String> from, int most) {
        int n = 1 + random.nextInt(most);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(one(random, from));
        }
        return picked.stream().distinct().toList();
    }

    private static String one(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
