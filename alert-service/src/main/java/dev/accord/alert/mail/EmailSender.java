package dev.accord.alert.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.alert.channel.ChannelSender;
import dev.accord.alert.channel.ChannelType;
import dev.accord.alert.channel.Notification;
import dev.accord.alert.channel.Outgoing;
import dev.accord.alert.channel.SendResult;
import dev.accord.alert.config.MailConfig;
import dev.accord.alert.digest.Digest;
import dev.accord.alert.domain.EmailChannel;
import dev.accord.common.events.EventJson;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends one e-mail delivery over SMTP: the confirmation mail of a new subscription, one alert, or one
 * digest. Alert and digest mails carry an HTML and a text body and the RFC 8058 one-click unsubscribe
 * headers. Any SMTP failure is reported like a failed webhook, so the delivery is retried.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final Mailer mailer;
    private final MailLinks links;
    private final MailConfig config;
    private final Template alertHtml;
    private final Template alertText;
    private final Template digestHtml;
    private final Template digestText;
    private final Template confirmHtml;
    private final Template confirmText;

    public EmailSender(Mailer mailer, MailLinks links, MailConfig config,
            @Location("mail/alert.html") Template alertHtml, @Location("mail/alert.txt") Template alertText,
            @Location("mail/digest.html") Template digestHtml, @Location("mail/digest.txt") Template digestText,
            @Location("mail/confirm.html") Template confirmHtml, @Location("mail/confirm.txt") Template confirmText) {
        this.mailer = mailer;
        this.links = links;
        this.config = config;
        this.alertHtml = alertHtml;
        this.alertText = alertText;
        this.digestHtml = digestHtml;
        this.digestText = digestText;
        this.confirmHtml = confirmHtml;
        this.confirmText = confirmText;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public SendResult send(Outgoing delivery) {
        return send(delivery.deliveryId(), delivery.subscriptionId(), delivery.eventType(), delivery.payload());
    }

    public SendResult send(UUID deliveryId, UUID subscriptionId, String eventType, String payload) {
        Optional<EmailChannel> found = channel(subscriptionId);
        if (found.isEmpty()) {
            return failure("no e-mail address for this subscription");
        }
        EmailChannel channel = found.get();
        if (channel.unsubscribedAt != null) {
            return failure("unsubscribed");
        }
        try {
            Mail mail = compose(channel, eventType, payload);
            mail.addTo(channel.address);
            // The delivery id as Message-ID lets mail clients drop the copy a retry after a lost reply may produce.
            mail.addHeader("Message-ID", "<" + deliveryId + "@accord>");
            mailer.send(mail);
            return new SendResult(250, null, Optional.empty());
        } catch (RuntimeException e) {
            return failure(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private Mail compose(EmailChannel channel, String eventType, String payload) {
        if (EmailSubscriptions.CONFIRMATION.equals(eventType)) {
            String link = links.confirm(channel.confirmToken);
            return mail(config.subjectPrefix() + " Confirm your alert subscription",
                    confirmHtml.data("link", link).data("address", channel.address).render())
                    .setText(confirmText.data("link", link).data("address", channel.address).render());
        }
        String unsubscribe = links.unsubscribe(channel.unsubscribeToken);
        Mail mail;
        if (Digest.TYPE.equals(eventType)) {
            JsonNode digest = tree(payload);
            List<MailItem> items = new ArrayList<>();
            for (JsonNode notification : digest.path("notifications")) {
                items.add(item(read(notification.toString())));
            }
            String subject = config.subjectPrefix() + " " + digest.path("digest").asText() + " digest: " + items.size()
                    + (items.size() == 1 ? " initiative" : " initiatives");
            String windowStart = digest.path("windowStart").asText();
            String windowEnd = digest.path("windowEnd").asText();
            mail = mail(subject, digestHtml.data("items", items).data("windowStart", windowStart)
                    .data("windowEnd", windowEnd).data("unsubscribe", unsubscribe).render())
                    .setText(digestText.data("items", items).data("windowStart", windowStart).data("windowEnd", windowEnd)
                            .data("unsubscribe", unsubscribe).render());
        } else {
            MailItem item = item(read(payload));
            mail = mail(config.subjectPrefix() + " " + item.title(),
                    alertHtml.data("item", item).data("unsubscribe", unsubscribe).render())
                    .setText(alertText.data("item", item).data("unsubscribe", unsubscribe).render());
        }
        return mail.addHeader("List-Unsubscribe", links.listUnsubscribe(channel.unsubscribeToken))
                .addHeader("List-Unsubscribe-Post", ONE_CLICK);
    }

    private static Mail mail(String subject, String html) {
        return new Mail().setSubject(subject).setHtml(html);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    Optional<EmailChannel> channel(UUID subscriptionId) {
        return EmailChannel.findByIdOptional(subscriptionId);
    }

    private static MailItem item(Notification notification) {
        return MailItem.of(notification.type(), notification.initiative(), notification.catalogUrl());
    }

    private static Notification read(String json) {
        try {
            return EventJson.mapper().readValue(json, Notification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored notifications are written by this service as JSON", e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored digests are written by this service as JSON", e);
        }
    }

    private static SendResult failure(String error) {
        return new SendResult(0, error, Optional.empty());
    }
}
