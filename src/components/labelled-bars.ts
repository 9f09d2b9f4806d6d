/**
 * Horizontal bars with the value written at the end of each bar: readable on paper and without colour
 * (no legend to decode). Negative values grow to the left of a zero rule.
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {describeChart} from "./chart-a11y.js";
import {formatDecimal} from "./format.js";
import {barMargins, chartWidth, fittingTicks, wrapLabel} from "./chart-style.js";

export interface LabelledBar {
  label: string;
  value: number;
  text: string;
}

export function LabelledBars(rows: readonly LabelledBar[], {width = 640, unit = "", title, description}: {width?: number; unit?: string; title?: string; description?: string} = {}): SVGSVGElement | HTMLElement {
  const data = [...rows].sort((a, b) => b.value - a.value);
  // Never narrower than the margins (a card may report a width of 0 before layout).
  width = chartWidth(width);
  const hasNegative = data.some((d) => d.value < 0);
  const margins = barMargins(width, data.map((d) => d.label), data.map((d) => d.text));
  // A long unit goes on two lines, centred under the axis, so that it never runs off a phone's screen.
  const axisLabel = wrapLabel(unit, width - 24);
  const extra = axisLabel.includes("\n") ? 16 : 0;
  const chart = Plot.plot({
    width,
    height: 28 * data.length + 50 + extra,
    ...margins,
    marginBottom: 42 + extra,
    title,
    x: {label: axisLabel, labelAnchor: "center", grid: true, nice: true, ticks: fittingTicks(Math.min(0, ...data.map((d) => d.value)), Math.max(0, ...data.map((d) => d.value)), width - margins.marginLeft - margins.marginRight, (d: number) => formatDecimal(d, 0)), tickFormat: (d: number) => formatDecimal(d, 0)},
    y: {label: null, domain: data.map((d) => d.label), tickFormat: (label: string) => wrapLabel(label, margins.marginLeft - 12)},
    marks: [
      Plot.barX(data, {x: "value", y: "label", fill: (d: LabelledBar) => (d.value < 0 ? COLORS.secondary : COLORS.primary), stroke: "#222", strokeWidth: 0.5}),
      Plot.text(data, {x: "value", y: "label", text: "text", textAnchor: "start", dx: 4, fill: "#111", filter: (d: LabelledBar) => d.value >= 0}),
      // A negative bar's label sits just right of zero, clear of the names on the left.
      Plot.text(data, {x: 0, y: "label", text: "text", textAnchor: "start", dx: 4, fill: "#111", filter: (d: LabelledBar) => d.value < 0}),
      hasNegative ? Plot.ruleX([0], {stroke: "#111"}) : null
    ]
  }) as SVGSVGElement | HTMLElement;
  return describeChart(chart, description ?? `Stapeldiagram: ${unit}. ${data.map((d) => `${d.label} ${d.text}`).join(", ")}.`);
}
