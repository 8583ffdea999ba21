package org.okrpm.okr.objective;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asMemberOf;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestEvents;

/**
 * A PRIVATE objective and its key results exist only for its owner, its creator, its team and admins; its progress
 * still counts in its public parent, which shows it without the title.
 */
@QuarkusTest
class PrivateObjectivesTest {

    /** The public parent, its private child (carl created it for olivia, team growth) with one key result done, a public sibling. */
    private record Tree(String cycleId, String parent, String secret, String secretKr, String sibling) {
    }

    private static Tree tree() {
        String cycleId = cycle();
        String parent = objective(cycleId);
        String secret = as("carl", "member")
                .body(Map.of("cycleId", cycleId, "title", "Acquire Initech quietly", "level", "TEAM",
                        "ownerId", "olivia", "teamId", "growth", "parentId", parent, "visibility", "PRIVATE",
                        "weight", 3))
                .post("/api/v1/objectives").then().statusCode(201).body("visibility", is("PRIVATE"))
                .extract().path("id");
        String secretKr = as("carl", "member")
                .body(Map.of("title", "Term sheet signed", "metricType", "BOOLEAN"))
                .post("/api/v1/objectives/" + secret + "/key-results").then().statusCode(201).extract().path("id");
        as("olivia", "member").body(Map.of("currentValue", 1)).patch("/api/v1/key-results/" + secretKr)
                .then().statusCode(200);
        String sibling = objective(cycleId, parent);
        return new Tree(cycleId, parent, secret, secretKr, sibling);
    }

    private static List<Supplier<RequestSpecification>> insiders() {
        return List.of(() -> as("olivia", "member"), () -> as("carl", "member"), () -> asMemberOf("tom", "growth"),
                () -> as("gina", Map.of("teams", List.of("growth")), "viewer"),
                () -> asAdmin());
    }

    private static List<Supplier<RequestSpecification>> outsiders() {
        return List.of(() -> asMemberOf("mallory", "sales"), () -> asMember(), () -> asViewer());
    }

    @Test
    void theOwnerTheCreatorTheTeamAndAdminsSeeItAndItsKeyResults() {
        Tree tree = tree();
        for (Supplier<RequestSpecification> insider : insiders()) {
            insider.get().get("/api/v1/objectives/" + tree.secret()).then().statusCode(200)
                    .body("title", is("Acquire Initech quietly")).body("progress", is(1.0))
                    .body("keyResults.id", contains(tree.secretKr()));
            insider.get().get("/api/v1/key-results/" + tree.secretKr()).then().statusCode(200);
            insider.get().get("/api/v1/key-results/" + tree.secretKr() + "/history").then().statusCode(200);
            insider.get().get("/api/v1/objectives/" + tree.secret() + "/history").then().statusCode(200);
            insider.get().queryParam("cycleId", tree.cycleId()).get("/api/v1/objectives").then()
                    .body("items.id", hasItem(tree.secret()));
            insider.get().queryParam("cycleId", tree.cycleId()).get("/api/v1/key-results").then()
                    .body("items.id", hasItem(tree.secretKr()));
            insider.get().get("/api/v1/objectives/" + tree.parent() + "/alignment").then().statusCode(200)
                    .body("children.id", contains(tree.secret(), tree.sibling()))
                    .body("privateChildren.count", is(0));
        }
    }

    @Test
    void anyoneElseGetsA404AndListsAndAlignmentLeaveItOutWhileTheParentStillCountsIt() {
        Tree tree = tree();
        for (Supplier<RequestSpecification> outsider : outsiders()) {
            outsider.get().get("/api/v1/objectives/" + tree.secret()).then().statusCode(404)
                    .contentType("application/problem+json");
            outsider.get().get("/api/v1/objectives/" + tree.secret() + "/history").then().statusCode(404);
            outsider.get().get("/api/v1/objectives/" + tree.secret() + "/alignment").then().statusCode(404);
            outsider.get().get("/api/v1/key-results/" + tree.secretKr()).then().statusCode(404);
            outsider.get().get("/api/v1/key-results/" + tree.secretKr() + "/history").then().statusCode(404);
            outsider.get().queryParam("cycleId", tree.cycleId()).get("/api/v1/objectives").then().statusCode(200)
                    .body("items.id", contains(tree.parent(), tree.sibling())).body("totalItems", is(2));
            outsider.get().queryParam("cycleId", tree.cycleId()).get("/api/v1/key-results").then().statusCode(200)
                    .body("items.id", not(hasItem(tree.secretKr())));

            // (0 of the sibling · 1 + 1.0 of the private child · 3) / 4, shown without its title
            outsider.get().get("/api/v1/objectives/" + tree.parent()).then().statusCode(200)
                    .body("progress", is(0.75))
                    .body("privateChildren.count", is(1))
                    .body("privateChildren.weight", is(3.0))
                    .body("privateChildren.progress", is(1.0));
            String alignment = outsider.get().get("/api/v1/objectives/" + tree.parent() + "/alignment").then()
                    .statusCode(200)
                    .body("progress", is(0.75))
                    .body("children.id", contains(tree.sibling()))
                    .body("privateChildren.count", is(1))
                    .extract().asString();
            assertThat(alignment.contains("Initech"), is(false));
        }
        // nor can they change it, add to it or align under it: for them it does not exist
        RequestSpecification mallory = asMemberOf("mallory", "sales");
        mallory.body(Map.of("title", "x")).patch("/api/v1/objectives/" + tree.secret()).then().statusCode(404);
        asMemberOf("mallory", "sales").delete("/api/v1/objectives/" + tree.secret()).then().statusCode(404);
        asMemberOf("mallory", "sales").body(Map.of("title", "x", "metricType", "BOOLEAN"))
                .post("/api/v1/objectives/" + tree.secret() + "/key-results").then().statusCode(404);
        asMemberOf("mallory", "sales").body(Map.of("currentValue", 0)).patch("/api/v1/key-results/" + tree.secretKr())
                .then().statusCode(404);
        asMemberOf("mallory", "sales").body(Map.of("cycleId", tree.cycleId(), "title", "under", "level", "TEAM",
                "parentId", tree.secret())).post("/api/v1/objectives").then().statusCode(422)
                .body("errors[0].field", is("parentId"));
    }

    @Test
    void eventsCarryWhoMaySeeIt() {
        Tree tree = tree();
        JsonPath created = JsonPath.from(TestEvents.awaitRecords("okr.objectives", r -> tree.secret().equals(r.key())
                && "okr.objective.created".equals(TestEvents.header(r, "ce_type")), 1).get(0).value());
        assertThat(created.getString("visibility"), is("PRIVATE"));
        assertThat(created.getString("ownerId"), is("olivia"));
        assertThat(created.getString("teamId"), is("growth"));
        assertThat(created.getString("createdBy"), is("carl"));
        assertThat(created.getDouble("weight"), is(3.0));

        JsonPath kr = JsonPath.from(TestEvents.awaitRecords("okr.key-results",
                r -> tree.secretKr().equals(r.key()), 1).get(0).value());
        assertThat(kr.getString("objectiveVisibility"), is("PRIVATE"));
        assertThat(kr.getString("objectiveOwnerId"), is("olivia"));
        assertThat(kr.getString("objectiveTeamId"), is("growth"));
    }

    @Test
    void madePublicItIsVisibleToAll() {
        Tree tree = tree();
        as("olivia", "member").body(Map.of("visibility", "PUBLIC")).patch("/api/v1/objectives/" + tree.secret())
                .then().statusCode(200).body("visibility", is("PUBLIC"));
        asViewer().get("/api/v1/objectives/" + tree.secret()).then().statusCode(200);
        asViewer().get("/api/v1/objectives/" + tree.parent()).then().body("privateChildren.count", is(0))
                .body("privateChildren.progress", nullValue());
    }
}
