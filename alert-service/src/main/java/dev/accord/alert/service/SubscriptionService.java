package dev.accord.alert.service;

import dev.accord.alert.api.SubscriptionCreated;
import dev.accord.alert.api.SubscriptionRequest;
import dev.accord.alert.channel.ChannelType;
import dev.accord.alert.config.AlertConfig;
import dev.accord.alert.digest.DigestPeriod;
import dev.accord.alert.domain.EmailChannel;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.mail.EmailSubscriptions;
import dev.accord.common.net.AddressGuard;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creates subscriptions and finds them for their owner only. */
@ApplicationScoped
public class SubscriptionService {

    /** One address, no display name, no whitespace or header-breaking characters. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\".]+");

    private final AddressGuard guard;
    private final EmailSubscriptions email;

    public SubscriptionService(AlertConfig config, EmailSubscriptions email) {
        this.guard = new AddressGuard(config.webhooks().allowedHosts().orElse(List.of()));
        this.email = email;
    }

    @Transactional
    public SubscriptionCreated create(SubscriptionRequest request) {
        SubscriptionRequest.Channel channel = request.channel();
        if (!ChannelType.ALL.contains(channel.type())) {
            throw new ProblemException(400, "Unsupported channel",
                    "Channel type '" + channel.type() + "' is not offered; use one of " + ChannelType.ALL + ".",
                    Map.of("parameter", "channel.type", "allowed", ChannelType.ALL));
        }
        DigestPeriod digest = digest(request.digest(), channel.type());
        URI url = ChannelType.WEBHOOK.equals(channel.type()) ? webhookUrl(channel.url()) : null;
        String address = ChannelType.EMAIL.equals(channel.type()) ? emailAddress(channel.address()) : null;
        SubscriptionRequest.Filter filter = request.filter() == null
                ? new SubscriptionRequest.Filter(null, null, null, null) : request.filter();
        Instant now = Instant.now();
        String token = Credentials.newToken();
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.name = request.name();
        subscription.topics = normalised(filter.topics(), false);
        subscription.countries = normalised(filter.countries(), true);
        subscription.orgs = normalised(filter.orgs(), false);
        subscription.keywords = normalised(filter.keywords(), false);
        subscription.channelType = channel.type();
        subscription.webhookUrl = url == null ? null : url.toString();
        subscription.webhookSecret = url == null ? null : Credentials.newWebhookSecret();
        subscription.tokenHash = Credentials.hash(token);
        // An e-mail subscription matches nothing until its address confirms it (double opt-in).
        subscription.status = address == null ? Subscription.ACTIVE : Subscription.UNCONFIRMED;
        subscription.digest = digest.wireName();
        subscription.createdAt = now;
        subscription.updatedAt = now;
        subscription.persist();
        if (address != null) {
            email.register(subscription, address, now);
        }
        return new SubscriptionCreated(subscription.id, token, subscription.webhookSecret);
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
        Subscription.deleteById(owned(id, token).id);
    }

    /** The address of an e-mail subscription. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> emailAddress(Subscription subscription) {
        if (!ChannelType.EMAIL.equals(subscription.channelType)) {
            return Optional.empty();
        }
        return EmailChannel.<EmailChannel>findByIdOptional(subscription.id).map(c -> c.address);
    }

    private static DigestPeriod digest(String value, String channelType) {
        DigestPeriod digest = DigestPeriod.parse(value).orElseThrow(() -> new ProblemException(400, "Invalid parameter",
                "Digest '" + value + "' is not offered; use one of " + DigestPeriod.NAMES + ".",
                Map.of("parameter", "digest", "allowed", DigestPeriod.NAMES)));
        if (digest != DigestPeriod.NONE && ChannelType.SSE.equals(channelType)) {
            throw ProblemException.badParameter("digest", "A live stream sends each notification as it comes; digests are "
                    + "for webhook and e-mail channels.");
        }
        return digest;
    }

    private static String emailAddress(String address) {
        if (address == null || address.isBlank()) {
            throw ProblemException.badParameter("channel.address", "An e-mail channel needs an 'address'.");
        }
        String stripped = address.strip();
        if (!EMAIL.matcher(stripped).matches()) {
            throw ProblemException.badParameter("channel.address", "Not an e-mail address: use the form name@example.org.");
        }
        return stripped;
    }

    private URI webhookUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badParameter("channel.url", "A webhook channel needs a 'url'.");
        }
        try {
            URI uri = URI.create(url.strip());
            guard.check(uri);
            return uri;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("channel.url", "Not a valid URL.");
        } catch (AddressGuard.BlockedAddressException e) {
            throw ProblemException.badParameter("channel.url", "Webhook URL not allowed: " + e.getMessage());
        }
    }

    private static List<String> normalised(List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(String::strip)
                .map(v -> upper ? v.toUpperCase(Locale.ROOT) : v).distinct().toList();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No subscription " + id + " for this token.");
    }
}
