// A tiny element builder: the dashboard is small enough not to need a framework.
type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs: Record<string, string | number | boolean | null | undefined> = {},
                  ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c !== null && c !== undefined && c !== false) el.append(c);
  }
  return el;
}

/** "–" for anything missing: the v1.1 fields may not be there yet. */
export function text(value: unknown): string {
  return value === null || value === undefined || value === "" ? "–" : String(value);
}

export function percent(value: unknown): string {
  return typeof value === "number" ? `${Math.round(value * 100)}%` : "–";
}

/** A progress bar with its number next to it, readable by screen readers. */
export function bar(progress: unknown, label: string, expected?: unknown): HTMLElement {
  const share = typeof progress === "number" ? Math.max(0, Math.min(1, progress)) : 0;
  const meter = h("div", { class: "bar", role: "progressbar", "aria-label": label, "aria-valuemin": 0,
    "aria-valuemax": 100, "aria-valuenow": Math.round(share * 100), "data-progress": share },
    h("span", { class: "fill", style: `width:${(share * 100).toFixed(1)}%` }));
  if (typeof expected === "number") {
    meter.append(h("span", { class: "expected-mark", title: `expected ${percent(expected)}`,
      style: `left:${(Math.max(0, Math.min(1, expected)) * 100).toFixed(1)}%` }));
  }
  return h("div", { class: "bar-row" }, meter, h("span", { class: "bar-value" }, percent(progress)));
}

const HEALTH = new Set(["NOT_STARTED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "DONE"]);

/** A status badge: colour plus words, so colour is never the only signal. */
export function badge(status: unknown): HTMLElement {
  const known = typeof status === "string" && HEALTH.has(status);
  return h("span", { class: `badge ${known ? status.toLowerCase().replace("_", "-") : "unknown"}` },
    known ? status.replace("_", " ").toLowerCase() : "–");
}
