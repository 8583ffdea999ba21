package org.okrpm.okr.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.objective;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The conventions of API.md that every endpoint shares, checked on okr-service's endpoints. */
@QuarkusTest
class HttpConventionsTest {

    @Test
    void malformedJsonIsA400Problem() {
        assertProblem(asMember().body("{\"name\": \"x\", ").post("/api/v1/cycles").then(), 400);
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        assertProblem(asMember()
                .body(Map.of("cycleId", cycle(), "title", "t", "level", "GALAXY"))
                .post("/api/v1/objectives").then(), 400)
                .body("errors[0].field", is("level"))
                .body("errors[0].message", containsString("TEAM"));
    }

    @Test
    void wrongTypeIsA400NamingTheField() {
        assertProblem(asMember()
                .body(Map.of("name", "n-" + UUID.randomUUID(), "startDate", "not-a-date", "endDate", "2026-12-31"))
                .post("/api/v1/cycles").then(), 400)
                .body("errors[0].field", is("startDate"));
    }

    @Test
    void missingRequiredFieldsAreListed() {
        assertProblem(asMember().body(Map.of("startDate", "2026-10-01")).post("/api/v1/cycles").then(), 400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("endDate"));
    }

    @Test
    void invalidUuidInThePathIsNotFound() {
        assertProblem(asViewer().get("/api/v1/objectives/not-a-uuid").then(), 404);
    }

    @Test
    void pageSizeOver200IsA400() {
        assertProblem(asViewer().queryParam("size", 201).get("/api/v1/cycles").then(), 400)
                .body("errors[0].field", is("size"));
        assertProblem(asViewer().queryParam("size", 0).get("/api/v1/cycles").then(), 400);
        assertProblem(asViewer().queryParam("page", -1).get("/api/v1/cycles").then(), 400);
    }

    @Test
    void unconvertibleQueryParametersAreA400NamingTheParameter() {
        assertProblem(asViewer().queryParam("cycleId", "abc").get("/api/v1/objectives").then(), 400)
                .body("errors[0].field", is("cycleId"))
                .body("errors[0].message", is("must be a UUID"));
        assertProblem(asViewer().queryParam("phase", "DONE").get("/api/v1/cycles").then(), 400)
                .body("errors[0].field", is("phase"))
                .body("errors[0].message", containsString("EXECUTION"));
        assertProblem(asViewer().queryParam("size", "ten").get("/api/v1/cycles").then(), 400)
                .body("errors[0].field", is("size"));
    }

    @Test
    void bodyOverOneMebibyteIsA413Problem() {
        String big = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";
        assertProblem(asMember().body(big).post("/api/v1/cycles").then(), 413);
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        assertProblem(asMember().contentType("text/plain").body("name=x").post("/api/v1/cycles").then(), 415);
    }

    @Test
    void staleIfMatchIsA412AndChangesNothing() {
        String id = cycle();
        assertProblem(asMember().header("If-Match", "\"7\"").body(Map.of("name", "stale-" + UUID.randomUUID()))
                .patch("/api/v1/cycles/" + id).then(), 412);
        String name = "fresh-" + UUID.randomUUID();
        asMember().header("If-Match", "\"0\"").body(Map.of("name", name)).patch("/api/v1/cycles/" + id)
                .then().statusCode(200).body("name", is(name)).header("ETag", is("\"1\""));
        asMember().header("If-Match", "\"0\"").delete("/api/v1/objectives/" + objective(id))
                .then().statusCode(204);
    }

    @Test
    void staleIfMatchOnDeleteKeepsTheResource() {
        String objectiveId = objective(cycle());
        assertProblem(asMember().header("If-Match", "\"3\"").delete("/api/v1/objectives/" + objectiveId).then(), 412);
        asViewer().get("/api/v1/objectives/" + objectiveId).then().statusCode(200);
    }

    @Test
    void patchRejectsFieldsThatAreNotWritable() {
        String id = cycle();
        assertProblem(asMember().body(Map.of("phase", "CLOSED")).patch("/api/v1/cycles/" + id).then(), 400)
                .body("errors[0].field", is("phase"));
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheFirstResponseAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("name", "idem-" + key, "startDate", "2026-10-01", "endDate", "2026-12-31");
        String first = asMember().header("Idempotency-Key", key).body(body).post("/api/v1/cycles")
                .then().statusCode(201).extract().path("id");
        var again = asMember().header("Idempotency-Key", key).body(body).post("/api/v1/cycles")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(first))
                .extract();
        assertThat(again.header("Location"), containsString(first));
        asViewer().queryParam("size", 200).get("/api/v1/cycles")
                .then().body("items.findAll { it.name == 'idem-" + key + "' }.size()", is(1));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsA422() {
        String key = UUID.randomUUID().toString();
        asMember().header("Idempotency-Key", key)
                .body(Map.of("name", "a-" + key, "startDate", "2026-10-01", "endDate", "2026-12-31"))
                .post("/api/v1/cycles").then().statusCode(201);
        assertProblem(asMember().header("Idempotency-Key", key)
                .body(Map.of("name", "b-" + key, "startDate", "2026-10-01", "endDate", "2026-12-31"))
                .post("/api/v1/cycles").then(), 422);
        asViewer().queryParam("size", 200).get("/api/v1/cycles")
                .then().body("items.name", not(hasItem("b-" + key)));
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("name", "mine-" + key, "startDate", "2026-10-01", "endDate", "2026-12-31");
        as("alice", "member").header("Idempotency-Key", key).body(body).post("/api/v1/cycles").then().statusCode(201);
        // another user's identical request is a new request: here it collides on the unique name, not on the key
        as("bob", "member").header("Idempotency-Key", key).body(body).post("/api/v1/cycles").then().statusCode(409);
    }

    @Test
    void viewerCannotWrite() {
        assertProblem(asViewer().body(Map.of("name", "v-" + UUID.randomUUID(), "startDate", "2026-10-01",
                "endDate", "2026-12-31")).post("/api/v1/cycles").then(), 403);
        asViewer().get("/api/v1/cycles").then().statusCode(200);
    }

    @Test
    void integratorHasNoBusinessWithOkrs() {
        assertProblem(as("jira-bot", "integrator").get("/api/v1/cycles").then(), 403);
    }

    @Test
    void noTokenIsA401WithAChallenge() {
        assertProblem(api().get("/api/v1/cycles").then(), 401).header("WWW-Authenticate", startsWith("Bearer"));
        assertProblem(api().contentType("application/json").body("{}").post("/api/v1/objectives").then(), 401);
    }

    @Test
    void tokenSignedWithAnotherKeyIsA401() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer("https://okrpm.local").subject("mallory").groups(Set.of("admin"))
                .sign(generator.generateKeyPair().getPrivate());
        assertProblem(api().auth().oauth2(forged).get("/api/v1/cycles").then(), 401);
        assertProblem(api().auth().oauth2("not.a.jwt").get("/api/v1/cycles").then(), 401);
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        asViewer().header("X-Request-Id", "trace-42").get("/api/v1/cycles")
                .then().header("X-Request-Id", "trace-42");
        asViewer().get("/api/v1/cycles").then().header("X-Request-Id", notNullValue());
        api().get("/api/v1/cycles").then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        api().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        api().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/cycles"))
                .body("paths.'/api/v1/key-results/{id}'.patch.responses.keySet()",
                        everyItem(is(notNullValue())))
                .body("paths.'/api/v1/key-results/{id}'.patch.responses.'412'.description", notNullValue())
                .body("paths.'/api/v1/cycles'.post.responses.'409'.description", notNullValue())
                .body("paths.'/api/v1/cycles'.post.responses.'401'.description", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }
}
