package dev.accord.alert.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.alert.Catalog;
import dev.accord.testsupport.AccordTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What shutdown hands back: this replica's claims become pending again; another replica's stay claimed. */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class DeliveryClaimsTest {

    @Inject
    DeliveryClaims claims;
    @Inject
    EntityManager em;

    @Test
    void releasingHandsBackOnlyTheClaimsThisReplicaHolds() {
        // The rows below are claimed with a long claim, so the running worker leaves them alone.
        JsonPath subscription = Catalog.subscribe(Catalog.uniqueKeyword(),
                "{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\"}", null);
        UUID subscriptionId = UUID.fromString(subscription.getString("id"));
        UUID ours = inFlight(subscriptionId);
        UUID theirs = inFlight(subscriptionId);

        claims.held(List.of(ours));
        assertThat(claims.releaseAll()).isEqualTo(1);

        assertThat(status(ours)).containsExactly("pending", null);
        assertThat(status(theirs)).containsExactly("in_flight", "claimed");
        given().header("Authorization", Catalog.bearer(subscription)).delete("/api/subscriptions/" + subscriptionId);
    }

    private UUID inFlight(UUID subscriptionId) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO delivery (id, subscription_id, "
                + "event_id, event_type, payload, status, attempts, next_attempt_at, claimed_until, created_at) "
                + "VALUES (?1, ?2, ?3, 'accord.initiative.cataloged', '{}', 'in_flight', 0, ?4, ?5, ?6)")
                .setParameter(1, id).setParameter(2, subscriptionId).setParameter(3, UUID.randomUUID().toString())
                // Not due yet once released, so the running worker does not claim it again before the assertions.
                .setParameter(4, now.plusSeconds(600)).setParameter(5, now.plusSeconds(600)).setParameter(6, now)
                .executeUpdate());
        return id;
    }

    private List<String> status(UUID id) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT status, CASE WHEN claimed_until IS NULL THEN NULL ELSE 'claimed' END FROM delivery WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
        return Arrays.asList((String) row[0], (String) row[1]);
    }
}
