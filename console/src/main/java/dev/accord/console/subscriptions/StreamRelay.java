package dev.accord.console.subscriptions;

import dev.accord.console.web.ConsoleConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/**
 * The live view's source: a browser's EventSource cannot send the subscriber's token, so the console keeps it
 * in a cookie only this path receives (set when the subscription's page is opened) and relays alert-service's
 * {@code text/event-stream} as it arrives, {@code Last-Event-ID} included.
 */
@Path("/subscriptions/stream/{id}")
public class StreamRelay {

    static final String COOKIE_PREFIX = "accord-stream-";
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final ConsoleConfig config;
    private final HttpClient http;

    public StreamRelay(ConsoleConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** The cookie that lets this subscription's live view through: HttpOnly, this path only, same site. */
    static NewCookie tokenCookie(String id, String token) {
        return new NewCookie.Builder(COOKIE_PREFIX + id).value(token).path("/subscriptions/stream/" + id).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    @GET
    public Response relay(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context HttpHeaders headers) throws IOException, InterruptedException {
        if (!ID.matcher(id).matches()) {
            return Response.status(404).build();
        }
        Cookie cookie = headers.getCookies().get(COOKIE_PREFIX + id);
        if (cookie == null) {
            return Response.status(401).entity("Open the subscription's page first: it lets the live view through.\n").build();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(config.alertUrl().resolve("/api/subscriptions/" + id + "/stream"))
                .header("Authorization", "Bearer " + cookie.getValue()).header("Accept", "text/event-stream");
        if (lastEventId != null && !lastEventId.isBlank()) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> upstream;
        try {
            upstream = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return Response.status(503).entity("alert-service cannot be reached\n").build();
        }
        if (upstream.statusCode() != 200) {
            upstream.body().close();
            return Response.status(upstream.statusCode()).build();
        }
        StreamingOutput relay = out -> copy(upstream.body(), out);
        return Response.ok(relay, "text/event-stream").header("Cache-Control", "no-cache").build();
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        try (in) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }
}
