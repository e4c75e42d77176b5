package dev.accord.ingest.tag;

import java.util.List;

/** What a piece of text is about: taxonomy topics, ISO country codes, organisations and people. */
public record Tags(List<String> topics, List<String> countries, List<String> organisations, List<String> people) {
}
