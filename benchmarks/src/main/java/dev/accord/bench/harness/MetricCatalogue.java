package dev.accord.bench.harness;

import java.util.List;

/** What the harness reports, in the order of the table, with each figure's target where it has one. */
final class MetricCatalogue {

    /** How a median compares to its target. */
    enum Bound {
        AT_LEAST("≥ "), AT_MOST("≤ "), BELOW("< ");

        final String sign;

        Bound(String sign) {
            this.sign = sign;
        }
    }

    /** A target the median is held against. */
    record Target(Bound bound, double value) {
        boolean met(double median) {
            return switch (bound) {
                case AT_LEAST -> median >= value;
                case AT_MOST -> median <= value;
                case BELOW -> median < value;
            };
        }

        String text(String unit) {
            return bound.sign + Report.withUnit(value, unit);
        }
    }

    private static Target atLeast(double value) {
        return new Target(Bound.AT_LEAST, value);
    }

    private static Target atMost(double value) {
        return new Target(Bound.AT_MOST, value);
    }

    private static Target below(double value) {
        return new Target(Bound.BELOW, value);
    }

    /** A reported figure: measured directly, or the ratio of two figures of the same rounds. */
    record Metric(String id, String section, String label, String unit, Target target, String numerator, String denominator) {
        boolean ratio() {
            return numerator != null;
        }
    }

    private MetricCatalogue() {
    }

    static Metric measured(String id, String section, String label, String unit, Target target) {
        return new Metric(id, section, label, unit, target, null, null);
    }

    /** A ratio shown as a factor (2.0×) rather than a percentage. */
    static Metric factor(String id, String section, String label, String numerator, String denominator, Target target) {
        return new Metric(id, section, label, "×", target, numerator, denominator);
    }

    static Metric ratio(String id, String section, String label, String numerator, String denominator, Target target) {
        return new Metric(id, section, label, "ratio", target, numerator, denominator);
    }

    static final List<Metric> ALL = java.util.stream.Stream.of(List.of(
            measured("machine.load_1m", "machine", "load average (1 min) at the start of each round", "load", null),
            measured("events.article_bytes", "event sizes", "article event (key + value + headers)", "B", null),
            measured("events.initiative_bytes", "event sizes", "initiative event, mean", "B", null),
            measured("events.initiatives_per_article", "event sizes", "initiatives per seed article", "count", null),
            measured("events.mean_bytes", "event sizes", "mean event of the mix (baseline record size)", "B", null),
            measured("kafka.producer.events_per_s", "baseline: Kafka", "ProducerPerformance, acks=all, idempotent", "events/s", null),
            measured("kafka.producer.p99_ms", "baseline: Kafka", "ProducerPerformance p99 latency", "ms", null),
            measured("kafka.consumer.events_per_s", "baseline: Kafka", "ConsumerPerformance (fetch rate)", "events/s", null),
            measured("pg.insert.rows_per_s", "baseline: PostgreSQL", "batched INSERT of initiative rows", "rows/s", null),
            measured("pg.copy.rows_per_s", "baseline: PostgreSQL", "COPY of initiative rows", "rows/s", null),
            measured("extraction.seed_per_s", "extraction", "seed articles/s per core (JMH)", "articles/s", atLeast(500)),
            measured("ingest.events_per_s", "HTTP ingest → Kafka", "accepted events/s, clients posting back to back", "events/s", null),
            measured("ingest.articles_per_s", "HTTP ingest → Kafka", "accepted articles/s, same load", "articles/s", null),
            measured("ingest.non_2xx", "HTTP ingest → Kafka", "non-2xx answers under that load (count)", "count", null),
            ratio("ingest.vs_producer", "HTTP ingest → Kafka", "events/s ÷ ProducerPerformance events/s",
                    "ingest.events_per_s", "kafka.producer.events_per_s", atLeast(0.25)),
            measured("ingest.steady_articles_per_s", "HTTP ingest → Kafka", "steady load (half the accepted rate)", "articles/s", null),
            measured("ingest.p50_ms", "HTTP ingest → Kafka", "steady load, latency p50", "ms", null),
            measured("ingest.p99_ms", "HTTP ingest → Kafka", "steady load, latency p99", "ms", null),
            measured("ingest.steady_non_2xx", "HTTP ingest → Kafka", "steady load, non-2xx answers (count)", "count", null),
            measured("catalog.rows_per_s", "Kafka → catalog", "1 replica: initiative events stored/s", "rows/s", null),
            ratio("catalog.vs_insert", "Kafka → catalog", "1 replica: rows/s ÷ batched INSERT rows/s",
                    "catalog.rows_per_s", "pg.insert.rows_per_s", atLeast(0.5)),
            measured("catalog2.rows_per_s", "Kafka → catalog", "2 replicas: initiative events stored/s", "rows/s", null),
            ratio("catalog2.vs_insert", "Kafka → catalog", "2 replicas: rows/s ÷ batched INSERT rows/s",
                    "catalog2.rows_per_s", "pg.insert.rows_per_s", atLeast(0.5)),
            measured("query.entries", "catalog queries at 200 req/s", "initiatives in the catalog while queried", "count", null),
            measured("query.filter.p99_ms", "catalog queries at 200 req/s", "filter (topic + country) p99", "ms", below(20)),
            measured("query.fulltext.p99_ms", "catalog queries at 200 req/s", "full-text q p99", "ms", below(20)),
            measured("query.facets.p99_ms", "catalog queries at 200 req/s", "facets p99", "ms", below(20)),
            measured("query.deep_page.p99_ms", "catalog queries at 200 req/s", "deep cursor page p99", "ms", below(20)),
            measured("query.by_id.p99_ms", "catalog queries at 200 req/s", "by id p99", "ms", below(20)),
            measured("e2e.5.p50_ms", "end to end: HTTP → signed webhook", "5 articles/s (below capacity), p50", "ms", null),
            measured("e2e.5.p99_ms", "end to end: HTTP → signed webhook", "5 articles/s (below capacity), p99", "ms", null),
            measured("e2e.50.p50_ms", "end to end: HTTP → signed webhook", "50 articles/s, p50", "ms", null),
            measured("e2e.50.p99_ms", "end to end: HTTP → signed webhook", "50 articles/s, p99", "ms", null),
            measured("e2e.200.p50_ms", "end to end: HTTP → signed webhook", "200 articles/s, p50", "ms", null),
            measured("e2e.200.p99_ms", "end to end: HTTP → signed webhook", "200 articles/s, p99", "ms", below(250))),
            pipeline("distinct", "pipeline: distinct news", 200, below(100)),
            pipeline("burst", "pipeline: re-report burst", 100, null),
            List.of(
            measured("matching.1k.p99_us", "alert matching (JMH)", "1k subscriptions, per-event p99", "µs", below(2000)),
            measured("matching.100k.p99_us", "alert matching (JMH)", "100k subscriptions, per-event p99", "µs", below(2000)),
            factor("matching.100k_vs_1k", "alert matching (JMH)", "p99 at 100k ÷ p99 at 1k",
                    "matching.100k.p99_us", "matching.1k.p99_us", below(2)),
            measured("service.ingest.ready_s", "services", "ingest: start → ready", "s", atMost(3)),
            measured("service.catalog.ready_s", "services", "catalog: start → ready", "s", atMost(3)),
            measured("service.alert.ready_s", "services", "alert: start → ready", "s", atMost(3)),
            measured("service.ingest.rss_idle_mb", "services", "ingest: RSS idle", "MB", atMost(200)),
            measured("service.catalog.rss_idle_mb", "services", "catalog: RSS idle", "MB", atMost(200)),
            measured("service.alert.rss_idle_mb", "services", "alert: RSS idle", "MB", atMost(200)),
            measured("service.ingest.rss_load_mb", "services", "ingest: RSS under load (max)", "MB", atMost(200)),
            measured("service.catalog.rss_load_mb", "services", "catalog: RSS under load (max)", "MB", atMost(200)),
            measured("service.alert.rss_load_mb", "services", "alert: RSS under load (max)", "MB", atMost(200))))
            .flatMap(List::stream).toList();

    /** One pipeline scenario's figures (PipelineScenario): capacity, latency, CPU per article and process, floor. */
    private static List<Metric> pipeline(String scenario, String section, double capacityTarget, Target at50Target) {
        String p = "pipeline." + scenario;
        return List.of(
                measured(p + ".capacity", section, "capacity: highest rate with every article notified, p99 < 1 s", "articles/s",
                        atLeast(capacityTarget)),
                measured(p + ".at50.p99_ms", section, "50 articles/s, HTTP → webhook p99", "ms", at50Target),
                measured(p + ".p99_ms", section, "at capacity, HTTP → webhook p99", "ms", below(1000)),
                measured(p + ".cpu_ms", section, "at capacity, CPU per article, all processes", "ms", atMost(10)),
                measured(p + ".cpu.ingest_ms", section, "… ingest", "ms", null),
                measured(p + ".cpu.catalog_ms", section, "… catalog", "ms", null),
                measured(p + ".cpu.alert_ms", section, "… alert", "ms", null),
                measured(p + ".cpu.kafka_ms", section, "… Kafka broker", "ms", null),
                measured(p + ".cpu.postgres_ms", section, "… PostgreSQL (all its processes)", "ms", null),
                measured(p + ".floor_ms", section, "floor: Kafka + PostgreSQL for the same records and rows", "ms", null),
                factor(p + ".vs_floor", section, "CPU per article ÷ floor", p + ".cpu_ms", p + ".floor_ms", atMost(3)));
    }
}
