package org.okrpm.okr.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.objective;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.HttpConventionsContract;

/**
 * The conventions of docs/api.md that every endpoint shares: the kit's {@link HttpConventionsContract} run on
 * okr-service's cycles and objectives, plus what only okr-service's endpoints show.
 */
@QuarkusTest
class HttpConventionsTest extends HttpConventionsContract {

    @Override
    protected String listPath() {
        return "/api/v1/cycles";
    }

    @Override
    protected String createPath() {
        return "/api/v1/cycles";
    }

    @Override
    protected Map<String, Object> validCreateBody() {
        return Map.of("name", "conv-" + UUID.randomUUID(), "startDate", "2026-10-01", "endDate", "2026-12-31");
    }

    @Override
    protected int countCreatedFrom(Map<String, Object> body) {
        // oldest first: read every page, so the count does not depend on how many cycles other tests made
        int count = 0;
        for (int page = 0; ; page++) {
            var json = asViewer().queryParam("size", 200).queryParam("page", page).get("/api/v1/cycles")
                    .then().statusCode(200).extract().jsonPath();
            count += json.getList("items.findAll { it.name == '" + body.get("name") + "' }").size();
            if (page + 1 >= json.getInt("totalPages")) {
                return count;
            }
        }
    }

    @Override
    protected String itemPathPrefix() {
        return "/api/v1/objectives/";
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
    void unconvertibleQueryParametersAreA400NamingTheParameter() {
        assertProblem(asViewer().queryParam("cycleId", "abc").get("/api/v1/objectives").then(), 400)
                .body("errors[0].field", is("cycleId"))
                .body("errors[0].message", is("must be a UUID"));
        assertProblem(asViewer().queryParam("phase", "DONE").get("/api/v1/cycles").then(), 400)
                .body("errors[0].field", is("phase"))
                .body("errors[0].message", containsString("EXECUTION"));
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
    void idempotencyKeysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("name", "mine-" + key, "startDate", "2026-10-01", "endDate", "2026-12-31");
        as("alice", "member").header("Idempotency-Key", key).body(body).post("/api/v1/cycles").then().statusCode(201);
        // another user's identical request is a new request: here it collides on the unique name, not on the key
        as("bob", "member").header("Idempotency-Key", key).body(body).post("/api/v1/cycles").then().statusCode(409);
    }

    @Test
    void openApiDocumentsTheProblemResponsesOfEveryOperation() {
        api().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/key-results/{id}'.patch.responses.keySet()",
                        everyItem(is(notNullValue())))
                .body("paths.'/api/v1/key-results/{id}'.patch.responses.'412'.description", notNullValue())
                .body("paths.'/api/v1/cycles'.post.responses.'409'.description", notNullValue());
    }
}
