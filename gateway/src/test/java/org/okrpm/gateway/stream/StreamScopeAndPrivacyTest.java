package org.okrpm.gateway.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.security.Claims;
import org.okrpm.kit.testing.TestTokens;

/**
 * Project health and the cycle scope of projects and tasks on the stream; a PRIVATE objective's events only for
 * its owner, creator, team and admins.
 */
@QuarkusTest
class StreamScopeAndPrivacyTest {

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @Test
    void projectHealthAndTheTasksAndProjectsOfACycleReachItsStream() {
        String cycle = id();
        String objective = id();
        String project = id();
        String task = id();
        String viewer = TestTokens.token("victor", "viewer");
        SseClient byCycle = open("?cycleId=" + cycle, viewer);
        SseClient byObjective = open("?objectiveId=" + objective, viewer);
        SseClient healthOnly = open("?types=project.health-changed", viewer);
        SseClient everything = open("", viewer);

        everything.publishUntilReceived("project.projects", project, "project.project.health-changed", new JsonObject()
                .put("id", project).put("name", "Onboarding").put("health", "OFF_TRACK")
                .put("cycleIds", new JsonArray().add(cycle)).put("objectiveIds", new JsonArray().add(objective))
                .put("version", 3));
        everything.publishUntilReceived("project.tasks", task, "project.task.completed", new JsonObject().put("id", task)
                .put("projectId", project).put("objectiveId", objective).put("cycleId", cycle)
                .put("status", "DONE").put("version", 1));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(List.of("project.health-changed", "task.completed"), byCycle.namesOf(project));
            assertEquals(List.of("project.health-changed", "task.completed"), byObjective.namesOf(project));
            assertEquals(List.of("project.health-changed"), healthOnly.namesOf(project));
        });
        assertEquals("OFF_TRACK", new JsonObject(byCycle.eventsWith(project).get(0).data()).getString("health"));
        List.of(byCycle, byObjective, healthOnly, everything).forEach(SseClient::hangUp);
    }

    @Test
    void aPrivateObjectivesEventsReachOnlyItsOwnerTeamAndAdmins() {
        String objective = id();
        String keyResult = id();
        String checkIn = id();
        String publicObjective = id();
        SseClient owner = open("", TestTokens.token("olga", "member"));
        SseClient teammate = open("", TestTokens.token("tom", Map.of(Claims.TEAMS, List.of("growth")), "member"));
        SseClient admin = open("", TestTokens.token("ada", "admin"));
        SseClient stranger = open("", TestTokens.token("sam", Map.of(Claims.TEAMS, List.of("sales")), "member"));

        owner.publishUntilReceived("okr.objectives", objective, "okr.objective.updated", new JsonObject()
                .put("id", objective).put("cycleId", id()).put("title", "Secret").put("visibility", "PRIVATE")
                .put("ownerId", "olga").put("createdBy", "olga").put("teamId", "growth").put("version", 1));
        owner.publishUntilReceived("okr.key-results", keyResult, "okr.key-result.progress-changed", new JsonObject()
                .put("id", keyResult).put("objectiveId", objective).put("progress", 0.5)
                .put("objectiveVisibility", "PRIVATE").put("objectiveOwnerId", "olga")
                .put("objectiveTeamId", "growth").put("version", 2));
        owner.publishUntilReceived("checkin.check-ins", keyResult, "checkin.check-in.recorded", new JsonObject()
                .put("id", checkIn).put("keyResultId", keyResult).put("objectiveId", objective).put("confidence", 0.4)
                .put("objectiveVisibility", "PRIVATE").put("objectiveOwnerId", "olga")
                .put("objectiveCreatedBy", "olga").put("objectiveTeamId", "growth").put("version", 0));
        // a public objective published after them: once the stranger has it, it would have had the private ones
        stranger.publishUntilReceived("okr.objectives", publicObjective, "okr.objective.updated", new JsonObject()
                .put("id", publicObjective).put("title", "Open").put("visibility", "PUBLIC").put("ownerId", "olga")
                .put("version", 1));

        for (SseClient allowed : List.of(owner, teammate, admin)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> allowed.received(keyResult)
                    && allowed.received(checkIn) && allowed.received(publicObjective));
            assertTrue(allowed.received("\"title\":\"Secret\""));
        }
        assertFalse(stranger.received(objective), "a stranger got a private objective's events");
        assertFalse(stranger.received(keyResult), "a stranger got a private objective's key result");
        assertFalse(stranger.received(checkIn), "a stranger got a check-in of a private objective's key result");
        List.of(owner, teammate, admin, stranger).forEach(SseClient::hangUp);
    }

    private SseClient open(String query, String token) {
        SseClient client = new SseClient(URI.create(stream + query), token);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.received(": connected"));
        assertEquals(200, client.status);
        return client;
    }



    private static String id() {
        return UUID.randomUUID().toString();
    }
}
