package dev.accord.devstack;

import java.time.ZoneOffset;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mail sink's pages and its JSON, written by hand: the dev tools carry no web framework. */
final class InboxPages {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
            + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}"
            + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}iframe{width:100%;height:30rem;border:1px solid #ddd}";

    private InboxPages() {
    }

    static String inbox(List<ReceivedMail> mails) {
        StringBuilder rows = new StringBuilder();
        for (int i = mails.size() - 1; i >= 0; i--) {
            ReceivedMail mail = mails.get(i);
            rows.append("<tr><td>").append(TIME.format(mail.received())).append("</td><td>").append(escape(String.join(", ", mail.to())))
                    .append("</td><td><a href=\"/messages/").append(mail.number()).append("\">").append(escape(mail.subject()))
                    .append("</a></td></tr>\n");
        }
        String body = mails.isEmpty() ? "<p>No mail yet. Mail that alert-service sends to any address arrives here.</p>"
                : "<table><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th></tr></thead>"
                        + "<tbody>\n" + rows + "</tbody></table>";
        return page("Inbox (" + mails.size() + ")", body + "<p><a href=\"/api/messages\">JSON</a></p>");
    }

    static String message(ReceivedMail mail) {
        StringBuilder body = new StringBuilder("<p><a href=\"/\">← Inbox</a></p><dl>")
                .append("<dt>From</dt><dd>").append(escape(mail.from())).append("</dd>")
                .append("<dt>To</dt><dd>").append(escape(String.join(", ", mail.to()))).append("</dd>")
                .append("<dt>Received</dt><dd>").append(TIME.format(mail.received())).append("</dd>");
        if (mail.listUnsubscribe() != null) {
            body.append("<dt>List-Unsubscribe</dt><dd>").append(linkify(escape(mail.listUnsubscribe()))).append("</dd>");
        }
        body.append("</dl>");
        String oneClick = mail.oneClickUnsubscribe();
        if (oneClick != null) {
            // What a mail client does for RFC 8058: a POST of List-Unsubscribe=One-Click to the HTTPS link.
            body.append("<form method=\"post\" action=\"").append(escape(oneClick)).append("\">")
                    .append("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">")
                    .append("<button type=\"submit\">Unsubscribe (one click)</button></form>");
        }
        if (mail.text() != null) {
            body.append("<h2>Text</h2><pre>").append(linkify(escape(mail.text()))).append("</pre>");
        }
        if (mail.html() != null) {
            body.append("<h2>HTML</h2><iframe title=\"The mail's HTML part\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"")
                    .append(escape(mail.html())).append("\"></iframe>");
        }
        return page(mail.subject(), body.toString());
    }

    /** The mails as a JSON array, oldest first; {@code to} keeps only mails addressed to it (ignoring case). */
    static String json(List<ReceivedMail> mails, String to) {
        StringBuilder out = new StringBuilder("[");
        for (ReceivedMail mail : mails) {
            if (to != null && mail.to().stream().noneMatch(address -> address.toLowerCase(Locale.ROOT).contains(to.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"number\":").append(mail.number())
                    .append(",\"received\":").append(quote(mail.received().toString()))
                    .append(",\"from\":").append(quote(mail.from()))
                    .append(",\"to\":[").append(String.join(",", mail.to().stream().map(InboxPages::quote).toList())).append(']')
                    .append(",\"subject\":").append(quote(mail.subject()))
                    .append(",\"text\":").append(quote(mail.text()))
                    .append(",\"html\":").append(quote(mail.html()))
                    .append(",\"listUnsubscribe\":").append(quote(mail.listUnsubscribe()))
                    .append(",\"oneClickUnsubscribe\":").append(quote(mail.oneClickUnsubscribe()))
                    .append('}');
        }
        return out.append(']').toString();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + " · Accord mail sink</title>"
                + "<style>" + STYLE + "</style></head><body><header><h1>" + escape(title) + "</h1></header><main>" + body
                + "</main></body></html>";
    }

    private static String linkify(String escaped) {
        Matcher matcher = LINK.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + matcher.group() + "\">" + matcher.group() + "</a>"));
        }
        return matcher.appendTail(out).toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
