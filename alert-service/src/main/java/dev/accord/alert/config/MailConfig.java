package dev.accord.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** E-mail alerts ({@code accord.alert.mail.*}); the SMTP server itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "accord.alert.mail")
public interface MailConfig {

    /** Base URL under which subscribers reach this service; confirmation and unsubscribe links start with it. */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    /**
     * A mailbox that unsubscribes whoever writes to it, offered as the {@code mailto:} alternative in
     * {@code List-Unsubscribe}; without it only the HTTPS link is offered.
     */
    Optional<String> unsubscribeMailto();

    /** Subject prefix of every mail, so subscribers can filter them. */
    @WithDefault("[Accord]")
    String subjectPrefix();
}
