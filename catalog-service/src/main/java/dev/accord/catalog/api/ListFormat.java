package dev.accord.catalog.api;

import dev.accord.common.web.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The representations of a list. The client picks one with the {@code Accept} header (RFC 9110
 * proactive negotiation, q-values honoured) or, for links that must work without headers such as a
 * feed reader's, with the {@code format} parameter, which wins.
 */
public enum ListFormat {
    JSON("json", "application/json", "application/json"),
    CSV("csv", "text/csv", "text/csv; charset=UTF-8; header=present"),
    NDJSON("ndjson", "application/x-ndjson", "application/x-ndjson"),
    ATOM("atom", "application/atom+xml", "application/atom+xml; charset=UTF-8");

    /** The value of {@code format} that asks for this representation. */
    public final String parameter;
    /** The media type clients ask for. */
    public final String mediaType;
    /** The Content-Type of the response. */
    public final String contentType;

    ListFormat(String parameter, String mediaType, String contentType) {
        this.parameter = parameter;
        this.mediaType = mediaType;
        this.contentType = contentType;
    }

    public static List<String> parameters() {
        return Arrays.stream(values()).map(f -> f.parameter).toList();
    }

    public static List<String> mediaTypes() {
        return Arrays.stream(values()).map(f -> f.mediaType).toList();
    }

    /** The representation for this request; 400 for an unknown {@code format}, 406 when no Accept range fits. */
    public static ListFormat negotiate(String format, List<String> acceptHeaders) {
        if (format != null && !format.isBlank()) {
            return Arrays.stream(values()).filter(f -> f.parameter.equals(format.strip().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new ProblemException(400, "Invalid parameter",
                            "Unknown format '" + format + "'.", Map.of("parameter", "format", "allowed", parameters())));
        }
        List<MediaRange> ranges = new ArrayList<>();
        if (acceptHeaders != null) {
            for (String header : acceptHeaders) {
                for (String part : header.split(",")) {
                    if (!part.isBlank()) {
                        ranges.add(MediaRange.parse(part).orElse(MediaRange.UNUSABLE));
                    }
                }
            }
        }
        if (ranges.isEmpty()) {
            return JSON;
        }
        ListFormat best = null;
        double bestQuality = 0;
        for (ListFormat candidate : values()) {
            double quality = candidate.qualityIn(ranges);
            // Strictly greater: on a tie the earlier (preferred) representation stays.
            if (quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new ProblemException(406, "Not Acceptable",
                    "This list is available as " + String.join(", ", mediaTypes())
                            + "; ask for one in Accept or with the format parameter.",
                    Map.of("allowed", mediaTypes()));
        }
        return best;
    }

    /** The q-value of the most specific range that matches this type (0 when none does). */
    private double qualityIn(List<MediaRange> ranges) {
        String[] typeAndSubtype = mediaType.split("/");
        int bestSpecificity = -1;
        double quality = 0;
        for (MediaRange range : ranges) {
            int specificity = range.specificityFor(typeAndSubtype[0], typeAndSubtype[1], this == NDJSON);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = range.quality();
            }
        }
        return quality;
    }

    private record MediaRange(String type, String subtype, double quality) {

        static final MediaRange UNUSABLE = new MediaRange("", "", 0);

        static Optional<MediaRange> parse(String text) {
            String[] parts = text.split(";");
            String[] typeAndSubtype = parts[0].strip().toLowerCase(Locale.ROOT).split("/", -1);
            if (typeAndSubtype.length != 2 || typeAndSubtype[0].isEmpty() || typeAndSubtype[1].isEmpty()) {
                return Optional.empty();
            }
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].strip().split("=", 2);
                if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
                    try {
                        quality = Math.max(0, Math.min(1, Double.parseDouble(parameter[1].strip())));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new MediaRange(typeAndSubtype[0], typeAndSubtype[1], quality));
        }

        /** 2 for an exact match, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 for no match. */
        int specificityFor(String type, String subtype, boolean ndjson) {
            if (this.type.equals("*") && this.subtype.equals("*")) {
                return 0;
            }
            if (!this.type.equals(type)) {
                return -1;
            }
            if (this.subtype.equals("*")) {
                return 1;
            }
            // application/ndjson is the name the NDJSON community now uses for the same format.
            boolean same = this.subtype.equals(subtype) || ndjson && this.subtype.equals("ndjson");
            return same ? 2 : -1;
        }
    }
}
