package dev.accord.catalog.recording;

import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_EUROPE;
import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_KOREA;
import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_LATER;
import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_THE_HILL;
import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_WIRE;
import static dev.accord.catalog.ReportedWording.ASTRONAUT;
import static dev.accord.catalog.ReportedWording.INTELLIGENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.accord.catalog.CatalogTestEvents;
import dev.accord.catalog.ReportedWording.Report;
import dev.accord.catalog.domain.Mention;
import dev.accord.catalog.domain.OutboxEvent;
import dev.accord.common.events.EventIds;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Parties;
import dev.accord.testsupport.AccordTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The merge against the real database, through the recorder. Each test places its reports at its own
 * point in the past, further apart than the merge window, so tests never merge into each other's entries.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class InitiativeMergeTest {

    private static final AtomicInteger ERA = new AtomicInteger();
    private static final Duration ERA_LENGTH = Duration.ofDays(365);

    @Inject
    CatalogRecorder recorder;

    @Test
    void threeOutletsReportingTheAirDefenseNetworkMakeOneEntryWithEveryMention() {
        Instant t0 = era();
        InitiativeExtracted hill = record(AIR_DEFENSE_THE_HILL, "announced", t0);
        InitiativeExtracted wire = record(AIR_DEFENSE_WIRE, "announced", t0.plus(Duration.ofHours(3)));
        InitiativeExtracted later = record(AIR_DEFENSE_LATER, "launched", t0.plus(Duration.ofDays(5)));

        assertThat(entryOf(wire)).isEqualTo(hill.id());
        assertThat(entryOf(later)).isEqualTo(hill.id());
        given().get("/api/initiatives/" + hill.id()).then().statusCode(200)
                .body("title", equalTo(AIR_DEFENSE_THE_HILL.title()))
                .body("stage", equalTo("launched"))
                .body("parties.countries", equalTo(List.of("US", "JP", "AU")))
                .body("mentions", hasSize(3))
                .body("mentions.articleId", equalTo(List.of(hill.articleId().toString(), wire.articleId().toString(),
                        later.articleId().toString())))
                .body("mentions.evidence", equalTo(List.of(AIR_DEFENSE_THE_HILL.sentence(), AIR_DEFENSE_WIRE.sentence(),
                        AIR_DEFENSE_LATER.sentence())))
                .body("mentions.stage", equalTo(List.of("announced", "announced", "launched")))
                .body("mentions[0].mentionedAt", equalTo(t0.toString()))
                .body("stageHistory.stage", equalTo(List.of("announced", "launched")))
                .body("stageHistory[0].previousStage", nullValue())
                .body("stageHistory[1].previousStage", equalTo("announced"))
                .body("stageHistory[1].articleId", equalTo(later.articleId().toString()));

        assertThat(outbox(hill.id())).extracting(e -> e.eventType).containsExactly(EventTypes.INITIATIVE_CATALOGED,
                EventTypes.INITIATIVE_UPDATED, EventTypes.INITIATIVE_UPDATED);
        assertThat(outbox(hill.id())).extracting(e -> e.payload)
                .satisfies(p -> assertThat(p.get(1)).contains("\"change\":\"mention\"").doesNotContain("previousStage"))
                .satisfies(p -> assertThat(p.get(2)).contains("\"change\":\"stage\"", "\"previousStage\":\"announced\""));
    }

    @Test
    void unrelatedProgrammesAndOtherPartiesGetEntriesOfTheirOwn() {
        Instant t0 = era();
        InitiativeExtracted airDefense = record(AIR_DEFENSE_THE_HILL, "announced", t0);
        List<InitiativeExtracted> others = List.of(record(ASTRONAUT, "announced", t0.plusSeconds(60)),
                record(INTELLIGENCE, "announced", t0.plusSeconds(120)),
                record(AIR_DEFENSE_EUROPE, "announced", t0.plusSeconds(180)),
                record(AIR_DEFENSE_KOREA, "announced", t0.plusSeconds(240)));

        assertThat(entryOf(airDefense)).isEqualTo(airDefense.id());
        for (InitiativeExtracted other : others) {
            assertThat(entryOf(other)).as(other.title()).isEqualTo(other.id());
        }
    }

    @Test
    void aReportOutsideTheWindowStartsANewEntry() {
        Instant t0 = era();
        InitiativeExtracted first = record(AIR_DEFENSE_THE_HILL, "announced", t0);
        InitiativeExtracted muchLater = record(AIR_DEFENSE_WIRE, "announced", t0.plus(Duration.ofDays(60)));

        assertThat(entryOf(muchLater)).isEqualTo(muchLater.id()).isNotEqualTo(first.id());
    }

    @Test
    void anEarlierStageClaimedLaterDoesNotMoveTheEntryBack() {
        Instant t0 = era();
        InitiativeExtracted launched = record(AIR_DEFENSE_THE_HILL, "launched", t0);
        record(AIR_DEFENSE_WIRE, "proposed", t0.plusSeconds(60));

        given().get("/api/initiatives/" + launched.id()).then().statusCode(200)
                .body("stage", equalTo("launched")).body("mentions", hasSize(2))
                .body("stageHistory", hasSize(1));
    }

    @Test
    void redeliveryInALaterBatchChangesNothing() {
        Instant t0 = era();
        InitiativeExtracted hill = extraction(AIR_DEFENSE_THE_HILL, UUID.randomUUID(), "announced");
        InitiativeExtracted wire = extraction(AIR_DEFENSE_WIRE, UUID.randomUUID(), "launched");
        ConsumedEvent<InitiativeExtracted> first = new ConsumedEvent<>(CatalogTestEvents.eventId(), t0, hill);
        ConsumedEvent<InitiativeExtracted> second = new ConsumedEvent<>(CatalogTestEvents.eventId(), t0, wire);
        recorder.recordInitiatives(List.of(first, second));
        // The same records again, and once more under new CloudEvent ids (a re-extraction): the mention is known.
        recorder.recordInitiatives(List.of(first, second));
        recorder.recordInitiatives(List.of(new ConsumedEvent<>(CatalogTestEvents.eventId(), t0, wire)));

        given().get("/api/initiatives/" + hill.id()).then().statusCode(200)
                .body("mentions", hasSize(2)).body("stage", equalTo("launched")).body("stageHistory", hasSize(2));
        assertThat(outbox(hill.id())).hasSize(2);
    }

    @Test
    void mentionsInOneBatchJoinEachOtherAsIfPlacedOneByOne() {
        Instant t0 = era();
        InitiativeExtracted hill = extraction(AIR_DEFENSE_THE_HILL, UUID.randomUUID(), "announced");
        InitiativeExtracted astronaut = extraction(ASTRONAUT, UUID.randomUUID(), "announced");
        InitiativeExtracted wire = extraction(AIR_DEFENSE_WIRE, UUID.randomUUID(), "announced");
        InitiativeExtracted later = extraction(AIR_DEFENSE_LATER, UUID.randomUUID(), "launched");
        recorder.recordInitiatives(List.of(new ConsumedEvent<>(CatalogTestEvents.eventId(), t0, hill),
                new ConsumedEvent<>(CatalogTestEvents.eventId(), t0.plusSeconds(60), astronaut),
                new ConsumedEvent<>(CatalogTestEvents.eventId(), t0.plus(Duration.ofHours(3)), wire),
                new ConsumedEvent<>(CatalogTestEvents.eventId(), t0.plus(Duration.ofDays(5)), later)));

        assertThat(entryOf(wire)).isEqualTo(hill.id());
        assertThat(entryOf(later)).isEqualTo(hill.id());
        assertThat(entryOf(astronaut)).isEqualTo(astronaut.id());
        given().get("/api/initiatives/" + hill.id()).then().statusCode(200)
                .body("stage", equalTo("launched"))
                .body("mentions.articleId", equalTo(List.of(hill.articleId().toString(), wire.articleId().toString(),
                        later.articleId().toString())))
                .body("stageHistory.stage", equalTo(List.of("announced", "launched")));
        assertThat(outbox(hill.id())).extracting(e -> e.eventType).containsExactly(EventTypes.INITIATIVE_CATALOGED,
                EventTypes.INITIATIVE_UPDATED, EventTypes.INITIATIVE_UPDATED);
        assertThat(outbox(hill.id()).get(2).payload).contains("\"change\":\"stage\"", "\"previousStage\":\"announced\"",
                hill.articleId().toString(), wire.articleId().toString(), later.articleId().toString());
    }

    /**
     * Replicas placing mentions of the same initiative at the same moment: the party locks make one
     * of them wait for the other's entry, so each pair ends in one entry. Without them, both
     * transactions see no entry and each creates its own.
     */
    @Test
    void concurrentReplicasPlacingMentionsOfOneInitiativeMakeOneEntry() throws Exception {
        Instant t0 = era();
        int pairs = 12;
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<InitiativeExtracted[]> placed = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                // Organisations only, unique per pair: pairs may not merge with each other.
                String agency = "Agency " + UUID.randomUUID();
                Report a = new Report(AIR_DEFENSE_THE_HILL.title(), AIR_DEFENSE_THE_HILL.sentence(), List.of(),
                        List.of(agency));
                Report b = new Report(AIR_DEFENSE_WIRE.title(), AIR_DEFENSE_WIRE.sentence(), List.of(), List.of(agency));
                InitiativeExtracted[] pair = {extraction(a, UUID.randomUUID(), "announced"),
                        extraction(b, UUID.randomUUID(), "announced")};
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<?>> done = new ArrayList<>();
                for (InitiativeExtracted mention : pair) {
                    done.add(replicas.submit(() -> {
                        start.await();
                        recorder.recordInitiatives(List.of(new ConsumedEvent<>(CatalogTestEvents.eventId(), t0, mention)));
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                placed.add(pair);
            }
            for (InitiativeExtracted[] pair : placed) {
                assertThat(entryOf(pair[1])).isEqualTo(entryOf(pair[0]));
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    private static Instant era() {
        return Instant.parse("1980-01-01T00:00:00Z").plus(ERA_LENGTH.multipliedBy(ERA.incrementAndGet()));
    }

    private InitiativeExtracted record(Report report, String stage, Instant publishedAt) {
        InitiativeExtracted extracted = extraction(report, UUID.randomUUID(), stage);
        recorder.recordInitiatives(List.of(new ConsumedEvent<>(CatalogTestEvents.eventId(), publishedAt, extracted)));
        return extracted;
    }

    static InitiativeExtracted extraction(Report report, UUID articleId, String stage) {
        return new InitiativeExtracted(1, EventIds.initiativeId(articleId, report.sentence()), articleId, report.title(),
                report.sentence(), new Evidence(report.sentence(), 0, report.sentence().length()),
                new Parties(report.countries(), report.organisations()), List.of("defense"), stage, 0.7, "rules-0.1", null);
    }

    private static UUID entryOf(InitiativeExtracted extracted) {
        return QuarkusTransaction.requiringNew().call(() -> Mention.<Mention>findById(extracted.id()).initiativeId);
    }

    private static List<OutboxEvent> outbox(UUID entryId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("aggregateId = ?1 order by id",
                entryId));
    }
}
