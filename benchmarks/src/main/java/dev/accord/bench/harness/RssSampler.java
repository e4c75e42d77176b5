package dev.accord.bench.harness;

import dev.accord.devstack.launcher.Pids;
import dev.accord.devstack.launcher.ServiceInstance;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** Samples the services' RSS every half second during a round's loads and keeps each one's maximum. */
final class RssSampler implements AutoCloseable {

    private final Map<String, Double> max = new ConcurrentHashMap<>();
    private final Thread thread;

    RssSampler(Pids pids) {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (String service : ServiceInstance.SERVICES) {
                    OptionalLong pid = pids.running(service);
                    if (pid.isPresent()) {
                        OptionalDouble rss = ResidentMemory.mb(pid.getAsLong());
                        rss.ifPresent(mb -> max.merge(service, mb, Math::max));
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops sampling and answers the maximum per service seen. */
    Map<String, Double> stop() {
        close();
        return Map.copyOf(max);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
