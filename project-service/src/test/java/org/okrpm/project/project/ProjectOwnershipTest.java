package org.okrpm.project.project;

import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMemberOf;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only a project's owner, creator, team members (the token's teams) and admins may change it. */
@QuarkusTest
class ProjectOwnershipTest {

    private static final String RULE = "Only the owner, the creator, a member of team growth or an admin may change ";

    /** Created by carl for olivia, in team growth. */
    private static String project() {
        return as("carl", "member").body(Map.of("name", "Onboarding", "ownerId", "olivia", "teamId", "growth"))
                .post("/api/v1/projects").then().statusCode(201)
                .body("createdBy", is("carl")).body("teamId", is("growth")).extract().path("id");
    }

    private static RequestSpecification stranger() {
        return asMemberOf("mallory", "sales");
    }

    @Test
    void theOwnerTheCreatorATeamMemberAndAnAdminMayChangeAProject() {
        String id = project();
        as("olivia", "member").body(Map.of("name", "by the owner")).patch("/api/v1/projects/" + id)
                .then().statusCode(200).body("name", is("by the owner"));
        as("carl", "member").body(Map.of("name", "by the creator")).patch("/api/v1/projects/" + id)
                .then().statusCode(200).body("name", is("by the creator"));
        asMemberOf("tom", "growth").body(Map.of("stage", "PLANNING")).post("/api/v1/projects/" + id + "/stage")
                .then().statusCode(200).body("stage", is("PLANNING"));
        asAdmin().body(Map.of("teamId", "sales")).patch("/api/v1/projects/" + id)
                .then().statusCode(200).body("teamId", is("sales"));
        // the team moved: now mallory's team may change it, tom's no longer
        asMemberOf("tom", "growth").body(Map.of("name", "late")).patch("/api/v1/projects/" + id)
                .then().statusCode(403);
        stranger().delete("/api/v1/projects/" + id).then().statusCode(204);
    }

    @Test
    void anyOtherMemberGetsA403NamingTheRuleAndNothingChanges() {
        String id = project();
        stranger().body(Map.of("name", "hijacked")).patch("/api/v1/projects/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("https://okrpm.org/problems/forbidden"))
                .body("detail", is(RULE + "project " + id));
        stranger().body(Map.of("stage", "CANCELLED")).post("/api/v1/projects/" + id + "/stage")
                .then().statusCode(403).body("detail", is(RULE + "project " + id));
        stranger().delete("/api/v1/projects/" + id).then().statusCode(403).body("detail", is(RULE + "project " + id));
        asViewer().body(Map.of("name", "hijacked")).patch("/api/v1/projects/" + id).then().statusCode(403);
        asViewer().get("/api/v1/projects/" + id).then().statusCode(200)
                .body("name", is("Onboarding")).body("stage", is("INITIATION")).body("version", is(0));
    }

    @Test
    void anApiKeyBoundToOtherProjectsMayNotChangeThisOne() {
        String id = project();
        as("pm-bot", Map.of("projects", List.of("00000000-0000-0000-0000-000000000001")), "admin")
                .body(Map.of("name", "elsewhere")).patch("/api/v1/projects/" + id)
                .then().statusCode(403)
                .body("detail", is("This API key is bound to other projects; it may not change project " + id));
        as("pm-bot", Map.of("projects", List.of(id)), "admin")
                .body(Map.of("name", "bound here")).patch("/api/v1/projects/" + id)
                .then().statusCode(200).body("name", is("bound here"));
    }
}
