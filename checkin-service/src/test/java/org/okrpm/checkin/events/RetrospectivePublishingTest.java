package org.okrpm.checkin.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;

/** checkin-service → checkin.retrospectives through the outbox, keyed by cycle id, read back from the real broker. */
@QuarkusTest
class RetrospectivePublishingTest {

    private static final String TOPIC = "checkin.retrospectives";

    @Inject
    CheckinFixtures fixtures;

    private static List<ConsumerRecord<String, String>> recordsOf(UUID cycleId, int atLeast) {
        return TestEvents.awaitRecords(TOPIC, r -> cycleId.toString().equals(r.key()), atLeast);
    }

    @Test
    void writtenAndUpdatedRetrospectivesArePublishedKeyedByTheirCycle() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        UUID objective = fixtures.objective(cycle, "alice");
        String forObjective = as("erin", "member").header("X-Request-Id", "req-retro-1")
                .body(Map.of("cycleId", cycle.toString(), "objectiveId", objective.toString(),
                        "wentWell", "Weekly check-ins"))
                .post("/api/v1/retrospectives").then().statusCode(201).extract().path("id");
        String forTeam = asMember().body(Map.of("cycleId", cycle.toString(), "teamId", "team-a",
                        "lessons", "Fewer key results"))
                .post("/api/v1/retrospectives").then().statusCode(201).extract().path("id");
        asMember().header("If-Match", "\"0\"").body(Map.of("toImprove", "Owners for every KR"))
                .patch("/api/v1/retrospectives/" + forObjective).then().statusCode(200);
        // a patch that changes nothing keeps the version and publishes nothing; the marker after it shows that
        asMember().body(Map.of("toImprove", "Owners for every KR"))
                .patch("/api/v1/retrospectives/" + forObjective).then().statusCode(200).body("version", is(1));
        asMember().body(Map.of("cycleId", cycle.toString(), "teamId", "team-marker", "lessons", "marker"))
                .post("/api/v1/retrospectives").then().statusCode(201);

        List<ConsumerRecord<String, String>> records = recordsOf(cycle, 4);
        assertThat(records.stream().map(r -> TestEvents.header(r, "ce_type")).toList(), contains(
                "checkin.retrospective.written", "checkin.retrospective.written", "checkin.retrospective.updated",
                "checkin.retrospective.written"));

        ConsumerRecord<String, String> written = records.get(0);
        Map<String, String> headers = TestEvents.ceHeaders(written);
        assertThat(headers.get("ce_subject"), is(cycle.toString()));
        assertThat(headers.get("ce_source"), is("/checkin-service"));
        assertThat(headers.get("ce_requestid"), is("req-retro-1"));
        JsonPath first = JsonPath.from(written.value());
        assertThat(first.getString("id"), is(forObjective));
        assertThat(first.getString("cycleId"), is(cycle.toString()));
        assertThat(first.getString("objectiveId"), is(objective.toString()));
        assertThat(first.getString("teamId"), nullValue());
        assertThat(first.getString("wentWell"), is("Weekly check-ins"));
        assertThat(first.getString("authorId"), is("erin"));
        assertThat(first.getInt("version"), is(0));
        EventContract.assertMatches("checkin.retrospective.written", written.value());

        JsonPath team = JsonPath.from(records.get(1).value());
        assertThat(team.getString("id"), is(forTeam));
        assertThat(team.getString("objectiveId"), nullValue());
        assertThat(team.getString("teamId"), is("team-a"));
        EventContract.assertMatches("checkin.retrospective.written", records.get(1).value());

        JsonPath updated = JsonPath.from(records.get(2).value());
        assertThat(updated.getString("id"), is(forObjective));
        assertThat(updated.getString("toImprove"), is("Owners for every KR"));
        assertThat(updated.getInt("version"), is(1));
        EventContract.assertMatches("checkin.retrospective.updated", records.get(2).value());
    }

    @Test
    void aRefusedRetrospectivePublishesNothing() {
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        asMember().body(Map.of("cycleId", cycle.toString(), "teamId", "team-a", "wentWell", "too early"))
                .post("/api/v1/retrospectives").then().statusCode(409);
        // a marker in the same cycle's partition, written after the refused one: only the marker is there
        fixtures.movePhase(cycle, CyclePhase.RETROSPECTIVE);
        String marker = asMember().body(Map.of("cycleId", cycle.toString(), "teamId", "team-b", "wentWell", "now"))
                .post("/api/v1/retrospectives").then().statusCode(201).extract().path("id");
        List<ConsumerRecord<String, String>> records = recordsOf(cycle, 1);
        assertThat(records.stream().map(r -> JsonPath.from(r.value()).getString("id")).toList(), contains(marker));
    }
}
