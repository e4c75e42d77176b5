package dev.accord.alert.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A plain SSE client over the JDK HTTP client: reads the stream line by line and parses events per WHATWG. */
final class SseClient implements AutoCloseable {

    /** One dispatched event, or a comment line (then {@code comment} is set and the rest is null). */
    record Event(String id, String data, String comment) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> fields = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;
    private final HttpClient client = HttpClient.newHttpClient();

    private SseClient(HttpRequest request) {
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            read(lines);
        });
    }

    static SseClient connect(URI uri, String authorization, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", authorization);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(request.GET().build());
    }

    int status() {
        return response.join().statusCode();
    }

    String contentType() {
        return response.join().headers().firstValue("content-type").orElse("");
    }

    List<Event> events() {
        return events.stream().filter(e -> e.comment() == null).toList();
    }

    /** Every field name the stream used ("id", "data", ...), to hold it to the fields the SSE standard defines. */
    java.util.Set<String> fields() {
        return fields;
    }

    List<String> comments() {
        return events.stream().filter(e -> e.comment() != null).map(Event::comment).toList();
    }

    private void read(Stream<String> body) {
        List<String> data = new ArrayList<>();
        String[] id = {null};
        try {
            body.forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id[0], String.join("\n", data), null));
                    }
                    data.clear();
                    id[0] = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, line.substring(1).strip()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    fields.add(field);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    if (field.equals("data")) {
                        data.add(value);
                    } else if (field.equals("id")) {
                        id[0] = value;
                    }
                }
            });
        } catch (RuntimeException e) {
            // The stream was closed by the test.
        }
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        response.cancel(true);
    }
}
