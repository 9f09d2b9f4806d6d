/**
 * The size rules every chart follows, so that a chart reads on a 360 px phone as on a desktop: charts
 * are drawn at the width of the page (never wider, or the browser shrinks the text with the chart),
 * their text is at least 11 px as displayed (style.css sets Plot's 10 px to CHART_FONT), margins are
 * made for the labels they hold, and ticks are thinned so that their labels never collide.
 */

/** Chart text in px (style.css: svg[class^="plot-"]). Marks that set their own size use at least 11. */
export const CHART_FONT = 12;

/** The narrowest a chart is drawn: a phone's page (360 px less the margins) is about 296 px wide. */
export const MIN_CHART_WIDTH = 260;

/** The width to draw at: the page's width, but never less than MIN_CHART_WIDTH (a card may report 0 before layout). */
export function chartWidth(width: number | undefined, fallback = 640): number {
  return Math.max(MIN_CHART_WIDTH, Math.round(width || fallback));
}

/** Is the chart narrow (a phone)? Narrow charts put their labels on fewer, shorter lines. */
export const isNarrow = (width: number): boolean => width < 480;

/** An upper estimate of a label's width in px at `size` (system-ui, digits and most letters ≈ 0.6 em). */
export function textWidth(text: string, size = CHART_FONT): number {
  return Math.ceil(text.length * size * 0.6);
}

/** The widest of some labels, in px. */
export function widest(texts: readonly string[], size = CHART_FONT): number {
  return Math.max(0, ...texts.map((t) => textWidth(t, size)));
}

/**
 * The ticks to draw among `values` (years, seasons) over `span` px so that labels never touch: every
 * n-th value, counted back from the last so the newest is always labelled.
 */
export function thinTicks<T>(values: readonly T[], span: number, label: (v: T) => string = String, size = CHART_FONT): T[] {
  if (values.length === 0) return [];
  const room = widest(values.map(label), size) + 10;
  const fit = Math.max(1, Math.floor(span / room));
  const step = Math.max(1, Math.ceil(values.length / fit));
  return values.filter((_, i) => (values.length - 1 - i) % step === 0);
}

/** How many ticks a continuous axis of `span` px can hold when a label is about `chars` characters. */
export function tickCount(span: number, chars = 6, size = CHART_FONT): number {
  return Math.max(2, Math.floor(span / (textWidth("0".repeat(chars), size) + 16)));
}

/** Ticks at a nice step (1, 2 or 5 × 10^k) from lo to hi, about `count` of them (as d3's ticks). */
function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

/**
 * Ticks of a continuous axis from `lo` to `hi` over `span` px whose labels (as `format` writes them)
 * fit side by side: the most ticks that fit, from d3's nice steps. (A tick count alone is only a hint
 * that d3 may double.)
 */
export function fittingTicks(lo: number, hi: number, span: number, format: (v: number) => string = String, size = CHART_FONT): number[] {
  for (let n = 10; n >= 1; n--) {
    const t = niceTicks(lo, hi, n);
    if (t.length * (widest(t.map(format), size) + 14) <= span) return t;
  }
  return niceTicks(lo, hi, 1).slice(0, 2);
}

/** A long name on two lines (at the space nearest the middle) when it is wider than `max` px. */
export function wrapLabel(text: string, max: number, size = CHART_FONT): string {
  if (textWidth(text, size) <= max || !text.includes(" ")) return text;
  const mid = text.length / 2;
  let at = -1;
  for (let i = 0; i < text.length; i++) if (text[i] === " " && (at < 0 || Math.abs(i - mid) < Math.abs(at - mid))) at = i;
  return `${text.slice(0, at)}\n${text.slice(at + 1)}`;
}

/**
 * Margins of a horizontal bar chart with names on the left and figures at the bars' ends: as wide as
 * the labels need, the names capped at a share of the width (long names wrap in the table beside).
 */
export function barMargins(width: number, names: readonly string[], figures: readonly string[]): {marginLeft: number; marginRight: number} {
  const cap = Math.round(width * (isNarrow(width) ? 0.42 : 0.3));
  const marginLeft = Math.min(widest(names.flatMap((n) => wrapLabel(n, cap - 12).split("\n"))) + 12, cap);
  const marginRight = Math.min(widest(figures) + 12, Math.round(width * (isNarrow(width) ? 0.45 : 0.35)));
  return {marginLeft, marginRight};
}

/** A key's icon: the series' line style and symbol, hidden from screen readers (the words say it). */
export function lineKeyIcon(color: string, dash: string | null, symbol: string): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [k, v] of Object.entries({width: "28", height: "14", viewBox: "0 0 28 14", "aria-hidden": "true"})) svg.setAttribute(k, v);
  const line = document.createElementNS(ns, "line");
  for (const [k, v] of Object.entries({x1: "1", y1: "7", x2: "27", y2: "7", stroke: color, "stroke-width": "2", "stroke-dasharray": !dash || dash === "none" ? "" : dash})) svg.appendChild(line).setAttribute(k, v);
  const shape = document.createElementNS(ns, symbol === "circle" ? "circle" : "polygon");
  const points: Record<string, string> = {star: "14,1 16,6 21,6 17,9 18,13 14,10 10,13 11,9 7,6 12,6", wye: "13,2 15,2 15,7 19,11 17,12 14,9 11,12 9,11 13,7", square: "10,3 18,3 18,11 10,11", triangle: "14,2 19,11 9,11", diamond: "14,2 19,7 14,12 9,7", cross: "12,2 16,2 16,5 19,5 19,9 16,9 16,12 12,12 12,9 9,9 9,5 12,5"};
  const attrs = symbol === "circle" ? {cx: "14", cy: "7", r: "4"} : {points: points[symbol] ?? points.square};
  for (const [k, v] of Object.entries({...attrs, fill: color})) svg.appendChild(shape).setAttribute(k, v);
  return svg;
}
