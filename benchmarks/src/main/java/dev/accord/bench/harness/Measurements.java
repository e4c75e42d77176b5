package dev.accord.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The raw log of one harness run: one JSON line per measured value, tagged with the run's session
 * and round, so that the report can pair two sides of a ratio only when they come from one round.
 */
final class Measurements {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String session;
    private final int round;

    Measurements(Path file, String session, int round) {
        this.file = file;
        this.session = session;
        this.round = round;
    }

    static Measurements from(Options options) {
        return new Measurements(Path.of(options.string("out")), options.string("session"), options.integer("round", 1));
    }

    void record(String metric, double value, String note) {
        ObjectNode line = line(metric);
        line.put("value", value);
        if (note != null) {
            line.put("note", note);
        }
        append(line);
        System.out.printf("    %-34s %12.2f   %s%n", metric, value, note == null ? "" : note);
    }

    void record(String metric, double value) {
        record(metric, value, null);
    }

    /** A metric that could not be measured in this round, with the reason (shown instead of a figure). */
    void unavailable(String metric, String reason) {
        ObjectNode line = line(metric);
        line.putNull("value");
        line.put("note", reason);
        append(line);
        System.out.printf("    %-34s %12s   %s%n", metric, "n/a", reason);
    }

    private ObjectNode line(String metric) {
        ObjectNode line = JSON.createObjectNode();
        line.put("session", session);
        line.put("round", round);
        line.put("metric", metric);
        return line;
    }

    private synchronized void append(ObjectNode line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
