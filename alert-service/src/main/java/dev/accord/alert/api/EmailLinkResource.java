package dev.accord.alert.api;

import dev.accord.alert.domain.EmailChannel;
import dev.accord.alert.mail.EmailSubscriptions;
import dev.accord.alert.mail.MailLinks;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pages behind the links in e-mails. A {@code GET} only shows a page with a button; the state
 * changes on {@code POST}, because mail scanners and link previews follow links with GET. The
 * unsubscribe {@code POST} is also the RFC 8058 one-click target that mail clients call directly
 * (body {@code List-Unsubscribe=One-Click}).
 */
@Path("/api/email")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "E-mail links")
public class EmailLinkResource {

    private final EmailSubscriptions subscriptions;
    private final Template page;

    public EmailLinkResource(EmailSubscriptions subscriptions, @Location("pages/page.html") Template page) {
        this.subscriptions = subscriptions;
        this.page = page;
    }

    @GET
    @Path("/confirm/{token}")
    @Operation(summary = "Page asking to confirm an e-mail subscription")
    public Response confirmPage(@PathParam("token") String token) {
        Optional<EmailChannel> channel = subscriptions.byConfirmToken(token);
        if (channel.isEmpty()) {
            return unknownLink();
        }
        if (channel.get().unsubscribedAt != null) {
            return page(200, "Unsubscribed", "This address has unsubscribed; create a new subscription to get alerts again.", null, null);
        }
        if (channel.get().confirmedAt != null) {
            return page(200, "Subscription confirmed", "Alerts for this subscription are sent to " + channel.get().address + ".",
                    null, null);
        }
        return page(200, "Confirm your subscription", "Send Accord alerts to " + channel.get().address + "?",
                MailLinks.CONFIRM_PATH + token, "Confirm");
    }

    @POST
    @Path("/confirm/{token}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm an e-mail subscription (double opt-in)")
    public Response confirm(@PathParam("token") String token) {
        Optional<EmailChannel> channel = subscriptions.confirm(token);
        if (channel.isEmpty()) {
            return unknownLink();
        }
        if (channel.get().unsubscribedAt != null) {
            return page(200, "Unsubscribed", "This address has unsubscribed; create a new subscription to get alerts again.", null, null);
        }
        return page(200, "Subscription confirmed", "Alerts for this subscription are sent to " + channel.get().address + ".",
                null, null);
    }

    @GET
    @Path("/unsubscribe/{token}")
    @Operation(summary = "Page asking to unsubscribe an address")
    public Response unsubscribePage(@PathParam("token") String token) {
        Optional<EmailChannel> channel = subscriptions.byUnsubscribeToken(token);
        if (channel.isEmpty()) {
            return unknownLink();
        }
        if (channel.get().unsubscribedAt != null) {
            return unsubscribed(channel.get());
        }
        return page(200, "Unsubscribe", "Stop sending these Accord alerts to " + channel.get().address + "?",
                MailLinks.UNSUBSCRIBE_PATH + token, "Unsubscribe");
    }

    @POST
    @Path("/unsubscribe/{token}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Unsubscribe (RFC 8058 one-click target)")
    public Response unsubscribe(@PathParam("token") String token) {
        return subscriptions.unsubscribe(token).map(this::unsubscribed).orElseGet(this::unknownLink);
    }

    private Response unsubscribed(EmailChannel channel) {
        return page(200, "Unsubscribed", "No more alerts of this subscription will be sent to " + channel.address + ".", null, null);
    }

    private Response unknownLink() {
        return page(404, "Unknown link", "This link is not valid (any more).", null, null);
    }

    private Response page(int status, String title, String message, String action, String button) {
        String html = page.data("title", title).data("message", message).data("action", action).data("button", button).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                // The pages hold tokens: keep them out of caches and referrers.
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
