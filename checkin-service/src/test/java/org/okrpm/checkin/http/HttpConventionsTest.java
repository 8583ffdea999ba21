package org.okrpm.checkin.http;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.HttpConventionsContract;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;

/**
 * The conventions of docs/api.md: the kit's {@link HttpConventionsContract} run on checkin-service's check-ins, plus
 * what only checkin-service's endpoints show (its four lists, reviews, retrospectives, 409/422 of check-ins).
 */
@QuarkusTest
class HttpConventionsTest extends HttpConventionsContract {

    private static final List<String> LISTS =
            List.of("/api/v1/check-ins", "/api/v1/check-ins/due", "/api/v1/reviews", "/api/v1/retrospectives");

    @Inject
    CheckinFixtures fixtures;

    private Map<String, Object> validCheckIn() {
        return Map.of("keyResultId", fixtures.manualKeyResultInExecution().toString(), "value", 1);
    }

    @Override
    protected String listPath() {
        return "/api/v1/check-ins";
    }

    @Override
    protected String createPath() {
        return "/api/v1/check-ins";
    }

    @Override
    protected Map<String, Object> validCreateBody() {
        return validCheckIn();
    }

    @Override
    protected int countCreatedFrom(Map<String, Object> body) {
        return asViewer().queryParam("keyResultId", body.get("keyResultId")).get("/api/v1/check-ins")
                .then().statusCode(200).extract().path("totalItems");
    }

    @Override
    protected String itemPathPrefix() {
        return "/api/v1/reviews/";
    }

    @Test
    void problemBodiesHaveTheRfc9457Shape() {
        assertProblem(asMember().body("{\"keyResultId\": ").post("/api/v1/check-ins").then(), 400);
        assertProblem(asMember().body(Map.of("keyResultId", "nope", "value", 1)).post("/api/v1/check-ins").then(), 400)
                .body("errors[0].field", is("keyResultId"));
        assertProblem(asMember().body(Map.of("keyResultId", UUID.randomUUID().toString(), "value", 1))
                .post("/api/v1/check-ins").then(), 422);
        UUID planning = fixtures.keyResult(fixtures.objective(fixtures.cycle(CyclePhase.PLANNING), "a"),
                org.okrpm.checkin.okr.ProgressSource.MANUAL);
        assertProblem(asMember().body(Map.of("keyResultId", planning.toString(), "value", 1))
                .post("/api/v1/check-ins").then(), 409);
        assertProblem(asViewer().get("/api/v1/check-ins/" + UUID.randomUUID()).then(), 404);
        assertProblem(asViewer().get("/api/v1/reviews/not-a-uuid").then(), 404);
        assertProblem(asMember().contentType("text/plain").body("x").post("/api/v1/reviews").then(), 415);
    }

    @Test
    void badQueryParametersAreA400NamingTheParameter() {
        assertProblem(asViewer().queryParam("keyResultId", "nope").get("/api/v1/check-ins").then(), 400)
                .body("errors[0].field", is("keyResultId"));
        assertProblem(asViewer().queryParam("cycleId", "nope").get("/api/v1/check-ins/due").then(), 400)
                .body("errors[0].field", is("cycleId"));
        assertProblem(asViewer().queryParam("objectiveId", "nope").get("/api/v1/reviews").then(), 400)
                .body("errors[0].field", is("objectiveId"));
        assertProblem(asViewer().queryParam("cycleId", "nope").get("/api/v1/retrospectives").then(), 400)
                .body("errors[0].field", is("cycleId"));
        assertProblem(asViewer().queryParam("page", "first").get("/api/v1/reviews").then(), 400)
                .body("errors[0].field", is("page"));
    }

    @Test
    void pageSizeIsBetween1And200OnEveryList() {
        for (String list : LISTS) {
            assertProblem(asViewer().queryParam("size", 201).get(list).then(), 400).body("errors[0].field", is("size"));
            assertProblem(asViewer().queryParam("size", 0).get(list).then(), 400);
            assertProblem(asViewer().queryParam("page", -1).get(list).then(), 400);
            asViewer().queryParam("size", 200).get(list).then().statusCode(200)
                    .body("page", is(0)).body("size", is(200)).body("totalItems", notNullValue())
                    .body("totalPages", notNullValue());
        }
    }

    @Test
    void viewerReadsEveryListButCannotWriteAnything() {
        assertProblem(asViewer().body(validCheckIn()).post("/api/v1/check-ins").then(), 403);
        assertProblem(asViewer().body(Map.of("type", "ONE_ON_ONE", "participants", List.of("a", "b"),
                "heldOn", "2026-11-20")).post("/api/v1/reviews").then(), 403);
        assertProblem(asViewer().body(Map.of("cycleId", UUID.randomUUID().toString())).post("/api/v1/retrospectives")
                .then(), 403);
        assertProblem(asViewer().body(Map.of("lessons", "x")).patch("/api/v1/retrospectives/" + UUID.randomUUID())
                .then(), 403);
        for (String list : LISTS) {
            asViewer().get(list).then().statusCode(200);
        }
    }

    @Test
    void integratorHasNoBusinessHere() {
        for (String list : LISTS) {
            assertProblem(as("jira-bot", "integrator").get(list).then(), 403);
        }
        assertProblem(as("jira-bot", "integrator").body(validCheckIn()).post("/api/v1/check-ins").then(), 403);
        assertProblem(as("jira-bot", "integrator").get("/api/v1/reviews/" + UUID.randomUUID()).then(), 403);
    }

    @Test
    void adminMayDoEverything() {
        asAdmin().body(validCheckIn()).post("/api/v1/check-ins").then().statusCode(201);
        asAdmin().body(Map.of("type", "ONE_ON_ONE", "participants", List.of("a", "b"), "heldOn", "2026-11-20"))
                .post("/api/v1/reviews").then().statusCode(201);
        for (String list : LISTS) {
            asAdmin().get(list).then().statusCode(200);
        }
    }

    @Test
    void noTokenIsA401WithAChallengeOnEveryList() {
        for (String list : LISTS) {
            assertProblem(api().get(list).then(), 401).header("WWW-Authenticate", startsWith("Bearer"));
        }
        assertProblem(api().contentType("application/json").body("{}").post("/api/v1/check-ins").then(), 401);
        assertProblem(api().contentType("application/json").body("{}").post("/api/v1/retrospectives").then(), 401);
        assertProblem(api().auth().oauth2("not.a.jwt").get("/api/v1/reviews").then(), 401);
    }

    @Test
    void openApiDocumentsEveryEndpoint() {
        api().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/check-ins", "/api/v1/check-ins/due",
                        "/api/v1/check-ins/{id}", "/api/v1/reviews", "/api/v1/reviews/{id}",
                        "/api/v1/retrospectives", "/api/v1/retrospectives/{id}"))
                .body("paths.'/api/v1/check-ins'.post.responses.'201'.description", notNullValue())
                .body("paths.'/api/v1/check-ins'.post.responses.'409'.description", notNullValue())
                .body("paths.'/api/v1/check-ins'.post.responses.'422'.description", notNullValue())
                .body("paths.'/api/v1/check-ins'.post.responses.'401'.description", notNullValue())
                .body("paths.'/api/v1/retrospectives'.post.responses.'409'.description", notNullValue())
                .body("paths.'/api/v1/retrospectives/{id}'.patch.responses.'412'.description", notNullValue())
                .body("paths.'/api/v1/check-ins'.post.tags", hasItem("Check-ins"))
                .body("components.schemas.CheckInCreate.properties.confidence.examples[0]", is(0.7))
                .body("components.schemas.Problem", notNullValue());
    }
}
