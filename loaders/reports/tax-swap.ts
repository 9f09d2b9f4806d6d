/**
 * Uppföljning av skatteväxlingen (page /skattevaxling and `npx samverkan skattevaxling`): reads the
 * warehouse once and shapes, per county and review year, the follow-up of loaders/models/tax-swap.ts in
 * current and fixed prices, as JSON (integer öre, no BigInt, no Ratio). The page and the CLI show the
 * same figures because both come from here.
 *
 * A review year R = start + every × n covers the `every` years before it (2025 → 2021–2024). A review
 * only uses the years up to its window's end (the 2017 review is 2013–2016, as it was done in 2017), and
 * fixed prices are that last year's price level. Only reviews whose whole window has a tax base are
 * offered.
 */
import type {Warehouse} from "../warehouse.ts";
import type {Parameters} from "../schemas/parameters.ts";
import {lit, queryRows} from "../ingest/sql.ts";
import {toFixed} from "../models/exact.ts";
import {MissingIndexError, type IndexName, type IndexValue} from "../models/index-uprating.ts";
import {
  elderlyShareFit,
  reviewWindow,
  reviewYears,
  taxSwapFollowUp,
  windowTotals,
  type CostRow,
  type PopulationRow,
  type SwapOre,
  type TaxBaseRow,
  type TaxSwapResult
} from "../models/tax-swap.ts";
import {formatDecimal, formatInteger, formatKr, formatMnkr} from "../../src/components/format.ts";
import {readCounties} from "../counties.ts";

// ---------------------------------------------------------------------------------------------------
// Inputs

export interface TaxSwapInputs {
  parameters: Pick<Parameters, "dataset" | "taxSwap" | "comparison">;
  counties: {code: string; name: string; region: string}[];
  municipalities: {code: string; name: string; countyCode: string}[];
  ore: (SwapOre & {countyCode: string; decision: string})[];
  taxBase: TaxBaseRow[];
  costs: CostRow[];
  /** Every category and principal in the cost data, to say what is not counted. */
  costCategories: {countyCode: string; category: string; principal: string}[];
  costSources: string[];
  population: PopulationRow[];
  priceIndex: IndexValue[];
}

/** "20.00" → "20", "2.800" → "2.8": exact decimal text without trailing zeros. */
export const trimDecimal = (text: string): string => (text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);

export async function readTaxSwapInputs(wh: Warehouse): Promise<TaxSwapInputs> {
  const p = wh.parameters;
  const c = wh.connection;
  const categories = p.taxSwap.costCategories.map(lit).join(", ");
  const index = p.comparison.municipalIndex;
  const counties = await readCounties(c);
  const municipalities = await queryRows<{code: string; name: string; countyCode: string}>(
    c,
    `SELECT municipality_code AS code, municipality_name AS name, county_code AS "countyCode" FROM municipalities ORDER BY municipality_name COLLATE NOCASE`
  );
  const ore = await queryRows<{countyCode: string; fromYear: number; ore: string; decision: string | null}>(
    c,
    `SELECT county_code AS "countyCode", from_year AS "fromYear", CAST(ore AS VARCHAR) AS ore, decision FROM tax_swap ORDER BY 1, 2`
  );
  const taxBase = await queryRows<{code: string; year: number; ore: string}>(
    c,
    `SELECT municipality_code AS code, year, CAST(round(tax_base * 100) AS BIGINT) AS ore FROM tax_base ORDER BY 1, 2`
  );
  // cost_summary merges kostnader.csv and the summed ledger lines; summed again per key to be safe.
  const costs = await queryRows<{code: string; year: number; category: string; principal: "region" | "kommun"; ore: string}>(
    c,
    `SELECT municipality_code AS code, year, category, principal, CAST(round(sum(amount) * 100) AS BIGINT) AS ore
     FROM cost_summary WHERE category IN (${categories}) GROUP BY ALL ORDER BY 1, 2, 3, 4`
  );
  const costCategories = await queryRows<{countyCode: string; category: string; principal: string}>(
    c,
    `SELECT DISTINCT m.county_code AS "countyCode", s.category, s.principal FROM cost_summary s JOIN municipalities m USING (municipality_code) ORDER BY 1, 2, 3`
  );
  const costSources = await queryRows<{source: string}>(c, `SELECT DISTINCT source FROM cost_summary ORDER BY 1`);
  const population = await queryRows<{code: string; year: number; band: string; n: string}>(
    c,
    // A year with an age band missing (a statistics symbol such as "..") has no population: left out, never 0.
    `SELECT municipality_code AS code, year, age_band AS band, population AS n FROM population
     QUALIFY count(*) FILTER (WHERE population IS NULL) OVER (PARTITION BY municipality_code, year) = 0 ORDER BY 1, 2, 3`
  );
  const priceIndex = await queryRows<{year: number; change: string; edition: string; status: "utfall" | "prognos"; source: string; level: string | null}>(
    c,
    `SELECT year, CAST(change_percent AS VARCHAR) AS change, CAST(edition AS VARCHAR) AS edition, status, source, CAST(index_level AS VARCHAR) AS level
     FROM price_indices WHERE index_name = ${lit(index)} ORDER BY year, edition`
  );
  return {
    parameters: {dataset: p.dataset, taxSwap: p.taxSwap, comparison: p.comparison},
    counties,
    municipalities,
    ore: ore.map((o) => ({countyCode: o.countyCode, fromYear: o.fromYear, ore: trimDecimal(o.ore), decision: o.decision ?? ""})),
    taxBase: taxBase.map((t) => ({municipalityCode: t.code, year: t.year, taxBaseOre: Number(t.ore)})),
    costs: costs.map((r) => ({municipalityCode: r.code, year: r.year, category: r.category, principal: r.principal, amountOre: Number(r.ore)})),
    costCategories,
    costSources: costSources.map((s) => s.source),
    population: population.map((r) => ({municipalityCode: r.code, year: r.year, ageBand: r.band, population: Number(r.n)})),
    priceIndex: priceIndex.map((r) => ({index, year: r.year, changePercent: trimDecimal(r.change), edition: r.edition, status: r.status, demo: r.source === "Demodata", level: r.level}))
  };
}

// ---------------------------------------------------------------------------------------------------
// Output (JSON: integer öre, display numbers, text)

export type Prices = "lopande" | "fasta";

/** The amounts of a municipality-year, county-year or window row (the page's and the CLI's columns read these). */
export interface AmountRow {
  revenueOre: number | null;
  costOre: number | null;
  balanceOre: number | null;
  population: number | null;
  population80: number | null;
  share80: number | null;
  balancePerInhabitantOre: number | null;
  balancePerInhabitant80Ore: number | null;
  cumulativeBalanceOre: number | null;
}

export interface YearRow extends AmountRow {
  /** null: the county (the sum of the municipalities with both revenue and cost). */
  municipalityCode: string | null;
  year: number;
  ore: string;
  taxBaseOre: number | null;
  /** County rows: how many municipalities are in the sums, and which are missing. */
  municipalities?: number;
  missing?: string[];
}

export interface WindowRow extends AmountRow {
  municipalityCode: string | null;
  /** "plus" (revenue above cost over the window), "minus", "noll", or null (a year is missing). */
  outcome: "plus" | "minus" | "noll" | null;
}

export interface PriceLevel {
  year: number;
  index: IndexName;
  lag: number;
  /** Per year of the follow-up: the exact factor to the price level (6 decimals), the product of the steps in `values`. */
  factors: {year: number; factor: string}[];
  /** The index values used (one per year after the first), with their edition and status. */
  values: {year: number; changePercent: string; edition: string; status: string | null; demo: boolean}[];
  /** Some index values used are labelled demo in the price-index file. */
  demo: boolean;
}

export interface ReviewView {
  prices: Prices;
  priceLevel: PriceLevel | null;
  /** The years of the follow-up: the swap's first year to the end of the review window. */
  years: number[];
  /** Per municipality and year (sorted by code, then year). */
  rows: YearRow[];
  /** The county per year: exactly the sum of the municipalities. */
  county: YearRow[];
  window: {rows: WindowRow[]; county: WindowRow; missing: string[]};
  fit: {n: number; slope: number | null; intercept: number | null; r2: number | null; sentence: string};
  headline: {plus: number; minus: number; even: number; missing: number; sentence: string};
  /** The county rows were checked to be the sums of the municipality rows (every amount, every year). */
  countyIsSum: boolean;
  method: string;
}

export interface Review {
  reviewYear: number;
  fromYear: number;
  toYear: number;
  /** The four (reviewEvery) years the review covers. */
  windowYears: number[];
  current: ReviewView;
  fixed: ReviewView | null;
  /** Why there is no fixed-price view (a missing index value), in Swedish. */
  fixedError: string | null;
}

export interface CountySwap {
  ore: {fromYear: number; ore: string; decision: string}[];
  startYear: number;
  reviewEvery: number;
  /** The last year with a tax base for the county's municipalities (null: none). */
  lastYear: number | null;
  /** Review years with a complete window, oldest first. */
  reviewYears: number[];
  /** The next review, whose window is not complete yet. */
  nextReview: {reviewYear: number; fromYear: number; toYear: number};
  counted: {category: string; principal: string}[];
  notCounted: {category: string; principal: string}[];
  reviews: Review[];
}

export interface CountyTaxSwap {
  countyCode: string;
  countyName: string;
  regionName: string;
  municipalities: {code: string; name: string}[];
  /** null: the county has no tax swap in skattevaxling.csv. */
  swap: CountySwap | null;
  /** A plain sentence when there is nothing to follow up. */
  note: string | null;
}

export interface TaxSwapReport {
  dataset: Parameters["dataset"];
  parameters: {
    countyCode: string;
    startYear: number;
    reviewEvery: number;
    costCategories: string[];
    principal: "region" | "kommun";
    index: IndexName;
  };
  sources: {costs: string[]};
  counties: CountyTaxSwap[];
}

const years = (from: number, to: number) => Array.from({length: Math.max(0, to - from + 1)}, (_, i) => from + i);

/** "2021–2024" */
export const span = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

export function buildTaxSwapReport(input: TaxSwapInputs): TaxSwapReport {
  const ts = input.parameters.taxSwap;
  const index = input.parameters.comparison.municipalIndex;
  return {
    dataset: input.parameters.dataset,
    parameters: {countyCode: ts.countyCode, startYear: ts.startYear, reviewEvery: ts.reviewEvery, costCategories: [...ts.costCategories], principal: ts.principal, index},
    sources: {costs: input.costSources},
    counties: input.counties.map((county) => countyReport(input, county))
  };
}

function countyReport(input: TaxSwapInputs, county: {code: string; name: string; region: string}): CountyTaxSwap {
  const ts = input.parameters.taxSwap;
  const municipalities = input.municipalities.filter((m) => m.countyCode === county.code).map((m) => ({code: m.code, name: m.name}));
  const base = {countyCode: county.code, countyName: county.name, regionName: county.region, municipalities};
  const ore = input.ore.filter((o) => o.countyCode === county.code).sort((a, b) => a.fromYear - b.fromYear);
  if (!ore.length) {
    return {...base, swap: null, note: `Det finns ingen skatteväxling att följa upp i ${county.name}: skattevaxling.csv har inga växlade öre för länskod ${county.code}.`};
  }
  // The parameter file names the swap's start for its county; another county's swap starts with its series.
  const startYear = county.code === ts.countyCode ? ts.startYear : ore[0].fromYear;
  const every = ts.reviewEvery;
  const codes = new Set(municipalities.map((m) => m.code));
  const taxBase = input.taxBase.filter((t) => codes.has(t.municipalityCode) && t.year >= startYear);
  const costs = input.costs.filter((c) => codes.has(c.municipalityCode));
  const population = input.population.filter((p) => codes.has(p.municipalityCode));
  const lastYear = taxBase.length ? Math.max(...taxBase.map((t) => t.year)) : null;
  const complete = lastYear == null ? [] : reviewYears(lastYear + 1, {startYear, every});
  const nextYear = (complete.at(-1) ?? startYear) + every;
  const next = reviewWindow(nextYear, {startYear, every});
  const wanted = new Set(ts.costCategories);
  const present = input.costCategories.filter((c) => c.countyCode === county.code);
  const isCounted = (c: {category: string; principal: string}) => wanted.has(c.category) && c.principal === ts.principal;

  const reviews = complete.map((reviewYear): Review => {
    const window = reviewWindow(reviewYear, {startYear, every});
    const follow = (fixed: boolean) =>
      taxSwapFollowUp(
        {ore, taxBase, costs, population},
        {
          categories: ts.costCategories,
          principal: ts.principal,
          fromYear: startYear,
          toYear: window.toYear,
          municipalities: municipalities.map((m) => m.code),
          fixedPrices: fixed ? {year: window.toYear, index: input.parameters.comparison.municipalIndex, series: input.priceIndex, lag: 0} : undefined
        }
      );
    const current = view(follow(false), "lopande", window, county.name, municipalities.length, input.priceIndex);
    let fixed: ReviewView | null = null;
    let fixedError: string | null = null;
    try {
      fixed = view(follow(true), "fasta", window, county.name, municipalities.length, input.priceIndex);
    } catch (e) {
      if (!(e instanceof MissingIndexError)) throw e;
      fixedError = `Fasta priser kan inte räknas: ${e.message}`;
    }
    return {reviewYear, fromYear: window.fromYear, toYear: window.toYear, windowYears: window.years, current, fixed, fixedError};
  });

  return {
    ...base,
    swap: {
      ore: ore.map((o) => ({fromYear: o.fromYear, ore: o.ore, decision: o.decision})),
      startYear,
      reviewEvery: every,
      lastYear,
      reviewYears: complete,
      nextReview: {reviewYear: next.reviewYear, fromYear: next.fromYear, toYear: next.toYear},
      counted: ts.costCategories.map((category) => ({category, principal: ts.principal})),
      notCounted: present.filter((c) => !isCounted(c)),
      reviews
    },
    note: complete.length
      ? null
      : `Ingen uppföljning är fullständig ännu: den första, ${next.reviewYear}, avser ${span(next.fromYear, next.toYear)}` +
        (lastYear == null ? ", och skatteunderlag saknas." : `, och skatteunderlaget finns till och med ${lastYear}.`)
  };
}

function view(
  result: TaxSwapResult,
  prices: Prices,
  window: {reviewYear: number; fromYear: number; toYear: number; years: number[]},
  countyName: string,
  municipalityCount: number,
  series: readonly IndexValue[]
): ReviewView {
  const rows: YearRow[] = result.rows.map((r) => ({
    municipalityCode: r.municipalityCode,
    year: r.year,
    ore: r.ore,
    taxBaseOre: r.taxBaseOre,
    revenueOre: r.revenueOre,
    costOre: r.costOre,
    balanceOre: r.balanceOre,
    population: r.population,
    population80: r.population80,
    share80: r.share80,
    balancePerInhabitantOre: r.balancePerInhabitantOre,
    balancePerInhabitant80Ore: r.balancePerInhabitant80Ore,
    cumulativeBalanceOre: r.cumulativeBalanceOre
  }));
  const county: YearRow[] = result.county.map((c) => {
    const inSum = result.rows.filter((r) => r.year === c.year && r.balanceOre != null);
    return {
      municipalityCode: null,
      year: c.year,
      ore: result.rows.find((r) => r.year === c.year)?.ore ?? "",
      // In current prices the county's tax base is the sum of the municipalities in the sums.
      taxBaseOre: inSum.length && inSum.every((r) => r.taxBaseOre != null) ? inSum.reduce((s, r) => s + r.taxBaseOre!, 0) : null,
      revenueOre: c.revenueOre,
      costOre: c.costOre,
      balanceOre: c.balanceOre,
      population: c.population,
      population80: c.population80,
      share80: c.share80,
      balancePerInhabitantOre: c.balancePerInhabitantOre,
      balancePerInhabitant80Ore: c.balancePerInhabitant80Ore,
      cumulativeBalanceOre: c.cumulativeBalanceOre,
      municipalities: c.municipalities,
      missing: c.missing
    };
  });
  const w = windowTotals(result, window);
  const outcome = (b: number | null): WindowRow["outcome"] => (b == null ? null : b > 0 ? "plus" : b < 0 ? "minus" : "noll");
  const windowRow = (t: (typeof w.rows)[number]): WindowRow => ({
    municipalityCode: t.municipalityCode,
    revenueOre: t.revenueOre,
    costOre: t.costOre,
    balanceOre: t.balanceOre,
    population: t.population ?? null,
    population80: t.population80 ?? null,
    share80: t.share80 ?? null,
    balancePerInhabitantOre: t.balancePerInhabitantOre ?? null,
    balancePerInhabitant80Ore: t.balancePerInhabitant80Ore ?? null,
    cumulativeBalanceOre: t.cumulativeBalanceOre ?? null,
    outcome: outcome(t.balanceOre)
  });
  const windowRows = w.rows.map(windowRow);
  const windowCounty = windowRow(w.county);
  const fit = elderlyShareFit(windowRows);
  const count = (o: WindowRow["outcome"]) => windowRows.filter((r) => r.outcome === o).length;
  const headline = {plus: count("plus"), minus: count("minus"), even: count("noll"), missing: count(null), sentence: ""};
  headline.sentence = headlineSentence({countyName, window, prices, priceYear: window.toYear, index: result.fixedPrices?.index, municipalityCount, headline, county: windowCounty});

  let priceLevel: PriceLevel | null = null;
  if (result.fixedPrices) {
    const steps = new Map(result.fixedPrices.factors.flatMap((f) => f.steps).map((s) => [`${s.indexYear}|${s.edition}`, s]));
    const values = [...steps.values()]
      .map((s) => {
        const v = series.find((x) => x.year === s.indexYear && x.edition === s.edition);
        return {year: s.indexYear, changePercent: s.changePercent, edition: s.edition, status: v?.status ?? null, demo: !!v?.demo};
      })
      .sort((a, b) => a.year - b.year);
    priceLevel = {
      year: result.fixedPrices.year,
      index: result.fixedPrices.index,
      lag: result.fixedPrices.lag,
      factors: result.fixedPrices.factors.map((f) => ({year: f.year, factor: toFixed(f.factor, 6), method: f.method})),
      values,
      demo: values.some((v) => v.demo)
    };
  }
  return {
    prices,
    priceLevel,
    years: result.years,
    rows,
    county,
    window: {rows: windowRows, county: windowCounty, missing: w.county.missing},
    fit: {n: fit.n, slope: fit.slope, intercept: fit.intercept, r2: fit.r2, sentence: fit.sentence},
    headline,
    countyIsSum: countyIsSum(rows, county),
    method: result.method
  };
}

/** Every county amount is the sum of the same year's municipality amounts (those in the sums). */
export function countyIsSum(rows: readonly YearRow[], county: readonly YearRow[]): boolean {
  const fields = ["revenueOre", "costOre", "balanceOre", "population", "population80"] as const;
  return county.every((c) => {
    const inSum = rows.filter((r) => r.year === c.year && r.balanceOre != null);
    return fields.every((f) => c[f] == null || c[f] === inSum.reduce((s, r) => s + (r[f] ?? 0), 0));
  });
}

export const pricesText = (prices: Prices, priceYear: number, index?: string) =>
  prices === "lopande" ? "löpande priser" : `fasta priser (${priceYear} års prisnivå${index ? `, ${index}` : ""})`;

/** The headline of a review, in words, from the figures. */
export function headlineSentence({
  countyName,
  window,
  prices,
  priceYear,
  index,
  municipalityCount,
  headline,
  county
}: {
  countyName: string;
  window: {reviewYear: number; fromYear: number; toYear: number};
  prices: Prices;
  priceYear: number;
  index?: string;
  municipalityCount: number;
  headline: {plus: number; minus: number; even: number; missing: number};
  county: WindowRow;
}): string {
  const n = (k: number) => formatInteger(k);
  const parts = [`${n(headline.plus)} av ${n(municipalityCount)} kommuner i ${countyName} gick plus (mer intäkt av de växlade örena än kostnad för uppgiften)`, `${n(headline.minus)} gick minus`];
  if (headline.even) parts.push(`${n(headline.even)} gick jämnt upp`);
  if (headline.missing) parts.push(`${n(headline.missing)} saknar underlag för något år`);
  const last = parts.pop()!;
  let s = `Uppföljningen ${window.reviewYear} avser ${span(window.fromYear, window.toYear)} i ${pricesText(prices, priceYear, index)}: ${parts.join(", ")} och ${last}.`;
  if (county.balanceOre != null) {
    const per = county.balancePerInhabitantOre == null ? "" : `, ${formatKr(county.balancePerInhabitantOre / 100)} per invånare och år`;
    s += ` Länets saldo för perioden är ${formatMnkr(county.balanceOre)}${per}.`;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------
// One call for the loader and the CLI

export async function taxSwapReport(wh: Warehouse): Promise<TaxSwapReport> {
  return buildTaxSwapReport(await readTaxSwapInputs(wh));
}

/** The review of one county, year and price basis (or a Swedish message saying why there is none). */
export function findReview(
  report: TaxSwapReport,
  {countyCode, reviewYear, prices = "lopande"}: {countyCode: string; reviewYear?: number; prices?: Prices}
): {county: CountyTaxSwap; review: Review; view: ReviewView} | {error: string} {
  const county = report.counties.find((c) => c.countyCode === countyCode);
  if (!county) return {error: `Länskod ${countyCode} finns inte i kommuner.csv (län: ${report.counties.map((c) => `${c.countyCode} ${c.countyName}`).join(", ")}).`};
  if (!county.swap) return {error: county.note!};
  if (!county.swap.reviews.length) return {error: county.note!};
  const year = reviewYear ?? county.swap.reviewYears.at(-1)!;
  const review = county.swap.reviews.find((r) => r.reviewYear === year);
  if (!review) {
    const s = county.swap;
    return {error: `${year} är inget uppföljningsår med fullständigt underlag i ${county.countyName}. Uppföljningsår (${s.startYear} + ${s.reviewEvery} × n): ${s.reviewYears.join(", ")}.`};
  }
  const v = prices === "fasta" ? review.fixed : review.current;
  if (!v) return {error: review.fixedError!};
  return {county, review, view: v};
}

/** "20 öre från 2013, 25 öre från 2016" */
export const oreSeriesText = (ore: readonly {fromYear: number; ore: string}[]) =>
  ore.map((o) => `${formatDecimal(Number(o.ore), o.ore.includes(".") ? o.ore.split(".")[1].length : 0)} öre från ${o.fromYear}`).join(", ");

// ---------------------------------------------------------------------------------------------------
// One file per county for the page (/skattevaxling/<lan>): at national scale the whole report is over a
// megabyte, and the page shows one county at a time.

/** What the page of one county needs: that county whole and the report's shared parts. */
export interface TaxSwapCountyFile {
  dataset: TaxSwapReport["dataset"];
  parameters: TaxSwapReport["parameters"];
  sources: TaxSwapReport["sources"];
  county: CountyTaxSwap;
  /** The counties with at least one complete follow-up (a county without one links to them). */
  followedUp: {code: string; name: string}[];
}

/** What the entry page (/skattevaxling/) needs besides site.json: where to start. */
export interface TaxSwapIndex {
  /** The parameter file's tax-swap county (taxSwap.countyCode). */
  countyCode: string;
}

/** The report as the page's files: one per county (by county code) and the entry page's. Pure. */
export function splitTaxSwapReport(report: TaxSwapReport): {index: TaxSwapIndex; counties: Record<string, TaxSwapCountyFile>} {
  const {dataset, parameters, sources} = report;
  const followedUp = report.counties.filter((c) => c.swap?.reviews.length).map((c) => ({code: c.countyCode, name: c.countyName}));
  return {
    index: {countyCode: parameters.countyCode},
    counties: Object.fromEntries(report.counties.map((county) => [county.countyCode, {dataset, parameters, sources, county, followedUp}]))
  };
}
