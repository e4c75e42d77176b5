package dev.accord.devstack.launcher;

import dev.accord.devstack.DeadLetters;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./accord up|down|status|dlq|help}: runs the whole system on one machine, without Docker. The repository
 * root is the working directory (or {@code -Daccord.root}); settings come from the ACCORD_* environment.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (LauncherException e) {
            System.err.println("accord: " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        // Kafka clients' threads must not keep a finished command alive; the shutdown hook stops a stack not detached.
        System.exit(status);
    }

    static int run(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("accord.root", System.getProperty("user.dir"))).toAbsolutePath();
        StackSettings settings = StackSettings.fromEnvironment(root, System.getenv());
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (command) {
            case "up" -> {
                UpOptions options = UpOptions.parse(rest);
                if (options == null) {
                    usage(settings, System.out);
                } else {
                    new StackUp(new Stack(settings), options).run();
                }
                return 0;
            }
            case "down", "stop" -> {
                down(settings);
                return 0;
            }
            case "status" -> {
                return new StackStatus(settings).print() ? 0 : 1;
            }
            case "dlq" -> {
                return dlq(settings, rest);
            }
            case "help", "-h", "--help" -> {
                usage(settings, System.out);
                return 0;
            }
            default -> {
                usage(settings, System.err);
                return 2;
            }
        }
    }

    private static void down(StackSettings settings) throws IOException {
        StateDir state = settings.state();
        Files.createDirectories(state.pids());
        Pids pids = new Pids(state);
        if (!pids.anyRunning() && !Files.exists(state.dir().resolve("postgres/postmaster.pid"))) {
            pids.removeAll();
            Out.say("No Accord stack is running.");
            return;
        }
        Out.step("Stopping");
        new StackStopper(state).stopStack();
        Out.say("    stopped.");
    }

    private static int dlq(StackSettings settings, List<String> args) throws Exception {
        String action = args.isEmpty() ? "" : args.get(0);
        String topic = args.size() > 1 ? args.get(1) : "";
        if (!(action.equals("list") || action.equals("replay")) || topic.isEmpty()) {
            throw new LauncherException("usage: ./accord dlq list|replay <topic>");
        }
        String bootstrap = settings.externalBootstrap();
        if (bootstrap.isEmpty()) {
            bootstrap = StackEnv.read(settings.state()).get("bootstrap");
        }
        if (bootstrap.isEmpty()) {
            throw new LauncherException("no Kafka known: start a stack (./accord up) or set KAFKA_BOOTSTRAP_SERVERS");
        }
        DeadLetters.main(new String[] {action, topic, bootstrap});
        return 0;
    }

    static void usage(StackSettings settings, PrintStream out) throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream("usage.txt")) {
            StackPorts ports = settings.ports();
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{MAIL_SMTP_PORT}", Integer.toString(ports.mailSmtp()))
                    .replace("{MAIL_INBOX_PORT}", Integer.toString(ports.mailInbox()))
                    .replace("{CONSOLE_PORT}", Integer.toString(ports.console()))
                    .replace("{RECEIVER_PORT}", Integer.toString(ports.receiver()))
                    .replace("{STATE_DIR}", settings.state().show(settings.state().dir())));
        }
    }
}
