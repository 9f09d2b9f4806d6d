/**
 * A scatter of one point per unit (municipality) with its name, a least-squares line drawn from the
 * intercept and slope given (the model computed them; nothing is fitted here), and a zero rule.
 * Points above and below zero differ in colour and in shape (circle / diamond), and a legend in words
 * says which is which, so colour is never the only cue.
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {formatDecimal} from "./format.js";
import {el} from "./dom.js";
import {describeChart} from "./chart-a11y.js";
import {chartWidth, isNarrow, tickCount} from "./chart-style.js";

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  /** Drawn larger, with a thick outline (the selected unit). */
  highlight?: boolean;
}

export interface ScatterFitOptions {
  width?: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  /** The fitted line y = intercept + slope × x (null: no line). */
  fit?: {slope: number | null; intercept: number | null} | null;
  /** Words for the two sides of zero, e.g. "Går plus" / "Går minus". */
  above?: string;
  below?: string;
  xDigits?: number;
  yDigits?: number;
  yUnit?: string;
  xUnit?: string;
  description?: string;
}

export function ScatterFit(points: readonly ScatterPoint[], options: ScatterFitOptions): HTMLElement {
  const {width = 760, height = 440, xLabel, yLabel, fit, above = "Över noll", below = "Under noll", xDigits = 1, yDigits = 0, xUnit = "", yUnit = "", description} = options;
  const side = (p: ScatterPoint) => (p.y >= 0 ? above : below);
  const xs = points.map((p) => p.x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = (hi - lo) * 0.08 || 1;
  const line =
    fit && fit.slope != null && fit.intercept != null
      ? [lo - pad / 2, hi + pad / 2].map((x) => ({x, y: fit.intercept! + fit.slope! * x}))
      : null;
  const w = chartWidth(width, 760);
  // On a phone only the highlighted points are named (all names would overlap); the table has the rest.
  const named = isNarrow(w) ? points.filter((p) => p.highlight) : points;
  const chart = Plot.plot({
    width: w,
    height: isNarrow(w) ? Math.min(height, 340) : height,
    marginLeft: 64,
    marginRight: 24,
    marginTop: 24,
    // Room under the tick labels for the axis label (Plot puts it beside the last tick otherwise).
    marginBottom: 44,
    x: {label: xLabel, labelAnchor: "center", labelOffset: 38, domain: [lo - pad, hi + pad], grid: true, ticks: tickCount(w - 88, 5), tickFormat: (d: number) => formatDecimal(d, xDigits)},
    // On a phone a long axis label would run off the chart: it is written above the chart instead.
    y: {label: isNarrow(w) ? null : yLabel, grid: true, nice: true, tickFormat: (d: number) => formatDecimal(d, 0)},
    color: {domain: [above, below], range: [COLORS.primary, COLORS.alert]},
    symbol: {domain: [above, below], range: ["circle", "diamond"]},
    marks: [
      Plot.ruleY([0], {stroke: "#333"}),
      line ? Plot.line(line, {x: "x", y: "y", stroke: "#333", strokeWidth: 1.5, strokeDasharray: "6,4"}) : null,
      Plot.dot(points, {
        x: "x",
        y: "y",
        fill: side,
        symbol: side,
        stroke: "#111",
        strokeWidth: (p: ScatterPoint) => (p.highlight ? 2.5 : 0.75),
        r: (p: ScatterPoint) => (p.highlight ? 8 : 5.5),
        title: (p: ScatterPoint) => `${p.label}: ${formatDecimal(p.x, xDigits)}${xUnit}, ${formatDecimal(p.y, yDigits)}${yUnit}`
      }),
      Plot.text(named.filter((p) => !p.highlight), {x: "x", y: "y", text: "label", dy: -12, fontSize: 11, fill: "#111"}),
      Plot.text(points.filter((p) => p.highlight), {x: "x", y: "y", text: "label", dy: -15, fontSize: 12, fill: "#111", fontWeight: 700})
    ]
  }) as SVGSVGElement | HTMLElement;
  describeChart(chart, [`${yLabel} mot ${xLabel}`, description].filter(Boolean).join(". "));
  const legend = el(
    "p",
    {class: "scatter-legend"},
    legendKey("circle", COLORS.primary, `${above} (cirkel)`),
    legendKey("diamond", COLORS.alert, `${below} (romb)`),
    line ? legendKey("line", "#333", "anpassad linje (minsta kvadratmetoden)") : null
  );
  return el("figure", {class: "scatter-fit"}, isNarrow(w) ? el("p", {class: "axis-note"}, `↑ ${yLabel}`) : null, chart, legend);
}

const SVG = "http://www.w3.org/2000/svg";

/** A legend entry: a small drawn symbol (not text, so its colour is no contrast issue) and words. */
function legendKey(shape: "circle" | "diamond" | "line", color: string, text: string): HTMLElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", shape === "line" ? "24" : "14");
  svg.setAttribute("height", "14");
  svg.setAttribute("aria-hidden", "true");
  const shapeEl =
    shape === "circle"
      ? document.createElementNS(SVG, "circle")
      : shape === "diamond"
        ? document.createElementNS(SVG, "polygon")
        : document.createElementNS(SVG, "line");
  const attrs: Record<string, string> =
    shape === "circle"
      ? {cx: "7", cy: "7", r: "5.5", fill: color, stroke: "#111", "stroke-width": "0.75"}
      : shape === "diamond"
        ? {points: "7,1 13,7 7,13 1,7", fill: color, stroke: "#111", "stroke-width": "0.75"}
        : {x1: "1", y1: "7", x2: "23", y2: "7", stroke: color, "stroke-width": "1.5", "stroke-dasharray": "6,4"};
  for (const [k, v] of Object.entries(attrs)) shapeEl.setAttribute(k, v);
  svg.append(shapeEl);
  return el("span", {class: "scatter-key"}, svg as unknown as HTMLElement, ` ${text}`);
}
