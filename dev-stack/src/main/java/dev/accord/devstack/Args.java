package dev.accord.devstack;

/** The dev tools take a few positional arguments, each with an environment fallback and a default. */
final class Args {

    private Args() {
    }

    static String valueAt(String[] args, int index, String envName, String fallback) {
        if (args.length > index && !args[index].isBlank()) {
            return args[index];
        }
        return env(envName, fallback);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
