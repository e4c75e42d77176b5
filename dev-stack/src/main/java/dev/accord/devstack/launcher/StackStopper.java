package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Stops components: SIGTERM to each of a group together, then SIGKILL to any still alive after its timeout. */
public final class StackStopper {

    private final StateDir state;
    private final Pids pids;

    public StackStopper(StateDir state) {
        this.state = state;
        this.pids = new Pids(state);
    }

    /** Reverse order of start: what consumes first, then the mail sink, Kafka and PostgreSQL. */
    public void stopStack() {
        List<String> first = new ArrayList<>(List.of(Component.CONSOLE, Component.RECEIVER));
        List<String> known = pids.knownInstances();
        for (String service : List.of("alert-service", "catalog-service", "ingest-service")) {
            known.stream().filter(n -> ServiceInstance.parse(n).map(i -> i.service().equals(service)).orElse(false))
                    .forEach(first::add);
        }
        stop(first);
        stop(List.of(Component.MAIL_SINK));
        stop(List.of(Component.KAFKA));
        stop(List.of(Component.POSTGRES));
        stopLeftoverPostgres();
    }

    public void stop(List<String> names) {
        List<String> stopping = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (String name : names) {
            OptionalLong pid = pids.running(name);
            if (pid.isPresent()) {
                Out.say("    stopping " + name + " (pid " + pid.getAsLong() + ")");
                ProcessHandle.of(pid.getAsLong()).ifPresent(handle -> {
                    handle.destroy();
                    stopping.add(name);
                    handles.add(handle);
                });
            }
            pids.remove(name);
        }
        for (int i = 0; i < stopping.size(); i++) {
            String name = stopping.get(i);
            long pid = handles.get(i).pid();
            long timeout = Component.stopTimeout(name).toSeconds();
            if (!waitGone(pid, timeout * 1000)) {
                Out.warn(name + " (pid " + pid + ") did not stop within " + timeout + " s; killing it");
                handles.get(i).destroyForcibly();
                waitGone(pid, Long.MAX_VALUE);
            }
        }
    }

    /**
     * PostgreSQL runs in processes of its own (pg_ctl detaches them). Should the JVM that manages them have died
     * without stopping them, they are stopped here from postmaster.pid.
     */
    public void stopLeftoverPostgres() {
        Path pm = state.dir().resolve("postgres/postmaster.pid");
        try {
            if (!Files.isRegularFile(pm)) {
                return;
            }
            String first = Files.readAllLines(pm).stream().findFirst().orElse("").trim();
            if (!first.matches("[0-9]+")) {
                return;
            }
            long pid = Long.parseLong(first);
            if (!Pids.alive(pid) || !Pids.commandLine(pid).contains("postgres")) {
                return;
            }
            Out.say("    stopping leftover PostgreSQL server (pid " + pid + ")");
            signal(pid, "INT"); // fast shutdown
            if (!waitGone(pid, 30_000)) {
                signal(pid, "QUIT"); // immediate shutdown
            }
        } catch (IOException e) {
            // Nothing readable to stop.
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            // Already gone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitGone(long pid, long millis) {
        long deadline = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + millis;
        while (Pids.alive(pid)) {
            if (System.currentTimeMillis() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !Pids.alive(pid);
            }
        }
        return true;
    }
}
