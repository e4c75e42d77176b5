package dev.accord.devstack.launcher;

/** The launcher's console lines: plain, {@code ==>} steps and warnings on stderr. */
public final class Out {

    private Out() {
    }

    public static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    public static void step(String line) {
        say("==> " + line);
    }

    public static void warn(String line) {
        System.err.println("accord: warning: " + line);
        System.err.flush();
    }
}
