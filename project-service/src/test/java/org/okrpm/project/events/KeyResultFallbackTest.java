package org.okrpm.project.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.token;
import static org.okrpm.project.ProjectFixtures.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.okrpm.project.OkrServiceStub;
import org.okrpm.project.keyresult.KeyResultLookup;
import org.okrpm.project.keyresult.KeyResultReplica;

/**
 * A key result created a moment ago, before its event reached the replica: project-service asks okr-service
 * (here a real HTTP server standing in for it, {@link OkrServiceStub}) once, with the caller's credentials.
 */
@QuarkusTest
class KeyResultFallbackTest {

    @Inject
    CircuitBreakerMaintenance circuits;

    @AfterEach
    void closeTheCircuit() {
        circuits.reset(KeyResultLookup.CIRCUIT);
    }

    private static io.restassured.response.ValidatableResponse createTask(String bearer, String projectId,
                                                                          String keyResultId) {
        return api().auth().oauth2(bearer).contentType("application/json")
                .body(Map.of("title", "t", "keyResultId", keyResultId))
                .post("/api/v1/projects/" + projectId + "/tasks").then();
    }

    @Test
    void aKeyResultOnlyOkrServiceKnowsIsAcceptedAtOnceAndRemembered() {
        String projectId = project();
        String kr = UUID.randomUUID().toString();
        OkrServiceStub.knows(kr, OkrServiceStub.keyResultJson(kr, 3));
        String bearer = token("alice", "member");

        api().auth().oauth2(bearer).contentType("application/json").header("X-Request-Id", "req-lookup-1")
                .body(Map.of("title", "t", "keyResultId", kr))
                .post("/api/v1/projects/" + projectId + "/tasks").then().statusCode(201).body("keyResultId", is(kr));
        OkrServiceStub.Lookups seen = OkrServiceStub.seen(kr);
        assertThat(seen.count(), is(1));
        assertThat(seen.authorization(), is("Bearer " + bearer));
        assertThat(seen.requestId(), is("req-lookup-1"));
        KeyResultReplica row = QuarkusTransaction.requiringNew().call(() -> KeyResultReplica.findById(UUID.fromString(kr)));
        assertThat(row.version, is(3L));
        assertThat(row.deleted, is(false));
        assertThat(row.progressSource, is("TASKS"));

        // now the replica knows it: no second lookup, for tasks or projects
        createTask(bearer, projectId, kr).statusCode(201);
        api().auth().oauth2(bearer).contentType("application/json")
                .body(Map.of("name", "p", "keyResultIds", List.of(kr))).post("/api/v1/projects").then().statusCode(201);
        assertThat(OkrServiceStub.seen(kr).count(), is(1));
    }

    @Test
    void aProjectMayNameAKeyResultOnlyOkrServiceKnows() {
        String kr = UUID.randomUUID().toString();
        OkrServiceStub.knows(kr, OkrServiceStub.keyResultJson(kr, 0));
        api().auth().oauth2(token("alice", "member")).contentType("application/json")
                .body(Map.of("name", "p", "keyResultIds", List.of(kr))).post("/api/v1/projects")
                .then().statusCode(201);
        assertThat(OkrServiceStub.seen(kr).count(), is(1));
    }

    @Test
    void aKeyResultOkrServiceDoesNotKnowIs422() {
        String kr = UUID.randomUUID().toString();
        createTask(token("alice", "member"), project(), kr).statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("keyResultId"))
                .body("detail", is("Key result " + kr + " does not exist"));
        assertThat(OkrServiceStub.seen(kr).count(), is(1));
    }

    @Test
    void aSlowOkrServiceIsA422ThatSaysItCouldNotBeConfirmed() {
        String projectId = project();
        String kr = UUID.randomUUID().toString();
        OkrServiceStub.answers(kr, 200, 5000);
        long started = System.nanoTime();
        createTask(token("alice", "member"), projectId, kr).statusCode(422)
                .body("errors[0].field", is("keyResultId"))
                .body("detail", containsString("could not be confirmed"));
        assertThat((System.nanoTime() - started) / 1_000_000L, lessThan(3000L));
    }

    @Test
    void aFailingOkrServiceIsA422ThatSaysItCouldNotBeConfirmed() {
        String kr = UUID.randomUUID().toString();
        OkrServiceStub.answers(kr, 500, 0);
        api().auth().oauth2(token("alice", "member")).contentType("application/json")
                .body(Map.of("name", "p", "keyResultIds", List.of(kr))).post("/api/v1/projects")
                .then().statusCode(422).body("errors[0].field", is("keyResultIds"))
                .body("detail", containsString("could not be confirmed"));
    }

    @Test
    void whileOkrServiceKeepsFailingTheCircuitOpensAndNobodyWaitsForIt() {
        String projectId = project();
        String bearer = token("alice", "member");
        for (int i = 0; i < 4; i++) {
            String failing = UUID.randomUUID().toString();
            OkrServiceStub.answers(failing, 503, 0);
            createTask(bearer, projectId, failing).statusCode(422);
        }
        assertThat(circuits.currentState(KeyResultLookup.CIRCUIT), is(CircuitBreakerState.OPEN));

        String known = UUID.randomUUID().toString();
        OkrServiceStub.knows(known, OkrServiceStub.keyResultJson(known, 0));
        createTask(bearer, projectId, known).statusCode(422).body("detail", containsString("could not be confirmed"));
        assertThat(OkrServiceStub.seen(known).count(), is(0)); // not even asked

        circuits.reset(KeyResultLookup.CIRCUIT);
        createTask(bearer, projectId, known).statusCode(201);
    }

    @Test
    void credentialsOkrServiceRefusesDoNotOpenTheCircuit() {
        String projectId = project();
        String bearer = token("alice", "member");
        for (int i = 0; i < 5; i++) {
            String refused = UUID.randomUUID().toString();
            OkrServiceStub.answers(refused, 403, 0);
            createTask(bearer, projectId, refused).statusCode(422)
                    .body("detail", containsString("could not be confirmed"));
        }
        assertThat(circuits.currentState(KeyResultLookup.CIRCUIT), is(CircuitBreakerState.CLOSED));
    }
}
