package dev.accord.testsupport;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Reads values out of a Prometheus text exposition ({@code /q/metrics}), and makes W3C trace ids for tests. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of the samples of {@code name} (exactly that series name) whose labels include every
     * {@code label="value"} given as {@code "label", "value"} pairs; 0 when there is none.
     */
    public static double sum(String scrape, String name, String... labels) {
        double total = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            // name{labels} value [timestamp] [# {exemplar labels} value]: only a brace right after the name opens labels.
            int end = line.startsWith(name + "{") ? line.indexOf("} ") + 1 : line.indexOf(' ');
            String series = line.substring(0, end);
            String value = line.substring(end + 1).split(" ")[0];
            boolean all = true;
            for (int i = 0; i + 1 < labels.length; i += 2) {
                all &= series.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                total += Double.parseDouble(value);
            }
        }
        return total;
    }

    /** Whether any sample of a series whose name starts with {@code prefix} is exposed. */
    public static boolean exposes(String scrape, String prefix) {
        return Arrays.stream(scrape.split("\n")).anyMatch(line -> line.startsWith(prefix));
    }

    /** A random W3C trace id (32 hex digits). */
    public static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1;
        return HexFormat.of().formatHex(id);
    }

    /** A sampled {@code traceparent} in trace {@code traceId} with a random parent span. */
    public static String traceparent(String traceId) {
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        span[0] |= 1;
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    /** The trace id of a {@code traceparent} value, or null. */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 ? parts[1] : null;
    }
}
