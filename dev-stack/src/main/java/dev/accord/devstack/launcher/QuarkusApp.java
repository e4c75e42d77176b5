package dev.accord.devstack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A packaged Quarkus module (target/quarkus-app) and the command line that runs one instance of it. */
public record QuarkusApp(String module, Path directory) {

    public static QuarkusApp of(Path root, String module) {
        return new QuarkusApp(module, root.resolve(module).resolve("target/quarkus-app"));
    }

    public Path jar() {
        return directory.resolve("quarkus-run.jar");
    }

    /**
     * Run from {@link #directory()}: the class-data sharing archive the build made (classes mapped, not loaded and
     * verified one by one) names the jar as the build ran it, relative to quarkus-app. {@code instance} marks the
     * command line, so that a pid file is checked against the process it names.
     */
    public List<String> command(List<String> javaOptions, String instance) {
        List<String> command = new ArrayList<>(List.of(ComponentProcess.java()));
        command.addAll(javaOptions);
        if (Files.exists(directory.resolve("app-cds.jsa"))) {
            command.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        command.addAll(List.of("-Daccord.instance=" + instance, "-jar", "quarkus-run.jar"));
        return command;
    }
}
