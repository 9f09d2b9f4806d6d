/**
 * Vaccination coverage (DOMAIN.md "Vaccination", "Funnel plots", "Vaccination statistics as
 * published"): coverage = vaccinated / people in the target group, per season, target group, vaccine
 * and municipality; the county aggregate; the change from the season before in percentage points;
 * funnel-plot control limits around the county's coverage (Spiegelhalter 2005); the county's rank
 * among counties; the municipalities' vaccination work priced at a rate per dose.
 * Pure functions: no I/O. Proportions are fractions (0.784), never percent, until they are formatted.
 */
import {formatDecimal, formatInteger, formatPercent} from "../format.ts";
import {type Ratio, ratio, mul, add, ZERO} from "./exact.ts";
import {kronorToOre, type Ore} from "./money.ts";

/** WHO's target for seasonal influenza vaccination of people 65+ (DOMAIN.md: 75 %). */
export const WHO_INFLUENZA_TARGET_65 = 0.75;

export interface Count {
  vaccinated: number;
  targetSize: number;
}

/** vaccinated / targetSize, or null when the target group is empty. */
export function coverage(vaccinated: number, targetSize: number): number | null {
  if (targetSize < 0 || vaccinated < 0) throw new RangeError("negative count");
  if (vaccinated > targetSize) throw new RangeError(`more vaccinated (${vaccinated}) than in the target group (${targetSize})`);
  return targetSize === 0 ? null : vaccinated / targetSize;
}

/** The county (or any group of units): the sums, and coverage as sum vaccinated / sum target group. */
export function aggregate(counts: readonly Count[]): Count & {coverage: number | null} {
  const vaccinated = counts.reduce((s, c) => s + c.vaccinated, 0);
  const targetSize = counts.reduce((s, c) => s + c.targetSize, 0);
  return {vaccinated, targetSize, coverage: coverage(vaccinated, targetSize)};
}

/** Change in percentage points: (current − previous) × 100, e.g. 0.812 − 0.790 → 2.2. */
export function changePoints(current: number | null | undefined, previous: number | null | undefined): number | null {
  return current == null || previous == null ? null : Math.round((current - previous) * 100 * 1e9) / 1e9;
}

/** The season before: "2024/25" → "2023/24". */
export function previousSeason(season: string): string {
  const m = /^(\d{4})\/(\d{2})$/.exec(season);
  if (!m) throw new RangeError(`not a season: ${season}`);
  const y = Number(m[1]) - 1;
  return `${y}/${String((y + 1) % 100).padStart(2, "0")}`;
}

/** The season that ends in a calendar year (1 July – 30 June): 2024 → "2023/24". */
export function seasonEndingIn(year: number): string {
  return `${year - 1}/${String(year % 100).padStart(2, "0")}`;
}

// ——— Funnel limits ———

export type LimitMethod = "wilson" | "normal" | "exact";
export type Level = 95 | 99.8;

/** The z values of DOMAIN.md's funnel plots: 1.96 for 95 %, 3.09 for 99.8 % (two-sided). */
export const Z: Record<Level, number> = {95: 1.96, 99.8: 3.09};

export const METHOD_NAMES: Record<LimitMethod, string> = {
  wilson: "Wilsons poängintervall (Wilson score)",
  normal: "normalapproximation p₀ ± z·√(p₀(1−p₀)/n)",
  exact: "exakt binomialfördelning"
};

export interface Limits {
  lower: number;
  upper: number;
}

/**
 * The limits within which a unit of size n with the county's true coverage p0 falls with the given
 * probability.
 * - "wilson" (default): the Wilson score interval evaluated at p0,
 *   (p0 + z²/2n ± z·√(p0(1−p0)/n + z²/4n²)) / (1 + z²/n); stays inside 0–100 % and is asymmetric near
 *   the ends, where small municipalities with high coverage sit.
 * - "normal": p0 ± z·√(p0(1−p0)/n), clipped to 0–1 (Spiegelhalter's normal approximation).
 * - "exact": binomial quantiles, lower = the smallest k with P(X ≤ k) ≥ α/2, upper = the smallest k with
 *   P(X ≤ k) ≥ 1 − α/2, over n (no interpolation, so the limits step with n).
 */
export function funnelLimits(p0: number, n: number, level: Level, method: LimitMethod = "wilson"): Limits {
  if (!(n > 0)) throw new RangeError("n must be positive");
  if (p0 < 0 || p0 > 1) throw new RangeError("p0 must be a proportion");
  const z = Z[level];
  if (method === "normal") {
    const h = z * Math.sqrt((p0 * (1 - p0)) / n);
    return {lower: Math.max(0, p0 - h), upper: Math.min(1, p0 + h)};
  }
  if (method === "wilson") {
    const z2 = z * z;
    const centre = p0 + z2 / (2 * n);
    const h = z * Math.sqrt((p0 * (1 - p0)) / n + z2 / (4 * n * n));
    const d = 1 + z2 / n;
    return {lower: Math.max(0, (centre - h) / d), upper: Math.min(1, (centre + h) / d)};
  }
  const alpha = 1 - level / 100;
  return {lower: binomialQuantile(n, p0, alpha / 2) / n, upper: binomialQuantile(n, p0, 1 - alpha / 2) / n};
}

/** The smallest k with P(X ≤ k) ≥ q for X ~ Bin(n, p). */
export function binomialQuantile(n: number, p: number, q: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("n must be a whole number");
  if (p <= 0) return 0;
  if (p >= 1) return n;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  // log pmf(k) from log C(n, k) built up term by term; summed in order with a shift for stability.
  const logs: number[] = [];
  let logC = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log(n - k + 1) - Math.log(k);
    logs.push(logC + k * lp + (n - k) * lq);
  }
  const max = Math.max(...logs);
  const w = logs.map((l) => Math.exp(l - max));
  const total = w.reduce((s, x) => s + x, 0);
  let cum = 0;
  for (let k = 0; k <= n; k++) {
    cum += w[k] / total;
    if (cum >= q - 1e-12) return k;
  }
  return n;
}

export type FunnelStatus = "above998" | "above95" | "inside" | "below95" | "below998";

export const STATUS_TEXT: Record<FunnelStatus, string> = {
  above998: "Över 99,8 %-gränsen",
  above95: "Mellan 95 % och 99,8 %, över",
  inside: "Inom 95 %-gränserna",
  below95: "Mellan 95 % och 99,8 %, under",
  below998: "Under 99,8 %-gränsen"
};

export interface FunnelPoint {
  /** Lower and upper limits at this n (fractions). */
  limits95: Limits;
  limits998: Limits;
  status: FunnelStatus;
}

/** Where a unit's coverage falls against the limits at its own n. A point on a limit is inside it. */
export function classify(vaccinated: number, targetSize: number, p0: number, method: LimitMethod = "wilson"): FunnelPoint {
  const p = coverage(vaccinated, targetSize);
  if (p == null) throw new RangeError("empty target group");
  const limits95 = funnelLimits(p0, targetSize, 95, method);
  const limits998 = funnelLimits(p0, targetSize, 99.8, method);
  const eps = 1e-12;
  const status: FunnelStatus =
    p > limits998.upper + eps ? "above998" : p > limits95.upper + eps ? "above95" : p < limits998.lower - eps ? "below998" : p < limits95.lower - eps ? "below95" : "inside";
  return {limits95, limits998, status};
}

/** The funnel's curves for a chart: limits at n values spread evenly on a log scale. */
export function funnelCurve(p0: number, nMin: number, nMax: number, method: LimitMethod = "wilson", steps = 48): {n: number; lower95: number; upper95: number; lower998: number; upper998: number}[] {
  const lo = Math.max(1, Math.floor(nMin * 0.8));
  const hi = Math.max(lo + 1, Math.ceil(nMax * 1.1));
  const ns = new Set<number>();
  for (let s = 0; s <= steps; s++) ns.add(Math.round(Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * s) / steps)));
  return [...ns].sort((a, b) => a - b).map((n) => {
    const a = funnelLimits(p0, n, 95, method);
    const b = funnelLimits(p0, n, 99.8, method);
    return {n, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper};
  });
}

export interface NamedPoint {
  name: string;
  coverage: number;
  status: FunnelStatus;
}

/**
 * The funnel in Swedish words: which units are outside the 99.8 % limits (a real difference), which
 * are between 95 % and 99.8 % (worth a look), and how many are inside 95 % (ordinary variation).
 */
export function funnelSentence(points: readonly NamedPoint[], p0: number, hidden = 0): string {
  const list = (ps: readonly NamedPoint[]) =>
    ps.map((p) => `${p.name} ${formatPercent(p.coverage)} (${p.status.startsWith("above") ? "över" : "under"})`).join(", ");
  const outside = points.filter((p) => p.status === "above998" || p.status === "below998");
  const between = points.filter((p) => p.status === "above95" || p.status === "below95");
  const inside = points.filter((p) => p.status === "inside");
  const parts: string[] = [];
  parts.push(
    outside.length
      ? `Utanför 99,8 %-gränserna runt länets ${formatPercent(p0)}, en verklig skillnad: ${list(outside)}.`
      : `Ingen kommun ligger utanför 99,8 %-gränserna runt länets ${formatPercent(p0)}.`
  );
  if (between.length) parts.push(`Mellan 95 %- och 99,8 %-gränserna, värt att titta närmare på: ${list(between)}.`);
  parts.push(
    inside.length === points.length && points.length
      ? `Alla ${formatInteger(points.length)} kommuner i diagrammet ligger inom 95 %-gränserna: skillnaderna är vad slumpen ger i grupper av den storleken.`
      : `${formatInteger(inside.length)} av ${formatInteger(points.length)} kommuner ligger inom 95 %-gränserna (slumpens variation).`
  );
  if (hidden) parts.push(`${formatInteger(hidden)} ${hidden === 1 ? "kommun visas" : "kommuner visas"} inte: för få personer för att redovisa.`);
  return parts.join(" ");
}

// ——— Rank among counties ———

export interface Ranked {
  rank: number;
  of: number;
  /** Other counties with exactly the same coverage (they share the rank). */
  tiedWith: string[];
}

/**
 * Rank by coverage, highest first, with shared ranks for ties (1, 2, 2, 4). Null when the code is
 * missing or fewer than two counties have a value.
 */
export function rankAmong(values: readonly {code: string; name?: string; coverage: number}[], code: string): Ranked | null {
  const me = values.find((v) => v.code === code);
  if (!me || values.length < 2) return null;
  const rank = 1 + values.filter((v) => v.coverage > me.coverage).length;
  return {rank, of: values.length, tiedWith: values.filter((v) => v.code !== code && v.coverage === me.coverage).map((v) => v.name ?? v.code)};
}

export function rankText(r: Ranked | null): string {
  if (!r) return "–";
  // The rank counts only the counties that have a value in the data: say so, it is not "of 21".
  return `plats ${formatInteger(r.rank)} av ${formatInteger(r.of)} län med uppgift${r.tiedWith.length ? ` (delad med ${r.tiedWith.join(", ")})` : ""}`;
}

// ——— Volume priced ———

/** What the doses would cost at a price per dose (kronor, exact): doses × price, rounded to whole öre. */
export function priceDoses(doses: number, pricePerDoseKronor: Ratio): Ore {
  if (!Number.isInteger(doses) || doses < 0) throw new RangeError("doses must be a whole number ≥ 0");
  return kronorToOre(mul(ratio(BigInt(doses)), pricePerDoseKronor));
}

/** The sum of priced doses, priced once on the total (so that it is exactly total doses × price). */
export function priceTotal(doses: readonly number[], pricePerDoseKronor: Ratio): Ore {
  return kronorToOre(doses.reduce<Ratio>((s, d) => add(s, mul(ratio(BigInt(d)), pricePerDoseKronor)), ZERO));
}

/** "+2,2 procentenheter" / "−0,4 procentenheter". */
export function pointsText(points: number | null, digits = 1): string {
  if (points == null) return "–";
  const t = formatDecimal(points, digits);
  return `${points > 0 && t !== formatDecimal(0, digits) ? "+" : ""}${t} procentenheter`;
}
