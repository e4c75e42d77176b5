package dev.accord.ingest.feed;

import java.net.URI;

/**
 * A conditional GET's answer: the document (status 200) with its validators, or nothing new
 * (status 304). {@code url} is where the document was found after redirects.
 */
public record FetchedFeed(int status, URI url, byte[] body, String contentType, String etag, String lastModified) {

    public boolean notModified() {
        return status == 304;
    }
}
