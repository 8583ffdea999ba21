package org.okrpm.okr;

import static org.okrpm.kit.testing.TestTokens.asMember;

import java.util.Map;
import java.util.UUID;

/** Creates the things tests need through the public API, as a member would. */
public final class OkrFixtures {

    private OkrFixtures() {
    }

    public static String cycle() {
        return asMember()
                .body(Map.of("name", "Q-" + UUID.randomUUID(), "startDate", "2026-10-01", "endDate", "2026-12-31"))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
    }

    /** A cycle already moved forward to {@code phase}. */
    public static String cycleIn(String phase) {
        String id = cycle();
        for (String next : new String[] {"EXECUTION", "RETROSPECTIVE", "CLOSED"}) {
            if (phase.equals("PLANNING")) {
                break;
            }
            asMember().body(Map.of("phase", next)).post("/api/v1/cycles/" + id + "/phase").then().statusCode(200);
            if (next.equals(phase)) {
                break;
            }
        }
        return id;
    }

    public static String objective(String cycleId) {
        return objective(cycleId, null);
    }

    public static String objective(String cycleId, String parentId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("cycleId", cycleId, "title", "Delight customers",
                "level", "TEAM", "teamId", "team-a"));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return asMember().body(body).post("/api/v1/objectives").then().statusCode(201).extract().path("id");
    }

    public static String keyResult(String objectiveId, Number start, Number target) {
        return keyResult(objectiveId, start, target, 1, "MANUAL");
    }

    public static String keyResult(String objectiveId, Number start, Number target, Number weight, String source) {
        return asMember()
                .body(Map.of("title", "Revenue", "metricType", "NUMBER", "startValue", start, "targetValue", target,
                        "weight", weight, "progressSource", source))
                .post("/api/v1/objectives/" + objectiveId + "/key-results")
                .then().statusCode(201).extract().path("id");
    }

    public static void setCurrentValue(String keyResultId, Number value) {
        asMember().body(Map.of("currentValue", value)).patch("/api/v1/key-results/" + keyResultId)
                .then().statusCode(200);
    }
}
