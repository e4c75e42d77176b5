package dev.accord.testsupport.badinput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile requests for one endpoint: a hand-written corpus of the inputs known to break HTTP
 * services (empty, huge, binary and deeply nested bodies, wrong JSON types, invalid UTF-8, abused
 * headers, traversal and garbage in ids and query parameters) and a jqwik generator of random ones.
 */
public final class BadInputCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "@@bad-input-value@@";

    /** Ids that are not ids: traversal in every encoding, non-UUIDs, control and non-UTF-8 bytes, very long. */
    public static final List<String> GARBAGE_IDS = List.of(
            "..", "../..", "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "%252e%252e%252f", "....//....//etc", "..%5c..%5cwindows", "not-a-uuid", "123", "-1", "0",
            "00000000-0000-0000-0000-00000000000g", "{00000000-0000-4000-8000-000000000000}",
            "00000000-0000-4000-8000-0000000000001", "%00", "%ff%fe%fd", "%c0%af", "%", "%zz", "%e2%80%ae",
            "%27%20OR%20%271%27%3D%271", "null", "undefined", "%20", "a".repeat(2_000), "9".repeat(10_000));

    private static final List<String> GARBAGE_QUERY_VALUES = List.of(
            "", "-1", "0", "abc", "99999999999999999999", "1e3", "NaN", "%ff", "%00", "%c0%af",
            "%27%20OR%201%3D1--", "2024-13-45", "..%2f..%2f", "a".repeat(4_000));

    private static final List<String> BAD_CONTENT_TYPES = List.of(
            "application/json; charset=nope", ";;;", "garbage", "application/", "*/*", "text/plain; charset=\"",
            "multipart/form-data; boundary=", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
            "application/json; " + "p=v; ".repeat(500), "application/xml");

    private static final List<String> BAD_ACCEPTS = List.of(
            "*/;q=x", "application/xml", "text/html;q=abc", "invalid", ",,,", "*/*;q=0", "text/csv", "application/atom+xml",
            "text/event-stream", "application/json;q=2", "a/b, " .repeat(2_000));

    private BadInputCorpus() {
    }

    /** The hand-written cases for an endpoint. */
    public static List<BadRequest> handWritten(Endpoint e) {
        List<BadRequest> cases = new ArrayList<>();
        byte[] sample = e.takesBody() ? BadRequest.utf8(e.sampleBody()) : new byte[0];
        List<Header> typed = e.takesBody() ? List.of(new Header("Content-Type", e.contentType())) : List.of();
        String real = e.realPath();

        if (e.hasId()) {
            for (String id : GARBAGE_IDS) {
                cases.add(BadRequest.of("garbage id " + abbreviate(id), e, e.withId(id), sample, typed));
            }
            cases.add(BadRequest.of("raw traversal after id", e, real + "/../../../../etc/passwd", sample, typed));
        }
        cases.add(BadRequest.of("trailing traversal", e, e.path().contains("{id}") ? e.withId("%2e%2e") + "/%2e%2e" : real + "/%2e%2e", sample, typed));
        for (String param : e.queryParams()) {
            for (String value : GARBAGE_QUERY_VALUES) {
                cases.add(BadRequest.of("query " + param + "=" + abbreviate(value), e, real + "?" + param + "=" + value, sample, typed));
            }
            cases.add(BadRequest.of("repeated query " + param, e, real + "?" + param + "=1&" + param + "=2&" + param + "=x", sample, typed));
        }
        cases.add(BadRequest.of("unknown query parameters", e, real + "?__proto__=1&a[b]=c&%ff=%fe", sample, typed));
        cases.add(BadRequest.of("64 KiB query string", e, real + "?q=" + "a".repeat(65_536), sample, typed));

        if (e.takesBody()) {
            bodyCases(e, real, cases);
        }
        headerCases(e, real, sample, typed, cases);
        for (String method : List.of("PUT", "OPTIONS", "TRACE", "FOO", "HEAD")) {
            if (!method.equals(e.method())) {
                cases.add(new BadRequest("method " + method, method, real, e.callerHeaders(), new byte[0]));
            }
        }
        return cases;
    }

    private static void bodyCases(Endpoint e, String real, List<BadRequest> cases) {
        List<Header> typed = List.of(new Header("Content-Type", e.contentType()));
        cases.add(BadRequest.of("empty body", e, real, new byte[0], typed));
        cases.add(BadRequest.of("empty body, no content type", e, real, new byte[0], List.of()));
        cases.add(BadRequest.of("6 MiB body", e, real, repeat('a', 6 * 1024 * 1024), typed));
        cases.add(BadRequest.of("6 MiB JSON string", e, real,
                BadRequest.utf8("{\"url\":\"http://example.com/" + "a".repeat(6 * 1024 * 1024) + "\"}"), typed));
        byte[] binary = new byte[4096];
        new Random(9457).nextBytes(binary);
        cases.add(BadRequest.of("binary", e, real, binary, typed));
        cases.add(BadRequest.of("binary as octet-stream", e, real, binary, List.of(new Header("Content-Type", "application/octet-stream"))));
        for (String body : List.of("hello", "[]", "\"text\"", "123", "true", "null", "{", "}", "{\"a\":}", "{\"a\" 1}",
                "{'single':'quotes'}", "{\"a\":1}{\"b\":2}", "{\"n\":1e999999}", "{\"n\":123456789012345678901234567890}",
                "{\"n\":-0}", "{\"s\":\"\\ud800\"}", "{\"s\":\"a\\u0000b\"}", "{\"s\":\"\\uZZZZ\"}", "\ufeff{}",
                "{\"a\":1,\"a\":2}", "[" + "1,".repeat(100_000) + "1]")) {
            cases.add(BadRequest.of("body " + abbreviate(body), e, real, BadRequest.utf8(body), typed));
        }
        cases.add(BadRequest.of("100k unclosed [", e, real, repeat('[', 100_000), typed));
        cases.add(BadRequest.of("100k unclosed {\"a\":", e, real, BadRequest.utf8("{\"a\":".repeat(100_000)), typed));
        cases.add(BadRequest.of("10k balanced [ ]", e, real, BadRequest.utf8("[".repeat(10_000) + "]".repeat(10_000)), typed));
        cases.add(BadRequest.of("invalid UTF-8 in a string", e, real, invalidUtf8Body(), typed));
        cases.add(BadRequest.of("invalid UTF-8 as text", e, real, new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0xaf}, typed));
        if (e.sampleBody().strip().startsWith("{")) {
            cases.addAll(wrongTypes(e, real, typed));
        }
    }

    /** Every field of the sample body, one at a time, given a value of every other JSON type. */
    private static List<BadRequest> wrongTypes(Endpoint e, String real, List<Header> typed) {
        List<BadRequest> cases = new ArrayList<>();
        JsonNode sample = tree(e.sampleBody());
        List<String> replacements = List.of("null", "123", "-1", "1.5", "true", "\"\"", "[]", "{}", "[1,\"a\",null]",
                "{\"x\":{\"y\":[]}}", "\"a\\u0000b\"", "1e400", "\"" + "z".repeat(20_000) + "\"",
                "[" + "[".repeat(2_000) + "]".repeat(2_000) + "]");
        for (List<String> path : fieldPaths(sample, new ArrayList<>())) {
            for (String value : replacements) {
                cases.add(BadRequest.of("field " + String.join(".", path) + "=" + abbreviate(value), e, real,
                        BadRequest.utf8(replaced(sample, path, value)), typed));
            }
        }
        return cases;
    }

    private static void headerCases(Endpoint e, String real, byte[] sample, List<Header> typed, List<BadRequest> cases) {
        cases.add(BadRequest.of("100 KB header", e, real, sample, with(typed, new Header("X-Pad", "a".repeat(100_000)))));
        cases.add(BadRequest.of("200 duplicate headers", e, real, sample,
                with(typed, Collections.nCopies(200, new Header("X-Dup", "1")).toArray(Header[]::new))));
        cases.add(BadRequest.of("500 distinct headers", e, real, sample, with(typed, manyHeaders(500))));
        cases.add(BadRequest.of("two content types", e, real, sample, with(typed, new Header("Content-Type", "text/plain"))));
        for (String type : BAD_CONTENT_TYPES) {
            cases.add(BadRequest.of("content type " + abbreviate(type), e, real, sample, List.of(new Header("Content-Type", type))));
        }
        for (String accept : BAD_ACCEPTS) {
            cases.add(BadRequest.of("accept " + abbreviate(accept), e, real, sample, with(typed, new Header("Accept", accept))));
        }
        for (String auth : List.of("Bearer " + "k".repeat(10_000), "Bearer", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer \u00ff\u00fe",
                "bearer\tx", "Bearer a b c", "Negotiate ====")) {
            List<Header> headers = new ArrayList<>(typed);
            headers.add(new Header("Authorization", auth));
            cases.add(new BadRequest("authorization " + abbreviate(auth), e.method(), real, withoutAuth(e, headers), sample));
        }
        cases.add(BadRequest.of("second authorization header", e, real, sample, with(typed, new Header("Authorization", "Bearer wrong"))));
        cases.add(BadRequest.of("header value in invalid UTF-8", e, real, sample,
                with(typed, new Header("X-Name", "\u00c3\u0028\u00ff"), new Header("Accept-Language", "\u00ff\u00fe"))));
        cases.add(BadRequest.of("garbage forwarding headers", e, real, sample,
                with(typed, new Header("X-Forwarded-For", "not an ip, , 999.1.1.1, ::::"), new Header("Forwarded", "for=\"[::1"),
                        new Header("X-Forwarded-Proto", "gopher"), new Header("X-Forwarded-Host", "evil.example/../"))));
        cases.add(BadRequest.of("garbage conditional headers", e, real, sample,
                with(typed, new Header("If-None-Match", "\"unterminated"), new Header("If-Modified-Since", "yesterday"),
                        new Header("Last-Event-ID", "%ff\u00ff" + "9".repeat(100)), new Header("Range", "bytes=-5-"))));
        cases.add(BadRequest.of("content length not a number", e, real, sample, with(typed, new Header("Content-Length", "abc"))));
        cases.add(BadRequest.of("negative content length", e, real, new byte[0], with(typed, new Header("Content-Length", "-1"))));
        cases.add(BadRequest.of("garbage chunked body", e, real, BadRequest.utf8("zz\r\nhello\r\n0\r\n\r\n"),
                with(typed, new Header("Transfer-Encoding", "chunked"))));
        cases.add(BadRequest.of("gzip claimed, not gzip", e, real, sample, with(typed, new Header("Content-Encoding", "gzip"))));
    }

    /** A jqwik generator of random hostile requests for the endpoint. */
    public static Arbitrary<BadRequest> generated(Endpoint e) {
        Arbitrary<String> target = Combinators.combine(path(e), query(e)).as((p, q) -> p + q);
        Arbitrary<List<Header>> headers = Combinators.combine(Arbitraries.of(true, true, true, false), randomHeader().list().ofMaxSize(4))
                .as((keepCaller, extra) -> {
                    List<Header> all = new ArrayList<>(keepCaller ? e.callerHeaders() : List.of());
                    all.addAll(extra);
                    return all;
                });
        Arbitrary<byte[]> body = e.takesBody() ? body(e) : Arbitraries.just(new byte[0]);
        Arbitrary<String> contentType = e.takesBody()
                ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(e.contentType())),
                        net.jqwik.api.Tuple.of(2, Arbitraries.of(BAD_CONTENT_TYPES)))
                : Arbitraries.just(null);
        return Combinators.combine(target, headers, body, contentType).as((t, h, b, type) -> {
            List<Header> all = new ArrayList<>(h);
            if (type != null) {
                all.add(new Header("Content-Type", type));
            }
            return new BadRequest("generated", e.method(), t, all, b);
        });
    }

    private static Arbitrary<String> path(Endpoint e) {
        if (!e.hasId()) {
            return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(e.realPath())),
                    net.jqwik.api.Tuple.of(2, anyText().map(s -> e.realPath() + "/" + encode(s))));
        }
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(e.realPath())),
                net.jqwik.api.Tuple.of(5, anyText().map(s -> e.withId(encode(s)))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(GARBAGE_IDS).map(e::withId)));
    }

    private static Arbitrary<String> query(Endpoint e) {
        List<String> names = new ArrayList<>(e.queryParams());
        names.add("x");
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(names), anyText().ofMaxLength(300))
                .as((name, value) -> name + "=" + encode(value));
        return pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<Header> randomHeader() {
        Arbitrary<String> names = Arbitraries.of("Accept", "Accept-Language", "Accept-Charset", "If-None-Match", "Last-Event-ID",
                "X-Forwarded-For", "Authorization", "Origin", "Cookie", "X-Request-Id");
        Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u00ff').ofMaxLength(300);
        return Combinators.combine(names, values).as(Header::new);
    }

    private static Arbitrary<byte[]> body(Endpoint e) {
        Arbitrary<byte[]> randomJson = json(4).map(BadRequest::utf8);
        Arbitrary<byte[]> mutated = e.sampleBody().strip().startsWith("{")
                ? json(3).flatMap(value -> Arbitraries.integers().between(0, 1_000).map(i -> mutate(e.sampleBody(), i, value)))
                : anyText().map(s -> BadRequest.utf8(e.sampleBody() + s));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        Arbitrary<byte[]> text = anyText().ofMaxLength(2_000).map(BadRequest::utf8);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, randomJson), net.jqwik.api.Tuple.of(4, mutated),
                net.jqwik.api.Tuple.of(2, bytes), net.jqwik.api.Tuple.of(1, text));
    }

    /** Random JSON text, nested up to {@code depth} levels. */
    public static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                anyText().ofMaxLength(200).map(BadInputCorpus::quote),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "1e308"),
                Arbitraries.of("true", "false", "null", "\"\"", "1e999", "-0", "\"http://169.254.169.254/\"",
                        "\"00000000-0000-4000-8000-000000000000\"", "\"2024-02-30T25:61:00Z\""));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<String> array = json(depth - 1).list().ofMaxSize(5).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("url", "title", "text", "html", "source", "publishedAt", "name",
                "filter", "channel", "type", "address", "topics", "countries", "orgs", "keywords", "query", "events", "digest"),
                anyText().ofMaxLength(20));
        Arbitrary<String> member = Combinators.combine(key, json(depth - 1)).as((k, v) -> quote(k) + ":" + v);
        Arbitrary<String> object = member.list().ofMaxSize(5).map(m -> "{" + String.join(",", m) + "}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, leaf), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(2, object));
    }

    /** Any Unicode text, including controls, surrogate-free supplementary characters and the replacement character. */
    private static net.jqwik.api.arbitraries.StringArbitrary anyText() {
        return Arbitraries.strings().all().ofMaxLength(100);
    }

    private static byte[] mutate(String sampleBody, int pick, String replacement) {
        JsonNode tree = tree(sampleBody);
        List<List<String>> paths = fieldPaths(tree, new ArrayList<>());
        if (paths.isEmpty()) {
            return BadRequest.utf8(replacement);
        }
        return BadRequest.utf8(replaced(tree, paths.get(pick % paths.size()), replacement));
    }

    /** The document with the field at {@code path} set to the raw JSON text {@code value}, however deep it nests. */
    private static String replaced(JsonNode document, List<String> path, String value) {
        JsonNode copy = document.deepCopy();
        set(copy, path, com.fasterxml.jackson.databind.node.TextNode.valueOf(PLACEHOLDER));
        return copy.toString().replace(quote(PLACEHOLDER), value);
    }

    private static List<List<String>> fieldPaths(JsonNode node, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                paths.add(path);
                paths.addAll(fieldPaths(object.get(name), path));
            });
        }
        return paths;
    }

    private static void set(JsonNode root, List<String> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = parent.get(path.get(i));
        }
        if (parent instanceof ObjectNode object) {
            object.set(path.get(path.size() - 1), value);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not JSON: " + abbreviate(json), ex);
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] invalidUtf8Body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BadRequest.utf8("{\"url\":\"http://example.com/\",\"title\":\"a"));
        out.writeBytes(new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0xaf, (byte) 0xed, (byte) 0xa0, (byte) 0x80});
        out.writeBytes(BadRequest.utf8("\",\"name\":\"x\"}"));
        return out.toByteArray();
    }

    private static byte[] repeat(char c, int count) {
        byte[] bytes = new byte[count];
        java.util.Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static List<Header> with(List<Header> base, Header... more) {
        List<Header> all = new ArrayList<>(base);
        Collections.addAll(all, more);
        return all;
    }

    private static Header[] manyHeaders(int count) {
        Header[] headers = new Header[count];
        for (int i = 0; i < count; i++) {
            headers[i] = new Header("X-H" + i, "v" + i);
        }
        return headers;
    }

    /** The caller's headers minus Authorization, plus the given ones. */
    private static List<Header> withoutAuth(Endpoint e, List<Header> headers) {
        List<Header> all = new ArrayList<>(e.callerHeaders().stream().filter(h -> !h.name().equalsIgnoreCase("Authorization")).toList());
        all.addAll(headers);
        return all;
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n]", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…(" + oneLine.length() + ")" : oneLine;
    }
}
