package dev.accord.ingest.clean;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines that are page furniture whatever page they stand on: skip links, share and subscribe prompts, comment
 * forms, cookie notices, "Advertisement", datelines, photo credits, app and newsletter promotions. Applied to
 * pasted text line by line and to extracted HTML paragraphs.
 */
final class BoilerplateLines {

    // Furniture is short; a longer line is prose that merely starts like furniture ("Share prices fell ...").
    private static final int MAX_FURNITURE_CHARS = 160;
    // Datelines and credits are shorter still; "Updated guidance was published on 3 May" is a sentence.
    private static final int MAX_STAMP_CHARS = 100;

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s!.:…]+$");

    private static final Pattern FURNITURE = Pattern.compile("(?i)^(?:"
            + "press \"?enter\"? to skip to (?:main )?content|skip to (?:main )?(?:content|navigation|search)"
            + "|be (?:the )?first to comment|leave a (?:reply|comment)|post a comment|add a comment|\\d+ comments?"
            + "|comments?|no comments(?: yet)?|view comments|show comments|join the (?:conversation|discussion)"
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
            // Blog engines' post furniture.
            + "|you can follow any responses to this entry\\b.*|this entry was posted (?:on|in)\\b.*"
            + "|posted in:? .*|filed (?:under|in):? .*|tags?: .*|tagged(?: with| as)?:? .*|categor(?:y|ies): .*"
            + "|labels: .*|permalink|trackback(?: url.*)?|the comments to this entry are closed|comments are closed"
            + "|\\d+ comments?:|\\S+(?: \\S+){0,3} said\\.\\.\\.|posted on this day, other years|printer-friendly version"
            + "|pin it|sign in or create an account|up next\\b.*|(?:start|end) quote"
            // Video and gallery embeds.
            + "|(?:watch|listen|video|photos?|gallery|audio|podcast)\\s*\\|.*|.*\\b(?:watch|play) video"
            + "|we apologi[sz]e, but this video has failed to load"
            // Promotions of the publisher's apps, newsletters, channels and e-mail alerts.
            + "|.*\\bjoin us on (?:whatsapp|telegram|facebook|twitter|instagram)\\b.*"
            + "|.*\\b(?:download|get|install) (?:the|our) (?:\\S+ ){0,2}app\\b.*|.*\\b(?:android (?:and|und|et|y|og|och) ios|ios (?:and|und|et|y|og|och) android)\\b.*"
            + "|.*\\benter your e-?mail\\b.*|.*\\b(?:get|receive) free (?:e-?mail )?updates\\b.*|.*\\bfree e-?mail updates\\b.*"
            + "|.*\\bbreaking news alerts\\b.*|newsletter\\b.*"
            // Paywall notices.
            + "|.*\\b(?:subscribers? only|for subscribers|réservée aux abonnés|nur für abonnenten|exclusivo para suscriptores)\\b.*"
            // Accounts and addresses listed on their own.
            + "|(?:twitter|facebook|youtube|instagram|website|blog|linkedin)(?: fan page| videos| channel)?: ?\\S+"
            + "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
            + ")$");

    /** Short lines that say when or who made the page: datelines, reading times, photo and agency credits. */
    private static final Pattern STAMP = Pattern.compile("(?iu)^(?:"
            + "(?:(?:first |last )?published|(?:last )?updated|posted|submitted|stand|publiziert|aktualisiert|veröffentlicht"
            + "|publié|mis à jour|publicado|actualizado|publisert|oppdatert|publicerad|uppdaterad)\\b.*\\d.*"
            + "|.*\\|\\s*(?:published|updated|posted)\\b.*"
            // Stamps run into the next label on some pages ("ago11:48", "UhrLesedauer"), so no word boundary there.
            + "|\\d+\\s*(?:mins?|minutes?|hrs?|hours?|days?|weeks?)\\s+ago.*"
            + "|.*(?:lesedauer|lesezeit|reading time|temps de lecture)\\b.*|.*\\b\\d+ min(?:ute)?s? read\\b.*"
            + "|(?:photo(?:graph)?s?|images?|pictures?|fotos?|bild(?:er)?|photo credit|credits?)(?: by)?\\s*:.*"
            + "|.*©\\s*[^©]{1,60}|.*\\([^()]*\\b(?:photo|photos|images|fotos?)\\b[^()]*\\)"
            + "|\\((?:(?:quelle|source|fuente|kilde|källa): ?[^()]{2,40}|(?-i:\\p{Lu}{2,10})(?:/\\p{L}{2,10})*|\\p{L}{2,10}(?:/\\p{L}{2,10})+"
            + "|dpa|apa|sda|afp|ap|ansa|efe|epd|kna|reuters|ntb|ritzau|pti|ians)\\)"
            + "|mit agenturmaterial|(?:[-–—] ?)?additional reporting by .*"
            + ")$");

    /** A line of nothing but dates and times ("October 19, 2012 10:54 AM", "22.04.2024, 06:00 Uhr"). */
    private static final Pattern DATE_ONLY = Pattern.compile("(?iu)^(?:(?:"
            + "mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
            + "|september|october|november|december|\\d+(?:st|nd|rd|th)?|am|pm|a\\.m|p\\.m|uhr|kl|at|on|um|le|à|de|del"
            + "|et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|utc|bst|cet|cest|ist|jst|h"
            + ")(?:[\\s.,:/|–—-]+|$))+$");
    // A date names a month or a day, or joins its numbers ("22.04.2024", "06:00"); "1947" or "15,516" is a value.
    private static final Pattern DATE_LIKE = Pattern.compile("\\p{L}|\\d[:./]\\d");

    private static final List<Pattern> SHORT_ONLY = List.of(STAMP, DATE_ONLY);

    /** The heading a comment thread opens with ("Comments", "4 comments:", "12 Responses to ..."). */
    private static final Pattern THREAD_HEADING = Pattern.compile("(?i)^(?:(?:\\d+ )?comments?|comments? \\(\\d+\\)"
            + "|\\d+ (?:responses?|replies|reactions)(?: to .*)?|(?:reader )?comments(?: and reactions)?)\\s*:?$");
    /** How blog engines sign each comment ("Posted by: Andrew | Mar 26, 2007 2:00:18 PM", "Anonymous said..."). */
    private static final Pattern COMMENT_SIGNATURE = Pattern.compile("(?i)^(?:posted by:? .{1,80}\\|.*\\d.*"
            + "|\\S+(?: \\S+){0,3} (?:said|says|wrote)(?:\\.\\.\\.|:)|.{1,60} on \\w+ \\d{1,2},? \\d{4},? (?:at )?\\d{1,2}:\\d{2}.*)$");
    // Signatures after the heading that show it opens a thread, not a section of the article called "Comments".
    private static final int THREAD_SIGNATURES = 2;

    private BoilerplateLines() {
    }

    /**
     * Where a comment thread that the page keeps inline with its post begins: at a thread heading followed by
     * comments' signatures. The lines' count when there is none.
     */
    static int commentThreadStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!THREAD_HEADING.matcher(lines.get(i).strip()).matches()) {
                continue;
            }
            int signatures = 0;
            for (int j = i + 1; j < lines.size() && signatures < THREAD_SIGNATURES; j++) {
                if (lines.get(j).length() <= MAX_FURNITURE_CHARS && COMMENT_SIGNATURE.matcher(lines.get(j).strip()).matches()) {
                    signatures++;
                }
            }
            if (signatures >= THREAD_SIGNATURES) {
                return i;
            }
        }
        return lines.size();
    }

    static boolean isFurniture(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty()) {
            return false;
        }
        if (stripped.length() > MAX_FURNITURE_CHARS && !stripped.toLowerCase().startsWith("your email address")) {
            return false;
        }
        String bare = TRAILING_PUNCTUATION.matcher(stripped).replaceFirst("");
        if (FURNITURE.matcher(stripped).matches() || !bare.isEmpty() && !bare.equals(stripped) && FURNITURE.matcher(bare).matches()) {
            return true;
        }
        if (stripped.length() > MAX_STAMP_CHARS) {
            return false;
        }
        for (Pattern pattern : SHORT_ONLY) {
            if (pattern.matcher(stripped).matches()) {
                return pattern != DATE_ONLY || stripped.chars().anyMatch(Character::isDigit) && DATE_LIKE.matcher(stripped).find();
            }
        }
        return false;
    }
}
