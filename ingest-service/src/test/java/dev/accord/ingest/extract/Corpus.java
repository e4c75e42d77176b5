package dev.accord.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The labelled extraction corpus in {@code corpus/extraction/docs} (format: its README). */
record Corpus(List<Doc> docs) {

    static final Path DEFAULT = Path.of("../corpus/extraction/docs");

    record Label(String title, String evidence, List<String> countries, List<String> organisations, String stage,
            List<String> topics) {
    }

    record Doc(String id, String split, String kind, String text, List<Label> labels, List<String> lookalikes) {
    }

    static Corpus load() {
        return load(DEFAULT);
    }

    static Corpus load(Path directory) {
        ObjectMapper json = new ObjectMapper();
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode doc = json.readTree(file.toFile());
                List<Label> labels = new ArrayList<>();
                for (JsonNode label : doc.path("initiatives")) {
                    labels.add(new Label(label.path("title").asText(), label.path("evidence").asText(), strings(label.path("countries")),
                            strings(label.path("organisations")), label.path("stage").asText(), strings(label.path("topics"))));
                }
                List<String> lookalikes = new ArrayList<>();
                doc.path("lookalikes").forEach(l -> lookalikes.add(l.path("evidence").asText()));
                docs.add(new Doc(doc.path("id").asText(), doc.path("split").asText(), doc.path("kind").asText(),
                        doc.path("text").asText(), labels, lookalikes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Corpus(docs);
    }

    List<Doc> split(String split) {
        return docs.stream().filter(d -> d.split().equals(split)).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
