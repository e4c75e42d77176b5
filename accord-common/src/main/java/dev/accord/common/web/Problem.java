package dev.accord.common.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.Map;

/**
 * An RFC 9457 problem details object. {@code extensions} are written as top-level members, as the
 * RFC asks, e.g. {@code "parameter": "limit"}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }
}
