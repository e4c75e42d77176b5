package dev.accord.ingest.feed;

import java.util.List;

/** A feed document as parsed: which format it was, its own title and link, and its entries in document order. */
public record ParsedFeed(Format format, String title, String link, List<FeedItem> items) {

    /** The dialects read. RSS 0.9x and 2.0 share one vocabulary; RSS 0.90 and 1.0 are RDF. */
    public enum Format {
        RSS, RDF, ATOM
    }
}
