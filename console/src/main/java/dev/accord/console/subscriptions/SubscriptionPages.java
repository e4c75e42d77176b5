package dev.accord.console.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.console.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Subscriptions through the console: build a filter, preview what it would have matched, create it
 * (its token and secret shown once), and manage it with its id and token as the alert API does.
 */
@Path("/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(SubscriptionForm form, AlertClient.Preview preview, String error);

        static native TemplateInstance created(AlertClient.Created created, String channel);

        static native TemplateInstance manage(String id, String error);

        static native TemplateInstance subscription(String id, String token, JsonNode subscription, List<AlertClient.Delivery> deliveries,
                String notice, String secret);
    }

    private final AlertClient alert;

    public SubscriptionPages(AlertClient alert) {
        this.alert = alert;
    }

    @GET
    @Path("/new")
    public String newForm() {
        return Templates.form(SubscriptionForm.blank(), null, null).render();
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@BeanParam SubscriptionForm form) {
        try {
            if ("create".equals(form.action)) {
                AlertClient.Created created = alert.create(form);
                return page(Response.status(201), Templates.created(created, form.channel).render());
            }
            return page(Response.ok(), Templates.form(form, alert.preview(form), null).render());
        } catch (ApiException e) {
            // Refused or unreachable, the form comes back as it was typed, with the reason.
            return page(Response.status(e.status()), Templates.form(form, null, e.getMessage()).render());
        }
    }

    @GET
    @Path("/manage")
    public String manageForm() {
        return Templates.manage("", null).render();
    }

    /** Every operation on one subscription is a form post with its id and token; the token never goes into a URL. */
    @POST
    @Path("/manage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response manage(@FormParam("id") String id, @FormParam("token") String token, @FormParam("action") String action,
            @FormParam("deliveryId") String deliveryId) {
        String trimmedId = id == null ? "" : id.strip();
        String trimmedToken = token == null ? "" : token.strip();
        try {
            String notice = null;
            String secret = null;
            switch (action == null ? "view" : action) {
                case "retry" -> {
                    alert.retry(trimmedId, trimmedToken, deliveryId);
                    notice = "Delivery " + deliveryId + " is due again now.";
                }
                case "rotate" -> {
                    secret = alert.rotate(trimmedId, trimmedToken).secret();
                    notice = "The webhook secret was rotated; the previous one also signs for a while.";
                }
                case "pause" -> {
                    alert.pause(trimmedId, trimmedToken);
                    notice = "The subscription is paused: nothing is matched for it until it is resumed.";
                }
                case "resume" -> {
                    alert.resume(trimmedId, trimmedToken);
                    notice = "The subscription is active again.";
                }
                case "enable" -> {
                    alert.enable(trimmedId, trimmedToken);
                    notice = "The subscription is active again.";
                }
                case "delete" -> {
                    alert.delete(trimmedId, trimmedToken);
                    return page(Response.ok(), Templates.manage("", "Subscription " + trimmedId + " was deleted.").render());
                }
                default -> {
                }
            }
            JsonNode subscription = alert.subscription(trimmedId, trimmedToken);
            Response.ResponseBuilder ok = Response.ok();
            if ("sse".equals(subscription.path("channel").path("type").asText())) {
                ok.cookie(StreamRelay.tokenCookie(trimmedId, trimmedToken));
            }
            return page(ok, Templates.subscription(trimmedId, trimmedToken, subscription, alert.deliveries(trimmedId, trimmedToken), notice,
                    secret).render());
        } catch (ApiException e) {
            if (e.status() >= 500) {
                throw e;
            }
            if (e.status() == 409) {
                // Refused for the subscription's state (resume what is not paused): shown on its page.
                return page(Response.status(409), Templates.subscription(trimmedId, trimmedToken, alert.subscription(trimmedId, trimmedToken),
                        alert.deliveries(trimmedId, trimmedToken), e.getMessage(), null).render());
            }
            return page(Response.status(e.status()), Templates.manage(trimmedId, e.getMessage()).render());
        }
    }

    /** Pages that show a token or a secret are not kept by the browser or anything in between. */
    private static Response page(Response.ResponseBuilder builder, String html) {
        return builder.entity(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }
}
