package dev.accord.ingest.feed;

/** The document is not a feed: not XML at all, or XML without an RSS, RDF or Atom element. */
public class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
