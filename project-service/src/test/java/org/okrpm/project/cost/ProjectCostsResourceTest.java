package org.okrpm.project.cost;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.projectWithBudget;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectCostsResourceTest {

    private static ValidatableResponse cost(String projectId, Map<String, Object> body) {
        return asMember().body(body).post("/api/v1/projects/" + projectId + "/costs").then();
    }

    private static Map<String, Object> costBody(Object amount) {
        return new HashMap<>(Map.of("amount", amount, "description", "Workshop", "incurredOn", "2026-11-20"));
    }

    @Test
    void costsAccumulateInActualCost() {
        String id = projectWithBudget();
        var created = cost(id, costBody(1250.5)).statusCode(201)
                .body("projectId", is(id))
                .body("amount", is(1250.5))
                .body("currency", is("EUR"))
                .body("description", is("Workshop"))
                .body("incurredOn", is("2026-11-20"))
                .body("recordedBy", is("alice"))
                .extract();
        String costId = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/projects/" + id + "/costs/" + costId));
        cost(id, costBody(49.5)).statusCode(201);

        asViewer().get("/api/v1/projects/" + id).then().body("actualCost", is(1300));
        asViewer().get("/api/v1/projects/" + id + "/costs/" + costId).then().statusCode(200).body("amount", is(1250.5));
        asViewer().get("/api/v1/projects/" + id + "/costs")
                .then().statusCode(200)
                .body("items.amount", contains(1250.5, 49.5))
                .body("totalItems", is(2));
    }

    @Test
    void aCurrencyOtherThanTheBudgetsIsA400() {
        String id = projectWithBudget();
        Map<String, Object> body = costBody(10);
        body.put("currency", "USD");
        cost(id, body).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("currency"));
        body.put("currency", "EUR");
        cost(id, body).statusCode(201);
        asViewer().get("/api/v1/projects/" + id).then().body("actualCost", is(10));
    }

    @Test
    void withoutBudgetTheFirstCostNamesTheCurrencyAndTheOthersFollowIt() {
        String id = project();
        cost(id, costBody(10)).statusCode(400).body("errors[0].field", is("currency"));
        Map<String, Object> first = costBody(10);
        first.put("currency", "CHF");
        cost(id, first).statusCode(201).body("currency", is("CHF"));
        cost(id, costBody(5)).statusCode(201).body("currency", is("CHF"));
        Map<String, Object> other = costBody(5);
        other.put("currency", "EUR");
        cost(id, other).statusCode(400);
        // a budget added later must be in the costs' currency
        asMember().body(Map.of("budget", Map.of("amount", 100, "currency", "EUR"))).patch("/api/v1/projects/" + id)
                .then().statusCode(400).body("errors[0].field", is("budget.currency"));
        asMember().body(Map.of("budget", Map.of("amount", 100, "currency", "CHF"))).patch("/api/v1/projects/" + id)
                .then().statusCode(200).body("actualCost", is(15));
    }

    @Test
    void amountMustBePositiveAndIncurredOnGiven() {
        String id = projectWithBudget();
        cost(id, costBody(0)).statusCode(400).body("errors[0].field", is("amount"));
        cost(id, costBody(-3)).statusCode(400).body("errors[0].field", is("amount"));
        cost(id, Map.of("amount", 3)).statusCode(400).body("errors[0].field", is("incurredOn"));
    }

    @Test
    void costsOfAnUnknownProjectAreNotFound() {
        cost(UUID.randomUUID().toString(), costBody(1)).statusCode(404).contentType("application/problem+json");
        asViewer().get("/api/v1/projects/" + UUID.randomUUID() + "/costs").then().statusCode(404);
        asViewer().get("/api/v1/projects/" + projectWithBudget() + "/costs/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void costsSortByAmountAndDayEitherWay() {
        String id = projectWithBudget();
        String[] ids = new String[3];
        Object[][] costs = {{100, "2026-11-01"}, {300, "2026-11-02"}, {200, "2026-11-02"}};
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = costBody(costs[i][0]);
            body.put("incurredOn", costs[i][1]);
            ids[i] = cost(id, body).statusCode(201).extract().path("id");
        }
        String path = "/api/v1/projects/" + id + "/costs";

        asViewer().get(path).then().statusCode(200).body("items.id", contains(ids[0], ids[1], ids[2]));
        asViewer().queryParam("sort", "-amount").get(path)
                .then().statusCode(200).body("items.id", contains(ids[1], ids[2], ids[0]));
        asViewer().queryParam("sort", "-incurredOn,amount").get(path)
                .then().statusCode(200).body("items.id", contains(ids[2], ids[1], ids[0]));
        asViewer().queryParam("sort", "currency").get(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("sort"));
    }
}
