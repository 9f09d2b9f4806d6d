/**
 * Municipalities ranked by one figure: horizontal bars, highest first, the figure written at each bar,
 * the county average (dashed line) and median (dotted line) marked and named in the chart, each bar a
 * link to the municipality's profile and a tooltip with its rank. Suppressed or missing figures get no
 * bar and are named under the chart, so nothing is hidden silently.
 */
import * as Plot from "@observablehq/plot";
import {COLORS} from "./palette.js";
import {describeChart} from "./chart-a11y.js";
import {el} from "./dom.js";
import {barMargins, chartWidth, fittingTicks, isNarrow} from "./chart-style.js";

export interface RankedBar {
  name: string;
  /** null: no bar (suppressed or missing); `text` says which. */
  value: number | null;
  text: string;
  rank: number | null;
  href?: string;
  /** The reader's own municipality ("Min kommun"): a thick outline and the text mark at its bar. */
  mine?: boolean;
}

export interface RankedBarsOptions {
  width?: number;
  /** Axis label with unit, e.g. "Kronor per invånare (kr)". */
  label: string;
  average?: {value: number; text: string} | null;
  median?: {value: number; text: string} | null;
  description: string;
}

export function RankedBars(rows: readonly RankedBar[], {width = 760, label, average, median, description}: RankedBarsOptions): HTMLElement {
  const data = rows.filter((r) => r.value != null).sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name, "sv"));
  const without = rows.filter((r) => r.value == null);
  width = chartWidth(width);
  // My municipality's mark: in words at desktop size, the star alone on a phone (the caption names it).
  const myMark = isNarrow(width) ? " ★" : " ★ min kommun";
  const margins = barMargins(width, data.map((d) => d.name), data.map((d) => (d.mine ? `${d.text}${myMark}` : d.text)));
  // On a phone the two reference labels go on two lines above the chart.
  const narrow = isNarrow(width);
  const refs = [average ? {...average, key: "Länets medel", dash: "7,4", color: COLORS.alert} : null, median ? {...median, key: "Median", dash: "2,3", color: "#222"} : null].filter((r) => r != null);
  // Two labels never overlap: the larger reference is written to the right of its line, the smaller to the left.
  const larger = refs.length === 2 ? (refs[0]!.value >= refs[1]!.value ? refs[0] : refs[1]) : refs[0];
  const chart = Plot.plot({
    width,
    height: 26 * Math.max(data.length, 1) + 80,
    ...margins,
    marginBottom: 42,
    marginTop: narrow && refs.length === 2 ? 52 : 34,
    x: {label, grid: true, nice: true, ticks: fittingTicks(0, Math.max(0, ...data.map((d) => d.value!)), width - margins.marginLeft - margins.marginRight, (d: number) => d.toLocaleString("sv-SE")), tickFormat: (d: number) => d.toLocaleString("sv-SE")},
    y: {label: null, domain: data.map((d) => d.name)},
    marks: [
      Plot.barX(data, {
        x: "value",
        y: "name",
        fill: COLORS.primary,
        stroke: "#222",
        strokeWidth: (d: RankedBar) => (d.mine ? 3 : 0.5),
        href: (d: RankedBar) => d.href ?? null,
        title: (d: RankedBar) => `${d.name}${d.mine ? " (min kommun)" : ""}: ${d.text}\nRang ${d.rank ?? "–"} av ${data.length}\nKlicka för kommunens profil`,
        // The tip never takes the click meant for the bar (Plot lets a pinned tip catch the pointer).
        tip: {pointerEvents: "none"}
      }),
      Plot.ruleX([0], {stroke: "#111", pointerEvents: "none"}),
      ...refs.flatMap((r) => [
        Plot.ruleX([r!.value], {stroke: r!.color, strokeWidth: 2, strokeDasharray: r!.dash, pointerEvents: "none"}),
        Plot.text([r], {
          x: (d: {value: number}) => d.value,
          frameAnchor: "top",
          dy: narrow && refs.length === 2 ? (r === larger ? -40 : -22) : -24,
          dx: narrow ? 0 : r === larger ? 4 : -4,
          textAnchor: narrow ? "middle" : r === larger ? "start" : "end",
          text: (d: {key: string; text: string}) => `${d.key} ${d.text}`,
          fill: "#111",
          fontWeight: 600,
          pointerEvents: "none"
        })
      ]),
      // The figures last, with a white halo, so that no reference line hides them.
      Plot.text(data.filter((d) => !d.mine), {x: "value", y: "name", text: "text", textAnchor: "start", dx: 4, fill: "#111", stroke: "#fff", strokeWidth: 3, paintOrder: "stroke", pointerEvents: "none"}),
      Plot.text(data.filter((d) => d.mine), {x: "value", y: "name", text: (d: RankedBar) => `${d.text}${myMark}`, textAnchor: "start", dx: 4, fill: "#111", stroke: "#fff", strokeWidth: 3, paintOrder: "stroke", fontWeight: 700, className: "my-municipality-mark", pointerEvents: "none"})
    ]
  }) as SVGSVGElement;
  describeChart(chart, description);
  // The bars are links, and an image (role="img") may not hold links (axe: nested-interactive): the chart
  // is a named figure instead, and each link gets a name (Plot's own <a> has none).
  chart.setAttribute("role", "figure");
  data.forEach((d, i) => chart.querySelectorAll("a")[i]?.setAttribute("aria-label", `${d.name}${d.mine ? " (min kommun)" : ""}, ${d.text}: öppna kommunens profil`));
  return el(
    "div",
    {class: "ranked-bars"},
    chart,
    without.length ? el("p", {class: "chart-note"}, `Utan stapel: ${without.map((r) => `${r.name} (${r.text})`).join(", ")}.`) : null
  );
}
