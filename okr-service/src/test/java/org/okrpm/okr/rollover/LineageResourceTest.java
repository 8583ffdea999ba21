package org.okrpm.okr.rollover;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.cycleIn;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;
import static org.okrpm.okr.rollover.RolloverResourceTest.moveTo;
import static org.okrpm.okr.rollover.RolloverResourceTest.rollOver;
import static org.okrpm.okr.rollover.RolloverResourceTest.to;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/key-results/{id}/lineage: one chain across the cycles a key result was rolled over through. */
@QuarkusTest
class LineageResourceTest {

    @Test
    void theChainOverTwoRolloversIsTheSameFromEachOfItsKeyResults() {
        String q1 = cycleIn("EXECUTION");
        String first = keyResult(objective(q1), 0, 100);
        setCurrentValue(first, 30);
        moveTo(q1, "RETROSPECTIVE");
        String q2 = cycleIn("EXECUTION");
        String second = to(rollOver(q1, q2).statusCode(200).extract().jsonPath(), first);
        setCurrentValue(second, 70);
        moveTo(q2, "RETROSPECTIVE");
        String q3 = cycle();
        String third = to(rollOver(q2, q3).statusCode(200).extract().jsonPath(), second);

        for (String asked : List.of(first, second, third)) {
            JsonPath chain = asViewer().get("/api/v1/key-results/" + asked + "/lineage").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(chain.getList("id"), is(List.of(first, second, third)));
            assertThat(chain.getList("cycleId"), is(List.of(q1, q2, q3)));
            assertThat(chain.getList("currentValue", Integer.class), is(List.of(30, 70, 70)));
            assertThat(chain.getList("startValue", Integer.class), is(List.of(0, 30, 70)));
            assertThat(chain.getList("progress", Double.class), is(List.of(0.3, 0.5714, 0.0)));
            assertThat(chain.getString("[0].previousId"), is((String) null));
            assertThat(chain.getString("[2].previousId"), is(second));
        }
    }

    @Test
    void aKeyResultNeverRolledOverIsAChainOfOneAndAnUnknownOneIs404() {
        String kr = keyResult(objective(cycle()), 0, 10);
        asViewer().get("/api/v1/key-results/" + kr + "/lineage").then().statusCode(200)
                .body("id", is(List.of(kr)));
        assertProblem(asViewer().get("/api/v1/key-results/" + UUID.randomUUID() + "/lineage").then(), 404);
    }
}
