package dev.accord.ingest.clean;

import java.util.regex.Pattern;

/**
 * Lines that are page furniture whatever page they stand on: skip links, share and subscribe prompts, comment
 * forms, cookie notices, "Advertisement". Applied to pasted text line by line and to extracted HTML paragraphs.
 */
final class BoilerplateLines {

    // Furniture is short; a longer line is prose that merely starts like furniture ("Share prices fell ...").
    private static final int MAX_FURNITURE_CHARS = 160;

    private static final Pattern FURNITURE = Pattern.compile("(?i)^(?:"
            + "press \"?enter\"? to skip to (?:main )?content|skip to (?:main )?(?:content|navigation|search)"
            + "|be (?:the )?first to comment|leave a (?:reply|comment)|post a comment|add a comment|\\d+ comments?"
            + "|comments?|view comments|show comments|join the (?:conversation|discussion)"
            + "|your email address will not be published.*|required fields are marked.*"
            + "|share(?: this| the)?(?: article| story| page| post)?(?: on \\w+| via \\w+)?:?"
            + "|(?:tweet|email|print|facebook|twitter|linkedin|whatsapp|pinterest|reddit)(?: this)?(?: article| story)?"
            + "|subscribe(?: now| today| here)?|sign up(?: now| here)?|sign up for .*newsletters?.*"
            + "|get (?:our|the) .*newsletters?.*|subscribe to (?:our|the) .*(?:newsletters?|updates|channel).*"
            + "|advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?"
            + "|more(?: on this(?: story| topic)?| stories| news| coverage)?:?"
            + "|related(?: articles| stories| content| coverage| posts| news| links)?:?"
            + "|(?:read more|also read|see also|more from \\w+|recommended|trending)\\s*[:|].*|read more"
            + "|(?:we use|this (?:web)?site uses) cookies.*|accept(?: all)? cookies|cookies? (?:policy|settings|preferences).*"
            + "|follow us(?: on .*)?|back to top|continue reading|click here to .*|loading\\.*"
            + "|(?:©|copyright\\b|\\(c\\) ?\\d{4}).*|all rights reserved\\.?"
            + "|latest posts by .*|more posts by .*|view all posts by .*|see all posts by .*"
            + "|.*\\b(?:is|are) not responsible for the (?:opinions|views|content|comments)\\b.*"
            + ")$");

    private BoilerplateLines() {
    }

    static boolean isFurniture(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty()) {
            return false;
        }
        if (stripped.length() > MAX_FURNITURE_CHARS && !stripped.toLowerCase().startsWith("your email address")) {
            return false;
        }
        return FURNITURE.matcher(stripped).matches();
    }
}
