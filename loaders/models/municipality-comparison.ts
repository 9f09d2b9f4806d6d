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
 *
 * The figures of a series are exact but not normalised (see `quotient`): they are only rounded, compared
 * and summed, and at national scale the gcds of the large numbers that fixed prices give cost more than
 * all of that together (290 municipalities × 13 years × some 200 series). Compare them with `cmp`.
 */
import {type Ratio, ratio, add, cmp, sum, ZERO, ONE, mul} from "./exact.ts";
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

/**
 * a / b exactly, not normalised (den > 0, gcd(num, den) possibly > 1). Every function of exact.ts accepts
 * it; toFixed rounds it the same as its normalised form.
 */
export function quotient(a: Ratio, b: Ratio): Ratio {
  const num = a.num * b.den;
  const den = a.den * b.num;
  if (den === 0n) throw new RangeError("division by zero");
  return den < 0n ? {num: -num, den: -den} : {num, den};
}

/** a + b exactly; added as integers, not normalised, when both have the same denominator (one price year's amounts, counts). */
export function plus(a: Ratio, b: Ratio): Ratio {
  return a.den === b.den ? {num: a.num + b.num, den: a.den} : add(a, b);
}

/** Σ xs exactly (ZERO for none), not normalised: terms with the same denominator add as integers first. */
export function total(xs: readonly Ratio[]): Ratio {
  if (!xs.length) return ZERO;
  const den = xs[0].den;
  if (xs.every((x) => x.den === den)) {
    let num = 0n;
    for (const x of xs) num += x.num;
    return {num, den};
  }
  return sum(xs);
}

/** "Is this a count of persons that must not be shown?" (1 … threshold − 1; 0 is shown). */
export function isSmallCount(n: number, threshold: number): boolean {
  return n >= 1 && n < threshold;
}

interface Part {
  num: Ratio;
  den: Ratio;
}

/** Numerator and denominator of a measure for one cell (key `k`), or why there is none. */
function part(measure: MeasureId, input: MeasureInput, k: string, countySum: Ratio | undefined): Part | null | "suppressed" {
  const c = input.cells.get(k);
  if (!c) return null;
  if (c.suppressed) return "suppressed";
  switch (measure) {
    case "total":
      return {num: c.value, den: ONE};
    case "perInhabitant":
    case "per65":
    case "per80": {
      const pop = input.population.get(k);
      const n = pop && (measure === "perInhabitant" ? pop.total : measure === "per65" ? pop.age65 : pop.age80);
      return n ? {num: c.value, den: countRatio(n)} : null;
    }
    case "perEnrolled": {
      const e = input.enrolled?.get(k);
      if (!e) return null;
      if (e.suppressed) return "suppressed";
      return e.value.num === 0n ? null : {num: c.value, den: e.value};
    }
    case "coverage":
      if (c.denominatorSuppressed) return "suppressed";
      return c.denominator && c.denominator.num !== 0n ? {num: c.value, den: c.denominator} : null;
    case "share":
      return countySum && countySum.num !== 0n ? {num: c.value, den: countySum} : null;
  }
}

type PartOf = ReturnType<typeof part>;

/** ratio(n) for a count of inhabitants, made once per count (every per-capita figure divides by one). */
const counts = new Map<number, Ratio>();
function countRatio(n: number): Ratio {
  let r = counts.get(n);
  if (!r) {
    if (counts.size > 100_000) counts.clear();
    counts.set(n, (r = ratio(n)));
  }
  return r;
}

/**
 * The parts of a measure per municipality and year, computed once per input: measureSeries and then
 * groupSeries (once for every municipality's similar ones) read the same cells. An input is not changed
 * once it has been used (its maps are read-only).
 */
const partsCache = new WeakMap<MeasureInput, Map<MeasureId, Map<string, PartOf[]>>>();
function partsOf(measure: MeasureId, input: MeasureInput): Map<string, PartOf[]> {
  let byMeasure = partsCache.get(input);
  if (!byMeasure) partsCache.set(input, (byMeasure = new Map()));
  let parts = byMeasure.get(measure);
  if (parts) return parts;
  const {municipalities, years} = input;
  // Share of the county: the sum over the municipalities whose figure is published.
  const countySums = new Map<string, Ratio>();
  if (measure === "share") {
    for (const m of municipalities)
      for (const y of years) {
        const c = input.cells.get(cellKey(m.code, y));
        if (!c || c.suppressed) continue;
        const k = cellKey(m.countyCode, y);
        const prev = countySums.get(k);
        countySums.set(k, prev ? plus(prev, c.value) : c.value);
      }
  }
  parts = new Map(municipalities.map((m) => [m.code, years.map((y) => part(measure, input, cellKey(m.code, y), countySums.get(cellKey(m.countyCode, y))))]));
  byMeasure.set(measure, parts);
  return parts;
}

/** cmp, with one comparison of integers where the denominators are the same (a year's amounts). */
const compare = (a: Ratio, b: Ratio): number => (a.den === b.den ? (a.num < b.num ? -1 : a.num > b.num ? 1 : 0) : cmp(a, b));

/** The median of values sorted either way (mean of the two middle values for an even count). */
function middle(sorted: readonly Ratio[]): Ratio | null {
  if (!sorted.length) return null;
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[m] : quotient(plus(sorted[m - 1], sorted[m]), ratio(2));
}

/** The exact median of a list (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly Ratio[]): Ratio | null {
  return middle([...values].sort(compare));
}

/**
 * Change from `from` to `to`: relative (to / from − 1, a fraction) for amounts and counts, or the
 * difference (to − from, in the measure's own fraction units, i.e. percentage points × 1/100) for shares
 * and coverage. Null when either end is missing or suppressed, or a relative change from zero.
 */
export function change(from: Figure, to: Figure, kind: "relative" | "points"): Ratio | null {
  if (from == null || to == null || from === "suppressed" || to === "suppressed") return null;
  // Not normalised (see quotient): this runs for every cell and is only rounded for display.
  if (kind === "points") return to.den === from.den ? {num: to.num - from.num, den: to.den} : {num: to.num * from.den - from.num * to.den, den: to.den * from.den};
  // to / from − 1 as one fraction.
  if (from.num === 0n) return null;
  const num = to.num * from.den - from.num * to.den;
  const den = from.num * to.den;
  return den < 0n ? {num: -num, den: -den} : {num, den};
}

/** Competition ranking ("1224"), 1 = the highest figure; suppressed and missing figures have no rank. */
export function ranks(figures: ReadonlyMap<string, Figure>): Map<string, number> {
  return ranksOfSorted(shownFromHighest([...figures]));
}

/** The published figures, from the highest. */
function shownFromHighest(figures: [string, Figure][]): [string, Ratio][] {
  return figures.filter((e): e is [string, Ratio] => e[1] != null && e[1] !== "suppressed").sort((a, b) => compare(b[1], a[1]));
}

/** A figure's rank is 1 + the number of figures before its run of equal ones. */
function ranksOfSorted(shown: readonly [string, Ratio][]): Map<string, number> {
  const out = new Map<string, number>();
  shown.forEach(([code, v], i) => out.set(code, i > 0 && compare(shown[i - 1][1], v) === 0 ? out.get(shown[i - 1][0])! : i + 1));
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
  const counties = [...new Set(municipalities.map((m) => m.countyCode))];
  const parts = partsOf(measure, input);
  const values = new Map<string, Figure[]>();
  for (const [code, ps] of parts) values.set(code, ps.map((p) => (p == null ? null : p === "suppressed" ? "suppressed" : quotient(p.num, p.den))));
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
      // One sort for the ranks and the median.
      const sorted = shownFromHighest(members.map((code) => [code, values.get(code)![i]]));
      for (const [code, r] of ranksOfSorted(sorted)) rank.get(code)![i] = r;
      const shown = members.map((code) => parts.get(code)![i]).filter((p): p is Part => p != null && p !== "suppressed");
      count.push(shown.length);
      med.push(middle(sorted.map(([, v]) => v)));
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
  const den = total(shown.map((p) => p.den));
  return den.num === 0n ? null : quotient(total(shown.map((p) => p.num)), den);
}

/**
 * The figure of a group of municipalities (e.g. the similar ones), total/total over their published
 * figures, per year. Null for the share measure (a share of different counties cannot be pooled).
 */
export function groupSeries(measure: MeasureId, input: MeasureInput, codes: readonly string[]): (Ratio | null)[] {
  if (measure === "share") return input.years.map(() => null);
  const parts = partsOf(measure, input);
  const of = codes.map((c) => parts.get(c) ?? input.years.map((y) => part(measure, input, cellKey(c, y), undefined)));
  return input.years.map((_, i) => groupAverage(of.map((ps) => ps[i]).filter((p): p is Part => p != null && p !== "suppressed")));
}

// ---------------------------------------------------------------------------------------------------
// Fixed prices

/** Per year, the exact factor that takes an amount of that year to the price level of `levelYear`. */
export function priceFactors(series: readonly IndexValue[], index: IndexName, years: readonly number[], levelYear: number): Map<number, Ratio> {
  // From the index levels where the file has them (round once), else the chained yearly changes.
  return new Map(years.map((y) => [y, priceLevelFactor(series, index, y, levelYear).factor]));
}

/**
 * The factors of several price series (one per principal) written, year by year, over one denominator
 * per year (the least common multiple of theirs), not normalised: then amounts of one year in fixed
 * prices, whichever principal's, add as integers (`plus`, `total`). The same exact values.
 */
export function commonDenominatorFactors<K>(factors: ReadonlyMap<K, ReadonlyMap<number, Ratio>>): Map<K, Map<number, Ratio>> {
  const dens = new Map<number, bigint>();
  for (const byYear of factors.values())
    for (const [year, f] of byYear) {
      const d = dens.get(year);
      // lcm(d, f.den) = d · (f.den / gcd(d, f.den)), and ratio(d, f.den).den is that quotient.
      dens.set(year, d == null ? f.den : d * ratio(d, f.den).den);
    }
  return new Map(
    [...factors].map(([key, byYear]) => [key, new Map([...byYear].map(([year, f]) => {
      const den = dens.get(year)!;
      return [year, {num: f.num * (den / f.den), den}];
    }))])
  );
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
