package dev.accord.devstack.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One running copy of a service: replica 1 is named after the service, replica n as {@code <service>-n}. */
public record ServiceInstance(String service, int replica) {

    public static final List<String> SERVICES = List.of("ingest-service", "catalog-service", "alert-service");
    /** A service runs at most as many replicas as its topics have partitions. */
    public static final int MAX_REPLICAS = 6;

    private static final Pattern NAME = Pattern.compile("(.*-service)-([0-9]+)");
    private static final Pattern PAIR = Pattern.compile("([a-z]+)(-service)?=([0-9]+)");

    public String name() {
        return replica == 1 ? service : service + "-" + replica;
    }

    /** {@code catalog-service-2} or {@code catalog-service}; empty for names that are no service instance. */
    public static Optional<ServiceInstance> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (m.matches() && SERVICES.contains(m.group(1))) {
            return Optional.of(new ServiceInstance(m.group(1), Integer.parseInt(m.group(2))));
        }
        return SERVICES.contains(name) ? Optional.of(new ServiceInstance(name, 1)) : Optional.empty();
    }

    /** The instances {@code --replicas catalog=2,alert=2} asks for, every service at least once. */
    public static List<ServiceInstance> plan(String spec) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        SERVICES.forEach(s -> counts.put(s, 1));
        if (spec != null && !spec.isEmpty()) {
            for (String pair : spec.split(",", -1)) {
                Matcher m = PAIR.matcher(pair);
                if (!m.matches()) {
                    throw new LauncherException("--replicas expects e.g. catalog=2,alert=2, not '" + pair + "'");
                }
                String service = m.group(1) + "-service";
                if (!counts.containsKey(service)) {
                    throw new LauncherException("--replicas: no service '" + m.group(1) + "' (ingest, catalog, alert)");
                }
                int count = Integer.parseInt(m.group(3));
                if (count < 1 || count > MAX_REPLICAS) {
                    throw new LauncherException("--replicas: " + service + " needs 1 to " + MAX_REPLICAS
                            + " replicas (its topics have " + MAX_REPLICAS + " partitions)");
                }
                counts.put(service, count);
            }
        }
        List<ServiceInstance> instances = new ArrayList<>();
        counts.forEach((service, count) -> {
            for (int n = 1; n <= count; n++) {
                instances.add(new ServiceInstance(service, n));
            }
        });
        return instances;
    }
}
