package dev.accord.devstack.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether something listens: a TCP connect, or an HTTP status. */
public final class Probes {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Probes() {
    }

    public static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The status code, or "000" when nothing answered (as curl reports it). */
    public static String httpStatus(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return Integer.toString(response.statusCode());
        } catch (IOException e) {
            return "000";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "000";
        }
    }

    public static boolean httpOk(String url) {
        return "200".equals(httpStatus(url));
    }

    /**
     * Polls {@code probe} until it holds, the component dies, or the deadline passes. Called right after the start,
     * so the component is followed by the pid it was started with, not by its command line (not exec'd yet).
     */
    public static void awaitReady(StateDir state, String name, long deadlineNanos, Duration timeout, String what,
            java.util.function.BooleanSupplier probe, Duration poll) {
        long pid = new Pids(state).recorded(name).orElse(-1);
        while (!probe.getAsBoolean()) {
            if (pid < 0 || !Pids.alive(pid)) {
                throw ComponentLog.failure(state, name, name + " exited before it was " + what + ".");
            }
            if (System.nanoTime() >= deadlineNanos) {
                throw ComponentLog.failure(state, name, name + " was not " + what + " after " + timeout.toSeconds() + " s.");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for " + name);
            }
        }
    }

    static void requireFreePort(int port, String what, String hint) {
        if (portOpen(port)) {
            throw new LauncherException("port " + port + " (for " + what + ") is already in use." + (hint.isEmpty() ? "" : " " + hint));
        }
    }
}
