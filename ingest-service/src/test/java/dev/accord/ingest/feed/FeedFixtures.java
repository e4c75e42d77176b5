package dev.accord.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The third-party feeds in {@code src/test/resources/fixtures/feeds} (see {@code fixtures/MANIFEST.txt}). */
public final class FeedFixtures {

    public static final List<String> ALL = List.of(
            "feedjira-DuplicateContentAtomFeed.xml", "feedjira-HuffPostCanada.xml", "feedjira-TechCrunch.xml",
            "feedjira-google_alerts_atom.xml", "miniflux-encoding_WINDOWS-1251.xml", "miniflux-urdu_UTF8.xml",
            "rn-rss-parser-news-gov-scot.rss", "rn-rss-parser-reuters-world-news.rss", "rss-parser-guardian.rss",
            "rss-parser-heise.atom", "rss-parser-rss-1.rss", "rss-parser-uolNoticias.rss");

    private FeedFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = FeedFixtures.class.getResourceAsStream("/fixtures/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
