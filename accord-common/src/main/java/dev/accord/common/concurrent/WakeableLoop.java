package dev.accord.common.concurrent;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A daemon thread that runs a pass of work whenever it is woken, and at least once per interval: work
 * that a commit or a finished task makes due is done at once, and what no one announces (rows other
 * replicas left behind, claims that timed out) within an interval. Wake-ups during a pass are merged
 * into one more pass. A pass that throws is logged and the loop waits for the next wake-up or interval.
 */
public final class WakeableLoop {

    /** One pass; {@code woken} is false when the interval ran out without a wake-up. */
    @FunctionalInterface
    public interface Pass {
        void run(boolean woken) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(WakeableLoop.class);

    private final String name;
    private final Duration interval;
    private final Pass pass;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** {@code name} names the thread and the work in log lines. */
    public WakeableLoop(String name, Duration interval, Pass pass) {
        this.name = name;
        this.interval = interval;
        this.pass = pass;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs a pass as soon as the current one (if any) ends. */
    public void wake() {
        wake.release();
    }

    /** False once {@link #stop} began: a pass in progress should finish what it holds and take nothing new. */
    public boolean running() {
        return running;
    }

    /** Lets the pass in progress end, waiting for it at most {@code timeout}; no pass starts after this. */
    public void stop(Duration timeout) throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(timeout.toMillis());
        }
    }

    private void loop() {
        while (running) {
            try {
                boolean woken = wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                pass.run(woken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s failed; trying again within %s", name, interval);
            }
        }
    }
}
