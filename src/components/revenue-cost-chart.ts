/**
 * Revenue of the swapped öre against the cost of the task, year by year (skatteväxling follow-up).
 * Two lines told apart by colour, dash and symbol, each named at its end (no legend to decode); the
 * review window is shaded and named; each change of the öre is a labelled rule.
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {formatDecimal} from "./format.js";
import {describeChart} from "./chart-a11y.js";
import {chartWidth, isNarrow, thinTicks} from "./chart-style.js";

export interface RevenueCostYear {
  year: number;
  revenueOre: number | null;
  costOre: number | null;
}

export interface RevenueCostOptions {
  width?: number;
  height?: number;
  window?: {fromYear: number; toYear: number};
  /** The öre series: a rule where the öre changes (after the first). */
  ore?: readonly {fromYear: number; ore: string}[];
  /** The chart's name for screen readers (show a heading beside it; Plot's own title would be an h2). */
  label?: string;
  /** Text for screen readers; the table beside the chart has the same figures. */
  description?: string;
}

const MNKR = 100 * 1e6;

export function RevenueCostChart(rows: readonly RevenueCostYear[], {width = 760, height = 340, window, ore = [], label, description}: RevenueCostOptions = {}): SVGSVGElement | HTMLElement {
  const series = [
    {key: "Intäkt", get: (r: RevenueCostYear) => r.revenueOre, color: COLORS.primary, dash: null, symbol: "circle"},
    {key: "Kostnad", get: (r: RevenueCostYear) => r.costOre, color: COLORS.alert, dash: "7,4", symbol: "square"}
  ] as const;
  const points = series.flatMap((s) =>
    rows.filter((r) => s.get(r) != null).map((r) => ({year: r.year, value: s.get(r)! / MNKR, key: s.key}))
  );
  const years = rows.map((r) => r.year);
  const w = chartWidth(width, 760);
  const narrow = isNarrow(w);
  const x0 = Math.min(...years) - 0.5;
  const x1 = Math.max(...years) + 0.5;
  const changes = [...ore].sort((a, b) => a.fromYear - b.fromYear).slice(1).filter((o) => o.fromYear > x0 && o.fromYear < x1);
  const last = (key: string) => points.filter((p) => p.key === key).at(-1);
  const marks: Plot.Markish[] = [];
  if (window) {
    marks.push(
      Plot.rectX([window], {x1: (d) => d.fromYear - 0.5, x2: (d) => d.toYear + 0.5, fill: "#e9e9e9"}),
      Plot.text([window], {x: (d) => (d.fromYear + d.toYear) / 2, frameAnchor: "top", dy: -16, text: (d) => `${narrow ? "Uppföljning" : "Uppföljningsperiod"} ${d.fromYear}–${d.toYear}`, fill: "#333", fontSize: 11})
    );
  }
  for (const c of changes) {
    marks.push(
      Plot.ruleX([c.fromYear - 0.5], {stroke: "#555", strokeDasharray: "2,3"}),
      Plot.text([c], {x: c.fromYear - 0.5, frameAnchor: "bottom", dy: -4, dx: 4, textAnchor: "start", text: () => `${c.ore.replace(".", ",")} öre från ${c.fromYear}`, fill: "#333", fontSize: 11})
    );
  }
  marks.push(Plot.ruleY([0], {stroke: "#999"}));
  for (const s of series) {
    const data = points.filter((p) => p.key === s.key);
    marks.push(
      Plot.line(data, {x: "year", y: "value", stroke: s.color, strokeWidth: 2.5, strokeDasharray: s.dash ?? undefined}),
      Plot.dot(data, {
        x: "year",
        y: "value",
        fill: s.color,
        stroke: "#fff",
        symbol: s.symbol,
        r: 4.5,
        title: (d: {year: number; value: number}) => `${s.key} ${d.year}: ${formatDecimal(d.value, 1)} mnkr`
      })
    );
    const end = last(s.key);
    if (end) marks.push(Plot.text([end], {x: "year", y: "value", text: () => s.key, dx: 9, textAnchor: "start", fill: s.color === COLORS.alert ? "#a03c00" : "#005a8c", fontWeight: 700}));
  }
  const chart = Plot.plot({
    width: w,
    height,
    marginRight: 80,
    marginLeft: 56,
    // The review period's name sits above the plot area, where no line's end label can reach it.
    marginTop: window ? 32 : 20,
    marginBottom: 42,
    x: {label: "År", domain: [x0, x1], ticks: thinTicks(years, w - 136), tickFormat: (d: number) => String(d)},
    y: {label: "Mnkr", grid: true, nice: true, zero: true, tickFormat: (d: number) => formatDecimal(d, Number.isInteger(d) ? 0 : 1)},
    marks
  }) as SVGSVGElement | HTMLElement;
  return describeChart(chart, [label ?? "Intäkt och kostnad per år", description].filter(Boolean).join(". "));
}
