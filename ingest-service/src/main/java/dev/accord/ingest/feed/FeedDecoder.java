package dev.accord.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed's bytes into text. The charset comes from, in order: a byte-order mark, the HTTP
 * {@code Content-Type} charset, the XML declaration's {@code encoding}, and else UTF-8 — except that
 * a UTF-8 label on bytes that are not UTF-8 is taken to be wrong (servers often send a default
 * label, and feeds often omit the declaration), and the bytes are then read as windows-1252.
 * ISO-8859-1 labels are read as windows-1252 too, as browsers do: it is a superset that also
 * decodes the curly quotes such feeds really contain.
 */
public final class FeedDecoder {

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)\"?");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int DECLARATION_WINDOW = 512;

    private FeedDecoder() {
    }

    /** The document as text, without byte-order mark or anything before its first {@code <}. */
    public static String decode(byte[] body, String contentType) {
        Charset charset = charsetOf(body, contentType);
        String text = new String(body, charset);
        int start = 0;
        // A BOM, and blank lines before "<?xml", make strict XML parsers refuse an otherwise good feed.
        while (start < text.length() && (text.charAt(start) == '\uFEFF' || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        return text.substring(start);
    }

    static Charset charsetOf(byte[] body, String contentType) {
        Optional<Charset> bom = fromByteOrderMark(body);
        if (bom.isPresent()) {
            return bom.get();
        }
        Optional<Charset> declared = declared(body);
        Charset labelled = fromContentType(contentType).or(() -> declared).orElse(StandardCharsets.UTF_8);
        if (labelled.equals(StandardCharsets.UTF_8) && !isUtf8(body)) {
            return declared.filter(c -> !c.equals(StandardCharsets.UTF_8)).map(FeedDecoder::widen).orElse(WINDOWS_1252);
        }
        return widen(labelled);
    }

    private static Charset widen(Charset charset) {
        return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII) ? WINDOWS_1252 : charset;
    }

    private static Optional<Charset> fromByteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static Optional<Charset> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = CHARSET_PARAM.matcher(contentType);
        return m.find() ? named(m.group(1)) : Optional.empty();
    }

    /** The XML declaration's encoding; the declaration is ASCII in every charset a feed may use. */
    private static Optional<Charset> declared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? named(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> named(String name) {
        try {
            return Optional.of(Charset.forName(name.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
