package dev.accord.devstack.launcher;

import java.util.List;

/** {@code up [--demo] [--detach] [--build] [--infra-only] [--replicas catalog=2,alert=2]}. */
public record UpOptions(boolean demo, boolean detach, boolean infraOnly, List<ServiceInstance> instances) {

    /** Null when the options ask for help. */
    static UpOptions parse(List<String> args) {
        boolean demo = false;
        boolean detach = false;
        boolean infraOnly = false;
        String replicas = "";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--replicas" -> {
                    if (i + 1 >= args.size()) {
                        throw new LauncherException("--replicas needs a value, e.g. catalog=2,alert=2");
                    }
                    replicas = args.get(++i);
                }
                case "--demo" -> demo = true;
                case "--detach", "-d" -> detach = true;
                case "--build" -> {
                    // The wrapper builds before the launcher starts.
                }
                case "--infra-only" -> infraOnly = true;
                case "-h", "--help" -> {
                    return null;
                }
                default -> {
                    if (arg.startsWith("--replicas=")) {
                        replicas = arg.substring("--replicas=".length());
                    } else {
                        throw new LauncherException("unknown option for up: " + arg + " (see ./accord help)");
                    }
                }
            }
        }
        if (demo && infraOnly) {
            throw new LauncherException("--demo needs the services; drop --infra-only");
        }
        return new UpOptions(demo, detach, infraOnly, ServiceInstance.plan(replicas));
    }
}
