package dev.accord.alert.service;

import dev.accord.alert.api.FieldError;
import dev.accord.alert.api.SubscriptionCreated;
import dev.accord.alert.api.SubscriptionRequest;
import dev.accord.alert.api.SubscriptionUpdate;
import dev.accord.alert.config.AlertConfig;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.filter.FilterException;
import dev.accord.alert.filter.FilterSpec;
import dev.accord.alert.filter.SubscriptionFilter;
import dev.accord.common.net.AddressGuard;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Creates and changes subscriptions, and finds them for their owner only. */
@ApplicationScoped
public class SubscriptionService {

    static final String INVALID = "Invalid subscription";
    private static final Set<String> WEBHOOK_SCHEMES = Set.of("http", "https");

    private final AddressGuard guard;
    private final Event<SubscriptionChanged> changes;

    public SubscriptionService(AlertConfig config, Event<SubscriptionChanged> changes) {
        this.guard = new AddressGuard(config.webhooks().allowedHosts().orElse(List.of()));
        this.changes = changes;
    }

    @Transactional
    public SubscriptionCreated create(SubscriptionRequest request) {
        SubscriptionRequest.Channel channel = request.channel();
        if (!"webhook".equals(channel.type())) {
            throw new ProblemException(400, "Unsupported channel",
                    "Channel type '" + channel.type() + "' is not offered; use 'webhook'.", Map.of("parameter", "channel.type",
                            "allowed", List.of("webhook")));
        }
        URI url = webhookUrl(channel.url());
        SubscriptionRequest.Filter filter = request.filter() == null
                ? new SubscriptionRequest.Filter(null, null, null, null, null) : request.filter();
        SubscriptionFilter compiled = compile(filter, request.events());
        Instant now = Instant.now();
        String token = Credentials.newToken();
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.name = request.name();
        store(subscription, compiled.spec());
        subscription.channelType = channel.type();
        subscription.webhookUrl = url.toString();
        subscription.webhookSecret = Credentials.newWebhookSecret();
        subscription.tokenHash = Credentials.hash(token);
        subscription.status = Subscription.ACTIVE;
        subscription.createdAt = now;
        subscription.updatedAt = now;
        subscription.persist();
        changes.fire(new SubscriptionChanged(subscription.id, compiled));
        return new SubscriptionCreated(subscription.id, token, subscription.webhookSecret);
    }

    /** Applies the members of {@code update} that are present; the filter is replaced as a whole. */
    @Transactional
    public Subscription update(String id, String token, SubscriptionUpdate update) {
        Subscription subscription = owned(id, token);
        if (update.name() != null) {
            subscription.name = update.name();
        }
        if (update.channel() != null && update.channel().url() != null) {
            if (!"webhook".equals(subscription.channelType)) {
                throw ProblemException.badParameter("channel.url", "Only a webhook channel has a URL.");
            }
            subscription.webhookUrl = webhookUrl(update.channel().url()).toString();
        }
        if (update.filter() != null || update.events() != null) {
            SubscriptionRequest.Filter filter = update.filter() != null ? update.filter()
                    : new SubscriptionRequest.Filter(subscription.topics, subscription.countries, subscription.orgs,
                            subscription.keywords, subscription.query);
            store(subscription, compile(filter, update.events() != null ? update.events() : subscription.events).spec());
        }
        subscription.updatedAt = Instant.now();
        changes.fire(new SubscriptionChanged(subscription.id, Subscription.ACTIVE.equals(subscription.status)
                ? SubscriptionMatcher.filterOf(subscription) : null));
        return subscription;
    }

    /** The subscription if {@code token} is its token; otherwise 404, so others cannot even learn it exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription owned(String id, String token) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        Subscription subscription = Subscription.findById(uuid);
        if (subscription == null || token == null || !MessageDigest.isEqual(
                subscription.tokenHash.getBytes(StandardCharsets.UTF_8), Credentials.hash(token).getBytes(StandardCharsets.UTF_8))) {
            throw notFound(id);
        }
        return subscription;
    }

    @Transactional
    public void delete(String id, String token) {
        UUID removed = owned(id, token).id;
        Subscription.deleteById(removed);
        changes.fire(new SubscriptionChanged(removed, null));
    }

    private static SubscriptionFilter compile(SubscriptionRequest.Filter filter, List<String> events) {
        try {
            return SubscriptionFilter.compile(new FilterSpec(filter.topics(), filter.countries(), filter.orgs(),
                    filter.keywords(), filter.query(), events));
        } catch (FilterException e) {
            throw FieldError.problem(INVALID, e.violations().stream()
                    .map(v -> new FieldError(v.field(), v.message(), v.position())).toList());
        }
    }

    private static void store(Subscription subscription, FilterSpec spec) {
        subscription.topics = spec.topics();
        subscription.countries = spec.countries();
        subscription.orgs = spec.orgs();
        subscription.keywords = spec.keywords();
        subscription.query = spec.query();
        subscription.events = spec.events();
    }

    private URI webhookUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badParameter("channel.url", "A webhook channel needs a 'url'.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.badParameter("channel.url", "Not a valid URL: " + e.getReason() + " at index "
                    + e.getIndex() + ".");
        }
        if (uri.getScheme() == null || !WEBHOOK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw ProblemException.badParameter("channel.url", "A webhook URL must use http or https.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.badParameter("channel.url", "A webhook URL needs a host name.");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.badParameter("channel.url", "A webhook URL must not carry credentials.");
        }
        try {
            guard.check(uri);
            return uri;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("channel.url", "Not a valid URL.");
        } catch (AddressGuard.BlockedAddressException e) {
            throw ProblemException.badParameter("channel.url", "Webhook URL not allowed: " + e.getMessage());
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No subscription " + id + " for this token.");
    }
}
