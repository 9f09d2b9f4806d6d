/**
 * Small multiples: one small time-series panel per municipality, on one shared y scale, each with the
 * county's figure as a reference. The municipality is a solid blue line with dots, the county a dashed
 * orange line without dots (style and colour, never colour alone). Tooltips on the dots.
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {describeChart} from "./chart-a11y.js";
import {chartWidth} from "./chart-style.js";

export interface Panel {
  name: string;
  /** Figures per year (null: missing or suppressed, a gap in the line). */
  values: readonly (number | null)[];
  /** Texts of the figures for the tooltip ("1 234 kr", ".."). */
  texts: readonly string[];
}

export interface SmallMultiplesOptions {
  width?: number;
  years: readonly number[];
  yearLabels: readonly string[];
  reference: readonly (number | null)[];
  referenceLabel: string;
  yLabel: string;
  digits?: number;
  description: string;
}

export function SmallMultiples(panels: readonly Panel[], o: SmallMultiplesOptions): SVGSVGElement | HTMLElement {
  const width = chartWidth(o.width, 760);
  const cols = Math.max(1, Math.min(5, Math.floor(width / 200)));
  const rows = Math.ceil(panels.length / cols);
  const place = (i: number) => ({fx: i % cols, fy: Math.floor(i / cols)});
  const points = panels.flatMap((p, i) => o.years.map((year, j) => ({...place(i), name: p.name, year, label: o.yearLabels[j], value: p.values[j], text: p.texts[j]})));
  const ref = panels.flatMap((p, i) => o.years.map((year, j) => ({...place(i), year, value: o.reference[j]})));
  const titles = panels.map((p, i) => ({...place(i), name: p.name}));
  const y0 = o.years[0];
  const y1 = o.years[o.years.length - 1];
  const step = Math.max(1, Math.ceil((y1 - y0) / 3));
  const ticks = o.years.filter((y) => (y - y0) % step === 0);
  const chart = Plot.plot({
    width,
    height: rows * 150 + 60,
    marginLeft: 60,
    marginTop: 26,
    marginBottom: 40,
    fx: {axis: null, padding: 0.12},
    fy: {axis: null, padding: 0.22},
    // Inset, so that one panel's last year and the next panel's first never touch.
    x: {label: "År", ticks, tickFormat: (d: number) => String(d), domain: [y0, y1 === y0 ? y0 + 1 : y1], inset: 16},
    y: {label: o.yLabel, grid: true, nice: true, zero: true, tickFormat: (d: number) => d.toLocaleString("sv-SE"), ticks: 4},
    marks: [
      Plot.frame({stroke: "#ccc"}),
      Plot.line(ref, {x: "year", y: "value", fx: "fx", fy: "fy", stroke: COLORS.alert, strokeWidth: 1.8, strokeDasharray: "6,3"}),
      Plot.line(points, {x: "year", y: "value", fx: "fx", fy: "fy", stroke: COLORS.primary, strokeWidth: 2}),
      Plot.dot(points.filter((d) => d.value != null), {
        x: "year",
        y: "value",
        fx: "fx",
        fy: "fy",
        r: 2.5,
        fill: COLORS.primary,
        title: (d: {name: string; label: string; text: string}) => `${d.name} ${d.label}: ${d.text}`,
        tip: true
      }),
      Plot.text(titles, {fx: "fx", fy: "fy", text: "name", frameAnchor: "top-left", dx: 4, dy: 4, fontWeight: 600, fill: "#111"})
    ]
  }) as SVGSVGElement;
  return describeChart(chart, `${o.description} Heldragen blå linje: kommunen. Streckad orange linje: ${o.referenceLabel}.`);
}
