package dev.accord.devstack.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a component in the background, in a session of its own (so Ctrl-C reaches only the launcher, which
 * then stops everything in order), logging to {@code .accord/logs/NAME.log} and noting its pid. Its settings
 * go in its environment, never on a command line.
 */
public final class ComponentProcess {

    private static final String SETSID = findSetsid();

    private ComponentProcess() {
    }

    public static long start(StateDir state, String name, Map<String, String> env, Path directory, List<String> command) {
        Path log = state.log(name);
        List<String> full = new ArrayList<>();
        if (SETSID != null) {
            full.add(SETSID);
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(new File("/dev/null"));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(env);
        try {
            ComponentLog.markStart(log, name);
            Process process = builder.start();
            new Pids(state).write(name, process.pid());
            return process.pid();
        } catch (IOException e) {
            throw new LauncherException("could not start " + name + ": " + e.getMessage());
        }
    }

    /** The java of the running JVM, so every component runs on the same one. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String findSetsid() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
