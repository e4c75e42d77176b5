package dev.accord.ingest.feed;

import java.time.Duration;
import java.util.Optional;

/**
 * A poll that got no feed: refused address, network failure, an HTTP error, or a server asking us to
 * come back later ({@code 429}/{@code 503} with {@code Retry-After}).
 */
public class FeedFetchException extends Exception {

    private final Integer httpStatus;
    private final Duration retryAfter;

    public FeedFetchException(String message, Integer httpStatus, Duration retryAfter) {
        super(message);
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public FeedFetchException(String message) {
        this(message, null, null);
    }

    /** The HTTP status that ended the fetch, if a server answered. */
    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    /** How long the server asked us to wait before the next request. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
