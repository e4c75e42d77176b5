package dev.accord.devstack.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code ./accord up}: starts everything in order, waits until it is ready, prints the URLs, then waits or returns. */
final class StackUp {

    private final Stack stack;
    private final UpOptions options;

    StackUp(Stack stack, UpOptions options) {
        this.stack = stack;
        this.options = options;
    }

    void run() throws IOException {
        StackSettings settings = stack.settings();
        StateDir state = stack.state();
        state.create();
        if (stack.pids().anyRunning()) {
            throw new LauncherException("an Accord stack is already running (./accord status shows it; ./accord down stops it)");
        }
        stack.stopOnExit();

        Out.step("Starting infrastructure");
        stack.startInfrastructure();
        long receiverLogFrom = -1;
        if (!options.infraOnly()) {
            stack.apiKey();
            Out.step("Starting services");
            stack.startMailSink();
            startServices();
            int consolePort = settings.ports().console();
            Probes.requireFreePort(consolePort, "the console", "Set ACCORD_CONSOLE_PORT to move it.");
            Out.say("    console: starting on port " + consolePort);
            stack.services().startConsole();
            long began = System.nanoTime();
            long deadline = stack.deadline();
            for (ServiceInstance instance : options.instances()) {
                stack.awaitService(instance, deadline, Duration.ofSeconds(1));
                Out.say("    " + instance.name() + " ready (" + Stack.secondsSince(began) + " s)");
            }
            stack.await(Component.CONSOLE, "ready", () -> Probes.httpOk("http://localhost:" + consolePort + "/q/health/ready"));
            Out.say("    console ready: http://localhost:" + consolePort + "/");
            if (options.demo()) {
                receiverLogFrom = new Demo(settings, stack.jars(), stack.apiKey()).run();
            }
        }
        StackEnv.write(state, settings.ports(), stack.bootstrap(), stack.database());
        new Summary(stack, options).print();

        if (options.detach()) {
            stack.keepRunning();
            Out.say("");
            Out.say("Running in the background: ./accord status shows it, ./accord down stops it.");
            return;
        }
        Out.say("");
        Out.say("Running in the foreground; press Ctrl-C to stop everything.");
        if (receiverLogFrom >= 0) {
            WebhookFollower.start(state.log(Component.RECEIVER), receiverLogFrom);
        }
        watchForeground();
    }

    private void startServices() {
        StackPorts ports = stack.settings().ports();
        for (ServiceInstance instance : options.instances()) {
            String prefix = instance.service().substring(0, instance.service().indexOf('-')).toUpperCase();
            Probes.requireFreePort(ports.port(instance), instance.name(), "Set ACCORD_" + prefix + "_PORT to move it.");
        }
        ServiceLauncher services = stack.services();
        for (ServiceInstance instance : options.instances()) {
            Out.say("    " + instance.name() + ": starting on port " + ports.port(instance));
            services.start(instance);
        }
        Out.say("    Dev stack: alert-service may deliver webhooks to loopback (ACCORD_WEBHOOKS_ALLOWED_HOSTS="
                + stack.settings().webhookAllowedHosts() + ");");
        Out.say("    without that setting it refuses loopback and private addresses.");
    }

    /** Until Ctrl-C, reporting components that exit on their own; returns when none is left. */
    private void watchForeground() {
        Pids pids = stack.pids();
        Set<String> reported = new HashSet<>();
        List<String> names = new ArrayList<>(List.of(Component.POSTGRES, Component.KAFKA, Component.MAIL_SINK));
        options.instances().forEach(i -> names.add(i.name()));
        names.add(Component.CONSOLE);
        names.add(Component.RECEIVER);
        while (pids.anyRunning()) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
            if (stack.stopping()) {
                return;
            }
            for (String name : names) {
                if (pids.hasFile(name) && pids.running(name).isEmpty() && reported.add(name)) {
                    Out.warn(name + " exited; see " + stack.state().show(stack.state().log(name)));
                }
            }
        }
        Out.say("Every component has stopped.");
    }
}
