package dev.accord.devstack.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The first value of a named field in a small JSON answer (a string, number or boolean), or "". */
final class JsonFields {

    private JsonFields() {
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|[0-9]+|true|false)")
                .matcher(json);
        if (!m.find()) {
            return "";
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    static int count(String json, String text) {
        int count = 0;
        for (int i = json.indexOf(text); i >= 0; i = json.indexOf(text, i + text.length())) {
            count++;
        }
        return count;
    }
}
