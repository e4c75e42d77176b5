package dev.accord.bench.harness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of one harness command. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + arg);
            }
            values.put(arg.substring(2), args[++i]);
        }
    }

    String string(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name) {
        return Integer.parseInt(string(name));
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? integer(name) : fallback;
    }

    double decimal(String name) {
        return Double.parseDouble(string(name));
    }

    /** Seconds, possibly fractional. */
    Duration seconds(String name) {
        return Duration.ofMillis(Math.round(decimal(name) * 1000));
    }
}
