// The dashboard: sign in, pick a cycle, see its objective tree move live; a key result opens its burn-up.
import * as api from "./api";
import { burnUp, confidence } from "./chart";
import { badge, bar, h, percent, text } from "./dom";
import { LiveStream, type StreamState } from "./stream";

const app = document.getElementById("app")!;
const statusLine = document.getElementById("connection")!;

let cycles: api.Cycle[] = [];
let cycleId: string | null = null;
let overview: api.CycleOverview | null = null;
let openKeyResult: string | null = null;
let streamState: StreamState = "connecting";
let ownerDown: string | null = null;
let refreshTimer: number | undefined;
let retryTimer: number | undefined;

const stream = new LiveStream({
  onEvent: () => scheduleRefresh(200),
  onReset: () => scheduleRefresh(0),
  onState: (state) => {
    const recovered = streamState === "reconnecting" && state === "live";
    streamState = state;
    showStatus();
    if (recovered) scheduleRefresh(0); // what happened while away
  },
});

/** One line that says whether what is shown is live, and why not (aria-live: read out when it changes). */
function showStatus(): void {
  let state: string;
  let message: string;
  if (!api.signedIn()) {
    [state, message] = ["signed-out", "Not signed in"];
  } else if (ownerDown) {
    [state, message] = ["degraded", `${ownerDown} — showing the last data, retrying…`];
  } else if (streamState === "reconnecting") {
    [state, message] = ["reconnecting", "Live updates interrupted — reconnecting…"];
  } else if (streamState === "connecting") {
    [state, message] = ["connecting", "Connecting…"];
  } else {
    [state, message] = ["live", "Live"];
  }
  statusLine.dataset.state = state;
  statusLine.textContent = message;
}

function scheduleRefresh(delayMs: number): void {
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void refresh(), delayMs);
}

/** Reads the cycle's overview again; a failure keeps the last data on screen and retries every 3 s. */
async function refresh(): Promise<void> {
  const asked = cycleId;
  if (!asked) return;
  window.clearTimeout(retryTimer);
  try {
    const answer = await api.cycleOverview(asked);
    if (asked !== cycleId) return; // another cycle was picked meanwhile
    overview = answer;
    ownerDown = answer.unavailable.length ? `${answer.unavailable.join(", ")} unavailable` : null;
    renderTree();
    if (openKeyResult) await renderDetail(openKeyResult);
  } catch (e) {
    const status = e instanceof api.ApiError ? e.status : 0;
    if (status === 401) {
      signOut("Your token expired or was refused: sign in again.");
      return;
    }
    if (status >= 400 && status < 500 && status !== 429) {
      // not an outage (e.g. 403, or the cycle was deleted): say so, nothing to retry
      document.getElementById("tree")?.replaceChildren(h("p", { class: "error", role: "alert" },
        e instanceof Error ? e.message : "The overview failed"));
      return;
    }
    // the overview needs okr-service (503 when it is down); the other owners' outages come in `unavailable`
    ownerDown = status === 0 ? "Gateway unreachable" : status === 429 ? "Too many requests" : "okr-service unavailable";
  }
  if (ownerDown) retryTimer = window.setTimeout(() => void refresh(), 3000);
  showStatus();
}

function signOut(reason?: string): void {
  api.signOut();
  stream.stop();
  cycleId = null;
  overview = null;
  openKeyResult = null;
  void renderSignIn(reason);
}

async function renderSignIn(reason?: string): Promise<void> {
  showStatus();
  const offered = await api.devTokensOffered();
  const error = h("p", { class: "error", role: "alert", id: "signin-error" }, reason ?? "");
  const dev = h("form", { id: "dev-signin", "aria-labelledby": "dev-title" },
    h("h2", { id: "dev-title" }, "Sign in as (local profile)"),
    h("label", { for: "subject" }, "Name"),
    h("input", { id: "subject", name: "subject", required: true, autocomplete: "username", value: "alice" }),
    h("label", { for: "role" }, "Role"),
    h("select", { id: "role", name: "role" }, ...["member", "viewer", "admin"].map((r) => h("option", { value: r }, r))),
    h("button", { type: "submit" }, "Sign in"));
  const paste = h("form", { id: "paste-signin", "aria-labelledby": "paste-title" },
    h("h2", { id: "paste-title" }, offered ? "…or paste a token" : "Sign in with a token"),
    h("label", { for: "token" }, "Bearer token (kept in this tab's memory only)"),
    h("textarea", { id: "token", name: "token", rows: 3, required: true, spellcheck: "false" }),
    h("button", { type: "submit" }, "Use token"));
  dev.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const subject = (document.getElementById("subject") as HTMLInputElement).value;
    const role = (document.getElementById("role") as HTMLSelectElement).value as api.Role;
    api.devToken(subject, role).then(start, (e: Error) => (error.textContent = e.message));
  });
  paste.addEventListener("submit", (ev) => {
    ev.preventDefault();
    start((document.getElementById("token") as HTMLTextAreaElement).value);
  });
  app.replaceChildren(h("section", { class: "signin" }, error, offered ? dev : null, paste));
  (document.querySelector("#signin-error")!.textContent ? document.getElementById("signin-error")
    : app.querySelector("input, textarea") as HTMLElement)?.focus();
}

async function start(token: string): Promise<void> {
  api.signIn(token);
  try {
    cycles = await api.cycles();
  } catch (e) {
    signOut(e instanceof Error ? e.message : "Sign-in failed");
    return;
  }
  stream.start();
  renderShell();
  if (cycles.length) await pickCycle(cycles[0]!.id);
}

function renderShell(): void {
  const current = api.currentCycleIds(cycles);
  const picker = h("select", { id: "cycle", name: "cycle" }, ...cycles.map((c) =>
    h("option", { value: c.id }, `${c.name}${current.has(c.id) ? " (current)" : ""} · ${c.phase.toLowerCase()}`)));
  picker.addEventListener("change", () => void pickCycle((picker as HTMLSelectElement).value));
  const signOutButton = h("button", { type: "button", class: "link" }, "Sign out");
  signOutButton.addEventListener("click", () => signOut());
  app.replaceChildren(
    h("div", { class: "toolbar" }, h("label", { for: "cycle" }, "Cycle"), picker, signOutButton),
    h("p", { hidden: cycles.length > 0 }, "No cycles yet: create one through the API."),
    h("div", { class: "layout" },
      h("section", { id: "tree", "aria-label": "Objectives" }),
      h("section", { id: "detail", "aria-label": "Key result" })));
}

async function pickCycle(id: string): Promise<void> {
  cycleId = id;
  openKeyResult = null;
  overview = null;
  (document.getElementById("cycle") as HTMLSelectElement).value = id;
  document.getElementById("detail")!.replaceChildren();
  document.getElementById("tree")!.replaceChildren(h("p", {}, "Loading…"));
  await refresh();
}

/** Objectives nested under their parents (parentId), each with its key results. */
function renderTree(): void {
  const tree = document.getElementById("tree");
  if (!tree || !overview) return;
  const objectives = overview.objectives;
  const byParent = new Map<string | null, typeof objectives>();
  const ids = new Set(objectives.map((o) => String(o.objective["id"])));
  for (const o of objectives) {
    const parent = o.objective["parentId"];
    const key = typeof parent === "string" && ids.has(parent) ? parent : null;
    byParent.set(key, [...(byParent.get(key) ?? []), o]);
  }
  const list = (parent: string | null): HTMLElement | null => {
    const children = byParent.get(parent);
    if (!children?.length) return null;
    return h("ul", { class: "objectives" }, ...children.map((o) => objectiveItem(o, list)));
  };
  const cycle = overview.cycle as api.Item;
  // a live refresh must not take the keyboard focus away from the key result the user is on
  const focused = document.activeElement?.closest("[data-key-result-id]")?.getAttribute("data-key-result-id");
  tree.replaceChildren(
    h("h2", {}, `${text(cycle["name"])}: objectives`),
    list(null) ?? h("p", {}, "No objectives in this cycle yet."));
  if (focused) {
    tree.querySelector<HTMLElement>(`[data-key-result-id="${CSS.escape(focused)}"] button.kr-open`)?.focus();
  }
}

function objectiveItem(o: api.CycleOverview["objectives"][number],
                       children: (id: string) => HTMLElement | null): HTMLElement {
  const obj = o.objective as api.Item;
  const id = String(obj["id"]);
  const lifecycle = obj["state"] ?? obj["status"];
  return h("li", { class: "objective", "data-objective-id": id },
    h("div", { class: "card" },
      h("div", { class: "title-row" }, h("h3", {}, text(obj["title"])), badge(obj["status"])),
      bar(obj["progress"], `Progress of ${text(obj["title"])}`, obj["expectedProgress"]),
      h("dl", { class: "facts" }, ...([
        ["Owner", text(obj["ownerId"])],
        ["Team", text(obj["teamId"])],
        ["Level", text(obj["level"])],
        ["State", typeof lifecycle === "string" && !lifecycle.includes("_") ? lifecycle : "–"],
        ["Score", percent(obj["score"])],
      ] as const).map(([term, value]) => h("div", {}, h("dt", {}, term), h("dd", {}, value)))),
      h("ul", { class: "key-results" }, ...o.keyResults.map(keyResultItem))),
    children(id));
}

function keyResultItem(k: api.KeyResultOverview): HTMLElement {
  const kr = k.keyResult as api.Item;
  const id = String(kr["id"]);
  const open = h("button", { type: "button", class: "kr-open", "aria-expanded": openKeyResult === id,
    "aria-controls": "detail" }, text(kr["title"]));
  open.addEventListener("click", () => {
    openKeyResult = id;
    renderTree();
    void renderDetail(id).then(() => document.querySelector<HTMLElement>("#detail h2")?.focus());
  });
  const projects = k.projects.available ? `${k.projects.items?.length ?? 0} project(s)` : "projects unavailable";
  return h("li", { class: `key-result${openKeyResult === id ? " open" : ""}`, "data-key-result-id": id },
    h("div", { class: "title-row" }, open, badge(kr["status"])),
    bar(kr["progress"], `Progress of ${text(kr["title"])}`, kr["expectedProgress"]),
    h("p", { class: "meta" }, `confidence ${percent(kr["confidence"])} · score ${percent(kr["score"])} · ${projects}`));
}

/** A key result's burn-up, confidence over time, check-ins and linked projects. */
async function renderDetail(id: string): Promise<void> {
  const detail = document.getElementById("detail");
  const k = overview?.objectives.flatMap((o) => o.keyResults).find((x) => (x.keyResult as api.Item)["id"] === id);
  if (!detail || !k || !overview) return;
  const kr = k.keyResult as api.Item;
  const cycle = overview.cycle as api.Item;
  const [points, checks] = await Promise.all([
    api.series(id).catch(() => [] as api.SeriesPoint[]),
    api.checkIns(id).catch(() => null),
  ]);
  if (openKeyResult !== id) return;
  const forecast = typeof kr["forecast"] === "number" ? kr["forecast"] as number
    : typeof (kr["forecast"] as api.Item | null)?.["progress"] === "number"
      ? (kr["forecast"] as api.Item)["progress"] as number : null;
  const progress = typeof kr["progress"] === "number" ? kr["progress"] : 0;
  const confidencePoints = (checks ?? []).filter((c) => typeof c["confidence"] === "number")
    .map((c) => ({ at: String(c["createdAt"] ?? c["at"]), confidence: c["confidence"] as number })).reverse();
  const projects = k.projects.available ? k.projects.items ?? [] : null;
  const close = h("button", { type: "button", class: "link" }, "Close");
  close.addEventListener("click", () => {
    openKeyResult = null;
    detail.replaceChildren();
    renderTree();
    document.querySelector<HTMLElement>(`#tree [data-key-result-id="${CSS.escape(id)}"] button.kr-open`)?.focus();
  });
  detail.replaceChildren(h("article", { class: "card", "data-key-result-id": id },
    h("div", { class: "title-row" }, h("h2", { tabindex: -1 }, text(kr["title"])), close),
    bar(progress, `Progress of ${text(kr["title"])}`, kr["expectedProgress"]),
    h("p", { class: "meta" }, `${text(kr["currentValue"])} of ${text(kr["targetValue"])} ${kr["unit"] ?? ""} · ` +
      `status ${text(kr["status"])} · forecast ${percent(forecast)}`),
    h("h3", {}, "Burn-up"),
    burnUp(points, String(cycle["startDate"]), String(cycle["endDate"]), progress, forecast),
    h("p", { class: "legend" }, h("span", { class: "key progress" }, "progress"),
      h("span", { class: "key expected" }, "expected"), h("span", { class: "key forecast" }, "forecast")),
    h("h3", {}, "Confidence"),
    confidence(confidencePoints, String(cycle["startDate"]), String(cycle["endDate"])),
    h("h3", {}, "Check-ins"),
    checks === null ? h("p", {}, "checkin-service unavailable") : checks.length
      ? h("ul", { class: "plain" }, ...checks.map((c) => h("li", {},
        `${text(String(c["createdAt"] ?? "").slice(0, 10))}: ` +
        `${typeof c["value"] === "number" ? `value ${c["value"]}, ` : ""}confidence ${percent(c["confidence"])}` +
        `${c["comment"] ? ` — ${String(c["comment"])}` : ""}`)))
      : h("p", {}, "No check-ins yet."),
    h("h3", {}, "Projects"),
    projects === null ? h("p", {}, "project-service unavailable") : projects.length
      ? h("ul", { class: "plain" }, ...projects.map((p) => {
        const stats = (p["taskStats"] ?? {}) as api.Item;
        const health = (p["health"] ?? {}) as api.Item;
        return h("li", {}, h("strong", {}, text(p["name"])), " ", badge(health["status"]),
          ` ${text(stats["done"])} of ${text(stats["total"])} tasks done · ${text(p["stage"])}`);
      }))
      : h("p", {}, "No linked projects.")));
}

showStatus();
void renderSignIn();
