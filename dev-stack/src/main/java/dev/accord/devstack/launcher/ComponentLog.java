package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/** A component's log, appended across runs; each start begins with a {@code ----- ... starting NAME -----} line. */
final class ComponentLog {

    private static final String START = "----- ";
    private static final Pattern START_LINE = Pattern.compile("^----- .* starting .*");
    private static final Pattern ERROR = Pattern.compile("(^| )ERROR ");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ComponentLog() {
    }

    static void markStart(Path log, String name) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "\n" + START + LocalDateTime.now().format(STAMP) + ": starting " + name + " -----\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The lines since the latest start. */
    static List<String> current(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            int from = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (START_LINE.matcher(lines.get(i)).matches()) {
                    from = i;
                }
            }
            return lines.subList(from, lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    static boolean has(Path log, String text) {
        return current(log).stream().anyMatch(line -> line.contains(text));
    }

    /** The message, and the end of the log, so the cause is on screen. */
    static LauncherException failure(StateDir state, String name, String message) {
        Path log = state.log(name);
        StringBuilder text = new StringBuilder(message);
        if (Files.exists(log)) {
            List<String> lines = current(log);
            // The first error usually names the cause; a stack trace's tail seldom does.
            List<String> errors = lines.stream().filter(line -> ERROR.matcher(line).find()).toList();
            if (!errors.isEmpty()) {
                text.append("\n----- errors in ").append(state.show(log)).append(" -----");
                errors.subList(Math.max(0, errors.size() - 5), errors.size())
                        .forEach(line -> text.append('\n').append(line, 0, Math.min(400, line.length())));
            }
            text.append("\n----- last lines of ").append(state.show(log)).append(" -----");
            lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(line -> text.append('\n').append(line));
            text.append("\n----- full log: ").append(state.show(log)).append(" -----");
        }
        return new LauncherException(text.toString());
    }
}
