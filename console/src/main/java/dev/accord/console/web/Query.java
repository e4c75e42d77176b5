package dev.accord.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds query strings from parameters that may repeat; blank values are left out. */
public final class Query {

    private final List<Map.Entry<String, String>> parameters = new ArrayList<>();

    public Query add(String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.add(Map.entry(name, value.strip()));
        }
        return this;
    }

    public Query addAll(String name, List<String> values) {
        if (values != null) {
            values.forEach(v -> add(name, v));
        }
        return this;
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> p : parameters) {
            out.append(out.length() == 0 ? "" : "&").append(encode(p.getKey())).append('=').append(encode(p.getValue()));
        }
        return out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
