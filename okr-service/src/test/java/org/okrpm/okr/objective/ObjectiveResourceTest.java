package org.okrpm.okr.objective;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObjectiveResourceTest {

    @Test
    void createdObjectiveIsActiveWithNoProgressAndOwnedByTheCaller() {
        String cycleId = cycle();
        asMember()
                .body(Map.of("cycleId", cycleId, "title", "Win the enterprise segment", "level", "COMPANY"))
                .post("/api/v1/objectives")
                .then().statusCode(201)
                .body("cycleId", is(cycleId))
                .body("state", is("ACTIVE"))
                .body("progress", is(0.0))
                .body("keyResults", empty())
                .body("ownerId", is("alice"))
                .body("parentId", nullValue())
                .body("version", is(0));
    }

    @Test
    void unknownCycleOrParentIsA422() {
        asMember().body(Map.of("cycleId", UUID.randomUUID().toString(), "title", "t", "level", "TEAM"))
                .post("/api/v1/objectives")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("cycleId"));
        asMember().body(Map.of("cycleId", cycle(), "title", "t", "level", "TEAM",
                        "parentId", UUID.randomUUID().toString()))
                .post("/api/v1/objectives")
                .then().statusCode(422).body("errors[0].field", is("parentId"));
    }

    @Test
    void listFiltersByCycleOwnerTeamLevelParentAndState() {
        String cycleId = cycle();
        String company = asMember().body(Map.of("cycleId", cycleId, "title", "c", "level", "COMPANY"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        String team = objective(cycleId, company);
        String bobs = as("bob", "member").body(Map.of("cycleId", cycleId, "title", "b", "level", "INDIVIDUAL"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        as("bob", "member").body(Map.of("state", "CANCELLED")).patch("/api/v1/objectives/" + bobs)
                .then().statusCode(200);

        asViewer().queryParam("cycleId", cycleId).get("/api/v1/objectives")
                .then().statusCode(200).body("totalItems", is(3)).body("items.id", contains(company, team, bobs));
        asViewer().queryParam("cycleId", cycleId).queryParam("level", "COMPANY").get("/api/v1/objectives")
                .then().body("items.id", contains(company));
        asViewer().queryParam("cycleId", cycleId).queryParam("ownerId", "bob").get("/api/v1/objectives")
                .then().body("items.id", contains(bobs));
        asViewer().queryParam("cycleId", cycleId).queryParam("teamId", "team-a").get("/api/v1/objectives")
                .then().body("items.id", contains(team));
        asViewer().queryParam("parentId", company).get("/api/v1/objectives")
                .then().body("items.id", contains(team));
        asViewer().queryParam("cycleId", cycleId).queryParam("state", "CANCELLED").get("/api/v1/objectives")
                .then().body("items.id", contains(bobs));
        asViewer().queryParam("cycleId", cycleId).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/objectives")
                .then().body("items.id", contains(bobs)).body("totalPages", is(2)).body("page", is(1));
    }

    @Test
    void getEmbedsKeyResults() {
        String objectiveId = objective(cycle());
        String kr = keyResult(objectiveId, 0, 10);
        asViewer().get("/api/v1/objectives/" + objectiveId)
                .then().statusCode(200)
                .header("ETag", is("\"0\""))
                .body("keyResults.id", contains(kr));
    }

    @Test
    void progressIsTheWeightedMeanOfTheKeyResults() {
        String objectiveId = objective(cycle());
        String heavy = keyResult(objectiveId, 0, 100, 3, "MANUAL");
        keyResult(objectiveId, 0, 100, 1, "MANUAL");
        setCurrentValue(heavy, 100);
        asViewer().get("/api/v1/objectives/" + objectiveId).then().body("progress", is(0.75));
    }

    @Test
    void alignmentShowsTheCascadeWithProgressRolledUpAtEveryNode() {
        String cycleId = cycle();
        String company = objective(cycleId);
        String department = objective(cycleId, company);
        String team = objective(cycleId, department);
        String otherTeam = objective(cycleId, company);
        setCurrentValue(keyResult(team, 0, 10), 5);

        asViewer().get("/api/v1/objectives/" + company + "/alignment")
                .then().statusCode(200)
                .body("id", is(company))
                .body("progress", is(0.25)) // mean of department (0.5, from team) and otherTeam (0)
                .body("children[0].progress", is(0.5))
                .body("children.id", contains(department, otherTeam))
                .body("children[0].children[0].id", is(team))
                .body("children[0].children[0].progress", is(0.5))
                .body("children[0].children[0].children", empty());
    }

    @Test
    void aligningIntoALoopIsA409() {
        String cycleId = cycle();
        String top = objective(cycleId);
        String middle = objective(cycleId, top);
        String bottom = objective(cycleId, middle);
        asMember().body(Map.of("parentId", bottom)).patch("/api/v1/objectives/" + top)
                .then().statusCode(409).contentType("application/problem+json");
        asMember().body(Map.of("parentId", top)).patch("/api/v1/objectives/" + top).then().statusCode(409);
        asViewer().get("/api/v1/objectives/" + top).then().body("parentId", nullValue());
    }

    @Test
    void patchChangesFieldsAndNullClearsTheParent() {
        String cycleId = cycle();
        String parent = objective(cycleId);
        String child = objective(cycleId, parent);
        Map<String, Object> patch = new HashMap<>();
        patch.put("parentId", null);
        patch.put("title", "Sharper title");
        patch.put("state", "COMPLETED");
        asMember().contentType("application/merge-patch+json").body(patch).patch("/api/v1/objectives/" + child)
                .then().statusCode(200)
                .body("parentId", nullValue())
                .body("title", is("Sharper title"))
                .body("state", is("COMPLETED"))
                .body("level", is("TEAM"))
                .body("version", is(1));
        asMember().body(Map.of("title", "")).patch("/api/v1/objectives/" + child)
                .then().statusCode(400).body("errors[0].field", is("title"));
    }

    @Test
    void deleteRemovesKeyResultsAndLiftsChildrenToTheTop() {
        String cycleId = cycle();
        String parent = objective(cycleId);
        String child = objective(cycleId, parent);
        String kr = keyResult(parent, 0, 1);
        asMember().delete("/api/v1/objectives/" + parent).then().statusCode(204);
        asViewer().get("/api/v1/objectives/" + parent).then().statusCode(404);
        asViewer().get("/api/v1/key-results/" + kr).then().statusCode(404);
        asViewer().get("/api/v1/objectives/" + child).then().statusCode(200).body("parentId", nullValue());
        asViewer().queryParam("cycleId", cycleId).get("/api/v1/objectives")
                .then().body("items.id", not(hasItem(parent))).body("items.id", containsInAnyOrder(child));
    }

    @Test
    void viewerSeesButCannotChange() {
        String objectiveId = objective(cycle());
        asViewer().get("/api/v1/objectives/" + objectiveId).then().statusCode(200);
        asViewer().body(Map.of("title", "x")).patch("/api/v1/objectives/" + objectiveId).then().statusCode(403);
        asViewer().delete("/api/v1/objectives/" + objectiveId).then().statusCode(403);
    }

    /** Objectives titled "{token} alpha/beta/gamma" in a fresh cycle; alpha is half done, the others not started. */
    private static String[] threeObjectives(String token) {
        String cycleId = cycle();
        String[] ids = new String[3];
        String[] names = {"alpha", "beta", "gamma"};
        for (int i = 0; i < 3; i++) {
            ids[i] = asMember().body(Map.of("cycleId", cycleId, "title", token + " " + names[i], "level", "TEAM"))
                    .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        }
        setCurrentValue(keyResult(ids[0], 0, 100), 50);
        return ids;
    }

    @Test
    void qFindsObjectivesByTitleIgnoringCase() {
        String token = "obj" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String[] ids = threeObjectives(token);

        asViewer().queryParam("q", token.toUpperCase()).get("/api/v1/objectives")
                .then().statusCode(200).body("items.id", containsInAnyOrder(ids)).body("totalItems", is(3));
        asViewer().queryParam("q", token + " BETA").get("/api/v1/objectives")
                .then().statusCode(200).body("items.id", contains(ids[1]));
        asViewer().queryParam("q", "   ").queryParam("cycleId", cycleOf(ids[0])).get("/api/v1/objectives")
                .then().statusCode(200).body("totalItems", is(3));
    }

    @Test
    void sortOrdersByTitleAndProgressEitherWay() {
        String token = "obj" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String[] ids = threeObjectives(token);

        asViewer().queryParam("q", token).queryParam("sort", "-title").get("/api/v1/objectives")
                .then().statusCode(200).body("items.id", contains(ids[2], ids[1], ids[0]));
        asViewer().queryParam("q", token).queryParam("sort", "title").get("/api/v1/objectives")
                .then().statusCode(200).body("items.id", contains(ids[0], ids[1], ids[2]));
        asViewer().queryParam("q", token).queryParam("sort", "progress,-title").get("/api/v1/objectives")
                .then().statusCode(200).body("items.id", contains(ids[2], ids[1], ids[0]));
        asViewer().queryParam("q", token).queryParam("sort", "-progress,-title").get("/api/v1/objectives")
                .then().statusCode(200).body("items.id", contains(ids[0], ids[2], ids[1]));
        asViewer().queryParam("sort", "ownerId").get("/api/v1/objectives")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("sort"));
    }

    private static String cycleOf(String objectiveId) {
        return asViewer().get("/api/v1/objectives/" + objectiveId).then().statusCode(200).extract().path("cycleId");
    }
}
