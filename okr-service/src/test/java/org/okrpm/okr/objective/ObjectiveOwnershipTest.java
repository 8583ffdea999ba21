package org.okrpm.okr.objective;

import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMemberOf;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only an objective's owner, creator, team members (the token's teams) and admins may change it and its key results. */
@QuarkusTest
class ObjectiveOwnershipTest {

    private static final String RULE = "Only the owner, the creator, a member of team growth or an admin may change ";

    /** Created by carl for olivia, in team growth. */
    private static String objective() {
        return as("carl", "member")
                .body(Map.of("cycleId", cycle(), "title", "Grow", "level", "TEAM", "ownerId", "olivia",
                        "teamId", "growth"))
                .post("/api/v1/objectives").then().statusCode(201).body("createdBy", is("carl")).extract().path("id");
    }

    private static RequestSpecification stranger() {
        return asMemberOf("mallory", "sales");
    }

    @Test
    void theOwnerTheCreatorATeamMemberAndAnAdminMayChangeAnObjective() {
        String id = objective();
        as("olivia", "member").body(Map.of("title", "by the owner")).patch("/api/v1/objectives/" + id)
                .then().statusCode(200).body("title", is("by the owner"));
        as("carl", "member").body(Map.of("title", "by the creator")).patch("/api/v1/objectives/" + id)
                .then().statusCode(200).body("title", is("by the creator"));
        asMemberOf("tom", "sales", "growth").body(Map.of("title", "by the team")).patch("/api/v1/objectives/" + id)
                .then().statusCode(200).body("title", is("by the team"));
        asAdmin().body(Map.of("title", "by an admin")).patch("/api/v1/objectives/" + id)
                .then().statusCode(200).body("title", is("by an admin"));
        asMemberOf("tom", "growth").delete("/api/v1/objectives/" + id).then().statusCode(204);
    }

    @Test
    void anyOtherMemberGetsA403NamingTheRuleAndNothingChanges() {
        String id = objective();
        stranger().body(Map.of("title", "hijacked")).patch("/api/v1/objectives/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("https://okrpm.org/problems/forbidden"))
                .body("detail", is(RULE + "objective " + id));
        stranger().delete("/api/v1/objectives/" + id).then().statusCode(403).body("detail", is(RULE + "objective " + id));
        asViewer().body(Map.of("title", "hijacked")).patch("/api/v1/objectives/" + id).then().statusCode(403);
        asViewer().get("/api/v1/objectives/" + id).then().statusCode(200).body("title", is("Grow")).body("version", is(0));
    }

    @Test
    void keyResultsAreJudgedByTheirObjective() {
        String id = objective();
        Map<String, Object> body = Map.of("title", "Signups", "metricType", "NUMBER", "startValue", 0, "targetValue", 100);
        String rule = RULE + "the key results of objective " + id;
        stranger().body(body).post("/api/v1/objectives/" + id + "/key-results")
                .then().statusCode(403).contentType("application/problem+json").body("detail", is(rule));
        String kr = asMemberOf("tom", "growth").body(body).post("/api/v1/objectives/" + id + "/key-results")
                .then().statusCode(201).extract().path("id");

        stranger().body(Map.of("currentValue", 50)).patch("/api/v1/key-results/" + kr)
                .then().statusCode(403).body("detail", is(rule));
        stranger().delete("/api/v1/key-results/" + kr).then().statusCode(403).body("detail", is(rule));
        asViewer().get("/api/v1/key-results/" + kr).then().statusCode(200).body("currentValue", is(0));

        as("olivia", "member").body(Map.of("currentValue", 50)).patch("/api/v1/key-results/" + kr)
                .then().statusCode(200).body("currentValue", is(50));
        asAdmin().delete("/api/v1/key-results/" + kr).then().statusCode(204);
    }

    @Test
    void withoutATeamTheRuleNamesOnlyOwnerCreatorAndAdmin() {
        String id = as("carl", "member").body(Map.of("cycleId", cycle(), "title", "Solo", "level", "INDIVIDUAL"))
                .post("/api/v1/objectives").then().statusCode(201).body("ownerId", is("carl")).extract().path("id");
        stranger().body(Map.of("title", "hijacked")).patch("/api/v1/objectives/" + id).then().statusCode(403)
                .body("detail", is("Only the owner, the creator or an admin may change objective " + id));
    }
}
