package org.okrpm.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.e2e.client.ApiClient;
import org.okrpm.e2e.client.api.AuthApi;
import org.okrpm.e2e.client.api.CyclesApi;
import org.okrpm.e2e.client.api.KeyResultsApi;
import org.okrpm.e2e.client.api.ObjectivesApi;
import org.okrpm.e2e.client.api.ProjectsApi;
import org.okrpm.e2e.client.api.TasksApi;
import org.okrpm.e2e.client.model.Cycle;
import org.okrpm.e2e.client.model.CycleCreate;
import org.okrpm.e2e.client.model.CyclePhase;
import org.okrpm.e2e.client.model.DevTokenRequest;
import org.okrpm.e2e.client.model.KeyResult;
import org.okrpm.e2e.client.model.KeyResultCreate;
import org.okrpm.e2e.client.model.MetricType;
import org.okrpm.e2e.client.model.Objective;
import org.okrpm.e2e.client.model.ObjectiveCreate;
import org.okrpm.e2e.client.model.ObjectiveLevel;
import org.okrpm.e2e.client.model.PhaseChange;
import org.okrpm.e2e.client.model.Project;
import org.okrpm.e2e.client.model.ProjectCreate;
import org.okrpm.e2e.client.model.ProgressSource;
import org.okrpm.e2e.client.model.Task;
import org.okrpm.e2e.client.model.TaskCreate;
import org.okrpm.e2e.client.model.TaskStatus;
import org.okrpm.e2e.client.model.TaskUpdate;

/**
 * A whole journey through the gateway with only the Java client the build generates from the merged OpenAPI
 * document (target/openapi/merged.json): cycle, objective, key result, project, tasks, their completion, and
 * the progress that follows across services. A renamed operation or field breaks this test's compilation.
 */
class GeneratedClientJourneyTest {

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Stack.gatewayUrl());
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    @Test
    void cycleToProgressThroughTheGeneratedClient() throws Exception {
        String token = new AuthApi(client(null))
                .createDevToken(new DevTokenRequest().subject("carol").roles(List.of(DevTokenRequest.RolesEnum.MEMBER)), null).getToken();
        ApiClient api = client(token);

        Cycle cycle = new CyclesApi(api).createCycle(new CycleCreate().name("generated-" + UUID.randomUUID())
                .startDate(LocalDate.of(2026, 10, 1)).endDate(LocalDate.of(2026, 12, 31)), null);
        Cycle executing = new CyclesApi(api).changeCyclePhase(cycle.getId(),
                new PhaseChange().phase(CyclePhase.EXECUTION), null);
        assertEquals(CyclePhase.EXECUTION, executing.getPhase());

        Objective objective = new ObjectivesApi(api).createObjective(new ObjectiveCreate().cycleId(cycle.getId())
                .title("Ship through a generated client").level(ObjectiveLevel.TEAM), null);
        KeyResult keyResult = new KeyResultsApi(api).createKeyResult(objective.getId(), new KeyResultCreate()
                .title("Tasks done").metricType(MetricType.NUMBER).startValue(BigDecimal.ZERO)
                .targetValue(BigDecimal.valueOf(100)).progressSource(ProgressSource.TASKS), null);
        Project project = new ProjectsApi(api).createProject(new ProjectCreate().name("Generated launch")
                .keyResultIds(List.of(keyResult.getId())), null);
        TasksApi tasks = new TasksApi(api);
        Task first = tasks.createTask(project.getId(), new TaskCreate().title("First").keyResultId(keyResult.getId()), null);
        Task second = tasks.createTask(project.getId(), new TaskCreate().title("Second").keyResultId(keyResult.getId()), null);

        Task done = tasks.updateTask(first.getId(), new TaskUpdate().status(TaskStatus.DONE), null);
        assertEquals(TaskStatus.DONE, done.getStatus());
        awaitProgress(api, keyResult.getId(), 0.5);

        tasks.updateTask(second.getId(), new TaskUpdate().status(TaskStatus.DONE), null);
        awaitProgress(api, keyResult.getId(), 1.0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0,
                BigDecimal.ONE.compareTo(new BigDecimal(String.valueOf(
                        new ObjectivesApi(api).getObjective(objective.getId(), null, null).getProgress()))),
                "the objective follows its only key result"));
    }

    private static void awaitProgress(ApiClient api, UUID keyResultId, double progress) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0,
                new BigDecimal(String.valueOf(progress)).compareTo(new BigDecimal(String.valueOf(
                        new KeyResultsApi(api).getKeyResult(keyResultId, null, null).getProgress())))));
    }
}
