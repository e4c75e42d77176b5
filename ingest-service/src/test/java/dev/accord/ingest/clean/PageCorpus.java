package dev.accord.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.ingest.intake.BodyDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The boilerplate corpus in {@code corpus/pages} (format: its README): real pages as their sites served them, with
 * the article text a person would call the page's article.
 */
final class PageCorpus {

    static final Path ROOT = Path.of("../corpus/pages");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageCorpus() {
    }

    record Page(String id, String split, String language, String siteType, JsonNode truth) {

        byte[] bytes() {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(ROOT.resolve("html").resolve(id + ".html.gz")))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The page as the service reads a fetched page: charset from the bytes, since no HTTP header came with it. */
        String html() {
            return BodyDecoder.decode(bytes(), null, BodyDecoder.Declaration.HTML);
        }

        String articleBody() {
            return truth.path("articleBody").asText("");
        }

        String field(String name) {
            JsonNode value = truth.path(name);
            return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
        }
    }

    static List<Page> all() {
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("truth"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode truth = JSON.readTree(file.toFile());
                pages.add(new Page(truth.get("id").asText(), truth.path("split").asText(), truth.path("language").asText(),
                        truth.path("siteType").asText(), truth));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static List<Page> split(String split) {
        return all().stream().filter(page -> page.split().equals(split)).toList();
    }
}
