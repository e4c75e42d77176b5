package dev.accord.testsupport.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile request, sent byte for byte as given: the target is not normalised or re-encoded,
 * headers may repeat, and the body may be anything.
 */
public record BadRequest(String label, String method, String target, List<Header> headers, byte[] body) {

    public BadRequest {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static BadRequest of(String label, Endpoint endpoint, String target, byte[] body, List<Header> extra) {
        List<Header> all = new ArrayList<>(endpoint.callerHeaders());
        all.addAll(extra);
        return new BadRequest(label, endpoint.method(), target, all, body);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String shownTarget = target.length() > 120 ? target.substring(0, 120) + "…(" + target.length() + " chars)" : target;
        return label + " [" + method + " " + shownTarget + ", " + body.length + " body bytes]";
    }
}
