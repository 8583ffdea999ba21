// Typed calls through a client generated from the merged document (openapi-typescript + openapi-fetch). It is
// only compiled (tsc --strict --noEmit), never run: a renamed operation, field or enum value breaks the compile.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api";

type Cycle = components["schemas"]["Cycle"];
type Task = components["schemas"]["Task"];

const api = createClient<paths>({ baseUrl: "http://localhost:8080", headers: { Authorization: "Bearer <token>" } });

export async function playJourney(): Promise<number> {
  const cycle = await api.POST("/api/v1/cycles", {
    body: { name: "2026-Q4", startDate: "2026-10-01", endDate: "2026-12-31" },
  });
  if (!cycle.data) {
    throw new Error(cycle.error?.title ?? "no cycle");
  }
  const created: Cycle = cycle.data;
  await api.POST("/api/v1/cycles/{id}/phase", { params: { path: { id: created.id } }, body: { phase: "EXECUTION" } });

  const objective = await api.POST("/api/v1/objectives", {
    body: { cycleId: created.id, title: "Delight our first customers", level: "TEAM" },
  });
  const keyResult = await api.POST("/api/v1/objectives/{objectiveId}/key-results", {
    params: { path: { objectiveId: objective.data!.id } },
    body: { title: "Tasks done", metricType: "NUMBER", startValue: 0, targetValue: 100, progressSource: "TASKS" },
  });
  const keyResultId = keyResult.data!.id;
  const project = await api.POST("/api/v1/projects", { body: { name: "Launch", keyResultIds: [keyResultId] } });
  const task = await api.POST("/api/v1/projects/{projectId}/tasks", {
    params: { path: { projectId: project.data!.id } },
    body: { title: "Ship it", keyResultId },
  });
  // a merge patch: every field optional
  const done = await api.PATCH("/api/v1/tasks/{id}", {
    params: { path: { id: task.data!.id } },
    body: { status: "DONE" },
  });
  const finished: Task | undefined = done.data;

  const page = await api.GET("/api/v1/cycles", { params: { query: { page: 0, size: 20, sort: "-startDate" } } });
  const names: string[] = (page.data?.items ?? []).map((c) => c.name);

  const progress = await api.GET("/api/v1/key-results/{id}", { params: { path: { id: keyResultId } } });
  return (progress.data?.progress ?? 0) + names.length + (finished ? 1 : 0);
}
