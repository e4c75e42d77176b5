package dev.accord.alert.subscription;

import dev.accord.alert.channel.ChannelType;
import dev.accord.alert.config.AlertConfig;
import dev.accord.alert.digest.DigestPeriod;
import dev.accord.alert.digest.DigestSchedule;
import dev.accord.alert.domain.SubscriptionStatus;
import dev.accord.alert.domain.Credentials;
import dev.accord.alert.domain.EmailChannel;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.filter.FilterException;
import dev.accord.alert.filter.FilterSpec;
import dev.accord.alert.filter.SubscriptionFilter;
import dev.accord.alert.mail.EmailSubscriptions;
import dev.accord.alert.matching.SubscriptionChanged;
import dev.accord.alert.matching.SubscriptionMatcher;
import dev.accord.common.net.AddressGuard;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creates and changes subscriptions, and finds them for their owner only. */
@ApplicationScoped
public class SubscriptionService {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    static final String INVALID = "Invalid subscription";
    private static final Set<String> WEBHOOK_SCHEMES = Set.of("http", "https");
    /** One address, no display name, no whitespace or header-breaking characters. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\".]+");

    private final AddressGuard guard;
    private final Duration secretOverlap;
    private final EmailSubscriptions email;
    private final Event<SubscriptionChanged> changes;

    public SubscriptionService(AlertConfig config, EmailSubscriptions email, Event<SubscriptionChanged> changes) {
        this.guard = new AddressGuard(config.webhooks().allowedHosts().orElse(List.of()));
        this.secretOverlap = config.webhooks().secretOverlap();
        this.email = email;
        this.changes = changes;
    }

    @Transactional
    public SubscriptionCreated create(SubscriptionRequest request) {
        SubscriptionRequest.Channel channel = request.channel();
        if (!ChannelType.names().contains(channel.type())) {
            throw new ProblemException(400, "Unsupported channel",
                    "Channel type '" + channel.type() + "' is not offered; use one of " + ChannelType.names() + ".",
                    Map.of("parameter", "channel.type", "allowed", ChannelType.names()));
        }
        DigestPeriod digest = digest(request.digest(), channel.type());
        DigestSchedule schedule = schedule(request.digestSchedule(), digest);
        URI url = ChannelType.WEBHOOK.wire().equals(channel.type()) ? webhookUrl(channel.url()) : null;
        String address = ChannelType.EMAIL.wire().equals(channel.type()) ? emailAddress(channel.address()) : null;
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
        subscription.webhookUrl = url == null ? null : url.toString();
        subscription.webhookSecret = url == null ? null : Credentials.newWebhookSecret();
        subscription.tokenHash = Credentials.hash(token);
        // An e-mail subscription matches nothing until its address confirms it (double opt-in).
        subscription.status = address == null ? SubscriptionStatus.ACTIVE : SubscriptionStatus.UNCONFIRMED;
        subscription.digest = digest.wireName();
        if (schedule != null) {
            subscription.digestAt = schedule.at();
            subscription.digestZone = schedule.zone().getId();
            subscription.digestDay = schedule.day() == null ? null : schedule.day().name().toLowerCase(Locale.ROOT);
        }
        subscription.createdAt = now;
        subscription.updatedAt = now;
        subscription.persist();
        if (address != null) {
            email.register(subscription, address, now);
        }
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
            if (!ChannelType.WEBHOOK.wire().equals(subscription.channelType)) {
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
        changes.fire(new SubscriptionChanged(subscription.id, subscription.status == SubscriptionStatus.ACTIVE
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

    /** Re-activates a disabled subscription (its owner fixed the endpoint); an active one is left as it is. */
    @Transactional
    public Subscription enable(String id, String token) {
        Subscription subscription = owned(id, token);
        if (move(subscription, SubscriptionStatus.DISABLED, SubscriptionStatus.ACTIVE, "Not disabled", "enabled")) {
            subscription.disabledReason = null;
            subscription.disabledAt = null;
            subscription.failingSince = null;
        }
        return subscription;
    }

    /** Stops matching for an active subscription until {@link #resume}; pausing a paused one changes nothing. */
    @Transactional
    public Subscription pause(String id, String token) {
        Subscription subscription = owned(id, token);
        move(subscription, SubscriptionStatus.ACTIVE, SubscriptionStatus.PAUSED, "Not active", "paused");
        return subscription;
    }

    /** Matches a paused subscription again, from the next catalog event on; what happened while paused is not sent. */
    @Transactional
    public Subscription resume(String id, String token) {
        Subscription subscription = owned(id, token);
        move(subscription, SubscriptionStatus.PAUSED, SubscriptionStatus.ACTIVE, "Not paused", "resumed");
        return subscription;
    }

    /**
     * Moves an owner's subscription from one status to another and tells the matcher; already there is no
     * change (false), from any other status a 409.
     */
    private boolean move(Subscription subscription, SubscriptionStatus from, SubscriptionStatus to, String conflict,
            String done) {
        if (subscription.status == to) {
            return false;
        }
        if (subscription.status != from) {
            throw new ProblemException(409, conflict, "Subscription " + subscription.id + " is " + subscription.status.wire()
                    + "; only a" + (from == SubscriptionStatus.ACTIVE ? "n " : " ") + from.wire() + " subscription can be " + done + ".", Map.of());
        }
        subscription.status = to;
        subscription.updatedAt = Instant.now();
        changes.fire(new SubscriptionChanged(subscription.id,
                to == SubscriptionStatus.ACTIVE ? SubscriptionMatcher.filterOf(subscription) : null));
        return true;
    }

    /**
     * Gives a webhook subscription a new signing secret. The old one keeps signing, as a second
     * signature, for {@code secret-overlap}; a rotation within the overlap drops the oldest secret.
     */
    @Transactional
    public SecretRotated rotateSecret(String id, String token) {
        Subscription subscription = owned(id, token);
        if (!ChannelType.WEBHOOK.wire().equals(subscription.channelType)) {
            throw new ProblemException(409, "Not a webhook", "Only webhook subscriptions have a signing secret.", Map.of());
        }
        Instant now = Instant.now();
        subscription.previousWebhookSecret = subscription.webhookSecret;
        subscription.previousSecretExpiresAt = now.plus(secretOverlap);
        subscription.webhookSecret = Credentials.newWebhookSecret();
        subscription.updatedAt = now;
        return new SecretRotated(subscription.id, subscription.webhookSecret, subscription.previousSecretExpiresAt);
    }

    @Transactional
    public void delete(String id, String token) {
        UUID removed = owned(id, token).id;
        Subscription.deleteById(removed);
        changes.fire(new SubscriptionChanged(removed, null));
    }

    /** A request's filter compiled, or a 400 listing every invalid part. */
    public static SubscriptionFilter compile(SubscriptionRequest.Filter filter, List<String> events) {
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

    /** The address of an e-mail subscription. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> emailAddress(Subscription subscription) {
        if (!ChannelType.EMAIL.wire().equals(subscription.channelType)) {
            return Optional.empty();
        }
        return EmailChannel.<EmailChannel>findByIdOptional(subscription.id).map(c -> c.address);
    }

    private static DigestPeriod digest(String value, String channelType) {
        DigestPeriod digest = DigestPeriod.parse(value).orElseThrow(() -> new ProblemException(400, "Invalid parameter",
                "Digest '" + value + "' is not offered; use one of " + DigestPeriod.NAMES + ".",
                Map.of("parameter", "digest", "allowed", DigestPeriod.NAMES)));
        if (digest != DigestPeriod.NONE && ChannelType.SSE.wire().equals(channelType)) {
            throw ProblemException.badParameter("digest", "A live stream sends each notification as it comes; digests are "
                    + "for webhook and e-mail channels.");
        }
        return digest;
    }

    /** A daily or weekly digest's delivery time; every part is checked, and a schedule needs a digest it can set. */
    private static DigestSchedule schedule(SubscriptionRequest.DigestTime time, DigestPeriod digest) {
        if (time == null) {
            return null;
        }
        if (!digest.schedulable()) {
            throw ProblemException.badParameter("digestSchedule", "A delivery time is set for daily and weekly digests only; "
                    + "this subscription's digest is '" + digest.wireName() + "'.");
        }
        LocalTime at = null;
        if (time.at() != null) {
            try {
                at = LocalTime.parse(time.at().strip(), HOURS_MINUTES);
            } catch (DateTimeParseException e) {
                throw ProblemException.badParameter("digestSchedule.at", "'" + time.at() + "' is not a time of day as HH:mm, e.g. 08:00.");
            }
        }
        ZoneId zone = null;
        if (time.timeZone() != null) {
            try {
                zone = ZoneId.of(time.timeZone().strip());
            } catch (DateTimeException e) {
                throw ProblemException.badParameter("digestSchedule.timeZone",
                        "'" + time.timeZone() + "' is not a time zone; use an IANA name such as Europe/Berlin or America/New_York.");
            }
        }
        DayOfWeek day = null;
        if (time.day() != null) {
            if (digest != DigestPeriod.WEEKLY) {
                throw ProblemException.badParameter("digestSchedule.day", "A day of delivery is set for weekly digests only.");
            }
            try {
                day = DayOfWeek.valueOf(time.day().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badParameter("digestSchedule.day", "'" + time.day() + "' is not a day; use monday … sunday.");
            }
        } else if (digest == DigestPeriod.WEEKLY) {
            day = DayOfWeek.MONDAY;
        }
        return new DigestSchedule(at, zone, day);
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
