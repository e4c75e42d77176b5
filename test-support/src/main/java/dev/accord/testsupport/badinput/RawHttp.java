package dev.accord.testsupport.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client on a bare socket. HTTP client libraries refuse, or quietly repair, most of
 * what the drill needs to send (raw {@code ..} segments, invalid UTF-8, repeated or oversized
 * headers), so the request is written exactly as given and one response is read back.
 */
public final class RawHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private RawHttp() {
    }

    /** Status 0 means the server closed the connection without answering. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public static Response send(String host, int port, BadRequest request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head(host, port, request));
                out.write(request.body());
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 431) and close before it read everything; read that answer.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("could not reach " + host + ":" + port + " for " + request, e);
        }
    }

    private static byte[] head(String host, int port, BadRequest request) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        head.append("Connection: close\r\n");
        boolean ownLength = false;
        for (Header h : request.headers()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
            ownLength |= h.name().equalsIgnoreCase("content-length") || h.name().equalsIgnoreCase("transfer-encoding");
        }
        if (!ownLength) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                raw.write(buffer, 0, n);
                if (complete(raw.toByteArray())) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // A stream (SSE) stays open: what arrived so far is the answer.
        } catch (IOException e) {
            // Reset after the answer was sent: parse what arrived.
        }
        return parse(raw.toByteArray());
    }

    /** True once the head and, when announced, the whole Content-Length body have arrived. */
    private static boolean complete(byte[] bytes) {
        int end = headEnd(bytes);
        if (end < 0) {
            return false;
        }
        Response partial = parse(bytes);
        String type = partial.header("content-type");
        if (type != null && type.startsWith("text/event-stream")) {
            return true; // a live stream never ends; its head says enough
        }
        String length = partial.header("content-length");
        return length != null && bytes.length - end >= Long.parseLong(length.strip());
    }

    private static int headEnd(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private static Response parse(byte[] bytes) {
        int end = headEnd(bytes);
        if (bytes.length == 0 || end < 0) {
            return new Response(0, Map.of(), bytes);
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(Integer.parseInt(status[1]), headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            if (sizeText.isEmpty()) {
                break;
            }
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }
}
