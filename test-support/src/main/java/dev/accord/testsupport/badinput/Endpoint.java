package dev.accord.testsupport.badinput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP endpoint of a service, as the bad-input drill needs to know it: its method and path
 * template ({@code {id}} is replaced by garbage, or by {@code validId} when the body is the target),
 * the content type and a valid sample of its body when it takes one, the query parameters it reads,
 * and the headers a legitimate caller sends (API key, subscriber token) so that bad bodies get past
 * authentication and reach the code that parses them. {@code errorType} is the media type its errors
 * must have: problem+json, except for pages meant for browsers.
 */
public record Endpoint(String method, String path, String contentType, String sampleBody, List<String> queryParams,
        Map<String, String> headers, String validId, String errorType) {

    public static final String PROBLEM_JSON = "application/problem+json";

    public Endpoint {
        queryParams = List.copyOf(queryParams);
        headers = Map.copyOf(headers);
    }

    public static Endpoint get(String path, String... queryParams) {
        return new Endpoint("GET", path, null, null, List.of(queryParams), Map.of(), null, PROBLEM_JSON);
    }

    public static Endpoint post(String path) {
        return new Endpoint("POST", path, null, null, List.of(), Map.of(), null, PROBLEM_JSON);
    }

    public static Endpoint delete(String path) {
        return new Endpoint("DELETE", path, null, null, List.of(), Map.of(), null, PROBLEM_JSON);
    }

    public static Endpoint post(String path, String contentType, String sampleBody) {
        return new Endpoint("POST", path, contentType, sampleBody, List.of(), Map.of(), null, PROBLEM_JSON);
    }

    public static Endpoint patch(String path, String contentType, String sampleBody) {
        return new Endpoint("PATCH", path, contentType, sampleBody, List.of(), Map.of(), null, PROBLEM_JSON);
    }

    /** The same endpoint called with this header on every request (e.g. {@code Authorization}). */
    public Endpoint withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Endpoint(method, path, contentType, sampleBody, queryParams, more, validId, errorType);
    }

    /** The id that makes the path real, used when the body or the query, not the id, is under test. */
    public Endpoint withValidId(String id) {
        return new Endpoint(method, path, contentType, sampleBody, queryParams, headers, id, errorType);
    }

    /** The same endpoint, whose error answers are pages of this media type (e.g. text/html for links in e-mails). */
    public Endpoint withErrorType(String mediaType) {
        return new Endpoint(method, path, contentType, sampleBody, queryParams, headers, validId, mediaType);
    }

    public boolean hasId() {
        return path.contains("{id}");
    }

    public boolean takesBody() {
        return contentType != null;
    }

    /** The path with its id filled in: the valid one when known, otherwise a well-formed but unknown UUID. */
    public String realPath() {
        return withId(validId != null ? validId : "00000000-0000-4000-8000-000000000000");
    }

    /** The path with {@code rawId} put in as is (already percent-encoded where it should be). */
    public String withId(String rawId) {
        return path.replace("{id}", rawId);
    }

    public List<Header> callerHeaders() {
        List<Header> list = new ArrayList<>();
        headers.forEach((name, value) -> list.add(new Header(name, value)));
        return list;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
