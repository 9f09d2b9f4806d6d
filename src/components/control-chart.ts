/**
 * A control chart (styrdiagram) for a yearly or monthly series: the points joined by a line, the
 * agreement's normal-variation band as a shaded field with its limits named, the mean, optional XmR
 * control limits (dashed), and the base window shaded and named. Each point's position is told by
 * colour AND shape (circle inside, triangle above, diamond below), with a legend in words beside the
 * chart, and points outside the band carry their value as text. Returns a <figure> holding the legend
 * and the chart; the chart is one described image (describeChart), its figures are in the table beside.
 */
import * as Plot from "@observablehq/plot";
import {COLORS, STATUS} from "./palette.js";
import {describeChart} from "./chart-a11y.js";
import {formatDecimal} from "./format.js";
import {el} from "./dom.js";
import {chartWidth, isNarrow, thinTicks, widest} from "./chart-style.js";
import type {BandPosition as ControlStatus} from "../../loaders/models/normal-variation.ts";

export interface ControlPoint {
  /** A year (2024) or a month ("2024-03"). */
  period: number | string;
  /** null: no value to plot (masked or missing). */
  value: number | null;
  /** The point's position; null when there is no band (a neutral circle). */
  status: ControlStatus | null;
}

export interface ControlChartOptions {
  width?: number;
  height?: number;
  /** Label of the y axis ("Antal anslutna", "Mnkr"). */
  yLabel: string;
  /** Values are divided by this before plotting (1e6 for kronor → mnkr). */
  scale?: number;
  /** Text of a value (unscaled) for the labels beside points outside the band. */
  format?: (value: number) => string;
  /** The agreement's band (shaded) and its name in the legend. */
  band?: {lower: number; upper: number} | null;
  bandLabel?: string;
  mean?: number | null;
  meanLabel?: string;
  /** XmR control limits, dashed lines (and the 2σ lines, dotted, when given). */
  limits?: {lower: number; upper: number; lowerTwoSigma?: number; upperTwoSigma?: number} | null;
  limitsLabel?: string;
  /** The base window (or baseline), shaded grey and named. */
  shade?: {from: number | string; to: number | string; label: string} | null;
  /** Names of the three positions in the legend. */
  statusLabels?: Partial<Record<ControlStatus, string>>;
  /** One sentence for screen readers; the table or text beside the chart has the figures. */
  description: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const isMonth = (p: number | string) => typeof p === "string" && /^\d{4}-\d{2}$/.test(p);
const monthDate = (p: string, dayOffset = 0) => new Date(Date.UTC(Number(p.slice(0, 4)), Number(p.slice(5, 7)) - 1, 1 + dayOffset));

/** An empty legend icon, hidden from screen readers (the legend's words say what it shows). */
function legendSvg(width: number, height: number, viewBox?: string): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  if (viewBox) svg.setAttribute("viewBox", viewBox);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  return svg;
}

/** The symbol of a position as a small inline SVG for the legend (decorative: the words say it). */
function symbolSvg(status: ControlStatus | "neutral"): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = legendSvg(16, 16, "-8 -8 16 16");
  const color = status === "neutral" ? COLORS.muted : STATUS[status].color;
  const shape = document.createElementNS(ns, status === "above" || status === "below" ? "path" : "circle");
  if (status === "above") shape.setAttribute("d", "M0,-6.5L6,4.5L-6,4.5Z");
  else if (status === "below") shape.setAttribute("d", "M0,-6.5L6.5,0L0,6.5L-6.5,0Z");
  else shape.setAttribute("r", "5");
  shape.setAttribute("fill", color);
  shape.setAttribute("stroke", "#222");
  shape.setAttribute("stroke-width", "0.8");
  svg.append(shape);
  return svg;
}

function swatch(kind: "band" | "mean" | "limits" | "shade"): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = legendSvg(24, 14);
  if (kind === "band" || kind === "shade") {
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("x", "1");
    r.setAttribute("y", "1");
    r.setAttribute("width", "22");
    r.setAttribute("height", "12");
    r.setAttribute("fill", kind === "band" ? COLORS.band : "#e4e4e4");
    r.setAttribute("fill-opacity", kind === "band" ? "0.35" : "1");
    r.setAttribute("stroke", kind === "band" ? "#2a6f97" : "#999");
    if (kind === "band") r.setAttribute("stroke-dasharray", "4,2");
    svg.append(r);
  } else {
    const l = document.createElementNS(ns, "line");
    l.setAttribute("x1", "1");
    l.setAttribute("x2", "23");
    l.setAttribute("y1", "7");
    l.setAttribute("y2", "7");
    l.setAttribute("stroke", kind === "mean" ? "#222" : "#555");
    l.setAttribute("stroke-width", kind === "mean" ? "2" : "1.5");
    if (kind === "limits") l.setAttribute("stroke-dasharray", "6,3");
    svg.append(l);
  }
  return svg;
}

export function ControlChart(points: readonly ControlPoint[], options: ControlChartOptions): HTMLElement {
  const {height = 360, yLabel, scale = 1, band, mean, limits, shade, description} = options;
  const width = chartWidth(options.width, 760);
  // On a phone the lines' names and values move from the right of the chart into the legend.
  const narrow = isNarrow(width);
  const marginLeft = 56;
  const marginRight = narrow ? 12 : 140;
  const format = options.format ?? ((v: number) => formatDecimal(v, Number.isInteger(v) ? 0 : 1));
  const labels: Record<ControlStatus, string> = {
    inside: options.statusLabels?.inside ?? "Inom normalvariationen",
    above: options.statusLabels?.above ?? "Över normalvariationen",
    below: options.statusLabels?.below ?? "Under normalvariationen"
  };
  const monthly = points.some((p) => isMonth(p.period));
  const xOf = (p: number | string): number | Date => (monthly ? monthDate(String(p)) : Number(p));
  const data = points
    .filter((p) => p.value != null)
    .map((p) => ({period: p.period, x: xOf(p.period), y: p.value! / scale, value: p.value!, status: p.status}));
  const half = 15; // half a step for months, in days
  const x0 = monthly ? monthDate(String(points[0].period), -half) : Number(points[0].period) - 0.5;
  const x1 = monthly ? monthDate(String(points.at(-1)!.period), half) : Number(points.at(-1)!.period) + 0.5;
  const marks: Plot.Markish[] = [];

  if (shade) {
    const from = monthly ? monthDate(String(shade.from), -half) : Number(shade.from) - 0.5;
    const to = monthly ? monthDate(String(shade.to), half) : Number(shade.to) + 0.5;
    marks.push(
      Plot.rectX([shade], {x1: () => from, x2: () => to, fill: "#e9e9e9"}),
      Plot.text([shade], {x: () => (monthly ? new Date(((from as Date).getTime() + (to as Date).getTime()) / 2) : ((from as number) + (to as number)) / 2), frameAnchor: "top", dy: 6, text: () => shade.label, fill: "#333", fontSize: 11})
    );
  }
  if (band) {
    marks.push(
      Plot.rectY([band], {x1: () => x0, x2: () => x1, y1: (b: {lower: number}) => b.lower / scale, y2: (b: {upper: number}) => b.upper / scale, fill: COLORS.band, fillOpacity: 0.3}),
      Plot.ruleY([band.lower / scale, band.upper / scale], {stroke: "#2a6f97", strokeDasharray: "6,3"}),
      narrow ? null : Plot.text(
        [
          {y: band.upper / scale, t: `Övre gräns ${format(band.upper)}`},
          {y: band.lower / scale, t: `Nedre gräns ${format(band.lower)}`}
        ],
        {x: () => x1, y: "y", text: "t", textAnchor: "start", dx: 6, fill: "#1d4f6e", fontSize: 11}
      )
    );
  }
  if (limits) {
    marks.push(
      Plot.ruleY([limits.lower / scale, limits.upper / scale], {stroke: "#555", strokeDasharray: "6,3"}),
      narrow ? null : Plot.text(
        [
          {y: limits.upper / scale, t: `Övre styrgräns ${format(limits.upper)}`},
          {y: limits.lower / scale, t: `Nedre styrgräns ${format(limits.lower)}`}
        ],
        {x: () => x1, y: "y", text: "t", textAnchor: "start", dx: 6, fill: "#333", fontSize: 11}
      )
    );
    const sigma = [limits.lowerTwoSigma, limits.upperTwoSigma].filter((v): v is number => v != null);
    if (sigma.length) marks.push(Plot.ruleY(sigma.map((v) => v / scale), {stroke: "#888", strokeDasharray: "1,3"}));
  }
  if (mean != null) {
    marks.push(
      Plot.ruleY([mean / scale], {stroke: "#222", strokeWidth: 1.5}),
      narrow ? null : Plot.text([{y: mean / scale}], {x: () => x1, y: "y", text: () => `Medelvärde ${format(mean)}`, textAnchor: "start", dx: 6, fill: "#111", fontSize: 11})
    );
  }
  marks.push(Plot.line(data, {x: "x", y: "y", stroke: "#666", strokeWidth: 1.5}));
  const title = (d: {period: number | string; value: number; status: ControlStatus | null}) => `${d.period}: ${format(d.value)}${d.status ? ` (${labels[d.status].toLowerCase()})` : ""}`;
  const dots: [ControlStatus | null, string, string, number][] = [
    [null, "circle", COLORS.muted, 4],
    ["inside", "circle", STATUS.inside.color, 4.5],
    ["above", "triangle", STATUS.above.color, 7],
    ["below", "diamond", STATUS.below.color, 6.5]
  ];
  for (const [status, symbol, fill, r] of dots) {
    const these = data.filter((d) => d.status === status);
    if (these.length) marks.push(Plot.dot(these, {x: "x", y: "y", symbol, fill, stroke: "#222", strokeWidth: 0.8, r, title}));
  }
  // Points outside the band carry their value: above the triangle, below the diamond; when the points
  // are too close for their values to fit side by side, the table beside the chart has them.
  const span = width - marginLeft - marginRight;
  const fits = span / Math.max(1, points.length) >= widest(data.filter((d) => d.status === "above" || d.status === "below").map((d) => format(d.value)), 11) + 4;
  for (const [status, dy] of [["above", -13], ["below", 15]] as const) {
    const these = fits ? data.filter((d) => d.status === status) : [];
    if (these.length) marks.push(Plot.text(these, {x: "x", y: "y", text: (d: {value: number}) => format(d.value), dy, fill: "#111", fontWeight: 700, fontSize: 11}));
  }

  const ys = [
    ...data.map((d) => d.y),
    ...(band ? [band.lower / scale, band.upper / scale] : []),
    ...(limits ? [limits.lower / scale, limits.upper / scale] : []),
    ...(mean != null ? [mean / scale] : [])
  ];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo) * 0.12 || 1;
  const years = monthly ? [] : points.map((p) => Number(p.period));
  const monthLabel = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const quarterTicks = monthly ? thinTicks(points.filter((p) => /-(01|04|07|10)$/.test(String(p.period))).map((p) => monthDate(String(p.period))), span, monthLabel) : [];
  const chart = Plot.plot({
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 28,
    x: monthly
      ? {type: "utc", label: null, domain: [x0, x1], ticks: quarterTicks, tickFormat: monthLabel}
      : {label: null, domain: [x0, x1], ticks: thinTicks(years, span), tickFormat: (d: number) => String(d)},
    // Room below and above for the values written under a diamond and over a triangle.
    y: {label: yLabel, grid: true, domain: [Math.max(0, lo - 1.6 * pad), hi + 1.3 * pad], tickFormat: (d: number) => formatDecimal(d, Number.isInteger(d) ? 0 : 1)},
    marks
  }) as SVGSVGElement | HTMLElement;
  describeChart(chart, description);

  const item = (icon: SVGSVGElement, text: string) => el("span", {class: "legend-item"}, icon as unknown as Node, text);
  const statuses = [...new Set(data.map((d) => d.status))];
  const legend = el(
    "div",
    {class: "control-legend"},
    ...(["inside", "above", "below"] as const).filter((s) => statuses.includes(s)).map((s) => item(symbolSvg(s), `${labels[s]} (${s === "inside" ? "cirkel" : s === "above" ? "triangel" : "romb"})`)),
    statuses.includes(null) ? item(symbolSvg("neutral"), "Värde (inget band)") : null,
    band ? item(swatch("band"), (options.bandLabel ?? "Normalvariation (fält)") + (narrow ? `: ${format(band.lower)}–${format(band.upper)}` : "")) : null,
    limits ? item(swatch("limits"), (options.limitsLabel ?? "Styrgränser (streckade)") + (narrow ? `: ${format(limits.lower)}–${format(limits.upper)}` : "")) : null,
    mean != null ? item(swatch("mean"), (options.meanLabel ?? "Medelvärde") + (narrow ? `: ${format(mean)}` : "")) : null,
    shade ? item(swatch("shade"), shade.label) : null
  );
  return el("figure", {class: "control-chart"}, legend, chart as unknown as Node);
}
