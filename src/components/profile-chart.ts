/**
 * One indicator of a municipality over time against the county average and the similar municipalities:
 * three lines told apart by colour, dash and symbol (circle, square, triangle), each named at its end.
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {describeChart} from "./chart-a11y.js";

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
  const width = Math.max(o.width ?? 640, 360);
  const y0 = o.years[0];
  const y1 = o.years[o.years.length - 1];
  const step = Math.max(1, Math.ceil((y1 - y0) / 6));
  const marks: Plot.Markish[] = [];
  lines.forEach((l, i) => {
    const s = STYLES[i % STYLES.length];
    const pts = o.years.map((year, j) => ({year, label: o.yearLabels[j], value: l.values[j], text: l.texts[j], key: l.key}));
    const shown = pts.filter((p) => p.value != null);
    marks.push(
      Plot.line(pts, {x: "year", y: "value", stroke: s.color, strokeWidth: 2, strokeDasharray: s.dash}),
      Plot.dot(shown, {x: "year", y: "value", fill: s.color, symbol: s.symbol, r: 3.5, stroke: "#fff", title: (d: {key: string; label: string; text: string}) => `${d.key} ${d.label}: ${d.text}`, tip: true})
    );
    const end = shown.at(-1);
    if (end) marks.push(Plot.text([end], {x: "year", y: "value", text: () => l.key, dx: 7, textAnchor: "start", fill: s.text, fontWeight: 600}));
  });
  const chart = Plot.plot({
    width,
    height: 260,
    marginLeft: 60,
    marginRight: 150,
    x: {label: "År", domain: [y0, y1 === y0 ? y0 + 1 : y1], ticks: o.years.filter((y) => (y - y0) % step === 0), tickFormat: (d: number) => String(d)},
    y: {label: o.yLabel, grid: true, nice: true, zero: true, tickFormat: (d: number) => d.toLocaleString("sv-SE")},
    marks
  }) as SVGSVGElement;
  return describeChart(chart, o.description);
}
