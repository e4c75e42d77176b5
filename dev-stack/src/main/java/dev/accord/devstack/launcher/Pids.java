package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/** The pid files of {@code .accord/pids/}: which components run, checked against their command lines. */
public final class Pids {

    private final StateDir state;

    public Pids(StateDir state) {
        this.state = state;
    }

    /** The pid of a running component this state directory started. */
    public OptionalLong running(String name) {
        OptionalLong pid = recorded(name);
        return pid.isPresent() && alive(pid.getAsLong()) && commandLine(pid.getAsLong()).contains(Component.marker(name))
                ? pid : OptionalLong.empty();
    }

    /**
     * The pid in a component's file, unchecked. Right after a start, before the child has exec'd its command, its
     * command line is still the JVM's spawn helper, so only this can follow a component through its start.
     */
    public OptionalLong recorded(String name) {
        Path file = state.pidFile(name);
        try {
            if (!Files.isRegularFile(file)) {
                return OptionalLong.empty();
            }
            String text = Files.readString(file).trim();
            return text.matches("[0-9]+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    public boolean hasFile(String name) {
        return Files.isRegularFile(state.pidFile(name));
    }

    public void write(String name, long pid) {
        try {
            Files.writeString(state.pidFile(name), pid + "\n");
        } catch (IOException e) {
            throw new LauncherException("could not write " + state.pidFile(name) + ": " + e.getMessage());
        }
    }

    public void remove(String name) {
        try {
            Files.deleteIfExists(state.pidFile(name));
        } catch (IOException e) {
            // A pid file that cannot go is checked against the command line anyway.
        }
    }

    public void removeAll() {
        if (!Files.isDirectory(state.pids())) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(state.pids(), "*.pid")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Stale pid files are harmless: running() checks each against its process.
        }
    }

    /** Every service instance this state directory knows: the base names plus replicas with a pid file. */
    public List<String> knownInstances() {
        List<String> names = new ArrayList<>();
        for (String service : ServiceInstance.SERVICES) {
            names.add(service);
            TreeSet<String> replicas = new TreeSet<>();
            if (Files.isDirectory(state.pids())) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(state.pids(), service + "-*.pid")) {
                    for (Path file : files) {
                        String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                        if (name.matches(".*-service-[0-9]+")) {
                            replicas.add(name);
                        }
                    }
                } catch (IOException e) {
                    // No replicas to report.
                }
            }
            names.addAll(replicas);
        }
        return names;
    }

    /** postgres, kafka, mail-sink, the service instances, console, webhook-receiver: the order of status. */
    public List<String> allComponents() {
        List<String> names = new ArrayList<>(List.of(Component.POSTGRES, Component.KAFKA, Component.MAIL_SINK));
        names.addAll(knownInstances());
        names.add(Component.CONSOLE);
        names.add(Component.RECEIVER);
        return names;
    }

    public boolean anyRunning() {
        return allComponents().stream().anyMatch(name -> running(name).isPresent());
    }

    /** Alive and not a zombie (an exited child not reaped yet still has a pid). */
    public static boolean alive(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.exists(stat)) {
            try {
                String text = Files.readString(stat);
                String rest = text.substring(text.lastIndexOf(')') + 1).trim();
                return !rest.startsWith("Z");
            } catch (IOException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static String commandLine(long pid) {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            if (Files.exists(cmdline)) {
                return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            return "";
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("") + " ";
    }
}
