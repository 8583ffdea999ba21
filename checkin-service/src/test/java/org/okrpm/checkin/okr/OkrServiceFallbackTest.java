package org.okrpm.checkin.okr;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.token;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.OkrPayloads;
import org.okrpm.checkin.OkrServiceStub;
import org.okrpm.checkin.OkrServiceStub.Received;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.kit.testing.TestTokens;

/**
 * "A key result created a moment ago must be accepted": the replica has not seen it, so okr-service is asked
 * once over HTTP (here a real HTTP stub), with the caller's credentials, a 1 s timeout and a circuit breaker.
 */
@QuarkusTest
class OkrServiceFallbackTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private final UUID cycleId = UUID.randomUUID();
    private final UUID objectiveId = UUID.randomUUID();
    private final UUID kr = UUID.randomUUID();

    @BeforeEach
    @AfterEach
    void freshStubAndClosedCircuit() {
        OkrServiceStub.reset();
        circuitBreakers.reset(OkrServiceLookup.CIRCUIT);
    }

    private static String keyResultPath(UUID id) {
        return "/api/v1/key-results/" + id;
    }

    /** okr-service's REST views (no "deleted" field), for a MANUAL key result in a cycle in {@code phase}. */
    private void okrServiceKnows(String phase, long krVersion) {
        OkrServiceStub.answer(keyResultPath(kr), OkrPayloads.keyResult(kr, objectiveId, cycleId, "MANUAL", false,
                krVersion).replace("\"deleted\":false,", ""));
        OkrServiceStub.answer("/api/v1/objectives/" + objectiveId,
                OkrPayloads.objective(objectiveId, cycleId, "olivia", false, 4).replace("\"deleted\":false,", ""));
        OkrServiceStub.answer("/api/v1/cycles/" + cycleId, OkrPayloads.cycle(cycleId, phase, 2));
    }

    private ValidatableResponse checkIn(String bearer, String requestId) {
        return TestTokens.api().auth().oauth2(bearer).contentType("application/json").header("X-Request-Id", requestId)
                .body(Map.of("keyResultId", kr.toString(), "value", 7, "confidence", 0.6))
                .post("/api/v1/check-ins").then();
    }

    private ValidatableResponse checkIn() {
        return asMember().body(Map.of("keyResultId", kr.toString(), "value", 7)).post("/api/v1/check-ins").then();
    }

    @Test
    void aKeyResultOnlyOkrServiceKnowsIsConfirmedOverHttpWithTheCallersCredentials() {
        okrServiceKnows("EXECUTION", 3);
        String bearer = token("carol", "member");
        checkIn(bearer, "req-fallback-1").statusCode(201).body("keyResultId", is(kr.toString()));

        Received asked = OkrServiceStub.received(keyResultPath(kr)).get(0);
        assertThat(asked.authorization(), is("Bearer " + bearer));
        assertThat(asked.requestId(), is("req-fallback-1"));
        assertThat(OkrServiceStub.received("/api/v1/cycles/" + cycleId).get(0).authorization(), is("Bearer " + bearer));
        assertThat(OkrServiceStub.received("/api/v1/objectives/" + objectiveId), hasSize(1));

        // stored in the replica with okr-service's versions: the next check-in needs no lookup
        KeyResultReplica replica = QuarkusTransaction.requiringNew().call(() -> KeyResultReplica.findById(kr));
        assertThat(replica.version, is(3L));
        assertThat(replica.progressSource, is(ProgressSource.MANUAL));
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                CycleReplica.<CycleReplica>findById(cycleId).version), is(2L));
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                ObjectiveReplica.<ObjectiveReplica>findById(objectiveId).ownerId), is("olivia"));
        checkIn().statusCode(201);
        assertThat(OkrServiceStub.received(keyResultPath(kr)), hasSize(1));
    }

    @Test
    void theCreatedEventArrivingAfterTheLookupChangesNothing() {
        okrServiceKnows("EXECUTION", 3);
        checkIn().statusCode(201);
        String late = TestEvents.publish("okr.key-results", kr.toString(), "okr.key-result.created",
                OkrPayloads.keyResult(kr, objectiveId, cycleId, "TASKS", false, 0));
        TestEvents.awaitConsumed("checkin-service", late);
        KeyResultReplica replica = QuarkusTransaction.requiringNew().call(() -> KeyResultReplica.findById(kr));
        assertThat(replica.progressSource, is(ProgressSource.MANUAL));
        assertThat(replica.version, is(3L));
    }

    @Test
    void theCyclePhaseFromOkrServiceStillApplies() {
        okrServiceKnows("PLANNING", 0);
        checkIn().statusCode(409);
    }

    @Test
    void unknownToOkrServiceTooIsUnprocessable() {
        checkIn().statusCode(422).contentType("application/problem+json")
                .body("detail", is("Key result " + kr + " does not exist"));
        assertThat(OkrServiceStub.received(keyResultPath(kr)), hasSize(1));
    }

    @Test
    void aSlowOkrServiceIsUnprocessableAfterAboutASecond() {
        okrServiceKnows("EXECUTION", 0);
        OkrServiceStub.slow(keyResultPath(kr));
        long started = System.nanoTime();
        checkIn().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("could not be confirmed"))
                .body("detail", containsString("did not answer in time"));
        assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis(), lessThan(2500L));
    }

    @Test
    void aFailingOkrServiceIsUnprocessable() {
        okrServiceKnows("EXECUTION", 0);
        OkrServiceStub.fail(keyResultPath(kr), 500);
        checkIn().statusCode(422).body("detail", containsString("could not be confirmed"));
    }

    @Test
    void anUnreachableCycleIsUnprocessableToo() {
        okrServiceKnows("EXECUTION", 0);
        OkrServiceStub.fail("/api/v1/cycles/" + cycleId, 503);
        checkIn().statusCode(422).body("detail", containsString("Cycle " + cycleId + " could not be confirmed"));
    }

    @Test
    void anUnreachableObjectiveOnlyLeavesTheOwnerUnknown() {
        okrServiceKnows("EXECUTION", 0);
        OkrServiceStub.fail("/api/v1/objectives/" + objectiveId, 500);
        checkIn().statusCode(201);
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndOkrServiceIsNotAsked() {
        for (int i = 0; i < 4; i++) {
            UUID other = UUID.randomUUID();
            OkrServiceStub.fail(keyResultPath(other), 500);
            asMember().body(Map.of("keyResultId", other.toString(), "value", 1)).post("/api/v1/check-ins")
                    .then().statusCode(422);
        }
        assertThat(circuitBreakers.currentState(OkrServiceLookup.CIRCUIT), is(CircuitBreakerState.OPEN));

        okrServiceKnows("EXECUTION", 0);
        checkIn().statusCode(422).body("detail", containsString("could not be confirmed"));
        assertThat(OkrServiceStub.received(keyResultPath(kr)), empty());

        circuitBreakers.reset(OkrServiceLookup.CIRCUIT);
        checkIn().statusCode(201);
    }

    @Test
    void retrospectivesUseTheFallbackForCycleAndObjective() {
        okrServiceKnows("RETROSPECTIVE", 0);
        asMember().body(Map.of("cycleId", cycleId.toString(), "objectiveId", objectiveId.toString(),
                        "wentWell", "shipped"))
                .post("/api/v1/retrospectives").then().statusCode(201);
    }
}
