package dev.accord.alert.mail;

import dev.accord.alert.config.MailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The links that mails carry: confirmation page, unsubscribe page (also the RFC 8058 one-click target). */
@ApplicationScoped
public class MailLinks {

    public static final String CONFIRM_PATH = "/api/email/confirm/";
    public static final String UNSUBSCRIBE_PATH = "/api/email/unsubscribe/";

    private final MailConfig config;

    public MailLinks(MailConfig config) {
        this.config = config;
    }

    public String confirm(String token) {
        return base() + CONFIRM_PATH + token;
    }

    public String unsubscribe(String token) {
        return base() + UNSUBSCRIBE_PATH + token;
    }

    /** The {@code List-Unsubscribe} value: the HTTPS link first, then the mailbox if one is configured. */
    public String listUnsubscribe(String token) {
        String header = "<" + unsubscribe(token) + ">";
        Optional<String> mailto = config.unsubscribeMailto().filter(m -> !m.isBlank());
        if (mailto.isPresent()) {
            header += ", <mailto:" + mailto.get().strip() + "?subject="
                    + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8).replace("+", "%20") + ">";
        }
        return header;
    }

    private String base() {
        String url = config.publicUrl().strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
