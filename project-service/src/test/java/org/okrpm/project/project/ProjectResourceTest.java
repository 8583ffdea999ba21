package org.okrpm.project.project;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.deleteKeyResult;
import static org.okrpm.project.ProjectFixtures.deletedKeyResult;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.moveTo;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.projectBody;
import static org.okrpm.project.ProjectFixtures.projectWithBudget;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectResourceTest {

    @Test
    void createdProjectStartsInInitiationWithLocationAndETag() {
        String kr = keyResult();
        Map<String, Object> body = new HashMap<>(Map.of(
                "name", "Self-service onboarding",
                "description", "No consultant needed",
                "businessCase", "Saves 3 weeks per customer",
                "ownerId", "olivia",
                "startDate", "2026-10-01",
                "dueDate", "2026-12-15",
                "budget", Map.of("amount", 10000, "currency", "EUR"),
                "keyResultIds", List.of(kr)));
        var created = asMember().body(body).when().post("/api/v1/projects")
                .then().statusCode(201)
                .body("name", is("Self-service onboarding"))
                .body("businessCase", is("Saves 3 weeks per customer"))
                .body("ownerId", is("olivia"))
                .body("startDate", is("2026-10-01"))
                .body("dueDate", is("2026-12-15"))
                .body("budget.amount", is(10000))
                .body("budget.currency", is("EUR"))
                .body("keyResultIds", contains(kr))
                .body("stage", is("INITIATION"))
                .body("actualCost", is(0))
                .body("taskStats.total", is(0))
                .body("taskStats.done", is(0))
                .body("taskStats.open", is(0))
                .body("progress", is(0.0))
                .body("version", is(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/projects/" + id));
        assertThat(created.header("ETag"), is("\"0\""));

        asViewer().get("/api/v1/projects/" + id)
                .then().statusCode(200)
                .header("ETag", is("\"0\""))
                .body("id", is(id))
                .body("createdAt", is((String) created.path("createdAt")))
                .body("budget.amount", is(10000))
                .body("keyResultIds", contains(kr));
    }

    @Test
    void ownerDefaultsToTheCallerAndBudgetIsOptional() {
        as("carol", "member").body(projectBody()).post("/api/v1/projects")
                .then().statusCode(201)
                .body("ownerId", is("carol"))
                .body("budget", nullValue())
                .body("keyResultIds", empty());
    }

    @Test
    void dueDateMustNotBeBeforeStartDate() {
        Map<String, Object> body = projectBody();
        body.put("startDate", "2026-10-01");
        body.put("dueDate", "2026-09-30");
        asMember().body(body).post("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("dueDate"));
        body.put("dueDate", "2026-10-01");
        asMember().body(body).post("/api/v1/projects").then().statusCode(201);
    }

    @Test
    void budgetNeedsAPositiveAmountAndAnIsoCurrency() {
        for (Map<String, Object> budget : List.<Map<String, Object>>of(
                Map.of("amount", 100, "currency", "eur"),
                Map.of("amount", 100, "currency", "QQQ"),
                Map.of("amount", 0, "currency", "EUR"),
                Map.of("currency", "EUR"))) {
            Map<String, Object> body = projectBody();
            body.put("budget", budget);
            asMember().body(body).post("/api/v1/projects")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", containsString("budget."));
        }
    }

    @Test
    void unknownKeyResultIsA422NamingTheField() {
        Map<String, Object> body = projectBody();
        String unknown = UUID.randomUUID().toString();
        body.put("keyResultIds", List.of(keyResult(), unknown));
        asMember().body(body).post("/api/v1/projects")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("keyResultIds"))
                .body("detail", containsString(unknown));
        body.put("keyResultIds", List.of(deletedKeyResult()));
        asMember().body(body).post("/api/v1/projects").then().statusCode(422);
    }

    @Test
    void listFiltersByStageOwnerAndKeyResultInThePaginationEnvelope() {
        String owner = "owner-" + UUID.randomUUID();
        String kr = keyResult();
        Map<String, Object> linked = projectBody();
        linked.put("ownerId", owner);
        linked.put("keyResultIds", List.of(kr));
        String linkedId = project(linked);
        Map<String, Object> other = projectBody();
        other.put("ownerId", owner);
        String planning = moveTo(project(other), "PLANNING");

        asViewer().queryParam("ownerId", owner).get("/api/v1/projects")
                .then().statusCode(200)
                .body("items.id", contains(linkedId, planning))
                .body("page", is(0)).body("size", is(20))
                .body("totalItems", is(2)).body("totalPages", is(1));
        asViewer().queryParam("ownerId", owner).queryParam("size", 1).queryParam("page", 1).get("/api/v1/projects")
                .then().statusCode(200)
                .body("items.id", contains(planning))
                .body("totalItems", is(2)).body("totalPages", is(2));
        asViewer().queryParam("ownerId", owner).queryParam("stage", "PLANNING").get("/api/v1/projects")
                .then().body("items.id", contains(planning));
        asViewer().queryParam("keyResultId", kr).get("/api/v1/projects")
                .then().body("items.id", contains(linkedId));
        asViewer().queryParam("stage", "EXECUTION").queryParam("size", 200).get("/api/v1/projects")
                .then().body("items.stage", everyItem(is("EXECUTION")));
    }

    @Test
    void unknownFilterValueIsA400() {
        asViewer().queryParam("stage", "DREAMING").get("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("stage"))
                .body("errors[0].message", containsString("EXECUTION"));
        asViewer().queryParam("keyResultId", "kr-1").get("/api/v1/projects")
                .then().statusCode(400).body("errors[0].field", is("keyResultId"));
    }

    @Test
    void patchChangesWritableFieldsAndBumpsTheVersion() {
        String kr = keyResult();
        String id = projectWithBudget();
        asMember().contentType("application/merge-patch+json")
                .body(Map.of("name", "Renamed", "dueDate", "2027-01-31",
                        "budget", Map.of("amount", 12000), "keyResultIds", List.of(kr)))
                .patch("/api/v1/projects/" + id)
                .then().statusCode(200)
                .header("ETag", is("\"1\""))
                .body("name", is("Renamed"))
                .body("dueDate", is("2027-01-31"))
                .body("budget.amount", is(12000))
                .body("budget.currency", is("EUR"))
                .body("keyResultIds", contains(kr))
                .body("stage", is("INITIATION"))
                .body("version", is(1));

        Map<String, Object> clear = new HashMap<>();
        clear.put("budget", null);
        asMember().body(clear).patch("/api/v1/projects/" + id)
                .then().statusCode(200).body("budget", nullValue());
    }

    @Test
    void patchValidatesLikeCreate() {
        String id = project();
        asMember().body(Map.of("stage", "CLOSED")).patch("/api/v1/projects/" + id)
                .then().statusCode(400).body("errors[0].field", is("stage"));
        asMember().body(Map.of("startDate", "2026-10-10", "dueDate", "2026-10-01")).patch("/api/v1/projects/" + id)
                .then().statusCode(400).body("errors[0].field", is("dueDate"));
        asMember().body(Map.of("keyResultIds", List.of(UUID.randomUUID().toString()))).patch("/api/v1/projects/" + id)
                .then().statusCode(422).body("errors[0].field", is("keyResultIds"));
        asMember().body(Map.of("name", "")).patch("/api/v1/projects/" + id)
                .then().statusCode(400).body("errors[0].field", is("name"));
    }

    @Test
    void staleIfMatchIsA412AndChangesNothing() {
        String id = project();
        asMember().header("If-Match", "\"5\"").body(Map.of("name", "Stale")).patch("/api/v1/projects/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        asMember().header("If-Match", "\"5\"").delete("/api/v1/projects/" + id)
                .then().statusCode(412);
        asViewer().get("/api/v1/projects/" + id).then().statusCode(200).body("name", not(is("Stale")));
        asMember().header("If-Match", "\"0\"").body(Map.of("name", "Fresh")).patch("/api/v1/projects/" + id)
                .then().statusCode(200).body("name", is("Fresh"));
    }

    @Test
    void deleteRemovesTheProjectWithItsTasksAndCosts() {
        String id = projectWithBudget();
        String taskId = task(id);
        asMember().body(Map.of("amount", 10, "incurredOn", "2026-11-01")).post("/api/v1/projects/" + id + "/costs")
                .then().statusCode(201);
        asMember().header("If-Match", "\"0\"").delete("/api/v1/projects/" + id).then().statusCode(204);
        asViewer().get("/api/v1/projects/" + id).then().statusCode(404);
        asViewer().get("/api/v1/tasks/" + taskId).then().statusCode(404);
    }

    @Test
    void taskChangesShowInTaskStatsAndWeightedProgress() {
        String id = project();
        String heavyDone = task(id, Map.of("weight", 3));
        task(id, Map.of("weight", 1));
        String cancelled = task(id, Map.of("weight", 4));
        String inProgress = task(id);
        setStatus(heavyDone, "DONE");
        setStatus(cancelled, "CANCELLED");
        setStatus(inProgress, "IN_PROGRESS");

        // DONE weight 3 of counted weight 3 + 1 + 1 (the cancelled 4 does not count)
        asViewer().get("/api/v1/projects/" + id)
                .then().statusCode(200)
                .body("taskStats.total", is(4))
                .body("taskStats.done", is(1))
                .body("taskStats.open", is(2))
                .body("taskStats.cancelled", is(1))
                .body("progress", is(0.6))
                .body("version", is(0));
        asViewer().queryParam("ownerId", "alice").queryParam("size", 200).get("/api/v1/projects")
                .then().body("items.find { it.id == '" + id + "' }.progress", is(0.6));
    }

    @Test
    void progressIsRoundedToFourDecimals() {
        String id = project();
        setStatus(task(id), "DONE");
        task(id);
        task(id);
        asViewer().get("/api/v1/projects/" + id).then().body("progress", is(0.3333));
    }

    @Test
    void linkedKeyResultsAreNotCheckedAgainWhenOtherFieldsChange() {
        String kr = keyResult();
        Map<String, Object> body = projectBody();
        body.put("keyResultIds", List.of(kr));
        String id = project(body);
        deleteKeyResult(kr);
        asMember().body(Map.of("name", "Still fine")).patch("/api/v1/projects/" + id)
                .then().statusCode(200).body("keyResultIds", contains(kr));
    }

    @Test
    void unknownProjectIsNotFound() {
        asViewer().get("/api/v1/projects/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
        asMember().body(Map.of("stage", "PLANNING")).post("/api/v1/projects/" + UUID.randomUUID() + "/stage")
                .then().statusCode(404);
        asViewer().get("/api/v1/projects/" + UUID.randomUUID() + "/health").then().statusCode(404);
    }

    @Test
    void seededKeyResultIsAcceptedAndListedProjectsKeepTheGivenOrder() {
        String first = keyResult();
        String second = keyResult();
        Map<String, Object> body = projectBody();
        body.put("keyResultIds", List.of(second, first, second));
        String id = project(body);
        asViewer().get("/api/v1/projects/" + id).then().body("keyResultIds", contains(second, first))
                .body("keyResultIds", hasSize(2)).body("keyResultIds", hasItem(first));
    }

    /** Projects named "{token} alpha/beta/gamma": beta and gamma due on the same day, alpha without a due date. */
    private static String[] threeProjects(String token) {
        String[] names = {"alpha", "beta", "gamma"};
        String[] due = {null, "2027-03-31", "2027-03-31"};
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = projectBody();
            body.put("name", token + " " + names[i]);
            if (due[i] != null) {
                body.put("dueDate", due[i]);
            }
            ids[i] = project(body);
        }
        return ids;
    }

    @Test
    void qFindsProjectsByNameIgnoringCase() {
        String token = "prj" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String[] ids = threeProjects(token);

        asViewer().queryParam("q", token.toUpperCase()).get("/api/v1/projects")
                .then().statusCode(200).body("items.id", containsInAnyOrder(ids)).body("totalItems", is(3));
        asViewer().queryParam("q", token + " GAMMA").get("/api/v1/projects")
                .then().statusCode(200).body("items.id", contains(ids[2]));
    }

    @Test
    void sortOrdersByNameAndDueDateWithAnEmptyDueDateAsTheLatest() {
        String token = "prj" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String[] ids = threeProjects(token);

        asViewer().queryParam("q", token).queryParam("sort", "-name").get("/api/v1/projects")
                .then().statusCode(200).body("items.id", contains(ids[2], ids[1], ids[0]));
        asViewer().queryParam("q", token).queryParam("sort", "dueDate,-name").get("/api/v1/projects")
                .then().statusCode(200).body("items.id", contains(ids[2], ids[1], ids[0]));
        asViewer().queryParam("q", token).queryParam("sort", "-dueDate,name").get("/api/v1/projects")
                .then().statusCode(200).body("items.id", contains(ids[0], ids[1], ids[2]));
        asViewer().queryParam("sort", "budget").get("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("sort"));
    }
}
