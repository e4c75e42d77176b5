package dev.accord.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sample input shipped in the repository's {@code samples/} folder (see its README for attribution). */
public final class Fixtures {

    public static final String SEED_ARTICLE = "thehill-2024-04-kishida-state-visit.txt";

    private Fixtures() {
    }

    public static String seedArticle() {
        return sample(SEED_ARTICLE);
    }

    public static String sample(String name) {
        try {
            return Files.readString(repositoryRoot().resolve("samples").resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout's top folder: tests run with a module folder as working directory. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("samples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No samples/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
