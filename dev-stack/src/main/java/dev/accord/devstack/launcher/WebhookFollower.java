package dev.accord.devstack.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Shows the demo receiver's VERIFIED / REJECTED lines on the console while the stack runs in the foreground. */
final class WebhookFollower implements Runnable {

    private final Path log;
    private long position;

    private WebhookFollower(Path log, long position) {
        this.log = log;
        this.position = position;
    }

    static void start(Path log, long from) {
        Thread thread = new Thread(new WebhookFollower(log, from), "webhook-follower");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        StringBuilder partial = new StringBuilder();
        while (true) {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                if (file.length() < position) {
                    position = 0; // truncated
                }
                file.seek(position);
                byte[] buffer = new byte[8192];
                int read;
                while ((read = file.read(buffer)) > 0) {
                    position += read;
                    partial.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        String line = partial.substring(0, newline);
                        partial.delete(0, newline + 1);
                        if (line.contains("VERIFIED") || line.contains("REJECTED")) {
                            Out.say("  webhook | " + line);
                        }
                    }
                }
            } catch (IOException e) {
                // Not there yet; try again.
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
