/**
 * Jämför kommuner (/jamfor) and the municipality profile (/kommun/<code>): fair comparisons of one
 * indicator between the municipalities of a county. Pure functions on exact ratios; no I/O.
 *
 * - A figure of a municipality and year is a numerator (öre, persons, devices, vaccinated) over a
 *   denominator chosen by the measure: 1 (total), inhabitants, inhabitants 65+ or 80+, enrolled persons,
 *   the county's sum (share of the county), or the target group (vaccination coverage).
 * - County average = Σ numerators / Σ denominators over the municipalities with a published figure
 *   ("total/total", as Kolada's county figures); for the total measure it is the mean per municipality.
 *   Median = the middle published figure (mean of the two middle ones for an even count).
 * - Small counts of persons (1 … threshold − 1) are suppressed, with every figure derived from them, and
 *   they are left out of every sum (county average, share of the county, similar municipalities), so no
 *   shown total lets a suppressed count be recomputed.
 * - Fixed prices: each amount is uprated from its year to the price level year by its principal's index
 *   (index-uprating.ts, lag 0), exactly, before any sum or division.
 * - Similar municipalities: the k nearest by Euclidean distance on z-scores of ln(population), share
 *   65+ and share 80+, across all municipalities in the data (like Kolada's "liknande kommuner").
 */
import {type Ratio, ratio, add, sub, div, cmp, sum, ZERO, ONE, mul} from "./exact.ts";
import {priceLevelFactor, type IndexName, type IndexValue} from "./index-uprating.ts";

export type MeasureId = "total" | "perInhabitant" | "per65" | "per80" | "perEnrolled" | "share" | "coverage";

export interface PopulationCell {
  total: number;
  /** Inhabitants 65 and older (65–79 plus 80+). */
  age65: number;
  age80: number;
}

/** One base figure of a municipality and year (an amount in öre, or a count). */
export interface BaseCell {
  value: Ratio;
  /** A count of persons between 1 and threshold − 1: never shown, never summed. */
  suppressed?: boolean;
  /** Coverage: the target group (its own count of persons). */
  denominator?: Ratio;
  denominatorSuppressed?: boolean;
}

/** Key of a municipality and year in the cell maps. */
export const cellKey = (code: string, year: number): string => `${code}|${year}`;

export type Figure = Ratio | null | "suppressed";

export interface MunicipalityRef {
  code: string;
  countyCode: string;
}

export interface MeasureInput {
  municipalities: readonly MunicipalityRef[];
  years: readonly number[];
  cells: ReadonlyMap<string, BaseCell>;
  population: ReadonlyMap<string, PopulationCell>;
  /** perEnrolled: the enrolled persons that the amount serves. */
  enrolled?: ReadonlyMap<string, BaseCell>;
}

/** "Is this a count of persons that must not be shown?" (1 … threshold − 1; 0 is shown). */
export function isSmallCount(n: number, threshold: number): boolean {
  return n >= 1 && n < threshold;
}

interface Part {
  num: Ratio;
  den: Ratio;
}

/** Numerator and denominator of a measure for one cell, or why there is none. */
function part(measure: MeasureId, input: MeasureInput, code: string, year: number, countySums: Map<string, Ratio>, countyOf: Map<string, string>): Part | null | "suppressed" {
  const k = cellKey(code, year);
  const c = input.cells.get(k);
  if (!c) return null;
  if (c.suppressed) return "suppressed";
  const pop = input.population.get(k);
  const byPop = (n: number | undefined): Part | null => (n ? {num: c.value, den: ratio(n)} : null);
  switch (measure) {
    case "total":
      return {num: c.value, den: ONE};
    case "perInhabitant":
      return byPop(pop?.total);
    case "per65":
      return byPop(pop?.age65);
    case "per80":
      return byPop(pop?.age80);
    case "perEnrolled": {
      const e = input.enrolled?.get(k);
      if (!e) return null;
      if (e.suppressed) return "suppressed";
      return e.value.num === 0n ? null : {num: c.value, den: e.value};
    }
    case "coverage":
      if (c.denominatorSuppressed) return "suppressed";
      return c.denominator && c.denominator.num !== 0n ? {num: c.value, den: c.denominator} : null;
    case "share": {
      const s = countySums.get(cellKey(countyOf.get(code)!, year));
      return s && s.num !== 0n ? {num: c.value, den: s} : null;
    }
  }
}

/** The exact median of a list (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly Ratio[]): Ratio | null {
  if (!values.length) return null;
  const s = [...values].sort(cmp);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : div(add(s[m - 1], s[m]), ratio(2));
}

/**
 * Change from `from` to `to`: relative (to / from − 1, a fraction) for amounts and counts, or the
 * difference (to − from, in the measure's own fraction units, i.e. percentage points × 1/100) for shares
 * and coverage. Null when either end is missing or suppressed, or a relative change from zero.
 */
export function change(from: Figure, to: Figure, kind: "relative" | "points"): Ratio | null {
  if (from == null || to == null || from === "suppressed" || to === "suppressed") return null;
  if (kind === "points") return sub(to, from);
  // to / from − 1 as one fraction: one normalisation instead of two (this runs for every cell).
  return from.num === 0n ? null : ratio(to.num * from.den - from.num * to.den, to.den * from.num);
}

/** Competition ranking ("1224"), 1 = the highest figure; suppressed and missing figures have no rank. */
export function ranks(figures: ReadonlyMap<string, Figure>): Map<string, number> {
  const shown = [...figures].filter((e): e is [string, Ratio] => e[1] != null && e[1] !== "suppressed");
  const out = new Map<string, number>();
  for (const [code, v] of shown) out.set(code, 1 + shown.filter(([, w]) => cmp(w, v) > 0).length);
  return out;
}

export interface MeasureSeries {
  measure: MeasureId;
  /** Per municipality, per year (the order of `years`). */
  values: Map<string, Figure[]>;
  sincePrevious: Map<string, (Ratio | null)[]>;
  sinceFirst: Map<string, (Ratio | null)[]>;
  rank: Map<string, (number | null)[]>;
  /** Per county, per year. Average is null for the share measure (the county is 100 %). */
  countyAverage: Map<string, (Ratio | null)[]>;
  countyMedian: Map<string, (Ratio | null)[]>;
  /** How many municipalities of the county have a published figure, per year. */
  countyCount: Map<string, number[]>;
}

export const changeKind = (m: MeasureId): "relative" | "points" => (m === "share" || m === "coverage" ? "points" : "relative");

/** One measure of one indicator for every municipality and year, with changes, ranks and county figures. */
export function measureSeries(measure: MeasureId, input: MeasureInput): MeasureSeries {
  const {municipalities, years} = input;
  const countyOf = new Map(municipalities.map((m) => [m.code, m.countyCode]));
  const counties = [...new Set(municipalities.map((m) => m.countyCode))];
  // Share of the county: the sum over the municipalities whose figure is published.
  const countySums = new Map<string, Ratio>();
  if (measure === "share") {
    for (const m of municipalities)
      for (const y of years) {
        const c = input.cells.get(cellKey(m.code, y));
        if (!c || c.suppressed) continue;
        const k = cellKey(m.countyCode, y);
        countySums.set(k, add(countySums.get(k) ?? ZERO, c.value));
      }
  }
  const parts = new Map<string, ReturnType<typeof part>[]>();
  const values = new Map<string, Figure[]>();
  for (const m of municipalities) {
    const ps = years.map((y) => part(measure, input, m.code, y, countySums, countyOf));
    parts.set(m.code, ps);
    values.set(m.code, ps.map((p) => (p == null ? null : p === "suppressed" ? "suppressed" : div(p.num, p.den))));
  }
  const kind = changeKind(measure);
  const sincePrevious = new Map<string, (Ratio | null)[]>();
  const sinceFirst = new Map<string, (Ratio | null)[]>();
  for (const [code, vs] of values) {
    sincePrevious.set(code, vs.map((v, i) => (i === 0 ? null : change(vs[i - 1], v, kind))));
    sinceFirst.set(code, vs.map((v, i) => (i === 0 ? null : change(vs[0], v, kind))));
  }
  const rank = new Map<string, (number | null)[]>(municipalities.map((m) => [m.code, years.map(() => null)]));
  const countyAverage = new Map<string, (Ratio | null)[]>();
  const countyMedian = new Map<string, (Ratio | null)[]>();
  const countyCount = new Map<string, number[]>();
  for (const cc of counties) {
    const members = municipalities.filter((m) => m.countyCode === cc).map((m) => m.code);
    const avg: (Ratio | null)[] = [];
    const med: (Ratio | null)[] = [];
    const count: number[] = [];
    years.forEach((_, i) => {
      const figures = new Map(members.map((code) => [code, values.get(code)![i]]));
      for (const [code, r] of ranks(figures)) rank.get(code)![i] = r;
      const shown = members.map((code) => parts.get(code)![i]).filter((p): p is Part => p != null && p !== "suppressed");
      count.push(shown.length);
      med.push(median(shown.map((p) => div(p.num, p.den))));
      avg.push(measure === "share" ? null : groupAverage(shown));
    });
    countyAverage.set(cc, avg);
    countyMedian.set(cc, med);
    countyCount.set(cc, count);
  }
  return {measure, values, sincePrevious, sinceFirst, rank, countyAverage, countyMedian, countyCount};
}

/** Σ numerators / Σ denominators of published parts (for "total", whose denominators are 1: the mean). */
function groupAverage(shown: readonly Part[]): Ratio | null {
  if (!shown.length) return null;
  const den = sum(shown.map((p) => p.den));
  return den.num === 0n ? null : div(sum(shown.map((p) => p.num)), den);
}

/**
 * The figure of a group of municipalities (e.g. the similar ones), total/total over their published
 * figures, per year. Null for the share measure (a share of different counties cannot be pooled).
 */
export function groupSeries(measure: MeasureId, input: MeasureInput, codes: readonly string[]): (Ratio | null)[] {
  if (measure === "share") return input.years.map(() => null);
  const countyOf = new Map(input.municipalities.map((m) => [m.code, m.countyCode]));
  return input.years.map((y) => groupAverage(codes.map((c) => part(measure, input, c, y, new Map(), countyOf)).filter((p): p is Part => p != null && p !== "suppressed")));
}

// ---------------------------------------------------------------------------------------------------
// Fixed prices

/** Per year, the exact factor that takes an amount of that year to the price level of `levelYear`. */
export function priceFactors(series: readonly IndexValue[], index: IndexName, years: readonly number[], levelYear: number): Map<number, Ratio> {
  // From the index levels where the file has them (round once), else the chained yearly changes.
  return new Map(years.map((y) => [y, priceLevelFactor(series, index, y, levelYear).factor]));
}

/** An amount in fixed prices: the amount times its year's factor (exact). */
export function atPriceLevel(amount: Ratio, year: number, factors: ReadonlyMap<number, Ratio>): Ratio {
  const f = factors.get(year);
  if (!f) throw new RangeError(`ingen prisomräkningsfaktor för ${year}`);
  return mul(amount, f);
}

// ---------------------------------------------------------------------------------------------------
// Similar municipalities

export interface StructureFeatures {
  code: string;
  population: number;
  /** Inhabitants 65+ / all inhabitants. */
  share65: number;
  share80: number;
}

export interface Neighbour {
  code: string;
  distance: number;
}

/** z-scores (population standard deviation; 0 when all are equal). */
export function zScores(xs: readonly number[]): number[] {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
  return xs.map((x) => (sd === 0 ? 0 : (x - mean) / sd));
}

/**
 * The k municipalities most similar to each one: Euclidean distance on the z-scores of ln(population),
 * share 65+ and share 80+, computed over all municipalities given; ties go to the lower code.
 */
export function similarMunicipalities(features: readonly StructureFeatures[], k = 5): Map<string, Neighbour[]> {
  const zs = [zScores(features.map((f) => Math.log(f.population))), zScores(features.map((f) => f.share65)), zScores(features.map((f) => f.share80))];
  const out = new Map<string, Neighbour[]>();
  features.forEach((f, i) => {
    const others = features
      .map((g, j) => ({code: g.code, distance: Math.sqrt(zs.reduce((s, z) => s + (z[i] - z[j]) ** 2, 0))}))
      .filter((_, j) => j !== i)
      .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code));
    out.set(f.code, others.slice(0, k));
  });
  return out;
}

/**
 * The k municipalities most similar to each one among those of its own group (its county, say): the same
 * distance as similarMunicipalities (z-scores over all municipalities given, so a county's figures are
 * measured on the national scale), but only candidates with the same group are kept.
 */
export function similarWithinGroups(features: readonly StructureFeatures[], groupOf: (code: string) => string, k = 3): Map<string, Neighbour[]> {
  const zs = [zScores(features.map((f) => Math.log(f.population))), zScores(features.map((f) => f.share65)), zScores(features.map((f) => f.share80))];
  const out = new Map<string, Neighbour[]>();
  features.forEach((f, i) => {
    const group = groupOf(f.code);
    const others = features
      .map((g, j) => ({code: g.code, j, distance: Math.sqrt(zs.reduce((s, z) => s + (z[i] - z[j]) ** 2, 0))}))
      .filter((g) => g.j !== i && groupOf(g.code) === group)
      .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code))
      .map(({code, distance}) => ({code, distance}));
    out.set(f.code, others.slice(0, k));
  });
  return out;
}

/**
 * The quartile of a rank among n ranked municipalities (rank 1 = the highest figure): ⌈4 · rank / n⌉, so
 * Q1 holds the highest quarter and Q4 the lowest; equal figures share a rank and so a quartile.
 */
export function rankQuartile(rank: number, n: number): 1 | 2 | 3 | 4 {
  if (!(n > 0) || rank < 1 || rank > n) throw new RangeError(`rang ${rank} av ${n}`);
  return Math.min(4, Math.max(1, Math.ceil((4 * rank) / n))) as 1 | 2 | 3 | 4;
}
