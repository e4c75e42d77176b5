package dev.accord.testsupport.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.sessions.JqwikSession;
import org.jboss.logging.Logger;

/**
 * Drill 8: sends every endpoint its hand-written corpus and {@code generated} random requests, and
 * judges the answers: no 5xx, no dropped connection, and every error the application writes is RFC
 * 9457 problem+json whose {@code status} matches the response. Answers the HTTP layer gives before
 * the application sees the request (431, 414, 400 for a broken request line) carry no body and pass.
 * The random seed is logged and can be fixed with {@code -Daccord.badinput.seed=...}.
 */
public final class BadInputDrill {

    private static final Logger LOG = Logger.getLogger(BadInputDrill.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BadInputDrill() {
    }

    /** What one drill run saw. */
    public record Report(String seed, int requests, Map<Integer, Integer> byStatus, List<String> violations) {

        /** Fails with every violation listed, so one run shows all of them. */
        public void assertClean() {
            if (!violations.isEmpty()) {
                throw new AssertionError(violations.size() + " of " + requests + " bad-input requests were mishandled (seed "
                        + seed + "):\n" + String.join("\n", violations));
            }
        }

        public int serverErrors() {
            return byStatus.entrySet().stream().filter(s -> s.getKey() >= 500 || s.getKey() == 0).mapToInt(Map.Entry::getValue).sum();
        }
    }

    public static Report run(String host, int port, List<Endpoint> endpoints, int generatedPerEndpoint) {
        String seed = System.getProperty("accord.badinput.seed", Long.toString(System.nanoTime()));
        // Hand-written cases of all endpoints first, then the generated ones, so that a case that changes
        // state (a DELETE that succeeds) comes after the other endpoints' cases on the same resource.
        List<Map.Entry<Endpoint, BadRequest>> requests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            BadInputCorpus.handWritten(endpoint).forEach(r -> requests.add(Map.entry(endpoint, r)));
        }
        AtomicReference<List<Map.Entry<Endpoint, BadRequest>>> generated = new AtomicReference<>();
        JqwikSession.run(seed, () -> {
            List<Map.Entry<Endpoint, BadRequest>> made = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                BadInputCorpus.generated(endpoint).sampleStream().limit(generatedPerEndpoint)
                        .map(r -> new BadRequest("generated for " + endpoint, r.method(), r.target(), r.headers(), r.body()))
                        .forEach(r -> made.add(Map.entry(endpoint, r)));
            }
            generated.set(made);
        });
        requests.addAll(generated.get());

        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<Endpoint, BadRequest> request : requests) {
            RawHttp.Response response = RawHttp.send(host, port, request.getValue());
            byStatus.merge(response.status(), 1, Integer::sum);
            String problem = judge(request.getKey(), request.getValue(), response);
            if (problem != null) {
                violations.add("- " + problem + " for " + request.getValue());
            }
        }
        LOG.infof("Bad-input drill on port %d: %d requests (seed %s), answers by status %s, %d violations", port, requests.size(),
                seed, byStatus, violations.size());
        return new Report(seed, requests.size(), byStatus, violations);
    }

    private static String judge(Endpoint endpoint, BadRequest request, RawHttp.Response response) {
        int status = response.status();
        if (status == 0) {
            // A request whose framing cannot be read (broken chunks, a bad Content-Length) may be cut off
            // by the HTTP layer; anything else deserves an answer.
            return brokenFraming(request) ? null : "no answer (connection closed)";
        }
        if (status >= 500) {
            return "HTTP " + status + " " + excerpt(response);
        }
        if (status < 400 || response.body().length == 0 || request.method().equals("HEAD")) {
            return null;
        }
        String type = response.header("content-type");
        if (!endpoint.errorType().equals(Endpoint.PROBLEM_JSON) && type != null && type.startsWith(endpoint.errorType())) {
            return null;
        }
        if (type == null || !type.startsWith(Endpoint.PROBLEM_JSON)) {
            return "HTTP " + status + " answered as " + type + " instead of problem+json " + excerpt(response);
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                return "HTTP " + status + " with a problem whose status/title do not match " + excerpt(response);
            }
        } catch (IOException e) {
            return "HTTP " + status + " with a problem body that is not JSON " + excerpt(response);
        }
        return null;
    }

    private static boolean brokenFraming(BadRequest request) {
        return request.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("transfer-encoding")
                || h.name().equalsIgnoreCase("content-length"));
    }

    /** Fails unless the service still reports itself ready. */
    public static void assertReady(String host, int port) {
        RawHttp.Response health = RawHttp.send(host, port,
                new BadRequest("readiness", "GET", "/q/health/ready", List.of(new Header("Accept", "application/json")), null));
        if (health.status() != 200 || !health.bodyText().contains("\"UP\"")) {
            throw new AssertionError("not ready after the drill: HTTP " + health.status() + " " + health.bodyText());
        }
    }

    private static String excerpt(RawHttp.Response response) {
        String text = response.bodyText();
        return "«" + (text.length() > 300 ? text.substring(0, 300) + "…" : text) + "»";
    }
}
