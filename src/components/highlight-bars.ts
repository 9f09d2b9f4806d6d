/**
 * Horizontal bars, one per municipality, with the amount written at the end of each bar and the axis
 * in sv-SE numbers ("50 000"). The selected municipality is drawn with a thick outline and a marker
 * before its name, so the highlight does not rest on colour. Readable on paper and without a legend.
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {formatDecimal} from "./format.js";
import {describeChart} from "./chart-a11y.js";
import {barMargins, chartWidth, fittingTicks, wrapLabel} from "./chart-style.js";

export interface HighlightBar {
  label: string;
  /** Kronor (display). */
  value: number;
  /** Written at the end of the bar, e.g. "52 057 kr (41,3 %)". */
  text: string;
  highlight?: boolean;
}

export function HighlightBars(rows: readonly HighlightBar[], {width = 640, unit = "", description}: {width?: number; unit?: string; description: string}): SVGSVGElement | HTMLElement {
  const data = [...rows].sort((a, b) => b.value - a.value);
  width = chartWidth(width);
  const marked = new Set(data.filter((d) => d.highlight).map((d) => d.label));
  const margins = barMargins(width, data.map((d) => (marked.has(d.label) ? `▶ ${d.label}` : d.label)), data.map((d) => d.text));
  const chart = Plot.plot({
    width,
    height: 28 * data.length + 50,
    ...margins,
    marginBottom: 42,
    x: {label: unit, grid: true, nice: true, ticks: fittingTicks(Math.min(0, ...data.map((d) => d.value)), Math.max(0, ...data.map((d) => d.value)), width - margins.marginLeft - margins.marginRight, (d: number) => formatDecimal(d, 0)), tickFormat: (d: number) => formatDecimal(d, 0)},
    y: {label: null, domain: data.map((d) => d.label), tickFormat: (label: string) => wrapLabel(marked.has(label) ? `▶ ${label}` : label, margins.marginLeft - 12)},
    marks: [
      Plot.barX(data, {x: "value", y: "label", fill: COLORS.primary, stroke: "#111", strokeWidth: (d: HighlightBar) => (d.highlight ? 2.5 : 0.5)}),
      Plot.text(data.filter((d) => !d.highlight), {x: "value", y: "label", text: "text", textAnchor: "start", dx: 5, fill: "#111"}),
      Plot.text(data.filter((d) => d.highlight), {x: "value", y: "label", text: "text", textAnchor: "start", dx: 5, fill: "#111", fontWeight: 700}),
      Plot.ruleX([0], {stroke: "#111"})
    ]
  }) as SVGSVGElement | HTMLElement;
  return describeChart(chart, description);
}
