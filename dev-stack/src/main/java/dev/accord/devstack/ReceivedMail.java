package dev.accord.devstack;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One mail as the inbox shows it: numbered from 1 in arrival order, with its plain-text and HTML parts. */
public record ReceivedMail(int number, Instant received, String from, List<String> to, String subject, String text, String html,
        String listUnsubscribe, String listUnsubscribePost) {

    static List<ReceivedMail> all(MimeMessage[] messages) {
        List<ReceivedMail> mails = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            mails.add(of(i + 1, messages[i]));
        }
        return mails;
    }

    static ReceivedMail of(int number, MimeMessage message) {
        try {
            String[] parts = {null, null};
            collect(message, parts);
            Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
            return new ReceivedMail(number, received, addresses(message.getFrom()).stream().findFirst().orElse(""),
                    addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject() == null ? "" : message.getSubject(),
                    parts[0], parts[1], message.getHeader("List-Unsubscribe", ", "), message.getHeader("List-Unsubscribe-Post", ", "));
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read mail " + number, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail " + number, e);
        }
    }

    /** The HTTPS address of one-click unsubscribe (RFC 8058), when the mail offers it. */
    public String oneClickUnsubscribe() {
        if (listUnsubscribe == null || listUnsubscribePost == null || !listUnsubscribePost.contains("One-Click")) {
            return null;
        }
        return Arrays.stream(listUnsubscribe.split(","))
                .map(String::strip)
                .filter(link -> link.startsWith("<http"))
                .map(link -> link.substring(1, link.length() - 1))
                .findFirst().orElse(null);
    }

    /** The first text/plain and the first text/html part, however the alternatives are nested. */
    private static void collect(Part part, String[] textAndHtml) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && textAndHtml[0] == null) {
            textAndHtml[0] = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && textAndHtml[1] == null) {
            textAndHtml[1] = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, textAndHtml);
            }
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }
}
