/**
 * Several series as lines over time, each told apart by colour, symbol and dash, and named at its end
 * ("Östersund 389"), so that no legend has to be decoded and colour is never the only cue. End labels
 * that would overlap are pushed apart and joined to their line by a thin leader.
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {formatDecimal} from "./format.js";
import {describeChart} from "./chart-a11y.js";
import {chartWidth, isNarrow, lineKeyIcon, thinTicks, widest} from "./chart-style.js";
import {el} from "./dom.js";

export interface SeriesPoint {
  /** A year (number) or an ISO date ("2025-06-30"). */
  x: number | string;
  y: number;
  /** Drawn hollow (e.g. a forecast). */
  hollow?: boolean;
}

export interface Series {
  label: string;
  points: readonly SeriesPoint[];
  /** Text after the label at the end of the line (default: the last value with yFormat). */
  endText?: string;
}

export interface SeriesLinesOptions {
  width?: number;
  height?: number;
  xLabel?: string;
  yLabel?: string;
  /** Tick and label format of y (default: sv-SE integer). */
  yFormat?: (y: number) => string;
  /** Start y at zero (default true). */
  zero?: boolean;
  /** The chart's description for screen readers (the table beside it has the figures). */
  description: string;
}

/** Dark enough against white for thin lines; the order matches the shapes below. */
export const LINE_COLORS = [COLORS.primary, COLORS.alert, COLORS.accent, "#6a3d9a", COLORS.secondary, "#111111", COLORS.purple, COLORS.muted];
export const LINE_SYMBOLS = ["circle", "square", "diamond", "triangle", "star", "cross", "wye", "circle"] as const;
export const LINE_DASHES = [null, "6,3", null, "2,2", null, "8,3,2,3", "6,3", "2,2"] as const;

const parseX = (x: number | string): number | Date => (typeof x === "number" ? x : new Date(`${x}T00:00:00Z`));

/** The symbol, colour and dash of series i, in words (for a legend or a table column). */
export function seriesStyle(i: number): {color: string; symbol: string; dash: string | null} {
  return {color: LINE_COLORS[i % LINE_COLORS.length], symbol: LINE_SYMBOLS[i % LINE_SYMBOLS.length], dash: LINE_DASHES[i % LINE_DASHES.length]};
}

/** Pushes label positions (pixels, any order) apart to at least `gap`, keeping them inside [lo, hi]. */
export function spreadLabels(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({y, i})).sort((a, b) => a.y - b.y);
  const out = order.map((o) => o.y);
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k], out[k - 1] + gap);
  const over = out.length ? out[out.length - 1] - hi : 0;
  if (over > 0) {
    out[out.length - 1] -= over;
    for (let k = out.length - 2; k >= 0; k--) out[k] = Math.min(out[k], out[k + 1] - gap);
  }
  if (out.length && out[0] < lo) {
    out[0] = lo;
    for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k], out[k - 1] + gap);
  }
  const result = new Array<number>(ys.length);
  order.forEach((o, k) => (result[o.i] = out[k]));
  return result;
}

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 1.2, 1.4, 1.5, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10]) if (m * step >= max * 1.04) return m * step;
  return 10 * step;
}

export function SeriesLines(series: readonly Series[], options: SeriesLinesOptions): SVGSVGElement | HTMLElement {
  const {height = 380, xLabel = null, yLabel = null, yFormat = (y: number) => formatDecimal(y, 0), zero = true, description} = options;
  const width = chartWidth(options.width, 760);
  // On a phone the series are named in a key under the chart, not at their ends.
  const narrow = isNarrow(width);
  const marginTop = 24;
  const marginBottom = 42;
  const longest = Math.max(0, ...series.map((s) => `${s.label} ${s.endText ?? yFormat(s.points.at(-1)?.y ?? 0)}`.length));
  const marginRight = narrow ? 16 : Math.min(220, 24 + longest * 7.2);
  const all = series.flatMap((s) => s.points.map((p) => p.y));
  const yMax = niceMax(Math.max(...all, 0));
  const yMin = zero ? 0 : Math.min(...all) - (yMax - Math.min(...all)) * 0.08;
  const inner = height - marginTop - marginBottom;
  const toPx = (y: number) => marginTop + (1 - (y - yMin) / (yMax - yMin)) * inner;
  const toY = (px: number) => yMin + (1 - (px - marginTop) / inner) * (yMax - yMin);

  const ends = series.map((s) => s.points.at(-1)).filter((p): p is SeriesPoint => !!p);
  const placed = spreadLabels(ends.map((p) => toPx(p.y)), 14, marginTop, height - marginBottom);
  const labelled = series
    .map((s, i) => ({s, i}))
    .filter(({s}) => s.points.length)
    .map(({s, i}, k) => {
      const last = s.points.at(-1)!;
      return {x: parseX(last.x), y: last.y, labelY: toY(placed[k]), text: `${s.label} ${s.endText ?? yFormat(last.y)}`, i};
    });

  const isDate = series.some((s) => s.points.some((p) => typeof p.x === "string"));
  const marks: Plot.Markish[] = [Plot.ruleY([yMin], {stroke: "#999"})];
  series.forEach((s, i) => {
    const st = seriesStyle(i);
    const data = s.points.map((p) => ({x: parseX(p.x), y: p.y, hollow: !!p.hollow, label: s.label}));
    marks.push(
      Plot.line(data, {x: "x", y: "y", stroke: st.color, strokeWidth: 2, strokeDasharray: st.dash ?? undefined}),
      Plot.dot(data, {
        x: "x",
        y: "y",
        symbol: () => st.symbol,
        r: 4,
        stroke: st.color,
        strokeWidth: 1.5,
        fill: (d: {hollow: boolean}) => (d.hollow ? "white" : st.color)
      })
    );
  });
  // Leader from the last point to its (possibly moved) label, then the label in dark text.
  if (!narrow) marks.push(
    Plot.link(labelled, {x1: "x", y1: "y", x2: "x", y2: "labelY", dx: 0, stroke: "#888", strokeWidth: 0.75, filter: (d: {y: number; labelY: number}) => Math.abs(toPx(d.y) - toPx(d.labelY)) > 3}),
    Plot.text(labelled, {x: "x", y: "labelY", text: "text", dx: 9, textAnchor: "start", fill: "#111", fontSize: 11.5, stroke: "white", strokeWidth: 3})
  );
  // Year ticks, thinned so that they never crowd.
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => (typeof p.x === "number" ? p.x : Number(p.x.slice(0, 4))))))].sort((a, b) => a - b);
  const years = isDate ? Array.from({length: xs.at(-1)! - xs[0]}, (_, i) => xs[0] + 1 + i) : xs;
  const ticks = thinTicks(years, width - 56 - marginRight);
  const chart = Plot.plot({
    width,
    height,
    marginTop,
    marginBottom,
    marginLeft: Math.max(56, widest([yFormat(yMax), yFormat(yMin)]) + 16),
    marginRight,
    x: isDate
      ? {type: "utc", label: xLabel, tickFormat: (d: Date) => String(d.getUTCFullYear()), ticks: ticks.map((y) => new Date(Date.UTC(y, 0, 1)))}
      : {label: xLabel, tickFormat: (d: number) => String(d), ticks},
    y: {label: yLabel, domain: [yMin, yMax], grid: true, tickFormat: yFormat},
    symbol: {type: "identity"},
    marks
  }) as SVGSVGElement | HTMLElement;
  describeChart(chart, description);
  if (!narrow) return chart;
  const key = el(
    "p",
    {class: "chart-key"},
    ...labelled.map((d) => {
      const st = seriesStyle(d.i);
      return el("span", {class: "legend-item"}, lineKeyIcon(st.color, st.dash ?? null, st.symbol) as unknown as Node, d.text);
    })
  );
  return el("figure", {class: "series-lines"}, chart as unknown as Node, key);
}
