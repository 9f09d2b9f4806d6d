/**
 * Coverage over seasons: a few series (the county from the municipalities' counts, the county and the
 * nation as published), each with its own line style AND symbol and its name written at its last point,
 * so neither colour nor a legend is needed to tell them apart. An optional target line (WHO 75 %).
 */
import * as Plot from "@observablehq/plot";
import {SCHEME} from "./palette.js";
import {formatDecimal, formatPercent} from "./format.js";
import {describeChart} from "./chart-a11y.js";
import {chartWidth, isNarrow, lineKeyIcon, thinTicks} from "./chart-style.js";
import {el} from "./dom.js";

export interface TrendPoint {
  series: string;
  season: string;
  /** Fraction 0–1; null points are left out (a gap). */
  value: number | null;
}

const SYMBOLS = ["circle", "square", "triangle", "diamond", "cross"];
const DASHES = ["none", "6,4", "2,3", "8,3,2,3"];

export function CoverageTrend(points: readonly TrendPoint[], {width = 760, height = 320, seasons, target, targetLabel, description}: {width?: number; height?: number; seasons: readonly string[]; target?: number | null; targetLabel?: string; description: string}): SVGSVGElement | HTMLElement {
  const series = [...new Set(points.map((p) => p.series))];
  const data = points.filter((p) => p.value != null).map((p) => ({...p, y: p.value! * 100}));
  // The labels at the line ends compare the series: put them in the last season that every series has,
  // so that two counties (or a county and the nation) are never set side by side from different seasons.
  // Without a common season each label names its own.
  const common = seasons.filter((season) => series.every((s) => data.some((d) => d.series === s && d.season === season))).at(-1);
  const last = series
    .map((s) => (common ? data.find((d) => d.series === s && d.season === common) : data.filter((d) => d.series === s).at(-1)))
    .filter((d): d is (typeof data)[number] => d != null);
  const endLabel = (d: TrendPoint) => `${d.series}${common ? "" : ` ${d.season}`} ${formatPercent(d.value)}`;
  const ys = [...data.map((d) => d.y), ...(target != null ? [target * 100] : [])];
  const w = chartWidth(width, 760);
  // On a phone the series are named in a key under the chart, not at their ends.
  const narrow = isNarrow(w);
  const marginRight = narrow ? 16 : 230;
  const chart = Plot.plot({
    width: w,
    height: narrow ? Math.min(height, 260) : height,
    marginLeft: 48,
    marginRight,
    marginBottom: 42,
    x: {label: "Säsong", domain: seasons as string[], padding: 0.3, ticks: thinTicks(seasons, w - 48 - marginRight)},
    y: {label: "Täckning (%)", grid: true, domain: [Math.max(0, Math.floor(Math.min(...ys) / 10) * 10 - 5), Math.min(100, Math.ceil(Math.max(...ys) / 10) * 10)], tickFormat: (d: number) => formatDecimal(d, 0)},
    color: {domain: series, range: SCHEME},
    symbol: {domain: series, range: SYMBOLS},
    marks: [
      target != null ? Plot.ruleY([target * 100], {stroke: "#111", strokeWidth: 1.5, strokeDasharray: "1,4"}) : null,
      target != null ? Plot.text([target * 100], {x: () => seasons[0], y: (d: number) => d, text: () => targetLabel ?? formatPercent(target), dy: -8, textAnchor: "start", fill: "#111"}) : null,
      ...series.map((s, i) =>
        Plot.line(data.filter((d) => d.series === s), {x: "season", y: "y", stroke: SCHEME[i % SCHEME.length], strokeWidth: 2, strokeDasharray: DASHES[i % DASHES.length]})
      ),
      Plot.dot(data, {x: "season", y: "y", stroke: "series", fill: "series", symbol: "series", r: 4.5, title: (d: TrendPoint & {y: number}) => `${d.series} ${d.season}: ${formatPercent(d.value)}`}),
      // Names at the last points, pushed apart when two series end close together.
      ...(narrow ? [] : labelOffsets(last.map((d) => d.y), ys)).map((dy, i) =>
        Plot.text([last[i]], {x: "season", y: "y", text: endLabel, dx: 10, dy, textAnchor: "start", fill: "#111", fontSize: 11})
      )
    ]
  }) as SVGSVGElement | HTMLElement;
  describeChart(chart, description);
  if (!narrow) return chart;
  const key = el(
    "p",
    {class: "chart-key"},
    ...last.map((d) => {
      const i = series.indexOf(d.series);
      return el("span", {class: "legend-item"}, lineKeyIcon(SCHEME[i % SCHEME.length], DASHES[i % DASHES.length], SYMBOLS[i % SYMBOLS.length]) as unknown as Node, `${d.series} ${formatPercent(d.value)}`);
    })
  );
  return el("figure", {class: "coverage-trend"}, chart as unknown as Node, key);
}

/** Vertical pixel offsets so that labels at the given values keep about 13 px apart (height ≈ 240 px of plot). */
function labelOffsets(values: readonly number[], all: readonly number[]): number[] {
  const span = Math.max(1, Math.max(...all) - Math.min(...all));
  const px = (v: number) => (-v / span) * 240;
  const order = values.map((v, i) => ({i, y: px(v)})).sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  const out = values.map(() => 0);
  for (const o of order) {
    let y = o.y;
    if (placed.length && y < placed.at(-1)! + 13) y = placed.at(-1)! + 13;
    placed.push(y);
    out[o.i] = y - o.y;
  }
  return out;
}
