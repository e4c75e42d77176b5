package dev.accord.ingest.extract;

import dev.accord.ingest.text.Sentence;
import java.util.List;

/** An initiative the extractor found, before it gets its identity and becomes an event. */
public record FoundInitiative(String title, String summary, Sentence evidence, List<String> countries,
        List<String> organisations, List<String> topics, String stage, double confidence) {
}
