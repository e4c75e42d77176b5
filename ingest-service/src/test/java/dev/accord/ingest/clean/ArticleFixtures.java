package dev.accord.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real pages in {@code src/test/resources/fixtures/articles/} (see MANIFEST.txt beside them for where each
 * comes from and its licence): one folder a page, with its {@code source.html} and what its upstream project
 * expects of it.
 */
public final class ArticleFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleFixtures() {
    }

    /** The folder names starting with this prefix ("aeb-", "trafilatura-", "readability-"), sorted. */
    public static List<String> named(String prefix) {
        try (Stream<Path> folders = Files.list(root())) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String fixture, String file) {
        try {
            return Files.readString(root().resolve(fixture).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String fixture, String file) {
        try {
            return JSON.readTree(read(fixture, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page cleaned as if it were submitted as HTML with nothing else said about it. */
    public static CleanedArticle clean(String fixture) {
        return new BoilerplateCleaner().clean(new ArticleDraft(null, null, null, null, read(fixture, "source.html"), null));
    }

    /** Runs of whitespace as one space, so that snippets compare regardless of line breaks. */
    static String squashed(String text) {
        return text.replaceAll("(?U)\\s+", " ").strip();
    }

    private static Path root() {
        try {
            return Path.of(ArticleFixtures.class.getResource("/fixtures/articles").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
