/**
 * A funnel plot (Spiegelhalter 2005): one point per unit, its proportion against its denominator n on a
 * logarithmic axis, with the centre line p0 and the 95 % and 99.8 % control limits drawn from the
 * curve the model computed (nothing is computed here). The status of each point is shown by colour AND
 * shape (circle inside 95 %, triangle above, diamond below; filled when outside 99.8 %, outlined when
 * between), with a legend in words; points outside 95 % carry their name.
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {formatDecimal, formatInteger, formatPercent} from "./format.js";
import {el} from "./dom.js";
import {describeChart} from "./chart-a11y.js";
import {chartWidth, isNarrow, textWidth} from "./chart-style.js";
import type {FunnelStatus} from "../../loaders/models/vaccination-coverage.ts";

export interface FunnelPointInput {
  label: string;
  n: number;
  /** Fraction 0–1. */
  value: number;
  status: FunnelStatus;
  highlight?: boolean;
}

export interface FunnelCurvePoint {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelPlotOptions {
  width?: number;
  height?: number;
  p0: number;
  /** Name of the centre, e.g. "Länet 84,1 %". */
  centreLabel: string;
  xLabel?: string;
  yLabel?: string;
  /** Name of the method of the limits, shown in the legend. */
  method: string;
  description: string;
}

const side = (s: FunnelStatus) => (s.startsWith("above") ? "above" : s.startsWith("below") ? "below" : "inside");
const color = (s: FunnelStatus) => ({above: COLORS.alert, below: COLORS.secondary, inside: COLORS.primary})[side(s)];
const symbol = (s: FunnelStatus) => ({above: "triangle", below: "diamond", inside: "circle"})[side(s)];

export function FunnelPlot(points: readonly FunnelPointInput[], curve: readonly FunnelCurvePoint[], options: FunnelPlotOptions): HTMLElement {
  const {width = 760, height = 420, p0, centreLabel, xLabel = "Personer i målgruppen (n, logaritmisk skala)", yLabel = "Täckning (%)", method, description} = options;
  const all = [...points.map((p) => p.value), ...curve.map((c) => c.lower998), ...curve.map((c) => c.upper998)];
  const lo = Math.max(0, Math.floor((Math.min(...all) * 100) / 5) * 5 - 5);
  const hi = Math.min(100, Math.ceil((Math.max(...all) * 100) / 5) * 5 + 2);
  const pct = curve.map((c) => ({n: c.n, l95: c.lower95 * 100, u95: c.upper95 * 100, l998: c.lower998 * 100, u998: c.upper998 * 100}));
  const data = points.map((p) => ({...p, y: p.value * 100}));
  const named = data.filter((p) => p.status !== "inside" || p.highlight).sort((a, b) => a.n - b.n);
  // A name goes left of its point when the next named point is close, or when the point lies in the
  // right part of the chart (a name on its right would be cut at the edge).
  const w = chartWidth(width, 760);
  const logs = data.map((d) => Math.log(d.n));
  const [lmin, lmax] = [Math.min(...logs), Math.max(...logs)];
  const leftLabel = new Set(named.filter((d, i) => {
    const next = named[i + 1];
    const room = (1 - (Math.log(d.n) - lmin) / Math.max(1e-9, lmax - lmin)) * (w - 80);
    return (next != null && next.n / d.n < 1.6 && Math.abs(next.y - d.y) < (hi - lo) / 12) || room < textWidth(d.label, 11) + 12;
  }));
  const chart = Plot.plot({
    width: w,
    height,
    marginLeft: 56,
    marginRight: 24,
    marginTop: 20,
    marginBottom: 44,
    x: {type: "log", label: isNarrow(w) ? xLabel.replace(/ \(n, logaritmisk skala\)$/, " (n, log)") : xLabel, grid: true, tickFormat: (d: number) => formatInteger(d), ticks: isNarrow(w) ? 3 : 6},
    y: {label: yLabel, domain: [lo, hi], grid: true, tickFormat: (d: number) => formatDecimal(d, 0)},
    marks: [
      Plot.areaY(pct, {x: "n", y1: "l998", y2: "u998", fill: COLORS.band, fillOpacity: 0.15, curve: "monotone-x"}),
      Plot.areaY(pct, {x: "n", y1: "l95", y2: "u95", fill: COLORS.band, fillOpacity: 0.25, curve: "monotone-x"}),
      Plot.line(pct, {x: "n", y: "l998", stroke: "#333", strokeDasharray: "2,3", strokeWidth: 1.2, curve: "monotone-x"}),
      Plot.line(pct, {x: "n", y: "u998", stroke: "#333", strokeDasharray: "2,3", strokeWidth: 1.2, curve: "monotone-x"}),
      Plot.line(pct, {x: "n", y: "l95", stroke: "#333", strokeDasharray: "6,4", strokeWidth: 1.2, curve: "monotone-x"}),
      Plot.line(pct, {x: "n", y: "u95", stroke: "#333", strokeDasharray: "6,4", strokeWidth: 1.2, curve: "monotone-x"}),
      Plot.ruleY([p0 * 100], {stroke: "#111", strokeWidth: 1.5}),
      Plot.dot(data, {
        x: "n",
        y: "y",
        symbol: (d: FunnelPointInput) => symbol(d.status),
        fill: (d: FunnelPointInput) => (d.status === "above95" || d.status === "below95" ? "white" : color(d.status)),
        stroke: (d: FunnelPointInput) => (d.status === "above95" || d.status === "below95" ? color(d.status) : "#111"),
        strokeWidth: (d: FunnelPointInput) => (d.highlight ? 2.5 : d.status === "above95" || d.status === "below95" ? 2 : 0.75),
        r: (d: FunnelPointInput) => (d.highlight ? 8 : 6),
        title: (d: FunnelPointInput & {y: number}) => `${d.label}: ${formatPercent(d.value)} av ${formatInteger(d.n)}`
      }),
      // Names of the points outside 95 %, right of the point; left of it when the next named point is close.
      Plot.text(named.filter((d) => !leftLabel.has(d)), {x: "n", y: "y", text: "label", dx: 9, textAnchor: "start", fontSize: 11, fill: "#111"}),
      Plot.text(named.filter((d) => leftLabel.has(d)), {x: "n", y: "y", text: "label", dx: -9, textAnchor: "end", fontSize: 11, fill: "#111"})
    ]
  }) as SVGSVGElement | HTMLElement;
  describeChart(chart, description);
  const legend = el(
    "p",
    {class: "funnel-legend"},
    key("circle", COLORS.primary, true, "inom 95 % (cirkel)"),
    key("triangle", COLORS.alert, false, "över, mellan 95 och 99,8 % (ofylld triangel)"),
    key("triangle", COLORS.alert, true, "över 99,8 % (fylld triangel)"),
    key("diamond", COLORS.secondary, false, "under, mellan 95 och 99,8 % (ofylld romb)"),
    key("diamond", COLORS.secondary, true, "under 99,8 % (fylld romb)"),
    key("solid", "#111", true, centreLabel),
    key("dash", "#333", true, "95 %-gränser (streckade)"),
    key("dot", "#333", true, "99,8 %-gränser (prickade)"),
    el("span", {class: "funnel-method"}, `Gränserna: ${method}.`)
  );
  return el("figure", {class: "funnel-plot"}, chart, legend);
}

const SVG = "http://www.w3.org/2000/svg";

function key(shape: "circle" | "triangle" | "diamond" | "solid" | "dash" | "dot", fill: string, filled: boolean, text: string): HTMLElement {
  const svg = document.createElementNS(SVG, "svg");
  const line = shape === "solid" || shape === "dash" || shape === "dot";
  svg.setAttribute("width", line ? "24" : "14");
  svg.setAttribute("height", "14");
  svg.setAttribute("aria-hidden", "true");
  const e = document.createElementNS(SVG, line ? "line" : shape === "circle" ? "circle" : "polygon");
  const attrs: Record<string, string> = line
    ? {x1: "1", y1: "7", x2: "23", y2: "7", stroke: fill, "stroke-width": "1.5", "stroke-dasharray": shape === "dash" ? "6,4" : shape === "dot" ? "2,3" : "none"}
    : {
        ...(shape === "circle" ? {cx: "7", cy: "7", r: "5.5"} : {points: shape === "triangle" ? "7,1 13,13 1,13" : "7,1 13,7 7,13 1,7"}),
        fill: filled ? fill : "white",
        stroke: filled ? "#111" : fill,
        "stroke-width": filled ? "0.75" : "2"
      };
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  svg.append(e);
  return el("span", {class: "funnel-key"}, svg as unknown as HTMLElement, ` ${text}`);
}
