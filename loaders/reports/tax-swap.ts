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
import {ratio, roundHalfAway, toFixed} from "../models/exact.ts";
import {MissingIndexError, latestEditions, type IndexName, type IndexValue} from "../models/index-uprating.ts";
import {INCOME_EQUALISATION_RULES, rulesText, swapWorthAfterEqualisation, type IncomeEqualisationRules} from "../models/income-equalisation.ts";
import {runScenario, scenarioText, type ScenarioResult, type ScenarioSpec, type ScenarioYear} from "../models/tax-swap-scenarios.ts";
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
import {formatDecimal, formatInteger, formatKr, formatMnkr} from "../format.ts";
import {readCounties} from "../counties.ts";
import {costCategoryList} from "../labels.ts";
import {valuesOf, type Agreement} from "../agreements.ts";

// ---------------------------------------------------------------------------------------------------
// Inputs

export interface TaxSwapInputs {
  parameters: Pick<Parameters, "dataset" | "taxSwap" | "comparison">;
  counties: {code: string; name: string; region: string}[];
  municipalities: {code: string; name: string; countyCode: string}[];
  /** `line`: the row's line in skattevaxling.csv (for messages); optional for hand-made inputs. */
  ore: (SwapOre & {countyCode: string; decision: string; line?: number})[];
  /** Rikets medelskattekraft per invånare, kronor (medelskattekraft.csv); empty when the file is missing. */
  meanTaxBase?: {year: number; perInhabitant: string; source: string}[];
  /** Länsvis skattesats för kommunerna (lansvis-skattesats.csv). */
  countyRates?: {countyCode: string; year: number; rate: string; source: string}[];
  /** The agreement files (avtal/*.json): a county's taxSwap settings come from its agreement. */
  agreements?: Agreement[];
  /** Standardkostnad äldreomsorg, kronor per invånare (standardkostnad-aldreomsorg.csv). */
  standardCost?: {municipalityCode: string; year: number; perInhabitant: string; source: string}[];
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
  const allCategories = new Set([...p.taxSwap.costCategories, ...(p.taxSwap.counties ?? []).flatMap((x) => x.costCategories ?? [])]);
  const categories = [...allCategories].map(lit).join(", ");
  const index = p.comparison.municipalIndex;
  const counties = await readCounties(c);
  const municipalities = await queryRows<{code: string; name: string; countyCode: string}>(
    c,
    `SELECT municipality_code AS code, municipality_name AS name, county_code AS "countyCode" FROM municipalities ORDER BY municipality_name COLLATE NOCASE`
  );
  const ore = await queryRows<{countyCode: string; fromYear: number; ore: string; decision: string | null; line: number}>(
    c,
    `SELECT county_code AS "countyCode", from_year AS "fromYear", CAST(ore AS VARCHAR) AS ore, decision, CAST(line AS INTEGER) AS line FROM tax_swap ORDER BY 1, 2`
  );
  const meanTaxBase = await queryRows<{year: number; value: string; source: string | null}>(
    c,
    `SELECT year, CAST(mean_tax_base AS VARCHAR) AS value, source FROM mean_tax_base ORDER BY 1`
  );
  const countyRates = await queryRows<{countyCode: string; year: number; rate: string; source: string | null}>(
    c,
    `SELECT county_code AS "countyCode", year, CAST(rate AS VARCHAR) AS rate, source FROM county_tax_rate ORDER BY 1, 2`
  );
  const standardCost = await queryRows<{code: string; year: number; value: string; source: string | null}>(
    c,
    `SELECT municipality_code AS code, year, CAST(per_inhabitant AS VARCHAR) AS value, source FROM elderly_standard_cost ORDER BY 1, 2`
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
    ore: ore.map((o) => ({countyCode: o.countyCode, fromYear: o.fromYear, ore: trimDecimal(o.ore), decision: o.decision ?? "", line: Number(o.line)})),
    agreements: wh.agreements,
    meanTaxBase: meanTaxBase.map((m) => ({year: m.year, perInhabitant: trimDecimal(m.value), source: m.source ?? ""})),
    countyRates: countyRates.map((r) => ({countyCode: r.countyCode, year: r.year, rate: trimDecimal(r.rate), source: r.source ?? ""})),
    standardCost: standardCost.map((r) => ({municipalityCode: r.code, year: r.year, perInhabitant: trimDecimal(r.value), source: r.source ?? ""})),
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
  equalisation: ReviewEqualisation;
  /** The named scenarios against the base case (current prices). */
  scenarios: ScenarioView[];
}

/** The review settings of one county: where they come from, and the values. */
export interface TaxSwapSettings {
  countyCode: string;
  startYear: number;
  reviewEvery: number;
  costCategories: string[];
  principal: "region" | "kommun";
  /** Where the settings come from, in Swedish ("parametrar.json, taxSwap.counties (län 23)"). */
  source: string;
  /** The parameter file's note for the county (e.g. that the swap is demo). */
  note: string | null;
}

/**
 * The review settings of a county (start year, interval, cost categories, whose costs). ONE place reads
 * them: today from parametrar.json (taxSwap, and taxSwap.counties for a county of its own); the agreement
 * files (data/avtal/*.json) will feed this function instead. Fields a county entry leaves out come from
 * taxSwap; the start year of a county without settings is its first row in skattevaxling.csv.
 */
export function taxSwapSettings(parameters: Pick<Parameters, "taxSwap">, countyCode: string, firstSwapYear?: number, agreements: readonly Agreement[] = []): TaxSwapSettings {
  const ts = parameters.taxSwap;
  // The county's agreement file (avtal/<lan>-<år>.json) with a taxSwap section wins: the newest one.
  const agreed = [...agreements].filter((a) => a.countyCode === countyCode && a.taxSwap).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  if (agreed) {
    const v = valuesOf(agreed.taxSwap!) as {startYear?: number; reviewEvery?: number; costCategories?: string[]; principal?: "region" | "kommun"};
    return {
      countyCode,
      startYear: v.startYear ?? firstSwapYear ?? ts.startYear,
      reviewEvery: v.reviewEvery ?? ts.reviewEvery,
      costCategories: [...(v.costCategories ?? ts.costCategories)],
      principal: v.principal ?? ts.principal,
      source: `${agreed.file}, taxSwap`,
      note: null
    };
  }
  const own = ts.counties?.find((c) => c.countyCode === countyCode);
  const isMain = countyCode === ts.countyCode;
  const startYear = own?.startYear ?? (isMain ? ts.startYear : firstSwapYear ?? ts.startYear);
  const source = own
    ? `uppföljningens inställningar för län ${countyCode}`
    : isMain
      ? `avtalet för län ${ts.countyCode}`
      : `samma intervall och kostnadsslag som avtalet för län ${ts.countyCode}; startåret ${startYear} är länets första rad i skattevaxling.csv`;
  return {
    countyCode,
    startYear,
    reviewEvery: own?.reviewEvery ?? ts.reviewEvery,
    costCategories: [...(own?.costCategories ?? ts.costCategories)],
    principal: own?.principal ?? ts.principal,
    source,
    note: own?.note ?? null
  };
}

/** The income equalisation of a review window: per municipality and year, and the window's sums. */
export interface EqualisationYear {
  municipalityCode: string;
  year: number;
  ore: string;
  /** Own tax capacity as % of the national mean (display number, 1 decimal). */
  capacityPercent: number | null;
  position: "bidrag" | "avgift" | "noll" | null;
  ownOre: number | null;
  afterEqualisationOre: number | null;
  effectOre: number | null;
  /** What is missing for the year, in words (null: nothing). */
  missing: string | null;
}

export interface EqualisationWindow {
  municipalityCode: string | null;
  ownOre: number | null;
  afterEqualisationOre: number | null;
  effectOre: number | null;
  /** Per inhabitant and year (Σ effect / Σ population), whole öre. */
  effectPerInhabitantOre: number | null;
  /** The window's last year: tax capacity in % of the national mean, and grant or fee. */
  capacityPercent: number | null;
  position: "bidrag" | "avgift" | "noll" | null;
}

export interface ReviewEqualisation {
  /** null when the national mean is given for every year of the window. */
  missingInput: string | null;
  years: EqualisationYear[];
  rows: EqualisationWindow[];
  county: EqualisationWindow & {missing: string[]};
  rules: string[];
  method: string;
  /** Some inputs are labelled Demodata (source column). */
  demo: boolean;
  sources: string[];
}

export interface ScenarioView {
  name: string;
  label: string;
  text: string;
  /** The scenario's kind of figure: every scenario is an assumption, said with its origin. */
  origin: string;
  result: ScenarioResult | null;
  /** Why the scenario cannot be computed (a missing input file), in Swedish. */
  error: string | null;
}

/** One assumption or value of the review with its kind and source (the review pack lists them). */
export interface ReviewAssumption {
  what: string;
  value: string;
  /** avtalat (agreed), antagande (an analyst's choice), beräknat (with the formula), regel (law), uppgift (input data). */
  kind: "avtalat" | "antagande" | "beräknat" | "regel" | "uppgift";
  source: string;
}

export interface CountySwap {
  ore: {fromYear: number; ore: string; decision: string}[];
  settings: TaxSwapSettings;
  assumptions: ReviewAssumption[];
  startYear: number;
  reviewEvery: number;
  /** The last year with a tax base for the county's municipalities (null: none). */
  lastYear: number | null;
  /** Review years with a complete window, oldest first. */
  reviewYears: number[];
  /** The next review, whose window is not complete yet. */
  nextReview: {reviewYear: number; fromYear: number; toYear: number};
  /** "Nästa uppföljning är 2029 och avser 2025–2028 …" */
  nextReviewText: string;
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
  /** Problems in the inputs for this county (file and line), in Swedish; the review shows what it can. */
  warnings: string[];
  /** For a county without a swap: the file, header and row that would add one. */
  addSwap: {file: string; header: string; example: string} | null;
  /** What the page's scenario panel needs besides the review rows. */
  scenarioData: {
    standardCost: {municipalityCode: string; year: number; perInhabitant: string}[];
    standardCostDemo: boolean;
    index: {index: string; changes: {year: number; changePercent: string}[]; demo: boolean};
  } | null;
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
  /** Problems that belong to no county (a swap row for an unknown county), with file and line. */
  warnings: string[];
}

const years = (from: number, to: number) => Array.from({length: Math.max(0, to - from + 1)}, (_, i) => from + i);

/** "2021–2024" */
export const span = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

export function buildTaxSwapReport(input: TaxSwapInputs): TaxSwapReport {
  const ts = input.parameters.taxSwap;
  const index = input.parameters.comparison.municipalIndex;
  const known = new Set(input.counties.map((c) => c.code));
  const warnings = input.ore
    .filter((o) => !known.has(o.countyCode))
    .map((o) => `skattevaxling.csv${o.line ? ` rad ${o.line}` : ""}: länskod ${o.countyCode} finns inte i kommuner.csv, så raden (${o.ore} öre från ${o.fromYear}) används inte. Rätta länskoden eller lägg till länets kommuner i kommuner.csv.`);
  return {
    dataset: input.parameters.dataset,
    parameters: {countyCode: ts.countyCode, startYear: ts.startYear, reviewEvery: ts.reviewEvery, costCategories: [...ts.costCategories], principal: ts.principal, index},
    sources: {costs: input.costSources},
    counties: input.counties.map((county) => countyReport(input, county)),
    warnings
  };
}

/** The income-equalisation rules with the parameter file's overrides. */
export function equalisationRules(parameters: Pick<Parameters, "taxSwap">): IncomeEqualisationRules {
  const over = parameters.taxSwap.incomeEqualisation ?? {};
  return {...INCOME_EQUALISATION_RULES, ...(over as Partial<IncomeEqualisationRules>)};
}

function countyReport(input: TaxSwapInputs, county: {code: string; name: string; region: string}): CountyTaxSwap {
  const municipalities = input.municipalities.filter((m) => m.countyCode === county.code).map((m) => ({code: m.code, name: m.name}));
  const base = {countyCode: county.code, countyName: county.name, regionName: county.region, municipalities};
  const ore = input.ore.filter((o) => o.countyCode === county.code).sort((a, b) => a.fromYear - b.fromYear);
  if (!ore.length) {
    const example = `${county.code};${input.parameters.taxSwap.startYear};20;Beslut om skatteväxling (ange beslut och datum)`;
    return {
      ...base,
      swap: null,
      note: `Det finns ingen skatteväxling att följa upp i ${county.name}: skattevaxling.csv har ingen rad med länskod ${county.code}. Lägg till en rad i skattevaxling.csv (länskod;från_år;öre;beslut), t.ex. ${example}, så följs växlingen upp här med samma metod som i de andra länen.`,
      warnings: [],
      addSwap: {file: "skattevaxling.csv", header: "länskod;från_år;öre;beslut", example},
      scenarioData: null
    };
  }
  const found = taxSwapSettings(input.parameters, county.code, ore[0].fromYear, input.agreements ?? []);
  // A swap row labelled demo (skattevaxling.csv's decision) makes the review say so.
  const demoRow = ore.find((o) => /demodata/i.test(o.decision));
  const settings = found.note || !demoRow ? found : {...found, note: `${demoRow.decision}. Växlingen följs upp med samma metod som i de andra länen.`};
  const {startYear, reviewEvery: every} = settings;
  const codes = new Set(municipalities.map((m) => m.code));
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const taxBase = input.taxBase.filter((t) => codes.has(t.municipalityCode) && t.year >= startYear);
  const costs = input.costs.filter((c) => codes.has(c.municipalityCode));
  const population = input.population.filter((p) => codes.has(p.municipalityCode));
  const lastYear = taxBase.length ? Math.max(...taxBase.map((t) => t.year)) : null;
  const complete = lastYear == null ? [] : reviewYears(lastYear + 1, {startYear, every});
  const nextYear = (complete.at(-1) ?? startYear) + every;
  const next = reviewWindow(nextYear, {startYear, every});
  const wanted = new Set(settings.costCategories);
  const present = input.costCategories.filter((c) => c.countyCode === county.code);
  const isCounted = (c: {category: string; principal: string}) => wanted.has(c.category) && c.principal === settings.principal;

  // Bad input: said with file and line; the review still shows the years it can compute.
  const warnings: string[] = [];
  const firstDataYear = input.taxBase.length ? Math.min(...input.taxBase.map((t) => t.year)) : null;
  if (firstDataYear != null && startYear < firstDataYear) {
    const row = ore[0];
    warnings.push(
      `skattevaxling.csv${row.line ? ` rad ${row.line}` : ""}: växlingen i ${county.name} börjar ${startYear}, men skatteunderlag.csv börjar ${firstDataYear}. ` +
        `Åren ${span(startYear, firstDataYear - 1)} saknar skatteunderlag och markeras som saknade; det ackumulerade saldot sedan växlingen kan inte räknas.`
    );
  }
  if (lastYear != null) {
    for (const m of municipalities) {
      const have = new Set(taxBase.filter((t) => t.municipalityCode === m.code).map((t) => t.year));
      const lack = years(Math.max(startYear, firstDataYear ?? startYear), lastYear).filter((y) => !have.has(y));
      if (lack.length) warnings.push(`skatteunderlag.csv saknar ${m.name} (${m.code}) för ${lack.join(", ")}: de åren markeras som saknade och ${m.name} ingår inte i länets summa för dem.`);
    }
  }

  const rules = equalisationRules(input.parameters);
  const indexName = input.parameters.comparison.municipalIndex;
  const latest = latestEditions(input.priceIndex, indexName);
  const indexChanges = [...latest.values()].sort((a, b) => a.year - b.year).map((v) => ({year: v.year, changePercent: v.changePercent, demo: !!v.demo}));
  const standardCost = (input.standardCost ?? []).filter((s) => codes.has(s.municipalityCode));

  const reviews = complete.map((reviewYear): Review => {
    const window = reviewWindow(reviewYear, {startYear, every});
    const follow = (fixed: boolean) =>
      taxSwapFollowUp(
        {ore, taxBase, costs, population},
        {
          categories: settings.costCategories,
          principal: settings.principal,
          fromYear: startYear,
          toYear: window.toYear,
          municipalities: municipalities.map((m) => m.code),
          fixedPrices: fixed ? {year: window.toYear, index: indexName, series: input.priceIndex, lag: 0} : undefined
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
    const equalisation = equalisationOf(current, window, county.code, input, rules, names);
    const scenarioInputs = {
      years: current.rows.map((r): ScenarioYear => ({municipalityCode: r.municipalityCode!, year: r.year, ore: r.ore, taxBaseOre: r.taxBaseOre, costOre: r.costOre, population: r.population})),
      windowYears: window.years,
      startYear,
      standardCost
    };
    const scenarios = namedScenarios(indexName, indexChanges).map((spec): ScenarioView => {
      const needsStandard = spec.supplementPercent != null && !standardCost.length;
      return {
        name: spec.name,
        label: spec.label,
        text: scenarioText(spec),
        origin: scenarioOrigin(spec),
        result: needsStandard ? null : runScenario(scenarioInputs, spec),
        error: needsStandard ? STANDARD_COST_MISSING : null
      };
    });
    return {reviewYear, fromYear: window.fromYear, toYear: window.toYear, windowYears: window.years, current, fixed, fixedError, equalisation, scenarios};
  });

  const nextReviewText =
    `Nästa uppföljning är ${next.reviewYear} och avser ${span(next.fromYear, next.toYear)}` +
    (lastYear == null ? "; skatteunderlag saknas ännu." : lastYear >= next.toYear ? "." : `; underlaget finns i dag till och med ${lastYear}.`);
  return {
    ...base,
    swap: {
      ore: ore.map((o) => ({fromYear: o.fromYear, ore: o.ore, decision: o.decision})),
      settings,
      assumptions: assumptionsOf(settings, ore, indexName, rules, input),
      startYear,
      reviewEvery: every,
      lastYear,
      reviewYears: complete,
      nextReview: {reviewYear: next.reviewYear, fromYear: next.fromYear, toYear: next.toYear},
      nextReviewText,
      counted: settings.costCategories.map((category) => ({category, principal: settings.principal})),
      notCounted: present.filter((c) => !isCounted(c)),
      reviews
    },
    note: complete.length
      ? null
      : `Ingen uppföljning är fullständig ännu: den första, ${next.reviewYear}, avser ${span(next.fromYear, next.toYear)}` +
        (lastYear == null ? ", och skatteunderlag saknas." : `, och skatteunderlaget finns till och med ${lastYear}.`),
    warnings,
    addSwap: null,
    scenarioData: {
      standardCost: standardCost.map(({municipalityCode, year, perInhabitant}) => ({municipalityCode, year, perInhabitant})),
      standardCostDemo: standardCost.some((s) => s.source === "Demodata"),
      index: {index: indexName, changes: indexChanges.map(({year, changePercent}) => ({year, changePercent})), demo: indexChanges.some((c) => c.demo)}
    }
  };
}

export const STANDARD_COST_MISSING =
  "Scenariot med hemsjukvårdstillägg kräver kommunernas standardkostnad för äldreomsorg: lägg filen standardkostnad-aldreomsorg.csv (kommunkod;år;standardkostnad_kr_per_invanare;källa) i datamappen, se data/README.md.";

/** The named scenarios of the CLI (--scenario NAME) and the review pack. */
export function namedScenarios(indexName: string, changes: readonly {year: number; changePercent: string}[]): ScenarioSpec[] {
  return [
    {name: "20-ore", label: "20 öre", ore: "20"},
    {name: "25-ore", label: "25 öre", ore: "25"},
    {name: "tillagg-1,5", label: "Hemsjukvårdstillägg 1,5 %", supplementPercent: "1.5"},
    {name: "kostnad-index", label: `Kostnad uppräknad med ${indexName}`, costIndex: {index: indexName, changes}}
  ];
}

/** Where a scenario's figure comes from (every scenario is an assumption: antagande). */
export function scenarioOrigin(spec: ScenarioSpec): string {
  if (spec.supplementPercent != null) {
    return spec.supplementPercent === "1.5"
      ? "antagande: SOU 2011:55 föreslog ett hemsjukvårdstillägg på 1,5 % av standardkostnaden för äldreomsorg (cirka 300 mnkr i riket); förslaget har inte införts"
      : `antagande: hemsjukvårdstillägg ${spec.supplementPercent.replace(".", ",")} % (valt i scenariot)`;
  }
  if (spec.costIndex) return `antagande: kostnaden hade bara vuxit med ${spec.costIndex.index} sedan växlingsåret (prisindex.csv)`;
  if (spec.ore != null) return `antagande: ${spec.ore.replace(".", ",")} öre i stället för de växlade örena (Västerbotten växlade 20 öre 2013 och föreslogs 25 öre från 2016)`;
  return "antagande";
}

function equalisationOf(
  current: ReviewView,
  window: {years: number[]},
  countyCode: string,
  input: TaxSwapInputs,
  rules: IncomeEqualisationRules,
  names: Map<string, string>
): ReviewEqualisation {
  const means = new Map((input.meanTaxBase ?? []).map((m) => [m.year, m]));
  const rates = new Map((input.countyRates ?? []).filter((r) => r.countyCode === countyCode).map((r) => [r.year, r]));
  const lackYears = window.years.filter((y) => !means.has(y));
  const missingInput = lackYears.length
    ? `Inkomstutjämningens effekt kräver rikets medelskattekraft per invånare för ${lackYears.join(", ")}: lägg raderna i medelskattekraft.csv (år;medelskattekraft_kr;källa), se data/README.md. Sidan hittar aldrig på värdet.`
    : null;
  const years: EqualisationYear[] = current.rows
    .filter((r) => window.years.includes(r.year))
    .map((r) => {
      const mean = means.get(r.year);
      const lack = [r.taxBaseOre == null ? "skatteunderlag" : null, r.population == null ? "folkmängd" : null, mean ? null : "medelskattekraft"].filter(Boolean);
      if (lack.length) return {municipalityCode: r.municipalityCode!, year: r.year, ore: r.ore, capacityPercent: null, position: null, ownOre: null, afterEqualisationOre: null, effectOre: null, missing: lack.join(", ")};
      const w = swapWorthAfterEqualisation(r.ore, {taxBaseOre: r.taxBaseOre!, population: r.population!, meanTaxBasePerInhabitant: mean!.perInhabitant, countyRate: rates.get(r.year)?.rate ?? null}, rules);
      return {municipalityCode: r.municipalityCode!, year: r.year, ore: r.ore, capacityPercent: Number(toFixed(w.capacityPercent, 1)), position: w.position, ownOre: w.ownOre, afterEqualisationOre: w.afterEqualisationOre, effectOre: w.effectOre, missing: null};
    });
  const codes = [...new Set(years.map((y) => y.municipalityCode))];
  const pop = new Map(current.rows.map((r) => [`${r.municipalityCode}|${r.year}`, r.population]));
  const windowOf = (code: string): EqualisationWindow => {
    const ys = years.filter((y) => y.municipalityCode === code);
    const last = ys.find((y) => y.year === window.years.at(-1));
    const where = {capacityPercent: last?.capacityPercent ?? null, position: last?.position ?? null};
    if (ys.some((y) => y.missing) || ys.length !== window.years.length) return {municipalityCode: code, ownOre: null, afterEqualisationOre: null, effectOre: null, effectPerInhabitantOre: null, ...where};
    const sum = (f: (y: EqualisationYear) => number | null) => ys.reduce((s, y) => s + (f(y) ?? 0), 0);
    const people = window.years.reduce((s, y) => s + (pop.get(`${code}|${y}`) ?? 0), 0);
    const effect = sum((y) => y.effectOre);
    return {municipalityCode: code, ownOre: sum((y) => y.ownOre), afterEqualisationOre: sum((y) => y.afterEqualisationOre), effectOre: effect, effectPerInhabitantOre: people ? Number(roundHalfAway(ratio(BigInt(effect), BigInt(people)))) : null, ...where};
  };
  const rows = codes.map(windowOf);
  const done = rows.filter((r) => r.effectOre != null);
  const total = (f: (r: EqualisationWindow) => number | null) => (done.length ? done.reduce((s, r) => s + (f(r) ?? 0), 0) : null);
  const people = done.reduce((s, r) => s + window.years.reduce((t, y) => t + (pop.get(`${r.municipalityCode}|${y}`) ?? 0), 0), 0);
  const effect = total((r) => r.effectOre);
  const sources = [...new Set([...(input.meanTaxBase ?? []).filter((m) => window.years.includes(m.year)).map((m) => m.source), ...[...rates.values()].map((r) => r.source)].filter(Boolean))];
  return {
    missingInput,
    years,
    rows,
    county: {municipalityCode: null, ownOre: total((r) => r.ownOre), afterEqualisationOre: total((r) => r.afterEqualisationOre), effectOre: effect, effectPerInhabitantOre: effect != null && people ? Number(roundHalfAway(ratio(BigInt(effect), BigInt(people)))) : null, capacityPercent: null, position: null, missing: rows.filter((r) => r.effectOre == null).map((r) => names.get(r.municipalityCode!) ?? r.municipalityCode!)},
    rules: rulesText(rules),
    method:
      "Skattekraft = skatteunderlag / folkmängd 31 december samma år, jämförd med rikets medelskattekraft (medelskattekraft.csv). " +
      `Under garantinivån verkar de växlade örena på det utjämnade underlaget: eget skatteunderlag + ${rules.compensationPercent.value.replace(".", ",")} % × (garanterat underlag − eget), eftersom den länsvisa skattesatsen följer växlingen. ` +
      `Över garantinivån minskar avgiften värdet: eget underlag − ${rules.feePercent.value.replace(".", ",")} % av delen upp till ${rules.feeHighThresholdPercent.value.replace(".", ",")} % − ${rules.feeHighPercent.value.replace(".", ",")} % av delen däröver. ` +
      "Värde efter utjämning = öre × 0,0001 × det utjämnade underlaget; effekt = värde efter utjämning − värde på eget underlag, avrundat till hela ören per kommun och år. " +
      "Förenkling: SCB räknar med föregående års skatteunderlag och folkmängden 1 november; här används samma år som i uppföljningen.",
    demo: (input.meanTaxBase ?? []).some((m) => window.years.includes(m.year) && m.source === "Demodata"),
    sources
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
  /** The report's warnings that belong to no county (e.g. a swap row for an unknown county). */
  warnings: string[];
}

/** What the entry page (/skattevaxling/) needs besides site.json: where to start. */
export interface TaxSwapIndex {
  /** The parameter file's tax-swap county (taxSwap.countyCode). */
  countyCode: string;
}

/** The report as the page's files: one per county (by county code) and the entry page's. Pure. */
export function splitTaxSwapReport(report: TaxSwapReport): {index: TaxSwapIndex; counties: Record<string, TaxSwapCountyFile>} {
  const {dataset, parameters, sources, warnings} = report;
  const followedUp = report.counties.filter((c) => c.swap?.reviews.length).map((c) => ({code: c.countyCode, name: c.countyName}));
  return {
    index: {countyCode: parameters.countyCode},
    counties: Object.fromEntries(report.counties.map((county) => [county.countyCode, {dataset, parameters, sources, county, followedUp, warnings}]))
  };
}

// ---------------------------------------------------------------------------------------------------
// Scenarios on request (the CLI's --ore and --tillagg, the review pack)

/** A scenario of one review from the county's data: a named one, or one made of --ore/--tillagg/--index. */
export function scenarioFor(county: CountyTaxSwap, review: Review, spec: ScenarioSpec): ScenarioView {
  const data = county.scenarioData;
  const needsStandard = spec.supplementPercent != null && !(data?.standardCost.length);
  const inputs = {
    years: review.current.rows.map((r): ScenarioYear => ({municipalityCode: r.municipalityCode!, year: r.year, ore: r.ore, taxBaseOre: r.taxBaseOre, costOre: r.costOre, population: r.population})),
    windowYears: review.windowYears,
    startYear: county.swap!.startYear,
    standardCost: data?.standardCost ?? []
  };
  return {
    name: spec.name,
    label: spec.label,
    text: scenarioText(spec),
    origin: scenarioOrigin(spec),
    result: needsStandard ? null : runScenario(inputs, spec),
    error: needsStandard ? STANDARD_COST_MISSING : null
  };
}

/** The scenario of the CLI's flags (null: none asked for), or a Swedish error. */
export function scenarioFromFlags(
  county: CountyTaxSwap,
  {scenario, ore, supplement, index}: {scenario?: string; ore?: string; supplement?: string; index?: boolean}
): ScenarioSpec | {error: string} | null {
  const changes = county.scenarioData?.index.changes ?? [];
  const indexName = county.scenarioData?.index.index ?? "OPI";
  const named = namedScenarios(indexName, changes);
  if (scenario) {
    const found = named.find((s) => s.name === scenario);
    return found ?? {error: `Okänt scenario "${scenario}". Scenarier: ${named.map((s) => s.name).join(", ")}; eller --ore N, --tillagg PROCENT, --index.`};
  }
  const decimal = /^\d+([.,]\d+)?$/;
  if (ore != null && !decimal.test(ore)) return {error: `--ore ska vara ett antal öre, t.ex. --ore 25 (fick "${ore}").`};
  if (supplement != null && !decimal.test(supplement)) return {error: `--tillagg ska vara en procentsats, t.ex. --tillagg 1,5 (fick "${supplement}").`};
  if (ore == null && supplement == null && !index) return null;
  const o = ore?.replace(",", ".");
  const t = supplement?.replace(",", ".");
  const parts = [o != null ? `${o}-ore` : null, t != null ? `tillagg-${t}` : null, index ? "kostnad-index" : null].filter(Boolean);
  const label = [o != null ? `${o.replace(".", ",")} öre` : null, t != null ? `tillägg ${t.replace(".", ",")} %` : null, index ? `kostnad med ${indexName}` : null].filter(Boolean).join(", ");
  return {name: parts.join("+"), label, ore: o ?? null, supplementPercent: t ?? null, costIndex: index ? {index: indexName, changes} : null};
}

function assumptionsOf(
  settings: TaxSwapSettings,
  ore: readonly {fromYear: number; ore: string; decision: string; line?: number}[],
  indexName: string,
  rules: IncomeEqualisationRules,
  input: TaxSwapInputs
): ReviewAssumption[] {
  const demo = (text: string) => /demodata/i.test(text);
  const out: ReviewAssumption[] = ore.map((o) => ({
    what: `Växlade öre från ${o.fromYear}`,
    value: `${o.ore.replace(".", ",")} öre per skattekrona`,
    kind: demo(o.decision) ? "antagande" : "uppgift",
    source: `skattevaxling.csv${o.line ? ` rad ${o.line}` : ""}: ${o.decision || "(beslut saknas)"}`
  }));
  out.push(
    {what: "Uppföljning", value: `vart ${settings.reviewEvery}:e år från ${settings.startYear}`, kind: "avtalat", source: `Avtalet: växlingen följs upp vart fjärde år med likvärdig metod och struktur; inställningarna från ${settings.source}`},
    {what: "Kostnad för uppgiften", value: `${costCategoryList(settings.costCategories)} (huvudman ${settings.principal})`, kind: "antagande", source: `Analytikerns val av kostnadsslag (${settings.source})`},
    {what: "Fasta priser", value: `${indexName}, senaste utgåvan per år`, kind: "antagande", source: "Jämförelseindex i avtalets inställningar; värdena i prisindex.csv"},
    {what: "Intäkt, saldo, per invånare", value: "öre × 0,0001 × skatteunderlag; intäkt − kostnad", kind: "beräknat", source: "Metoden nedan"}
  );
  for (const r of Object.values(rules)) out.push({what: "Inkomstutjämningen", value: `${r.value.replace(".", ",")} % (från ${r.year})`, kind: "regel", source: r.source});
  const meanSources = [...new Set((input.meanTaxBase ?? []).map((m) => m.source || "källa saknas"))];
  out.push(
    {what: "Rikets medelskattekraft", value: meanSources.length ? "per år i medelskattekraft.csv" : "saknas", kind: meanSources.some(demo) ? "antagande" : "uppgift", source: meanSources.length ? `medelskattekraft.csv: ${meanSources.join(", ")}` : "Lägg till medelskattekraft.csv"},
    {what: "Skattekraftens år", value: "samma år som uppföljningen (SCB: året före utjämningsåret, folkmängd 1 november)", kind: "antagande", source: "Förenkling i denna uppföljning"},
    {what: "Scenarier", value: "annat öretal, hemsjukvårdstillägg, kostnad efter prisindex", kind: "antagande", source: "Projektdirektivet (Västerbotten 2011); SOU 2011:55 (tillägg 1,5 % av standardkostnaden)"}
  );
  return out;
}
