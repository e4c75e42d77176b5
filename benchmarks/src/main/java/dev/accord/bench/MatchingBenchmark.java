package dev.accord.bench;

import dev.accord.alert.filter.EventDocument;
import dev.accord.alert.filter.EventKind;
import dev.accord.alert.filter.FilterSpec;
import dev.accord.alert.filter.SubscriptionFilter;
import dev.accord.alert.filter.SubscriptionIndex;
import dev.accord.alert.filter.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching one catalog event against the alert service's subscription index: preparing the event
 * (lower-casing, word set) plus the index lookup and the full check of every candidate filter group,
 * answering the matched groups with their subscription ids, as the service's planner receives them
 * (expanding the groups into delivery rows is the delivery insert's work, not measured here). Subscriptions
 * are random mixes of topics, countries, organisations, keywords and queries drawn from the ingest
 * taxonomy; events are initiatives with sentences of the sample article. Sample mode gives the
 * distribution (p50, p99) per event.
 * Run from the repository root: {@code java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' org.openjdk.jmh.Main MatchingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Threads(1)
public class MatchingBenchmark {

    private static final Path TAXONOMY = Path.of("ingest-service/src/main/resources/taxonomy");
    private static final Path SAMPLE = Path.of("samples/thehill-2024-04-kishida-state-visit.txt");
    private static final int EVENTS = 256;
    private static final long SEED = 20240410L;

    @Param({"1000", "100000"})
    public int subscriptions;

    /** An event as the consumer receives it, before it is prepared for matching. */
    record RawEvent(Set<EventKind> kinds, List<String> topics, List<String> countries, List<String> orgs, String stage,
            List<String> texts) {
    }

    private final SubscriptionIndex index = new SubscriptionIndex();
    private final List<RawEvent> events = new ArrayList<>();
    private List<String> topics;
    private List<String> countries;
    private List<String> orgs;
    private List<String> keywords;
    private List<String> stages;
    private List<String> sentences;
    private int next;

    @Setup
    public void load() throws IOException {
        topics = List.copyOf(new java.util.TreeSet<>(Taxonomy.TOPICS));
        stages = List.copyOf(new java.util.TreeSet<>(Taxonomy.STAGES));
        // Rows without a country code ("-": regional names) are no country a subscriber could name.
        countries = firstColumn("countries.tsv").stream().filter(code -> code.matches("[A-Z]{2}")).toList();
        orgs = firstColumn("organisations.tsv");
        // The plain (non-regex) alternatives of the topic dictionary: words and phrases people would type.
        keywords = dataLines("topics.tsv").flatMap(line -> Stream.of(line.split("\t")[1].split("\\|")))
                .filter(k -> k.matches("[A-Za-z][A-Za-z -]*")).distinct().toList();
        sentences = Stream.of(Files.readString(SAMPLE).split("(?<=[.!?])\\s+")).filter(s -> s.length() > 40).toList();
        Random random = new Random(SEED);
        for (int i = 0; i < subscriptions; i++) {
            index.put(UUID.randomUUID(), SubscriptionFilter.compile(subscription(random)));
        }
        for (int i = 0; i < EVENTS; i++) {
            events.add(event(random));
        }
        long subscriptionsMatched = 0;
        long groupsMatched = 0;
        for (RawEvent event : events) {
            SubscriptionIndex.Matches matches = index.match(prepare(event));
            subscriptionsMatched += matches.subscriptions();
            groupsMatched += matches.groups();
        }
        System.out.printf("%n%d subscriptions in %d distinct filters (%d subscriptions checked for every event); per event"
                + " on average %.1f filter groups matched, %.1f subscriptions (%.1f per group)%n", index.size(),
                index.groupCount(), index.fallbackSize(), groupsMatched / (double) EVENTS,
                subscriptionsMatched / (double) EVENTS, subscriptionsMatched / (double) Math.max(1, groupsMatched));
    }

    /** What the alert service does per event: prepare it and find the matched filter groups with their subscription ids. */
    @Benchmark
    public SubscriptionIndex.Matches matchOneEvent() {
        RawEvent event = events.get(next++ & (EVENTS - 1));
        return index.match(prepare(event));
    }

    private static EventDocument prepare(RawEvent e) {
        return EventDocument.of(e.kinds(), e.topics(), e.countries(), e.orgs(), e.stage(), e.texts());
    }

    private FilterSpec subscription(Random random) {
        List<String> events = random.nextInt(5) == 0 ? List.of("initiative.cataloged", "initiative.stage-changed") : null;
        int kind = random.nextInt(100);
        if (kind < 30) {
            return new FilterSpec(some(random, topics, 2), some(random, countries, 2), null, null, null, events);
        }
        if (kind < 45) {
            return new FilterSpec(null, some(random, countries, 2), null, null, null, events);
        }
        if (kind < 50) {
            return new FilterSpec(some(random, topics, 1), null, null, null, null, events);
        }
        if (kind < 60) {
            return new FilterSpec(null, some(random, countries, 1), some(random, orgs, 2), null, null, events);
        }
        if (kind < 80) {
            return new FilterSpec(null, random.nextBoolean() ? some(random, countries, 2) : null, null,
                    some(random, keywords, 3), null, events);
        }
        if (kind < 95) {
            return new FilterSpec(null, null, null, null, "topic:" + one(random, topics) + " AND (country:" + one(random, countries)
                    + " OR country:" + one(random, countries) + ") AND \"" + one(random, keywords) + "\"", events);
        }
        return new FilterSpec(null, null, null, null, "country:" + one(random, countries) + " AND NOT topic:"
                + one(random, topics) + " AND NOT stage:" + one(random, stages), events);
    }

    private RawEvent event(Random random) {
        Set<EventKind> kinds = random.nextInt(4) == 0
                ? EnumSet.of(EventKind.INITIATIVE_STAGE_CHANGED, EventKind.INITIATIVE_MENTIONED)
                : EnumSet.of(EventKind.INITIATIVE_CATALOGED);
        List<String> texts = List.of(one(random, sentences), one(random, sentences), one(random, sentences));
        return new RawEvent(kinds, some(random, topics, 2), some(random, countries, 3),
                random.nextBoolean() ? some(random, orgs, 1) : List.of(), one(random, stages), texts);
    }

    private static List<String> some(Random random, List<String> from, int most) {
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

    private static Stream<String> dataLines(String file) throws IOException {
        return Files.readAllLines(TAXONOMY.resolve(file)).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    private static List<String> firstColumn(String file) throws IOException {
        return dataLines(file).map(l -> l.split("\t")[0]).toList();
    }
}
