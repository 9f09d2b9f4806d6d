/**
 * One indicator of a municipality over time against the county average and the similar municipalities:
 * three lines told apart by colour, dash and symbol (circle, square, triangle), named in a key under the
 * chart (names at the lines' ends collided when the lines ended close together).
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {describeChart} from "./chart-a11y.js";
import {chartWidth, lineKeyIcon, thinTicks} from "./chart-style.js";
import {el} from "./dom.js";

export interface ProfileLine {
  key: string;
  values: readonly (number | null)[];
  texts: readonly string[];
}

export interface ProfileChartOptions {
  width?: number;
  years: readonly number[];
  yearLabels: readonly string[];
  yLabel: string;
  description: string;
}

const STYLES = [
  {color: COLORS.primary, dash: undefined, symbol: "circle", text: "#005a8c"},
  {color: COLORS.alert, dash: "7,4", symbol: "square", text: "#a03c00"},
  {color: COLORS.accent, dash: "2,3", symbol: "triangle", text: "#00664a"}
] as const;

export function ProfileChart(lines: readonly ProfileLine[], o: ProfileChartOptions): SVGSVGElement | HTMLElement {
  const width = chartWidth(o.width);
  const y0 = o.years[0];
  const y1 = o.years[o.years.length - 1];
  const marks: Plot.Markish[] = [];
  lines.forEach((l, i) => {
    const s = STYLES[i % STYLES.length];
    const pts = o.years.map((year, j) => ({year, label: o.yearLabels[j], value: l.values[j], text: l.texts[j], key: l.key}));
    const shown = pts.filter((p) => p.value != null);
    marks.push(
      Plot.line(pts, {x: "year", y: "value", stroke: s.color, strokeWidth: 2, strokeDasharray: s.dash}),
      Plot.dot(shown, {x: "year", y: "value", fill: s.color, symbol: s.symbol, r: 3.5, stroke: "#fff", title: (d: {key: string; label: string; text: string}) => `${d.key} ${d.label}: ${d.text}`, tip: true})
    );
  });
  const chart = Plot.plot({
    width,
    height: 260,
    marginLeft: 60,
    marginRight: 24,
    marginBottom: 42,
    x: {label: "År", domain: [y0, y1 === y0 ? y0 + 1 : y1], ticks: thinTicks(o.years, width - 84), tickFormat: (d: number) => String(d)},
    y: {label: o.yLabel, grid: true, nice: true, zero: true, tickFormat: (d: number) => d.toLocaleString("sv-SE")},
    marks
  }) as SVGSVGElement;
  describeChart(chart, o.description);
  const key = el("p", {class: "chart-key"}, ...lines.map((l, i) => {
    const s = STYLES[i % STYLES.length];
    return el("span", {class: "legend-item"}, lineKeyIcon(s.color, s.dash ?? null, s.symbol) as unknown as Node, l.key);
  }));
  return el("figure", {class: "profile-chart"}, chart as unknown as Node, key);
}
