package dev.accord.console.subscriptions;

import jakarta.ws.rs.FormParam;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter builder and channel form; lists are typed comma-separated. It turns into the alert API's
 * subscription and preview bodies, so what the console sends is exactly what an API client would.
 */
public class SubscriptionForm {

    static final List<String> EVENT_KINDS = List.of("initiative.cataloged", "initiative.stage-changed", "initiative.mentioned",
            "article.cataloged");
    static final List<String> DIGESTS = List.of("none", "hourly", "daily", "weekly");

    @FormParam("name")
    public String name;
    @FormParam("topics")
    public String topics;
    @FormParam("countries")
    public String countries;
    @FormParam("orgs")
    public String orgs;
    @FormParam("keywords")
    public String keywords;
    @FormParam("query")
    public String query;
    @FormParam("events")
    public List<String> events;
    @FormParam("channel")
    public String channel;
    @FormParam("url")
    public String url;
    @FormParam("address")
    public String address;
    @FormParam("digest")
    public String digest;
    @FormParam("digestAt")
    public String digestAt;
    @FormParam("digestTimeZone")
    public String digestTimeZone;
    @FormParam("digestDay")
    public String digestDay;
    @FormParam("action")
    public String action;

    /** An empty form: new initiatives, by webhook, no digest. */
    public static SubscriptionForm blank() {
        SubscriptionForm form = new SubscriptionForm();
        form.events = List.of("initiative.cataloged");
        form.channel = "webhook";
        form.digest = "none";
        return form;
    }

    Map<String, Object> filter() {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("topics", list(topics));
        filter.put("countries", list(countries));
        filter.put("orgs", list(orgs));
        filter.put("keywords", list(keywords));
        if (query != null && !query.isBlank()) {
            filter.put("query", query.strip());
        }
        return filter;
    }

    List<String> eventKinds() {
        return events == null || events.isEmpty() ? List.of("initiative.cataloged") : events;
    }

    Map<String, Object> previewBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", filter());
        body.put("events", eventKinds());
        return body;
    }

    Map<String, Object> createBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null && !name.isBlank()) {
            body.put("name", name.strip());
        }
        body.put("filter", filter());
        body.put("events", eventKinds());
        Map<String, Object> channelBody = new LinkedHashMap<>();
        String type = channel == null ? "webhook" : channel;
        channelBody.put("type", type);
        if (type.equals("webhook")) {
            channelBody.put("url", blankToNull(url));
        } else if (type.equals("email")) {
            channelBody.put("address", blankToNull(address));
        }
        body.put("channel", channelBody);
        if (digest != null && !digest.equals("none")) {
            body.put("digest", digest);
            Map<String, Object> schedule = new LinkedHashMap<>();
            putIfPresent(schedule, "at", digestAt);
            putIfPresent(schedule, "timeZone", digestTimeZone);
            if (digest.equals("weekly")) {
                putIfPresent(schedule, "day", digestDay);
            }
            if (!schedule.isEmpty() && !digest.equals("hourly")) {
                body.put("digestSchedule", schedule);
            }
        }
        return body;
    }

    // What the template asks to fill the form back in.

    public String value(String field) {
        String v = switch (field) {
            case "name" -> name;
            case "topics" -> topics;
            case "countries" -> countries;
            case "orgs" -> orgs;
            case "keywords" -> keywords;
            case "query" -> query;
            case "url" -> url;
            case "address" -> address;
            case "digestAt" -> digestAt;
            case "digestTimeZone" -> digestTimeZone;
            default -> null;
        };
        return v == null ? "" : v;
    }

    public boolean hasEvent(String kind) {
        return eventKinds().contains(kind);
    }

    public boolean isChannel(String type) {
        return (channel == null ? "webhook" : channel).equals(type);
    }

    public boolean isDigest(String period) {
        return (digest == null ? "none" : digest).equals(period);
    }

    public boolean isDay(String day) {
        return (digestDay == null ? "monday" : digestDay).equals(day);
    }

    public List<String> eventKindOptions() {
        return EVENT_KINDS;
    }

    public List<String> digestOptions() {
        return DIGESTS;
    }

    public List<String> dayOptions() {
        return List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }
}
