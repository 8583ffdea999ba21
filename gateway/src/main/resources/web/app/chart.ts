// Hand-drawn SVG charts (no chart library on mvnpm fits; docs/gateway.md): a key result's burn-up — progress
// against the expected line from the series, the forecast marked at the cycle's end — and confidence over time.
import type { SeriesPoint } from "./api";

const SVG = "http://www.w3.org/2000/svg";
const W = 480;
const H = 200;
const PAD = 32;

function node(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function frame(label: string, testId: string): SVGSVGElement {
  const svg = node("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label, class: "chart",
    "data-testid": testId }) as SVGSVGElement;
  svg.append(node("title", {}, label));
  for (const tick of [0, 0.5, 1]) {
    const y = yOf(tick);
    svg.append(node("line", { x1: PAD, x2: W - 8, y1: y, y2: y, class: "grid" }));
    svg.append(node("text", { x: 4, y: y + 4, class: "axis" }, `${Math.round(tick * 100)}%`));
  }
  return svg;
}

function yOf(share: number): number {
  return H - PAD + (PAD - H + 16) * Math.max(0, Math.min(1, share));
}

function xScale(start: number, end: number): (t: number) => number {
  const span = Math.max(1, end - start);
  return (t) => PAD + ((W - 8 - PAD) * Math.max(0, Math.min(span, t - start))) / span;
}

function path(points: Array<[number, number]>, step: boolean): string {
  return points.map(([x, y], i) => {
    if (i === 0) return `M${x.toFixed(1)},${y.toFixed(1)}`;
    const prevY = points[i - 1]![1];
    return (step ? `L${x.toFixed(1)},${prevY.toFixed(1)}` : "") + `L${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("");
}

/** Progress (a step line, extended to now), the expected line, and the forecast at the cycle's end. */
export function burnUp(points: SeriesPoint[], cycleStart: string, cycleEnd: string,
                       currentProgress: number, forecast: number | null): SVGSVGElement {
  const start = Date.parse(cycleStart);
  const end = Date.parse(cycleEnd) + 86_400_000;
  const x = xScale(start, end);
  const now = Math.min(Date.now(), end);
  const label = `Burn-up: progress ${Math.round(currentProgress * 100)}%` +
    (forecast === null ? "" : `, forecast ${Math.round(forecast * 100)}% at the end of the cycle`);
  const svg = frame(label, "burn-up");

  const expected = points.filter((p) => typeof p.expectedProgress === "number")
    .map((p): [number, number] => [x(Date.parse(p.at)), yOf(p.expectedProgress as number)]);
  // the series' expected line ends today; the pace it describes reaches 100 % at the cycle's end
  const expectedLine: Array<[number, number]> = expected.length >= 2 ? [...expected, [x(end), yOf(1)]]
    : [[x(start), yOf(0)], [x(end), yOf(1)]];
  svg.append(node("path", { d: path(expectedLine, false), class: "expected" }));

  const actual: Array<[number, number]> = [[x(start), yOf(0)]];
  for (const p of points) {
    if (typeof p.progress === "number") actual.push([x(Date.parse(p.at)), yOf(p.progress)]);
  }
  actual.push([x(now), yOf(currentProgress)]);
  svg.append(node("path", { d: path(actual, true), class: "progress", "data-progress": currentProgress }));

  if (forecast !== null) {
    svg.append(node("line", { x1: x(now), y1: yOf(currentProgress), x2: x(end), y2: yOf(forecast), class: "forecast" }));
    svg.append(node("circle", { cx: x(end), cy: yOf(forecast), r: 5, class: "forecast-dot" }));
  }
  svg.append(node("text", { x: PAD, y: H - 8, class: "axis" }, cycleStart));
  svg.append(node("text", { x: W - 8, y: H - 8, class: "axis", "text-anchor": "end" }, cycleEnd));
  return svg;
}

/** Confidence (0..1) of each check-in or series point, oldest first. */
export function confidence(points: Array<{ at: string; confidence: number }>, cycleStart: string,
                           cycleEnd: string): SVGSVGElement {
  const x = xScale(Date.parse(cycleStart), Date.parse(cycleEnd) + 86_400_000);
  const latest = points.at(-1);
  const svg = frame(latest ? `Confidence over time, latest ${Math.round(latest.confidence * 100)}%`
    : "Confidence over time: no check-ins yet", "confidence");
  const line = points.map((p): [number, number] => [x(Date.parse(p.at)), yOf(p.confidence)]);
  if (line.length) svg.append(node("path", { d: path(line, false), class: "confidence" }));
  for (const [cx, cy] of line) svg.append(node("circle", { cx, cy, r: 3, class: "confidence-dot" }));
  return svg;
}
