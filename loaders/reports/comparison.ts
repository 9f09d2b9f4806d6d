/**
 * Jämför kommuner (/jamfor) and the municipality profiles (/kommun/<code>): reads the warehouse once and
 * shapes, per indicator, prices and measure, every figure the pages show (loaders/models/
 * municipality-comparison.ts) as compact JSON: arrays per municipality (in the order of
 * `municipalities`) and year (in the order of the indicator's `years`), rounded for display.
 * A suppressed figure is the string ".." (SUPPRESSED), a missing one null.
 *
 * DuckDB sums the costs (readBoundedCosts): per municipality, year and shown category–principal pair,
 * the other categories per principal, and each other pair per county and year; JavaScript gets a few
 * rows per municipality and year however many ledger accounts there are, and does the exact per-cell
 * arithmetic on them (fixed prices, measures, changes, ranks, county and similar figures).
 */
import {LIST, listValue, VARCHAR} from "@duckdb/node-api";
import type {Warehouse} from "../warehouse.ts";
import type {Parameters} from "../schemas/parameters.ts";
import {lit, queryRows} from "../ingest/sql.ts";
import {type Ratio, ratio, add, ZERO, toFixed, roundHalfAway} from "../models/exact.ts";
import {MissingIndexError, type IndexName, type IndexValue} from "../models/index-uprating.ts";
import {
  cellKey,
  commonDenominatorFactors,
  groupSeries,
  isSmallCount,
  measureSeries,
  plus,
  priceFactors,
  similarMunicipalities,
  similarWithinGroups,
  type BaseCell,
  type Figure,
  type MeasureId,
  type MeasureInput,
  type PopulationCell
} from "../models/municipality-comparison.ts";
import {SUPPRESSED} from "../format.ts";
import {readCounties} from "../counties.ts";
import {COST_CATEGORIES_SHOWN, shownCostCategories} from "../models/cost-categories.ts";
import {disclosurePolicy, policyShortText} from "../disclosure/policy.ts";

// ---------------------------------------------------------------------------------------------------
// Inputs

/** A cost in öre of a municipality, year, category and principal. */
export interface CostRow {
  code: string;
  year: number;
  category: string;
  principal: string;
  ore: string;
}

/**
 * The costs bounded to the shown categories (loaders/models/cost-categories.ts): the sums of the shown
 * category–principal pairs per municipality and year, the other categories summed per municipality, year
 * and principal (category null), and each other pair's sum per county and year ("övriga kostnadsslag").
 * readComparisonInputs sums them in DuckDB, boundCosts in JavaScript from rows: the same figures.
 */
export interface BoundedCosts {
  /** How many pairs were shown (the `n` of shownCostCategories). */
  categoriesShown: number;
  rows: {code: string; year: number; category: string | null; principal: string; ore: string}[];
  /** countyCode "" for a municipality outside `municipalities`. */
  others: {category: string; principal: string; countyCode: string; year: number; ore: string}[];
}

export interface ComparisonInputs {
  parameters: Pick<Parameters, "dataset" | "comparison" | "suppressionThreshold" | "years"> & Partial<Pick<Parameters, "suppressionAllOrNoneBelow">>;
  counties: {code: string; name: string; region: string}[];
  municipalities: {code: string; name: string; countyCode: string}[];
  /** Costs as rows (hand-made inputs); empty when `boundedCosts` holds them already summed. */
  costs: CostRow[];
  /** The costs summed into the shown categories in DuckDB (readComparisonInputs). */
  boundedCosts?: BoundedCosts;
  /** Protected counts (loaders/disclosure/): null where the disclosure pass hid the count. */
  enrolment: {code: string; year: number; service: string; enrolled: number | null}[];
  vaccination: {code: string; season: string; targetGroup: string; vaccine: string; vaccinated: number | null; targetSize: number | null; unvaccinated?: number | null}[];
  devices: {code: string; year: number; devices: number}[];
  population: {code: string; year: number; band: string; n: number}[];
  priceIndex: IndexValue[];
}

export const SERVICES = ["palliativ", "hemsjukvard", "sabo", "korttid"] as const;

/** Every cost line in öre (rounded once per line, as cost_summary's amounts have 2 decimals), summed per municipality, year, category and principal. */
const COST_CELLS = `SELECT municipality_code AS code, year, category, principal, sum(CAST(round(amount * 100) AS BIGINT)) AS ore FROM cost_summary GROUP BY ALL`;

/**
 * The costs summed in DuckDB into the `categoriesShown` largest category–principal pairs and the others
 * (BoundedCosts): JavaScript gets a few rows per municipality and year however many categories a
 * ledger has. The choice of the pairs is shownCostCategories' own, on the pairs' totals.
 */
export async function readBoundedCosts(wh: Warehouse, categoriesShown = COST_CATEGORIES_SHOWN): Promise<BoundedCosts> {
  const c = wh.connection;
  const totals = await queryRows<{category: string; principal: string; ore: string}>(
    c,
    `SELECT category, principal, CAST(sum(ore) AS VARCHAR) AS ore FROM (${COST_CELLS}) GROUP BY ALL ORDER BY 1, 2`
  );
  const shown = listValue([...shownCostCategories(totals, categoriesShown)]);
  const read = async <T>(sql: string): Promise<T[]> => (await c.runAndReadAll(sql, [shown], [LIST(VARCHAR)])).getRowObjectsJson() as T[];
  // The same key as shownCostCategories': category|principal.
  const marked = `SELECT *, list_contains($1, category || '|' || principal) AS shown FROM (${COST_CELLS})`;
  const rows = await read<BoundedCosts["rows"][number]>(
    `SELECT code, year, CASE WHEN shown THEN category END AS category, principal, CAST(sum(ore) AS VARCHAR) AS ore
     FROM (${marked}) GROUP BY ALL ORDER BY 1, 2, 3 NULLS LAST, 4`
  );
  const others = await read<BoundedCosts["others"][number]>(
    `SELECT category, principal, coalesce(m.county_code, '') AS "countyCode", year, CAST(sum(ore) AS VARCHAR) AS ore
     FROM (${marked}) c LEFT JOIN municipalities m ON m.municipality_code = c.code
     WHERE NOT shown GROUP BY ALL ORDER BY 1, 2, 3, 4`
  );
  return {categoriesShown, rows: rows.map((r) => ({...r, year: Number(r.year)})), others: others.map((r) => ({...r, year: Number(r.year)}))};
}

/** BoundedCosts from rows, in JavaScript: what readBoundedCosts sums in DuckDB. */
export function boundCosts(costs: readonly CostRow[], countyOf: ReadonlyMap<string, string>, categoriesShown = COST_CATEGORIES_SHOWN): BoundedCosts {
  const shown = shownCostCategories(costs, categoriesShown);
  const rows = new Map<string, {code: string; year: number; category: string | null; principal: string; ore: bigint}>();
  const others = new Map<string, {category: string; principal: string; countyCode: string; year: number; ore: bigint}>();
  for (const r of costs) {
    const category = shown.has(`${r.category}|${r.principal}`) ? r.category : null;
    const k = JSON.stringify([r.code, r.year, category, r.principal]);
    const row = rows.get(k) ?? rows.set(k, {code: r.code, year: r.year, category, principal: r.principal, ore: 0n}).get(k)!;
    row.ore += BigInt(r.ore);
    if (category != null) continue;
    const countyCode = countyOf.get(r.code) ?? "";
    const ko = JSON.stringify([r.category, r.principal, countyCode, r.year]);
    const o = others.get(ko) ?? others.set(ko, {category: r.category, principal: r.principal, countyCode, year: r.year, ore: 0n}).get(ko)!;
    o.ore += BigInt(r.ore);
  }
  return {
    categoriesShown,
    rows: [...rows.values()].map((r) => ({...r, ore: String(r.ore)})),
    others: [...others.values()].map((r) => ({...r, ore: String(r.ore)}))
  };
}

export async function readComparisonInputs(wh: Warehouse, {categoriesShown = COST_CATEGORIES_SHOWN}: {categoriesShown?: number} = {}): Promise<ComparisonInputs> {
  const c = wh.connection;
  const p = wh.parameters;
  const counties = await readCounties(c);
  const municipalities = await queryRows<{code: string; name: string; countyCode: string}>(
    c,
    `SELECT municipality_code AS code, municipality_name AS name, county_code AS "countyCode" FROM municipalities ORDER BY county_code, municipality_name COLLATE NOCASE`
  );
  const boundedCosts = await readBoundedCosts(wh, categoriesShown);
  // Person counts from the protected tables only (loaders/disclosure/): the same hidden cells as every other page.
  const enrolment = await queryRows<{code: string; year: number; service: string; enrolled: number | null}>(
    c,
    `SELECT municipality_code AS code, CAST(period AS INTEGER) AS year, service, enrolled
     FROM protected_enrolment WHERE length(period) = 4 AND service IN (${SERVICES.map(lit).join(", ")}) ORDER BY 1, 2, 3`
  );
  const vaccination = await queryRows<{code: string; season: string; targetGroup: string; vaccine: string; vaccinated: number | null; unvaccinated: number | null; targetSize: number | null}>(
    c,
    `SELECT municipality_code AS code, season, target_group AS "targetGroup", vaccine, vaccinated, unvaccinated, target_size AS "targetSize"
     FROM protected_vaccination ORDER BY 1, 2, 3, 4`
  );
  // The latest count of each municipality and year.
  const devices = await queryRows<{code: string; year: number; devices: string}>(
    c,
    `SELECT municipality_code AS code, CAST(year(date) AS INTEGER) AS year, CAST(arg_max(devices, date) AS VARCHAR) AS devices
     FROM device_counts GROUP BY 1, 2 ORDER BY 1, 2`
  );
  const population = await queryRows<{code: string; year: number; band: string; n: string}>(
    c,
    // A year with an age band missing (a statistics symbol such as "..") has no population: left out, never 0.
    `SELECT municipality_code AS code, year, age_band AS band, CAST(population AS VARCHAR) AS n FROM population
     QUALIFY count(*) FILTER (WHERE population IS NULL) OVER (PARTITION BY municipality_code, year) = 0 ORDER BY 1, 2, 3`
  );
  const indices = [...new Set([p.comparison.regionIndex, p.comparison.municipalIndex])];
  const priceIndex = await queryRows<{index: IndexName; year: number; change: string; edition: string; status: "utfall" | "prognos"; source: string; level: string | null}>(
    c,
    `SELECT index_name AS "index", year, CAST(change_percent AS VARCHAR) AS change, CAST(edition AS VARCHAR) AS edition, status, source, CAST(index_level AS VARCHAR) AS level
     FROM price_indices WHERE index_name IN (${indices.map(lit).join(", ")}) ORDER BY 1, 2, 4`
  );
  return {
    parameters: {dataset: p.dataset, comparison: p.comparison, suppressionThreshold: p.suppressionThreshold, suppressionAllOrNoneBelow: p.suppressionAllOrNoneBelow, years: p.years},
    counties,
    municipalities,
    costs: [],
    boundedCosts,
    enrolment: enrolment.map((r) => ({...r, enrolled: r.enrolled == null ? null : Number(r.enrolled)})),
    vaccination: vaccination.map((r) => ({
      ...r,
      vaccinated: r.vaccinated == null ? null : Number(r.vaccinated),
      unvaccinated: r.unvaccinated == null ? null : Number(r.unvaccinated),
      targetSize: r.targetSize == null ? null : Number(r.targetSize)
    })),
    devices: devices.map((r) => ({...r, devices: Number(r.devices)})),
    population: population.map((r) => ({...r, n: Number(r.n)})),
    priceIndex: priceIndex.map((r) => ({index: r.index, year: r.year, changePercent: r.change, edition: r.edition, status: r.status, demo: r.source === "Demodata", level: r.level}))
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

export type Prices = "lopande" | "fasta";
/** A shown figure: a number, null (missing, "–") or ".." (suppressed). */
export type Shown = number | null | typeof SUPPRESSED;

export interface MeasureInfo {
  /** URL value (?matt=). */
  id: string;
  label: string;
  /** Unit for axes and column headers: "kr", "kr per invånare", "per 1 000 invånare", "%". */
  unit: string;
  digits: number;
  /** "procent" (relative change, %) or "procentenheter" (difference of two percentages). */
  change: "procent" | "procentenheter";
  /** The measure's county reference: "medel" (total/total), "medel per kommun" (total) or none (share). */
  average: string | null;
}

export interface IndicatorInfo {
  /** URL value (?indikator=). */
  id: string;
  group: "Kostnader" | "Inskrivna" | "Vaccination" | "Medicinteknik";
  label: string;
  /** Text under the figures: what is counted and how. */
  note: string;
  years: number[];
  /** Labels of the years (seasons "2023/24" for vaccination). */
  yearLabels: string[];
  measures: MeasureInfo[];
  /** Cost indicators offer current and fixed prices. */
  priced: boolean;
  /** For fixed prices: the indices used ("OPI" for municipal costs, "LPIK" for the region's). */
  indices: IndexName[];
  /** The measure the profile pages show. */
  profileMeasure: string;
}

export interface SeriesOut {
  /** Figures per municipality (order of `municipalities`) and year (order of the indicator's years). */
  v: Shown[][];
  /** Change since the previous year and since the first year (% or percentage points, 1 decimal). */
  p: (number | null)[][];
  f: (number | null)[][];
  /** Rank in the county (1 = highest). */
  r: (number | null)[][];
  /** Per county: average (total/total) and median per year, and how many municipalities they cover. */
  avg: Record<string, (number | null)[]>;
  med: Record<string, (number | null)[]>;
  n: Record<string, number[]>;
  /** Profile measure only: the similar municipalities' figure (total/total) per municipality and year. */
  sim?: (number | null)[][];
}

export interface ComparisonReport {
  dataset: Parameters["dataset"];
  suppressionThreshold: number;
  counties: {code: string; name: string; region: string}[];
  /** population null: no population figure for the structure year. Shares as fractions, rounded once to 0.1 percentage point. */
  municipalities: {code: string; name: string; countyCode: string; population: number | null; share65: number | null; share80: number | null; similar: {code: string; distance: number}[]; similarInCounty: string[]}[];
  /** Year of the structure figures (population, shares) used for the similar municipalities. */
  structureYear: number;
  similarK: number;
  prices: {levelYear: number; regionIndex: IndexName; municipalIndex: IndexName; available: boolean; error: string | null; demo: boolean};
  indicators: IndicatorInfo[];
  series: Record<string, Partial<Record<Prices, Record<string, SeriesOut>>>>;
  /**
   * The cost categories summed into "övriga kostnadsslag" (all but the largest COST_CATEGORIES_SHOWN),
   * with each county's sum per cost year in öre (null: no cost of the category that year). Not in the
   * pages' first files: each county's part is its own file (`<lan>/ovriga-kostnadsslag.json`).
   */
  otherCategories: {category: string; principal: string; county: Record<string, (string | null)[]>}[];
  method: {average: string; median: string; change: string; suppression: string; similar: string; similarInCounty: string; prices: string; vaccination: string; devices: string};
}

const CATEGORY_LABELS: Record<string, string> = {
  hemsjukvard_ordinart: "Hemsjukvård i ordinärt boende",
  hemsjukvard_sabo: "Hemsjukvård i särskilt boende (SÄBO)",
  hjalpmedel: "Hjälpmedel",
  lakarmedverkan: "Läkarmedverkan",
  palliativ_specialiserad: "Specialiserad palliativ vård"
};
/** The enrolled persons a cost serves (per inskriven person). */
const CATEGORY_ENROLMENT: Record<string, string[]> = {
  hemsjukvard_ordinart: ["hemsjukvard"],
  hemsjukvard_sabo: ["sabo"],
  palliativ_specialiserad: ["palliativ"]
};
const DEFAULT_ENROLMENT = ["hemsjukvard", "sabo"];

const SERVICE_LABELS: Record<string, string> = {
  palliativ: "Anslutna till det palliativa teamet",
  hemsjukvard: "Inskrivna i hemsjukvård",
  sabo: "Boende i särskilt boende (SÄBO)",
  korttid: "Korttidsplats"
};
const SERVICE_WORDS: Record<string, string> = {palliativ: "palliativa teamet", hemsjukvard: "hemsjukvård", sabo: "SÄBO", korttid: "korttidsplats"};
const GROUP_LABELS: Record<string, string> = {sabo: "särskilt boende", hemsjukvard: "hemsjukvård", hemtjanst: "hemtjänst", lss: "LSS"};
const VACCINE_LABELS: Record<string, string> = {"covid-19": "Covid-19", influensa: "Influensa"};
const PRINCIPAL_WORDS: Record<string, string> = {kommun: "kommunerna", region: "regionen"};

type Kind = "cost" | "count" | "coverage" | "devices";

const MEASURE_SLUGS: Record<MeasureId, string> = {
  total: "totalt",
  perInhabitant: "per-invanare",
  per65: "per-65",
  per80: "per-80",
  perEnrolled: "per-inskriven",
  share: "andel",
  coverage: "tackning"
};

interface MeasureSpec {
  id: MeasureId;
  info: MeasureInfo;
  /** Display scale from the model's units (öre, persons, fractions). */
  scale: Ratio;
}

function measureSpecs(kind: Kind, hasEnrolment: boolean): MeasureSpec[] {
  const kr = ratio(1, 100);
  const per1000 = ratio(1000);
  const pct = ratio(100);
  const m = (id: MeasureId, label: string, unit: string, digits: number, scale: Ratio): MeasureSpec => ({
    id,
    scale,
    info: {
      id: MEASURE_SLUGS[id],
      label,
      unit,
      digits,
      change: id === "share" || id === "coverage" ? "procentenheter" : "procent",
      average: id === "share" ? null : id === "total" ? "medel per kommun" : "medel"
    }
  });
  const share = m("share", "Andel av länet", "%", 1, pct);
  if (kind === "cost")
    return [
      m("perInhabitant", "Kronor per invånare", "kr per invånare", 0, kr),
      m("per65", "Kronor per invånare 65+", "kr per invånare 65+", 0, kr),
      m("per80", "Kronor per invånare 80+", "kr per invånare 80+", 0, kr),
      ...(hasEnrolment ? [m("perEnrolled", "Kronor per inskriven person", "kr per inskriven", 0, kr)] : []),
      m("total", "Totalt", "kr", 0, kr),
      share
    ];
  if (kind === "coverage") return [m("coverage", "Täckning", "%", 1, pct), m("total", "Antal vaccinerade", "personer", 0, ONE_), share];
  const noun = kind === "devices" ? "enheter" : "personer";
  return [
    m("perInhabitant", "Per 1 000 invånare", `${noun} per 1 000 invånare`, 2, per1000),
    m("per65", "Per 1 000 invånare 65+", `${noun} per 1 000 invånare 65+`, 2, per1000),
    m("per80", "Per 1 000 invånare 80+", `${noun} per 1 000 invånare 80+`, 2, per1000),
    m("total", kind === "devices" ? "Antal enheter" : "Antal personer", noun, 0, ONE_),
    share
  ];
}
const ONE_ = ratio(1);

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/**
 * f × scale rounded once to `digits` decimals (half away from zero), as the number that
 * Number(toFixed(f × scale, digits)) gives, without the text: the rounded value is an integer n over
 * 10^digits, and n / 10^digits in floating point is the double nearest to that decimal, as parsing its
 * text is, while n is exact (below 2^53). f need not be normalised (see quotient).
 */
export function rounded(f: Ratio, scale: Ratio, digits: number): number {
  const p = 10 ** digits;
  const times = scale.num * BigInt(p);
  const n = roundHalfAway({num: times === 1n ? f.num : f.num * times, den: scale.den === 1n ? f.den : f.den * scale.den});
  return n <= SAFE && n >= -SAFE ? Number(n) / p : Number(toFixed({num: f.num * scale.num, den: f.den * scale.den}, digits));
}
const shown = (f: Figure, scale: Ratio, digits: number): Shown => (f == null ? null : f === "suppressed" ? SUPPRESSED : rounded(f, scale, digits));
const num = (f: Ratio | null, scale: Ratio, digits: number): number | null => (f == null ? null : rounded(f, scale, digits));

/** Cells of one indicator: values summed over several keys; a suppressed part suppresses the sum. */
function sumCells(parts: ReadonlyMap<string, BaseCell>[]): Map<string, BaseCell> {
  const out = new Map<string, BaseCell>();
  for (const part of parts)
    for (const [k, c] of part) {
      const prev = out.get(k);
      out.set(k, prev ? {value: plus(prev.value, c.value), suppressed: prev.suppressed || c.suppressed} : {...c});
    }
  return out;
}

/** Figures in the page's shape: every municipality, every year; changes and ranks; county and similar figures. */
function shapeSeries(
  spec: MeasureSpec,
  input: MeasureInput,
  order: readonly string[],
  similar: ReadonlyMap<string, readonly {code: string}[]> | null
): SeriesOut {
  const s = measureSeries(spec.id, input);
  const d = spec.info.digits;
  const pct = ratio(100);
  const rec = <T>(m: Map<string, T[]>, f: (x: T) => number | null) => Object.fromEntries([...m].map(([k, xs]) => [k, xs.map(f)]));
  const out: SeriesOut = {
    v: order.map((c) => s.values.get(c)!.map((f) => shown(f, spec.scale, d))),
    p: order.map((c) => s.sincePrevious.get(c)!.map((x) => num(x, pct, 1))),
    f: order.map((c) => s.sinceFirst.get(c)!.map((x) => num(x, pct, 1))),
    r: order.map((c) => s.rank.get(c)!),
    avg: rec(s.countyAverage, (x) => num(x, spec.scale, d)),
    med: rec(s.countyMedian, (x) => num(x, spec.scale, d)),
    n: Object.fromEntries(s.countyCount)
  };
  if (similar) out.sim = order.map((c) => groupSeries(spec.id, input, (similar.get(c) ?? []).map((n) => n.code)).map((x) => num(x, spec.scale, d)));
  return out;
}

const seasonYear = (season: string) => Number(season.slice(0, 4));

/** part / whole in tenths of a per cent, rounded once, half up, in integers: 2 345 of 10 000 → 235 (23,5 %). */
export function shareTenthsOfPercent(part: number, whole: number): number {
  return Math.floor((2 * part * 1000 + whole) / (2 * whole));
}

/** How many of the county's own municipalities the ranking's "liknande kommuner" filter keeps. */
export const SIMILAR_IN_COUNTY = 3;

export function comparisonReport(inputs: ComparisonInputs, {similarK = 5, categoriesShown = COST_CATEGORIES_SHOWN}: {similarK?: number; categoriesShown?: number} = {}): ComparisonReport {
  const {parameters: p} = inputs;
  const threshold = p.suppressionThreshold;
  const refs = inputs.municipalities.map((m) => ({code: m.code, countyCode: m.countyCode}));
  const order = refs.map((m) => m.code);

  // Population per municipality and year: all, 65+ (65–79 and 80+) and 80+.
  const population = new Map<string, PopulationCell>();
  for (const r of inputs.population) {
    const k = cellKey(r.code, r.year);
    const c = population.get(k) ?? {total: 0, age65: 0, age80: 0};
    c.total += r.n;
    if (r.band === "65-79" || r.band === "80+") c.age65 += r.n;
    if (r.band === "80+") c.age80 += r.n;
    population.set(k, c);
  }
  const popYears = [...new Set(inputs.population.map((r) => r.year))].sort();
  const structureYear = popYears.at(-1) ?? p.years.to;
  const features = order
    .map((code) => ({code, pop: population.get(cellKey(code, structureYear))}))
    .filter((x) => x.pop && x.pop.total > 0)
    .map(({code, pop}) => ({code, population: pop!.total, age65: pop!.age65, age80: pop!.age80, share65: pop!.age65 / pop!.total, share80: pop!.age80 / pop!.total}));
  const similar = similarMunicipalities(features, similarK);
  const countyOf = new Map(inputs.municipalities.map((m) => [m.code, m.countyCode]));
  const similarInCounty = similarWithinGroups(features, (code) => countyOf.get(code) ?? "", SIMILAR_IN_COUNTY);

  // Enrolment cells per service: hidden where the disclosure pass hid them (null), and, as a guard,
  // wherever a count is small.
  const enrolment = new Map<string, Map<string, BaseCell>>(SERVICES.map((s) => [s, new Map()]));
  for (const r of inputs.enrolment)
    enrolment.get(r.service)!.set(cellKey(r.code, r.year), {value: ratio(r.enrolled ?? 0), suppressed: r.enrolled == null || isSmallCount(r.enrolled, threshold)});
  const enrolledFor = (services: readonly string[]) => sumCells(services.map((s) => enrolment.get(s)!));

  // Fixed prices: each principal's index, to the price level of the last year with costs.
  if (inputs.boundedCosts && inputs.costs.length) throw new Error("comparisonReport: costs both as rows and bounded");
  if (inputs.boundedCosts && inputs.boundedCosts.categoriesShown !== categoriesShown) throw new Error(`comparisonReport: the costs are bounded to ${inputs.boundedCosts.categoriesShown} categories, not ${categoriesShown}`);
  const costs = inputs.boundedCosts ?? boundCosts(inputs.costs, countyOf, categoriesShown);
  const costYears = [...new Set(costs.rows.map((r) => r.year))].sort();
  const levelYear = Math.min(p.years.to, costYears.at(-1) ?? p.years.to);
  const indexOf = (principal: string): IndexName => (principal === "region" ? p.comparison.regionIndex : p.comparison.municipalIndex);
  let factors: Map<string, Map<number, Ratio>> | null = new Map();
  let priceError: string | null = null;
  try {
    for (const principal of ["kommun", "region"]) factors.set(principal, priceFactors(inputs.priceIndex, indexOf(principal), costYears, levelYear));
  } catch (e) {
    if (!(e instanceof MissingIndexError)) throw e;
    factors = null;
    priceError = `${e.message} Fasta priser visas inte.`;
  }

  const fixedFactors = factors && commonDenominatorFactors(factors);

  const indicators: IndicatorInfo[] = [];
  const series: ComparisonReport["series"] = {};
  const add_ = (info: Omit<IndicatorInfo, "measures" | "profileMeasure">, kind: Kind, variants: Partial<Record<Prices, Map<string, BaseCell>>>, enrolled?: Map<string, BaseCell>) => {
    const specs = measureSpecs(kind, !!enrolled);
    const profile = specs[0];
    indicators.push({...info, measures: specs.map((s) => s.info), profileMeasure: profile.info.id});
    series[info.id] = {};
    for (const [prices, cells] of Object.entries(variants) as [Prices, Map<string, BaseCell>][]) {
      const input: MeasureInput = {municipalities: refs, years: info.years, cells, population, enrolled};
      series[info.id][prices] = Object.fromEntries(specs.map((s) => [s.info.id, shapeSeries(s, input, order, s === profile ? similar : null)]));
    }
  };

  // Costs: per category and principal (the largest; the others summed per principal), and totals per
  // principal and for both.
  const others = new Map<string, {category: string; principal: string; county: Record<string, (bigint | null)[]>}>();
  const costCells = new Map<string, {current: Map<string, BaseCell>; fixed: Map<string, BaseCell>; category: string; principal: string; other: number}>();
  for (const r of costs.rows) {
    // "\0" cannot start a category read from a file: the others' key never meets a real category's.
    const id = r.category != null ? `${r.category}:${r.principal}` : `\0:${r.principal}`;
    const e = costCells.get(id) ?? {current: new Map(), fixed: new Map(), category: r.category ?? "", principal: r.principal, other: 0};
    const ore = BigInt(r.ore);
    const k = cellKey(r.code, r.year);
    const addTo = (cells: Map<string, BaseCell>, value: Ratio) => cells.set(k, {value: cells.has(k) ? plus(cells.get(k)!.value, value) : value});
    addTo(e.current, ratio(ore));
    if (fixedFactors) {
      // The amount times its year's factor (atPriceLevel), over the year's common denominator.
      const f = fixedFactors.get(r.principal === "region" ? "region" : "kommun")!.get(r.year);
      if (!f) throw new RangeError(`ingen prisomräkningsfaktor för ${r.year}`);
      addTo(e.fixed, {num: ore * f.num, den: f.den});
    }
    costCells.set(id, e);
  }
  for (const r of costs.others) {
    const pair = `${r.category}|${r.principal}`;
    if (!others.has(pair)) others.set(pair, {category: r.category, principal: r.principal, county: {}});
    const sums = (others.get(pair)!.county[r.countyCode] ??= costYears.map(() => null));
    const y = costYears.indexOf(r.year);
    sums[y] = (sums[y] ?? 0n) + BigInt(r.ore);
  }
  for (const e of costCells.values()) if (!e.category) e.other = [...others.values()].filter((o) => o.principal === e.principal).length;
  const categoryLabel = (c: {category: string; principal: string; other: number}) => (c.category ? CATEGORY_LABELS[c.category] ?? c.category : `övriga kostnadsslag (${c.other} st)`);
  // Within a principal by name, the others last.
  const costKeys = [...costCells.values()].sort((a, b) => (a.principal === b.principal ? 0 : a.principal === "kommun" ? -1 : 1) || Number(!a.category) - Number(!b.category) || a.category.localeCompare(b.category));
  const costVariant = (group: typeof costKeys): Partial<Record<Prices, Map<string, BaseCell>>> => ({
    lopande: sumCells(group.map((g) => g.current)),
    ...(factors ? {fasta: sumCells(group.map((g) => g.fixed))} : {})
  });
  const yearLabels = (ys: number[]) => ys.map(String);
  const costInfo = (id: string, label: string, note: string, principals: string[]) => ({
    id,
    group: "Kostnader" as const,
    label,
    note,
    years: costYears,
    yearLabels: yearLabels(costYears),
    priced: true,
    indices: [...new Set(principals.map(indexOf))]
  });
  const enrolWords = (services: readonly string[]) => services.map((s) => SERVICE_WORDS[s] ?? s).join(" och ");
  add_(
    costInfo("kostnad-totalt", "Kostnad totalt (kommunerna och regionen)", `Summan av alla kostnadsslag i underlaget (${costKeys.map(categoryLabel).join(", ")}) oavsett huvudman. Per inskriven: per person inskriven i ${enrolWords(DEFAULT_ENROLMENT)}.`, ["kommun", "region"]),
    "cost",
    costVariant(costKeys),
    enrolledFor(DEFAULT_ENROLMENT)
  );
  // The municipalities' own total (the task they run); the region's categories are shown one by one.
  for (const principal of ["kommun"]) {
    const group = costKeys.filter((c) => c.principal === principal);
    if (!group.length) continue;
    add_(
      costInfo(`kostnad-totalt-${principal}`, `Kostnad totalt, huvudman ${principal === "kommun" ? "kommunen" : "regionen"}`, `Summan av kostnadsslagen med ${PRINCIPAL_WORDS[principal]} som huvudman: ${group.map(categoryLabel).join(", ")}. Per inskriven: per person inskriven i ${enrolWords(DEFAULT_ENROLMENT)}.`, [principal]),
      "cost",
      costVariant(group),
      enrolledFor(DEFAULT_ENROLMENT)
    );
  }
  for (const c of costKeys) {
    const services = CATEGORY_ENROLMENT[c.category] ?? DEFAULT_ENROLMENT;
    if (!c.category) {
      let id = `kostnad-ovriga-${c.principal}`;
      for (let k = 2; series[id]; k++) id = `kostnad-ovriga-${c.principal}-${k}`;
      add_(
        costInfo(id, `Kostnad: övriga kostnadsslag (${c.principal === "kommun" ? "kommunen" : "regionen"})`, `Summan av de ${c.other} kostnadsslag med ${PRINCIPAL_WORDS[c.principal] ?? c.principal} som huvudman som inte visas ett och ett: bara de ${categoriesShown} största kostnadsslagen i underlaget (summan över alla kommuner och år) har en egen indikator. Vilka kostnadsslag som ingår står i en tabell under diagrammen. Per inskriven: per person inskriven i ${enrolWords(services)}.`, [c.principal]),
        "cost",
        {lopande: c.current, ...(factors ? {fasta: c.fixed} : {})},
        enrolledFor(services)
      );
      continue;
    }
    // A category's own id must not take another indicator's: a category named "totalt" (or "a_b" beside
    // "a-b") would otherwise give its figures under the other's label. Such an id gets a suffix.
    let id = `kostnad-${c.category.replace(/_/g, "-")}-${c.principal}`;
    for (let k = 2; series[id]; k++) id = `kostnad-kategori-${c.category.replace(/_/g, "-")}-${c.principal}${k > 2 ? `-${k - 1}` : ""}`;
    add_(
      costInfo(id, `Kostnad: ${CATEGORY_LABELS[c.category] ?? c.category} (${c.principal === "kommun" ? "kommunen" : "regionen"})`, `Kostnadsslaget ${c.category} med ${PRINCIPAL_WORDS[c.principal] ?? c.principal} som huvudman (kostnader.csv och summerade huvudboksrader). Per inskriven: per person inskriven i ${enrolWords(services)}.`, [c.principal]),
      "cost",
      {lopande: c.current, ...(factors ? {fasta: c.fixed} : {})},
      enrolledFor(services)
    );
  }

  // Enrolment per service (yearly periods).
  for (const s of SERVICES) {
    const cells = enrolment.get(s)!;
    if (!cells.size) continue;
    const years = [...new Set([...cells.keys()].map((k) => Number(k.split("|")[1])))].sort();
    add_(
      {id: `inskrivna-${s}`, group: "Inskrivna", label: `${SERVICE_LABELS[s]} (personer per år)`, note: `Personer inskrivna under året (inskrivna.csv och inskrivningar.csv, en person räknas en gång per år). Antal mellan 1 och ${threshold - 1} visas som ${SUPPRESSED}.`, years, yearLabels: yearLabels(years), priced: false, indices: []},
      "count",
      {lopande: cells}
    );
  }

  // Vaccination coverage per vaccine and target group, and for all target groups together.
  const vaccines = [...new Set(inputs.vaccination.map((r) => r.vaccine))].sort();
  for (const vaccine of vaccines) {
    const rows = inputs.vaccination.filter((r) => r.vaccine === vaccine);
    const seasons = [...new Set(rows.map((r) => r.season))].sort();
    const years = seasons.map(seasonYear);
    const groups = [...new Set(rows.map((r) => r.targetGroup))].sort();
    const cellsFor = (rs: typeof rows) => {
      const out = new Map<string, BaseCell>();
      for (const r of rs) {
        const k = cellKey(r.code, seasonYear(r.season));
        const prev = out.get(k);
        // Hidden by the disclosure pass (null), or small, or with a small complement: never shown, never summed.
        const small = r.vaccinated == null || r.targetSize == null || isSmallCount(r.vaccinated, threshold) || isSmallCount(r.targetSize - r.vaccinated, threshold);
        const smallTarget = r.targetSize == null || isSmallCount(r.targetSize, threshold);
        out.set(k, {
          value: add(prev?.value ?? ZERO, ratio(r.vaccinated ?? 0)),
          denominator: add(prev?.denominator ?? ZERO, ratio(r.targetSize ?? 0)),
          suppressed: !!prev?.suppressed || small,
          denominatorSuppressed: !!prev?.denominatorSuppressed || smallTarget
        });
      }
      return out;
    };
    const info = (id: string, label: string, note: string) => ({id, group: "Vaccination" as const, label, note, years, yearLabels: seasons, priced: false, indices: [] as IndexName[]});
    add_(info(`vaccination-${vaccine}-alla`, `Vaccination ${VACCINE_LABELS[vaccine] ?? vaccine}: alla målgrupper`, `Vaccinerade i målgrupperna ${groups.map((g) => GROUP_LABELS[g] ?? g).join(", ")} delat med antalet i målgrupperna (summor per kommun och säsong). En kommun där någon målgrupps antal är dolt visas som ${SUPPRESSED}: summan visas bara när varje del visas.`), "coverage", {lopande: cellsFor(rows)});
    for (const g of groups)
      add_(info(`vaccination-${vaccine}-${g}`, `Vaccination ${VACCINE_LABELS[vaccine] ?? vaccine}: ${GROUP_LABELS[g] ?? g}`, `Vaccinerade i målgruppen ${GROUP_LABELS[g] ?? g} delat med antalet i målgruppen (vaccination.csv).`), "coverage", {lopande: cellsFor(rows.filter((r) => r.targetGroup === g))});
  }

  // Medical devices: the latest count of each year.
  if (inputs.devices.length) {
    const cells = new Map(inputs.devices.map((r) => [cellKey(r.code, r.year), {value: ratio(r.devices)} as BaseCell]));
    const years = [...new Set(inputs.devices.map((r) => r.year))].sort();
    add_({id: "medicinteknik-enheter", group: "Medicinteknik", label: "Registrerade medicintekniska enheter", note: "Kommunens registrerade enheter i MT-inventariet vid årets sista räkning (mt-enheter.csv).", years, yearLabels: yearLabels(years), priced: false, indices: []}, "devices", {lopande: cells});
  }

  const idx = [p.comparison.municipalIndex, p.comparison.regionIndex];
  const demo = inputs.priceIndex.some((v) => idx.includes(v.index) && v.demo);
  return {
    dataset: p.dataset,
    suppressionThreshold: threshold,
    counties: inputs.counties,
    municipalities: inputs.municipalities.map((m) => {
      const f = features.find((x) => x.code === m.code);
      return {
        ...m,
        // No population for the structure year: missing (null), never "0 invånare".
        population: f?.population ?? null,
        // Rounded once, from the counts, to the tenth of a per cent that Kolada publishes (half up).
        share65: f ? shareTenthsOfPercent(f.age65, f.population) / 1000 : null,
        share80: f ? shareTenthsOfPercent(f.age80, f.population) / 1000 : null,
        similar: (similar.get(m.code) ?? []).map((n) => ({code: n.code, distance: Number(n.distance.toFixed(2))})),
        similarInCounty: (similarInCounty.get(m.code) ?? []).map((n) => n.code)
      };
    }),
    structureYear,
    similarK,
    prices: {levelYear, regionIndex: p.comparison.regionIndex, municipalIndex: p.comparison.municipalIndex, available: !!factors, error: priceError, demo},
    indicators,
    series,
    otherCategories: [...others.values()]
      .sort((a, b) => a.principal.localeCompare(b.principal) || a.category.localeCompare(b.category))
      .map((o) => ({...o, county: Object.fromEntries(Object.entries(o.county).map(([c, sums]) => [c, sums.map((x) => (x == null ? null : String(x)))]))})),
    method: {
      average: "Länets medel = summan av kommunernas täljare delat med summan av nämnarna (till exempel länets kostnad delat med länets invånare), inte medelvärdet av kommunernas kvoter. För måttet Totalt är det summan delat med antalet kommuner. Kommuner utan siffra eller med skyddad siffra ingår inte.",
      median: "Median = det mittersta av kommunernas värden (medelvärdet av de två mittersta vid ett jämnt antal).",
      change: "Förändring i procent = (årets värde / jämförelseårets värde − 1) × 100. För andelar och täckning: skillnaden i procentenheter. Räknas på de exakta värdena, före avrundning.",
      suppression: `${policyShortText(disclosurePolicy(p))} Ett dolt antal ger inget mått som räknas ur det (per invånare, andel, täckning, förändring, rang), och det ingår inte i länets summor, medel eller andelar.`,
      similar: `Liknande kommuner: de ${similarK} kommuner som ligger närmast i folkmängd och åldersstruktur ${structureYear}, mätt som euklidiskt avstånd mellan z-värden (avvikelse från medelvärdet i standardavvikelser) av logaritmen av folkmängden, andelen invånare 65+ och andelen 80+, bland alla ${features.length} kommuner i underlaget (jämför Koladas "liknande kommuner"). Jämförelsevärdet är de liknande kommunernas summa delat med deras summa (total/total).`,
      similarInCounty: `Filtret "liknande kommuner" i rangordningen: den valda kommunen och de ${SIMILAR_IN_COUNTY} kommuner i samma län som ligger närmast den, med samma avstånd som ovan: d = √((z₁ − z₁′)² + (z₂ − z₂′)² + (z₃ − z₃′)²), där z₁ är z-värdet av ln(folkmängd), z₂ av andelen 65+ och z₃ av andelen 80+ ${structureYear}, z = (x − medelvärdet) / standardavvikelsen bland alla ${features.length} kommuner i underlaget. Rang och kvartil är kvar från hela länet.`,
      prices: `Fasta priser: varje års kostnad räknas om till ${levelYear} års prisnivå med ${p.comparison.municipalIndex} för kommunernas kostnader och ${p.comparison.regionIndex} för regionens (valda i avtalets parameterfil): beloppet gånger (1 + årets förändring/100) för varje år efter kostnadsåret till och med ${levelYear}, senaste utgåvan av varje indexvärde. Summor räknas efter omräkningen.`,
      vaccination: "Vaccinationstäckning = vaccinerade delat med antalet i målgruppen. Säsongen 2023/24 visas som år 2023 i tidsserierna.",
      devices: "Medicintekniska enheter: antalet vid årets sista räkning (halvårsräkningar i mt-enheter.csv)."
    }
  };
}

export async function comparisonReportFrom(wh: Warehouse): Promise<ComparisonReport> {
  return comparisonReport(await readComparisonInputs(wh));
}


// ---------------------------------------------------------------------------------------------------
// Files per county and per municipality

/**
 * Which file of a county holds an indicator's figures in the given prices: the cost indicators fill
 * most of the data (two price bases, six measures), so they have a file per price basis and the rest
 * share one. A page fetches only the file of the indicator the reader picked.
 */
export type ComparisonPart = "kostnader-lopande" | "kostnader-fasta" | "ovriga";
export const COMPARISON_PARTS: readonly ComparisonPart[] = ["kostnader-lopande", "kostnader-fasta", "ovriga"];
export const comparisonPart = (indicator: Pick<IndicatorInfo, "group">, prices: Prices): ComparisonPart =>
  indicator.group === "Kostnader" ? (prices === "fasta" ? "kostnader-fasta" : "kostnader-lopande") : "ovriga";

/** What /jamfor/<lan> reads first: everything but the figures, for the county's municipalities only. */
export type ComparisonCountyMeta = Omit<ComparisonReport, "series" | "municipalities" | "otherCategories"> & {
  county: string;
  municipalities: ComparisonReport["municipalities"];
  /** Per indicator, the file (`<lan>/<part>.json`) of each price basis it has figures in (no "fasta" when the index values are missing). */
  parts: Record<string, Partial<Record<Prices, ComparisonPart>>>;
};
/** A county's series without the profile's similar-municipality figures; avg, med and n for its county only. */
export type CountySeries = Omit<SeriesOut, "sim">;
export interface ComparisonCountyPart {
  series: Record<string, Partial<Record<Prices, Record<string, CountySeries>>>>;
}

/** What "övriga kostnadsslag" holds in one county: each category's sum per cost year, in öre (fetched when the reader picks that indicator). */
export interface ComparisonOtherCategories {
  years: number[];
  rows: {category: string; principal: string; ore: (string | null)[]}[];
}

/** What /kommun/<code> reads: the municipality, its similar ones and, per indicator, the profile measure. */
export interface ComparisonProfile extends Omit<ComparisonReport, "series" | "municipalities" | "otherCategories"> {
  municipality: ComparisonReport["municipalities"][number];
  /** The municipality itself first, then its similar ones (any county). */
  municipalities: ComparisonReport["municipalities"];
  /** Per indicator and prices: the municipality's figures, its county's average and the similar ones' figure. */
  series: Record<string, Partial<Record<Prices, {own: Shown[]; county: (number | null)[]; similar: (number | null)[]}>>>;
}

/**
 * The report cut into the files the pages fetch: `<lan>/meta.json` and `<lan>/<part>.json` per county,
 * `kommun-<code>.json` per municipality. Every figure is the report's own; nothing is recomputed.
 */
export function comparisonFiles(report: ComparisonReport): Record<string, ComparisonCountyMeta | ComparisonCountyPart | ComparisonProfile | ComparisonOtherCategories> {
  const {series, municipalities, otherCategories, ...shared} = report;
  const parts = Object.fromEntries(report.indicators.map((i) => [i.id, Object.fromEntries(Object.keys(series[i.id] ?? {}).map((p) => [p, comparisonPart(i, p as Prices)]))]));
  const files: Record<string, ComparisonCountyMeta | ComparisonCountyPart | ComparisonProfile | ComparisonOtherCategories> = {};
  const costYears = report.indicators.find((i) => i.id === "kostnad-totalt")?.years ?? [];
  for (const county of report.counties) {
    const rows = municipalities.map((m, i) => ({m, i})).filter(({m}) => m.countyCode === county.code);
    files[`${county.code}/meta.json`] = {...shared, county: county.code, municipalities: rows.map(({m}) => m), parts};
    const partFiles = Object.fromEntries(COMPARISON_PARTS.map((p) => [p, {series: {}} as ComparisonCountyPart]));
    for (const indicator of report.indicators)
      for (const [prices, measures] of Object.entries(series[indicator.id] ?? {}) as [Prices, Record<string, SeriesOut>][]) {
        const part = partFiles[comparisonPart(indicator, prices)].series;
        part[indicator.id] ??= {};
        part[indicator.id][prices] = Object.fromEntries(
          Object.entries(measures).map(([id, s]) => [
            id,
            {
              v: rows.map(({i}) => s.v[i]),
              p: rows.map(({i}) => s.p[i]),
              f: rows.map(({i}) => s.f[i]),
              r: rows.map(({i}) => s.r[i]),
              avg: {[county.code]: s.avg[county.code] ?? []},
              med: {[county.code]: s.med[county.code] ?? []},
              n: {[county.code]: s.n[county.code] ?? []}
            }
          ])
        );
      }
    for (const p of COMPARISON_PARTS) files[`${county.code}/${p}.json`] = partFiles[p];
    files[`${county.code}/ovriga-kostnadsslag.json`] = {
      years: costYears,
      rows: otherCategories.filter((o) => o.county[county.code]).map((o) => ({category: o.category, principal: o.principal, ore: o.county[county.code]}))
    };
  }
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  for (const [i, m] of municipalities.entries()) {
    const profile: ComparisonProfile["series"] = {};
    for (const indicator of report.indicators) {
      profile[indicator.id] = {};
      for (const [prices, measures] of Object.entries(series[indicator.id] ?? {}) as [Prices, Record<string, SeriesOut>][]) {
        const s = measures[indicator.profileMeasure];
        profile[indicator.id][prices] = {own: s.v[i], county: s.avg[m.countyCode] ?? [], similar: s.sim?.[i] ?? []};
      }
    }
    const similar = m.similar.map((n) => byCode.get(n.code)).filter((x) => x != null);
    files[`kommun-${m.code}.json`] = {...shared, municipality: m, municipalities: [m, ...similar], series: profile};
  }
  return files;
}

export async function comparisonFilesFrom(wh: Warehouse): Promise<ReturnType<typeof comparisonFiles>> {
  return comparisonFiles(await comparisonReportFrom(wh));
}
