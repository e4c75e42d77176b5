package dev.accord.ingest.feed;

import dev.accord.ingest.intake.UrlCanonicalizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads RSS 0.9x/2.0, RSS 0.90/1.0 (RDF) and Atom (1.0 and 0.3) with the JDK's own XML parser,
 * after {@link FeedDecoder} found the charset. External entities and DTDs are never loaded (a feed
 * must not make Accord fetch anything), and a feed wrapped in another document (Atom inside XHTML)
 * is found inside it. HTML entities and bare ampersands, which are not XML but common in feeds, are
 * repaired before parsing.
 */
@ApplicationScoped
public class FeedParser {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ATOM_03 = "http://purl.org/atom/ns#";
    static final String RSS_10 = "http://purl.org/rss/1.0/";
    static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String USERLAND = "http://backend.userland.com/rss2";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String FEEDBURNER = "http://rssnamespace.org/feedburner/ext/1.0";

    /** RSS 0.9x/2.0 elements have no namespace; RSS 0.90 and 1.0 (RDF) have their own. Null stands for none. */
    private static final Set<String> RSS_VOCABULARY = namespaces(null, RSS_10, RSS_090, USERLAND);
    private static final Set<String> ATOM_VOCABULARY = namespaces(ATOM, ATOM_03, null);
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final int MAX_TITLE_CHARS = 1000;
    /** A general entity the document declares in its internal subset. */
    private static final Pattern ENTITY_DECLARATION = Pattern.compile("<!ENTITY\\s+([A-Za-z_][\\w.-]*)");
    /** An ampersand and what follows it: a character reference, a named entity, or nothing (a bare one). */
    private static final Pattern AMPERSAND = Pattern.compile("&(#[0-9]+;|#[xX][0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9]*);)?");

    /** Parses a feed fetched from {@code base} (relative links resolve against it; may be null). */
    public ParsedFeed parse(byte[] body, String contentType, URI base) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("The feed is empty.");
        }
        Document document = read(FeedDecoder.decode(body, contentType), base);
        Element root = feedElement(document.getDocumentElement());
        return switch (root.getLocalName()) {
            case "rss" -> rss(root, base);
            case "RDF" -> rdf(root, base);
            default -> atom(root, base);
        };
    }

    // ---- XML ----------------------------------------------------------------------------------

    private static Document read(String text, URI base) throws FeedParseException {
        try {
            return parseXml(repairEntities(text), base);
        } catch (SAXException e) {
            throw new FeedParseException("The feed is not well-formed XML: " + describe(e), e);
        }
    }

    private static Document parseXml(String text, URI base) throws SAXException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            // Never resolve anything outside the document (XXE, and SSRF through a DTD URL).
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(THROW_ON_FATAL);
            InputSource source = new InputSource(new StringReader(text));
            if (base != null) {
                source.setSystemId(base.toString());
            }
            return builder.parse(source);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("The JDK's XML parser could not be set up", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        // The JDK's own implementation, whatever else the class path brings, so limits and features are known.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        return factory;
    }

    private static final ErrorHandler THROW_ON_FATAL = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make a feed unreadable.
        }

        @Override
        public void error(SAXParseException e) {
            // Validity errors (we do not validate) do not either.
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /**
     * Turns HTML named entities ({@code &nbsp;}) into character references and escapes bare ampersands,
     * outside CDATA sections (whose content is literal). Both are common in feeds and not XML: a bare
     * ampersand is fatal, and an HTML entity is fatal too — or, under a DOCTYPE whose DTD is not loaded
     * (Netscape's RSS 0.91), silently dropped with the letter it stood for. Entities the document
     * declares itself, and the five of XML, are left alone; on well-formed XML this changes nothing else.
     */
    static String repairEntities(String text) {
        Set<String> declared = new HashSet<>(XML_ENTITIES);
        Matcher declarations = ENTITY_DECLARATION.matcher(text);
        while (declarations.find()) {
            declared.add(declarations.group(1));
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        while (at < text.length()) {
            int cdata = text.indexOf("<![CDATA[", at);
            int end = cdata < 0 ? text.length() : cdata;
            repairSegment(text.substring(at, end), declared, out);
            if (cdata < 0) {
                break;
            }
            int close = text.indexOf("]]>", cdata);
            int stop = close < 0 ? text.length() : close + 3;
            out.append(text, cdata, stop);
            at = stop;
        }
        return out.toString();
    }

    private static void repairSegment(String segment, Set<String> declared, StringBuilder out) {
        Matcher m = AMPERSAND.matcher(segment);
        int last = 0;
        while (m.find()) {
            out.append(segment, last, m.start());
            String name = m.group(2);
            if (m.group(1) == null) {
                out.append("&amp;");
            } else if (name == null || declared.contains(name)) {
                out.append(m.group());
            } else if (Entities.isNamedEntity(name)) {
                Entities.getByName(name).codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
            } else {
                out.append("&amp;").append(name).append(';');
            }
            last = m.end();
        }
        out.append(segment, last, segment.length());
    }

    private static String describe(SAXException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SAXParseException p && p.getLineNumber() > 0) {
            return "line " + p.getLineNumber() + ": " + message;
        }
        return message;
    }

    /** The rss, rdf:RDF or Atom feed element: the root, or the first one inside a wrapping document. */
    private static Element feedElement(Element root) throws FeedParseException {
        if (isFeedRoot(root)) {
            return root;
        }
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element candidate = (Element) all.item(i);
            if (isFeedRoot(candidate)) {
                return candidate;
            }
        }
        throw new FeedParseException("The document is XML but not a feed: its root element is <"
                + root.getNodeName() + "> and it holds no RSS, RDF or Atom feed.");
    }

    private static boolean isFeedRoot(Element e) {
        String name = e.getLocalName();
        String ns = e.getNamespaceURI();
        return ("rss".equals(name) && RSS_VOCABULARY.contains(ns))
                || ("RDF".equals(name) && RDF.equals(ns))
                || ("feed".equals(name) && ATOM_VOCABULARY.contains(ns));
    }

    // ---- RSS 0.9x / 2.0 and RDF -----------------------------------------------------------------

    private static ParsedFeed rss(Element rss, URI base) {
        Element channel = child(rss, RSS_VOCABULARY, "channel");
        List<FeedItem> items = new ArrayList<>();
        Element container = channel == null ? rss : channel;
        for (Element item : children(container, RSS_VOCABULARY, "item")) {
            items.add(rssItem(item, base));
        }
        if (channel != null) {
            // Some RSS 0.9x feeds put their items beside the channel rather than in it.
            for (Element item : children(rss, RSS_VOCABULARY, "item")) {
                items.add(rssItem(item, base));
            }
        }
        return new ParsedFeed(ParsedFeed.Format.RSS, title(text(channel, RSS_VOCABULARY, "title")),
                resolve(base, text(channel, RSS_VOCABULARY, "link")), items);
    }

    private static ParsedFeed rdf(Element rdf, URI base) {
        Element channel = child(rdf, RSS_VOCABULARY, "channel");
        List<FeedItem> items = new ArrayList<>();
        for (Element item : children(rdf, RSS_VOCABULARY, "item")) {
            items.add(rssItem(item, base));
        }
        return new ParsedFeed(ParsedFeed.Format.RDF, title(text(channel, RSS_VOCABULARY, "title")),
                resolve(base, text(channel, RSS_VOCABULARY, "link")), items);
    }

    private static FeedItem rssItem(Element item, URI base) {
        Element guidElement = child(item, RSS_VOCABULARY, "guid");
        String guid = guidElement == null ? null : blankToNull(guidElement.getTextContent());
        if (guid == null && item.hasAttributeNS(RDF, "about")) {
            guid = blankToNull(item.getAttributeNS(RDF, "about"));
        }
        // FeedBurner's origLink is the publisher's URL; its <link> is a tracking redirect through FeedBurner.
        String link = firstNonNull(text(item, Set.of(FEEDBURNER), "origLink"), text(item, RSS_VOCABULARY, "link"));
        if (link == null && guid != null && guidElement != null
                && !"false".equalsIgnoreCase(guidElement.getAttribute("isPermaLink").strip()) && guid.startsWith("http")) {
            link = guid;
        }
        String date = firstNonNull(text(item, RSS_VOCABULARY, "pubDate"), text(item, Set.of(DC), "date"));
        return new FeedItem(guid, link(base, link), title(text(item, RSS_VOCABULARY, "title")),
                FeedDates.parse(date).orElse(null), text(item, Set.of(CONTENT), "encoded"),
                text(item, RSS_VOCABULARY, "description"));
    }

    // ---- Atom ---------------------------------------------------------------------------------

    private static ParsedFeed atom(Element feed, URI base) {
        String ns = feed.getNamespaceURI();
        Set<String> vocabulary = ns == null ? ATOM_VOCABULARY : namespaces(ns);
        List<FeedItem> items = new ArrayList<>();
        for (Element entry : children(feed, vocabulary, "entry")) {
            items.add(atomEntry(entry, vocabulary, base));
        }
        return new ParsedFeed(ParsedFeed.Format.ATOM, title(atomText(child(feed, vocabulary, "title"), true)),
                alternateLink(feed, vocabulary, base), items);
    }

    private static FeedItem atomEntry(Element entry, Set<String> atom, URI base) {
        String date = firstNonNull(text(entry, atom, "published"), text(entry, atom, "updated"),
                text(entry, atom, "issued"), text(entry, atom, "modified"), text(entry, Set.of(DC), "date"));
        return new FeedItem(text(entry, atom, "id"), link(base, alternateLink(entry, atom, base)),
                title(atomText(child(entry, atom, "title"), true)), FeedDates.parse(date).orElse(null),
                atomText(child(entry, atom, "content"), false), atomText(child(entry, atom, "summary"), false));
    }

    /** The {@code rel="alternate"} link (the default rel), preferring an HTML one. */
    private static String alternateLink(Element parent, Set<String> atom, URI base) {
        String found = null;
        for (Element link : children(parent, atom, "link")) {
            String rel = link.getAttribute("rel").strip();
            String href = link.getAttribute("href").strip();
            if (href.isEmpty() && !link.getTextContent().isBlank()) {
                href = link.getTextContent().strip();
            }
            if (href.isEmpty() || !(rel.isEmpty() || rel.equals("alternate"))) {
                continue;
            }
            String resolved = resolve(baseOf(link, base), href);
            String type = link.getAttribute("type").toLowerCase(Locale.ROOT);
            if (type.isEmpty() || type.contains("html")) {
                return resolved;
            }
            found = found == null ? resolved : found;
        }
        return found;
    }

    /**
     * An Atom text construct: as plain text for titles, as HTML otherwise. {@code type="xhtml"} holds
     * markup inside a div; {@code type="html"} holds escaped HTML; {@code type="text"} plain text.
     * Out-of-line content ({@code src}) is not fetched.
     */
    private static String atomText(Element element, boolean plain) {
        if (element == null || element.hasAttribute("src")) {
            return null;
        }
        String type = element.getAttribute("type").strip().toLowerCase(Locale.ROOT);
        if (type.equals("xhtml") || type.equals("application/xhtml+xml")) {
            String markup = innerMarkup(element);
            return plain ? blankToNull(Jsoup.parse(markup).text()) : blankToNull(markup);
        }
        String text = blankToNull(element.getTextContent());
        if (text == null) {
            return null;
        }
        boolean html = type.equals("html") || type.equals("text/html");
        if (plain) {
            return html ? blankToNull(Jsoup.parse(text).text()) : text;
        }
        return html ? text : "<p>" + Entities.escape(text) + "</p>";
    }

    /** The markup inside an xhtml construct's wrapping div (or the construct itself when there is none). */
    private static String innerMarkup(Element element) {
        Element div = null;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "div".equals(e.getLocalName())) {
                div = e;
                break;
            }
        }
        Element container = div == null ? element : div;
        StringWriter out = new StringWriter();
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
                transformer.transform(new DOMSource(n), new StreamResult(out));
            }
        } catch (TransformerException e) {
            return container.getTextContent();
        }
        // Every element repeats the XHTML namespace; HTML consumers do not need it.
        return out.toString().replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A set of namespace URIs that may hold null (no namespace), which Set.of refuses. */
    private static Set<String> namespaces(String... uris) {
        return new HashSet<>(Arrays.asList(uris));
    }

    private static List<Element> children(Element parent, Set<String> namespaces, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespaces.contains(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, Set<String> namespaces, String localName) {
        List<Element> found = children(parent, namespaces, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, Set<String> namespaces, String localName) {
        Element e = child(parent, namespaces, localName);
        return e == null ? null : blankToNull(e.getTextContent());
    }

    /** Titles are one line of plain text: CDATA padding and line breaks inside them are layout, not content. */
    private static String title(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t.length() <= MAX_TITLE_CHARS ? t : t.substring(0, MAX_TITLE_CHARS);
    }

    /** An entry link: absolute, and out of Google's redirect wrapper so it names the article itself. */
    private static String link(URI base, String link) {
        String resolved = resolve(base, link);
        return resolved == null ? null : UrlCanonicalizer.unwrapRedirect(resolved);
    }

    private static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String trimmed = link.strip();
        try {
            URI uri = new URI(trimmed);
            return uri.isAbsolute() || base == null ? trimmed : base.resolve(uri).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return trimmed;
        }
    }

    /** The element's base URI (xml:base aware), falling back to where the feed came from. */
    private static URI baseOf(Element element, URI fallback) {
        String base = element.getBaseURI();
        if (base == null) {
            return fallback;
        }
        try {
            return new URI(base);
        } catch (URISyntaxException e) {
            return fallback;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
