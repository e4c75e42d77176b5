package dev.accord.alert.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The e-mail address of an e-mail subscription, with its double opt-in and unsubscribe state. */
@Entity
@Table(name = "email_channel")
public class EmailChannel extends PanacheEntityBase {

    @Id
    public UUID subscriptionId;
    public String address;
    public String confirmToken;
    public String unsubscribeToken;
    public Instant createdAt;
    public Instant confirmedAt;
    public Instant unsubscribedAt;

    public static Optional<EmailChannel> byConfirmToken(String token) {
        return wellFormed(token) ? find("confirmToken", token).firstResultOptional() : Optional.empty();
    }

    public static Optional<EmailChannel> byUnsubscribeToken(String token) {
        return wellFormed(token) ? find("unsubscribeToken", token).firstResultOptional() : Optional.empty();
    }

    /** Tokens are base64url; anything else (NUL, other bytes PostgreSQL refuses, huge values) is no token of ours. */
    private static boolean wellFormed(String token) {
        return token != null && token.length() <= 128 && TOKEN.matcher(token).matches();
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");
}
