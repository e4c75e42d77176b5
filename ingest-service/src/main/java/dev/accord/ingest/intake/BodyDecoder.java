package dev.accord.ingest.intake;

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
 * Turns a fetched body's bytes into text. The charset comes from, in order: a byte-order mark, bytes that are
 * valid UTF-8 with multi-byte sequences in them, the HTTP
 * {@code Content-Type} charset, the document's own declaration (an XML declaration's {@code encoding}, an HTML
 * {@code <meta charset>} or {@code http-equiv} content type), and else UTF-8 — except that a UTF-8 label on bytes
 * that are not UTF-8 is taken to be wrong (servers often send a default label), and the bytes are then read as
 * the declared charset or windows-1252. ISO-8859-1 and ASCII labels are read as windows-1252, as browsers do:
 * a superset that also decodes the curly quotes such pages really contain.
 */
public final class BodyDecoder {

    /** How a document names its own charset near its start. */
    public enum Declaration {
        XML(Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']")),
        HTML(Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)"));

        private final Pattern pattern;

        Declaration(Pattern pattern) {
            this.pattern = pattern;
        }
    }

    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)\"?");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    // Browsers look for the meta charset in the first 1024 bytes; an XML declaration is the first thing there.
    private static final int DECLARATION_WINDOW = 1024;

    private BodyDecoder() {
    }

    /** The body as text; bytes that are invalid in the chosen charset become U+FFFD, never an error. */
    public static String decode(byte[] body, String contentType, Declaration declaration) {
        return new String(body, charsetOf(body, contentType, declaration));
    }

    public static Charset charsetOf(byte[] body, String contentType, Declaration declaration) {
        Optional<Charset> bom = fromByteOrderMark(body);
        if (bom.isPresent()) {
            return bom.get();
        }
        if (isMultiByteUtf8(body)) {
            // Text in a legacy charset is almost never valid UTF-8 once it holds multi-byte sequences, while pages
            // converted to UTF-8 often keep their old label ("gb2312"): the bytes outvote the label.
            return StandardCharsets.UTF_8;
        }
        Optional<Charset> declared = declared(body, declaration);
        Charset labelled = fromContentType(contentType).or(() -> declared).orElse(StandardCharsets.UTF_8);
        if (labelled.equals(StandardCharsets.UTF_8) && !isUtf8(body)) {
            return declared.filter(c -> !c.equals(StandardCharsets.UTF_8)).map(BodyDecoder::widen).orElse(WINDOWS_1252);
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

    /** The declaration is ASCII in every charset a page or feed may use (UTF-16 has its byte-order mark). */
    private static Optional<Charset> declared(byte[] body, Declaration declaration) {
        String head = new String(body, 0, Math.min(body.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = declaration.pattern.matcher(head);
        return m.find() ? named(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> named(String name) {
        try {
            Charset charset = Charset.forName(name.strip().toLowerCase(Locale.ROOT));
            // A page cannot really be UTF-16 without a byte-order mark; browsers read such a label as UTF-8.
            return Optional.of(charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isMultiByteUtf8(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return isUtf8(body);
            }
        }
        return false;
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
