package dev.accord.ingest.feed;

import dev.accord.ingest.intake.BodyDecoder;

/** Turns a feed's bytes into text, with the charset {@link BodyDecoder} finds from its XML declaration. */
public final class FeedDecoder {

    private FeedDecoder() {
    }

    /** The document as text, without byte-order mark or anything before its first {@code <}. */
    public static String decode(byte[] body, String contentType) {
        String text = BodyDecoder.decode(body, contentType, BodyDecoder.Declaration.XML);
        int start = 0;
        // A BOM, and blank lines before "<?xml", make strict XML parsers refuse an otherwise good feed.
        while (start < text.length() && (text.charAt(start) == '\uFEFF' || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        return text.substring(start);
    }
}
