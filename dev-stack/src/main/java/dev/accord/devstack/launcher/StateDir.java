package dev.accord.devstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code .accord/}: data, {@code logs/<component>.log}, {@code pids/<component>.pid}, the dev API key. */
public record StateDir(Path root, Path dir) {

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path pids() {
        return dir.resolve("pids");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return pids().resolve(component + ".pid");
    }

    public void create() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(pids());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path as the user would type it from the repository root. */
    public String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString() : path.toString();
    }
}
