/**
 * Uprating by SKR's price indices (LPIK, VPI, OPI). An index series holds, per year, the yearly change
 * in percent as exact decimal text, with the edition (publication) date: forecasts are revised, so a
 * year may have several editions and the one used is the newest on or before `asOf` (default: newest).
 *
 * Convention (named on every page that uprates): the value for year Y is the value for year Y−1 times
 * (1 + change of year Y − lag). lag = 0 uses the index of the year itself, lag = 1 (the agreement
 * rates: VPI and OPI are published in December, so next year's rate uses the year just ended).
 */
import {type Ratio, dec, ratio, mul, div, add, ONE} from "./exact.ts";

export type IndexName = "LPIK" | "VPI" | "OPI" | "KPI";

export interface IndexValue {
  index: IndexName;
  year: number;
  /** Yearly change in percent, exact decimal text, e.g. "2.7". */
  changePercent: string;
  /** ISO date the value was published (edition). */
  edition: string;
  /** "utfall" (outcome) or "prognos" (forecast). */
  status?: "utfall" | "prognos";
  /** The index level of the year (indextal, exact decimal text), where the file gives it. */
  level?: string | null;
  demo?: boolean;
}

export interface IndexStep {
  year: number;
  /** The index year whose change applies to this step (year − lag). */
  indexYear: number;
  changePercent: string;
  edition: string;
  factor: Ratio;
}

export class MissingIndexError extends Error {
  constructor(readonly index: IndexName, readonly year: number) {
    super(`${index} saknas för ${year}: lägg till värdet i prisindex-filen.`);
  }
}

/** The newest edition of each year's change, on or before `asOf`. */
export function latestEditions(series: readonly IndexValue[], index: IndexName, asOf?: string): Map<number, IndexValue> {
  const out = new Map<number, IndexValue>();
  for (const v of series) {
    if (v.index !== index || (asOf && v.edition > asOf)) continue;
    const prev = out.get(v.year);
    if (!prev || v.edition > prev.edition) out.set(v.year, v);
  }
  return out;
}

/**
 * The steps that take a value from `fromYear` to `toYear` (either direction). Each step's factor is
 * 1 + change/100; going back in time the factors are inverted.
 */
export function upratingSteps(
  series: readonly IndexValue[],
  index: IndexName,
  fromYear: number,
  toYear: number,
  {lag = 0, asOf}: {lag?: number; asOf?: string} = {}
): IndexStep[] {
  const values = latestEditions(series, index, asOf);
  const steps: IndexStep[] = [];
  const lo = Math.min(fromYear, toYear);
  const hi = Math.max(fromYear, toYear);
  for (let year = lo + 1; year <= hi; year++) {
    const v = values.get(year - lag);
    if (!v) throw new MissingIndexError(index, year - lag);
    const f = add(ONE, div(dec(v.changePercent), ratio(100n)));
    steps.push({year, indexYear: year - lag, changePercent: v.changePercent, edition: v.edition, factor: f});
  }
  return steps;
}

/**
 * Fixed prices: the factor that takes a cost of `fromYear` to the price level of `toYear`. From the
 * index levels when the file gives both years' (level of toYear / level of fromYear: what the index
 * says), else by chaining the yearly changes. The published changes are rounded to a tenth of a per
 * cent, so a chain of them drifts from the index (e.g. 1,1863 where the levels give 1,1842); the
 * agreement's uprating of a rate, which the agreement defines by the yearly change, uses
 * `upratingFactor` instead.
 */
export function priceLevelFactor(
  series: readonly IndexValue[],
  index: IndexName,
  fromYear: number,
  toYear: number,
  options: {lag?: number; asOf?: string} = {}
): {factor: Ratio; method: "indextal" | "kedjade förändringar"} {
  const values = latestEditions(series, index, options.asOf);
  const lag = options.lag ?? 0;
  const from = values.get(fromYear - lag)?.level;
  const to = values.get(toYear - lag)?.level;
  if (from && to && dec(from).num > 0n) return {factor: div(dec(to), dec(from)), method: "indextal"};
  return {factor: upratingFactor(series, index, fromYear, toYear, options), method: "kedjade förändringar"};
}

/** The exact factor that takes a value at `fromYear` level to `toYear` level. */
export function upratingFactor(
  series: readonly IndexValue[],
  index: IndexName,
  fromYear: number,
  toYear: number,
  options: {lag?: number; asOf?: string} = {}
): Ratio {
  const f = upratingSteps(series, index, fromYear, toYear, options).reduce((p, s) => mul(p, s.factor), ONE);
  return toYear >= fromYear ? f : div(ONE, f);
}
