/**
 * Amounts per month of one year as bars, each bar's amount written at its end. With two groups the
 * chart diverges: the first group grows up, the second down from the zero rule, so that position, colour
 * and a written legend all tell them apart (never colour alone).
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {formatDecimal} from "./format.js";
import {describeChart} from "./chart-a11y.js";
import {chartWidth, textWidth, thinTicks} from "./chart-style.js";
import {el} from "./dom.js";

export interface MonthAmount {
  /** "YYYY-MM" */
  month: string;
  /** Kronor (display). */
  kronor: number;
  /** Group key when there are two groups. */
  group?: string;
}

export interface MonthBarsOptions {
  width?: number;
  height?: number;
  year: number;
  /** Up to two groups: the first drawn up, the second down. */
  groups?: readonly {key: string; label: string}[];
  yLabel?: string;
  description: string;
}

export const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/** "45,3" (thousands of kronor, one decimal): short enough to stand above a month's bar. */
export const tkr = (kronor: number) => formatDecimal(kronor / 1000, 1);

export function MonthBars(rows: readonly MonthAmount[], options: MonthBarsOptions): HTMLElement {
  const {height = 300, year, groups = [], yLabel = "Tusen kronor (tkr)", description} = options;
  const width = chartWidth(options.width, 760);
  // The figures stand above the bars when they fit side by side (not on a phone: the table has them).
  const barRoom = (width - 56 - 20) / 12;
  const figures = barRoom >= textWidth("000,0", 11) + 2;
  const months = MONTHS.map((_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  const sign = (r: MonthAmount) => (groups.length > 1 && r.group === groups[1].key ? -1 : 1);
  const data = rows.filter((r) => r.month.startsWith(`${year}-`)).map((r) => ({month: r.month, v: (sign(r) * r.kronor) / 1000, kronor: r.kronor, group: r.group ?? ""}));
  const colors = [COLORS.primary, COLORS.secondary];
  const fill = (d: {group: string}) => (groups.length > 1 && d.group === groups[1].key ? colors[1] : colors[0]);
  const maxUp = Math.max(0, ...data.map((d) => d.v));
  const maxDown = Math.min(0, ...data.map((d) => d.v));
  const pad = (maxUp - maxDown || 1) * 0.12;
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 56,
    marginTop: 22,
    marginBottom: 34,
    x: {domain: months, label: null, ticks: thinTicks(months, width - 76, () => "mmm"), tickFormat: (m: string) => MONTHS[Number(m.slice(5)) - 1]},
    y: {
      label: yLabel,
      grid: true,
      domain: [maxDown < 0 ? maxDown - pad : 0, maxUp + pad],
      tickFormat: (d: number) => formatDecimal(Math.abs(d), 0)
    },
    marks: [
      Plot.barY(data, {x: "month", y: "v", fill, stroke: "#222", strokeWidth: 0.5, inset: 4}),
      Plot.ruleY([0], {stroke: "#111"}),
      Plot.text(figures ? data.filter((d) => d.v >= 0 && d.kronor > 0) : [], {x: "month", y: "v", text: (d: {kronor: number}) => tkr(d.kronor), dy: -7, fill: "#111", fontSize: 11}),
      Plot.text(figures ? data.filter((d) => d.v < 0) : [], {x: "month", y: "v", text: (d: {kronor: number}) => tkr(d.kronor), dy: 8, fill: "#111", fontSize: 11})
    ]
  }) as SVGSVGElement | HTMLElement;
  describeChart(chart, description);
  const figure = el("figure", {class: "month-bars"}, chart);
  if (groups.length > 1) {
    figure.append(
      el(
        "p",
        {class: "chart-legend"},
        legendSwatch(colors[0]),
        ` Uppåt: ${groups[0].label}. `,
        legendSwatch(colors[1]),
        ` Nedåt: ${groups[1].label}. `,
        figures ? "Siffrorna vid staplarna är tusen kronor." : "Beloppen står i tabellen under diagrammet."
      )
    );
  }
  return figure;
}

function legendSwatch(color: string): HTMLElement {
  const s = el("span", {class: "swatch", "aria-hidden": "true"});
  s.style.cssText = `display:inline-block;width:0.9em;height:0.9em;vertical-align:-0.1em;border:1px solid #222;background:${color}`;
  return s;
}
