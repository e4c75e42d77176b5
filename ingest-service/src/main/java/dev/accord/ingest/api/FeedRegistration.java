package dev.accord.ingest.api;

/**
 * The JSON body of {@code POST /api/feeds}: the feed's URL, and a title to use instead of the feed's own.
 * Lengths are checked by {@link dev.accord.ingest.feed.FeedRegistry}, which answers problem+json naming the field.
 */
public record FeedRegistration(String url, String title) {
}
