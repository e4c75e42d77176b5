package dev.accord.catalog.api;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one page of a list as an RFC 4287 Atom feed. The feed's {@code id} is the URL of the
 * query's first page, so every page of one query is the same feed; {@code next} (RFC 5005) carries
 * the cursor of the following page.
 */
public final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String AUTHOR = "Accord catalog";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** One entry; {@code published}, {@code summary} and {@code related} may be null. */
    public record Entry(UUID id, String title, Instant updated, Instant published, String summary, String link,
            String related, List<String> categories) {
    }

    /** The feed's own metadata: {@code next} is null on the last page. */
    public record Head(String id, String title, String self, String first, String next) {
    }

    private AtomFeed() {
    }

    public static String write(Head head, List<Entry> entries, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", head.id());
            text(xml, "title", head.title());
            text(xml, "updated", entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(now).toString());
            xml.writeStartElement("author");
            text(xml, "name", AUTHOR);
            xml.writeEndElement();
            link(xml, "self", head.self(), "application/atom+xml");
            link(xml, "first", head.first(), "application/atom+xml");
            if (head.next() != null) {
                link(xml, "next", head.next(), "application/atom+xml");
            }
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", "urn:uuid:" + entry.id());
                text(xml, "title", entry.title());
                text(xml, "updated", entry.updated().toString());
                if (entry.published() != null) {
                    text(xml, "published", entry.published().toString());
                }
                link(xml, "alternate", entry.link(), "application/json");
                if (entry.related() != null) {
                    link(xml, "related", entry.related(), null);
                }
                for (String category : entry.categories()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", xmlSafe(category));
                }
                if (entry.summary() != null) {
                    text(xml, "summary", entry.summary());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(xmlSafe(value == null ? "" : value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", xmlSafe(href));
        if (type != null) {
            xml.writeAttribute("type", type);
        }
    }

    /** Drops the characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/F). */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(safe::appendCodePoint);
        return safe.toString();
    }
}
