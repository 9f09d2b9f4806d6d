import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {describeChart} from "./chart-a11y.js";
import {formatDecimal, formatInteger} from "./format.js";
import {barMargins, chartWidth, fittingTicks, wrapLabel} from "./chart-style.js";

export interface AmountBar {
  label: string;
  value: number;
  text: string;
}

export const swedishTick = (d: number): string => (Number.isInteger(d) ? formatInteger(d) : formatDecimal(d, 1));

export function AmountBars(rows: readonly AmountBar[], {width = 640, unit = "kr", description}: {width?: number; unit?: string; description: string}): SVGSVGElement | HTMLElement {
  const data = [...rows].sort((a, b) => b.value - a.value);
  width = chartWidth(width);
  const margins = barMargins(width, data.map((d) => d.label), data.map((d) => d.text));
  const chart = Plot.plot({
    width,
    height: 28 * data.length + 56,
    ...margins,
    marginBottom: 42,
    x: {label: unit, grid: true, nice: true, ticks: fittingTicks(Math.min(0, ...data.map((d) => d.value)), Math.max(0, ...data.map((d) => d.value)), width - margins.marginLeft - margins.marginRight, swedishTick), tickFormat: swedishTick},
    y: {label: null, domain: data.map((d) => d.label), tickFormat: (label: string) => wrapLabel(label, margins.marginLeft - 12)},
    marks: [
      Plot.barX(data, {x: "value", y: "label", fill: COLORS.primary, stroke: "#222", strokeWidth: 0.5}),
      Plot.text(data, {x: "value", y: "label", text: "text", textAnchor: "start", dx: 4, fill: "#111"}),
      Plot.ruleX([0], {stroke: "#111"})
    ]
  }) as SVGSVGElement | HTMLElement;
  return describeChart(chart, description);
}
