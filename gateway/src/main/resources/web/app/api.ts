// The gateway's API as the dashboard uses it: same origin, the bearer token kept in memory only (never in
// storage or cookies), problem+json errors turned into ApiError. Types come from the client generated from the
// merged OpenAPI document: "okrpm-api" is the openapi-typescript output .ci/contract-check generates, and it
// compiles these sources against it with tsc --strict (e2e-tests/contract/tsconfig.dashboard.json), so a renamed
// schema or field fails CI. The import is type-only: esbuild drops it, nothing generated ships.
import type { components } from "okrpm-api";

type Schemas = components["schemas"];
export type Cycle = Schemas["Cycle"];
export type CycleOverview = Schemas["CycleOverview"];
export type KeyResultOverview = Schemas["KeyResultOverview"];
export type Page<T> = { items: T[]; page: number; size: number; totalItems: number; totalPages: number };

/** An objective or key result as the overview carries it: the fields of v1.1 may still be missing. */
export type Item = Record<string, unknown>;

/** One point of a key result's series (GET /key-results/{id}/series). */
export type SeriesPoint = { at: string; progress?: number | null; value?: number | null;
  confidence?: number | null; expectedProgress?: number | null };

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

let token: string | null = null;

export function signedIn(): boolean {
  return token !== null;
}

export function signIn(bearer: string): void {
  token = bearer.trim().replace(/^Bearer\s+/i, "");
}

export function signOut(): void {
  token = null;
}

export function authorization(): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { Accept: "application/json", ...authorization(),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "The gateway cannot be reached");
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = (await response.json()) as { detail?: string; title?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // not problem+json: keep the status text
    }
    throw new ApiError(response.status, detail);
  }
  return (await response.json()) as T;
}

/** Dev tokens exist only in the local profile; elsewhere the endpoint is a 404 and the user pastes a token. */
export async function devTokensOffered(): Promise<boolean> {
  try {
    const response = await fetch("/api/v1/auth/dev-token", { method: "POST",
      headers: { "Content-Type": "application/json" }, body: "{}" });
    return response.status !== 404;
  } catch {
    return false;
  }
}

export type Role = Schemas["DevTokenRequest"]["roles"][number];

export async function devToken(subject: string, role: Role): Promise<string> {
  const body: Schemas["DevTokenRequest"] = { subject, roles: [role] };
  const answer = await call<Schemas["DevToken"]>("POST", "/api/v1/auth/dev-token", body);
  return answer.token;
}

export async function cycles(): Promise<Cycle[]> {
  const [current, all] = await Promise.all([
    call<Page<Cycle>>("GET", "/api/v1/cycles?current=true&size=200"),
    call<Page<Cycle>>("GET", "/api/v1/cycles?size=200&sort=-startDate"),
  ]);
  const currentIds = new Set(current.items.map((c) => c.id));
  // current cycles first, then the others newest first
  return [...current.items, ...all.items.filter((c) => !currentIds.has(c.id))];
}

export function currentCycleIds(list: Cycle[]): Set<string> {
  const today = new Date().toISOString().slice(0, 10);
  return new Set(list.filter((c) => c.startDate <= today && today <= c.endDate).map((c) => c.id));
}

export function cycleOverview(cycleId: string): Promise<CycleOverview> {
  return call<CycleOverview>("GET", `/api/v1/cycles/${encodeURIComponent(cycleId)}/overview`);
}

/** The burn-up's points: the series endpoint (v1.1), else the progress history drawn as a series. */
export async function series(keyResultId: string): Promise<SeriesPoint[]> {
  const id = encodeURIComponent(keyResultId);
  try {
    const answer = await call<{ points: SeriesPoint[] }>("GET", `/api/v1/key-results/${id}/series?interval=DAY`);
    return answer.points ?? [];
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 400)) {
      throw e;
    }
  }
  const history = await call<Array<{ at: string; progress: number; currentValue?: number;
    confidence?: number | null }>>("GET", `/api/v1/key-results/${id}/history`);
  return history.map((h) => ({ at: h.at, progress: h.progress, value: h.currentValue ?? null,
    confidence: h.confidence ?? null }));
}

export async function checkIns(keyResultId: string): Promise<Item[]> {
  const page = await call<Page<Item>>("GET",
    `/api/v1/check-ins?keyResultId=${encodeURIComponent(keyResultId)}&size=10`);
  return page.items;
}
