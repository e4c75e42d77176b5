package dev.accord.common.events;

/** Kafka topic names of the Accord event contract (docs/architecture.md, "Topics and event contracts"). */
public final class Topics {

    public static final String ARTICLES = "accord.articles";
    public static final String INITIATIVES = "accord.initiatives";
    public static final String CATALOG = "accord.catalog";
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
