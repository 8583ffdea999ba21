package org.okrpm.okr.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;

/** Webhooks scoped to a cycle, objective or project, and webhooks for check-in and project events. */
@QuarkusTest
class WebhookScopeTest {

    private static final String SECRET = "receiver-shared-secret-0123456789";
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @AfterEach
    void cleanUp() {
        WebhookResourceTest.deleteAllWebhooks();
    }

    private static Map<String, Object> body(String path, List<String> events, Map<String, String> scope) {
        Map<String, Object> body = new HashMap<>(Map.of("url", receiver.url(path), "events", events, "secret", SECRET));
        body.putAll(scope);
        return body;
    }

    private static List<String> subjects(String path) {
        return receiver.deliveredAt(path).stream().map(r -> JsonPath.from(r.bodyText()).getString("subject")).toList();
    }

    @Test
    void aWebhookScopedToAnObjectiveOrCycleGetsOnlyItsEvents() {
        String cycle = cycle();
        String wanted = objective(cycle);
        String sameCycle = objective(cycle);
        String elsewhere = objective(cycle());
        String wantedKr = keyResult(wanted, 0, 100);
        String sameCycleKr = keyResult(sameCycle, 0, 100);
        String elsewhereKr = keyResult(elsewhere, 0, 100);
        String byObjective = "/objective/" + UUID.randomUUID();
        String byCycle = "/cycle/" + UUID.randomUUID();
        String everything = "/all/" + UUID.randomUUID();
        List<String> progress = List.of("key-result.progress-changed");
        asMember().body(body(byObjective, progress, Map.of("objectiveId", wanted))).post("/api/v1/webhooks")
                .then().statusCode(201).body("objectiveId", is(wanted)).body("cycleId", is((String) null));
        asMember().body(body(byCycle, progress, Map.of("cycleId", cycle))).post("/api/v1/webhooks")
                .then().statusCode(201).body("cycleId", is(cycle));
        asMember().body(body(everything, progress, Map.of())).post("/api/v1/webhooks").then().statusCode(201);

        setCurrentValue(elsewhereKr, 10);
        setCurrentValue(sameCycleKr, 20);
        setCurrentValue(wantedKr, 30);

        // the unscoped webhook got all three: every event has been turned into deliveries by now
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveredAt(everything).size() >= 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveredAt(byCycle).size() >= 2
                && receiver.deliveredAt(byObjective).size() >= 1);
        assertThat(subjects(byObjective), is(List.of(wantedKr)));
        assertThat(subjects(byCycle).stream().sorted().toList(),
                is(java.util.stream.Stream.of(sameCycleKr, wantedKr).sorted().toList()));
    }

    @Test
    void checkInAndProjectEventsCanBeSubscribedToAndScopedToAProject() {
        String project = UUID.randomUUID().toString();
        String tasks = "/tasks/" + UUID.randomUUID();
        String checkIns = "/check-ins/" + UUID.randomUUID();
        asMember().body(body(tasks, List.of("task.completed", "project.stage-changed"),
                Map.of("projectId", project))).post("/api/v1/webhooks").then().statusCode(201)
                .body("events", is(List.of("task.completed", "project.stage-changed")));
        asMember().body(body(checkIns, List.of("check-in.recorded"), Map.of())).post("/api/v1/webhooks")
                .then().statusCode(201);

        String otherTask = UUID.randomUUID().toString();
        TestEvents.publish("project.tasks", otherTask, "project.task.completed", EventContract.sample(
                "project.task.completed", Map.of("id", otherTask, "projectId", UUID.randomUUID().toString())));
        String task = UUID.randomUUID().toString();
        TestEvents.publish("project.tasks", task, "project.task.completed", EventContract.sample(
                "project.task.completed", Map.of("id", task, "projectId", project)));
        TestEvents.publish("project.projects", project, "project.project.stage-changed", EventContract.sample(
                "project.project.stage-changed", Map.of("id", project)));
        String kr = keyResult(objective(cycle()), 0, 100);
        TestEvents.publish("checkin.check-ins", kr, "checkin.check-in.recorded", EventContract.sample(
                "checkin.check-in.recorded", Map.of("id", UUID.randomUUID().toString(), "keyResultId", kr)));

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.deliveredAt(tasks).size() >= 2
                && receiver.deliveredAt(checkIns).size() >= 1);
        List<JsonPath> got = receiver.deliveredAt(tasks).stream().map(r -> JsonPath.from(r.bodyText())).toList();
        assertThat(got.stream().map(e -> e.getString("type")).sorted().toList(),
                is(List.of("project.project.stage-changed", "project.task.completed")));
        assertThat(got.stream().filter(e -> e.getString("type").equals("project.task.completed"))
                .map(e -> e.getString("data.id")).toList(), is(List.of(task)));
        assertThat(got.get(0).getString("source"), is("/project-service"));
        JsonPath checkIn = JsonPath.from(receiver.deliveredAt(checkIns).get(0).bodyText());
        assertThat(checkIn.getString("type"), is("checkin.check-in.recorded"));
        assertThat(checkIn.getString("source"), is("/checkin-service"));
        assertThat(checkIn.getString("data.keyResultId"), is(kr));
    }

    @Test
    void aScopeMustNameAnExistingCycleOrObjective() {
        asMember().body(body("/x", List.of("cycle.updated"), Map.of("cycleId", UUID.randomUUID().toString())))
                .post("/api/v1/webhooks").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("cycleId"));
        asMember().body(body("/y", List.of("cycle.updated"), Map.of("objectiveId", "not-a-uuid")))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("objectiveId"));
        asMember().body(body("/z", List.of("task.exploded"), Map.of())).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", is("events"));
    }
}
