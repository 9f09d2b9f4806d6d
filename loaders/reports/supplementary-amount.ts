/**
 * Tilläggsbelopp (page /tillaggsbelopp, `npx samverkan tillaggsbelopp`, a section of the seminar
 * report): reads the warehouse once and shapes, per reconciliation year, the count of persons connected
 * the year before, the band in force, inside or outside, the revision under both readings, the LPIK
 * uprating from the level year, the final amount, and its distribution between the municipalities with
 * the three-factor model. JSON only (integer öre, decimal text, no BigInt, no Ratio). Page, CLI and
 * seminar show the same figures because they all come from here, and the page's what-if calls the same
 * model function (loaders/models/supplementary-amount-year.ts) in the browser.
 *
 * Decisions, each written on the page:
 * - Reconciliation years: from the agreement's first (band.validFrom, 2026) to the last whose count
 *   year (Y − 1) is in the data. The years from the base window's second year up to validFrom − 1 are
 *   shown before them as "före avtalet" (against the first band, amounts at the level year), for context.
 * - The county's count is the sum of its municipalities' yearly counts of the service, only when every
 *   municipality has a value for the year.
 * - The band in force comes from bandWindowFor (recomputed every third year); a band whose window is not
 *   complete in the data is not guessed.
 * - Distribution for year Y uses population (31 December) and allocation factors of Y − 1, the newest
 *   year known at the reconciliation in Y's first quarter; if Y − 1 is missing, the newest earlier year
 *   with every municipality, named on the page.
 * - LPIK: the newest edition of each year's value (forecasts labelled "prognos").
 */
import type {Warehouse} from "../warehouse.ts";
import type {Parameters} from "../schemas/parameters.ts";
import {lit, queryRows} from "../ingest/sql.ts";
import {MissingIndexError, latestEditions, type IndexName, type IndexValue} from "../models/index-uprating.ts";
import {bandWindowFor, classifyAgainstBand, type BandPosition} from "../models/normal-variation.ts";
import {adjustmentAmount, readingLabel, supplementaryAmountBase, svDecimalText, type Reading, type ReconciliationAmounts} from "../models/supplementary-amount.ts";
import {reconcileAndDistribute, type ReconciliationYearInputs, type ReconciliationYearResult} from "../models/supplementary-amount-year.ts";
import {ALLOCATION_METHOD, type AllocationMunicipality, type AllocationWeights} from "../models/allocation.ts";
import {add, dec, div, ONE, ratio, toFixed} from "../models/exact.ts";
import {decimalText} from "../models/hourly-rates.ts";
import {formatInteger, formatKronor, formatPercent} from "../../src/components/format.ts";
import {bandJson, bandSchedule, seriesBand, windowOptions, type BandJson, type BandParameters, type WindowJson} from "./normal-variation.ts";
import type {SeminarContext, SeminarSection} from "./seminar.ts";
import {reconciliationSentence, type IndexYear, type SentenceFacts} from "./supplementary-amount-text.ts";
import {readCounties} from "../counties.ts";

export {reconciliationSentence, indexYearText, type IndexYear, type SentenceFacts} from "./supplementary-amount-text.ts";

type SupplementaryParameters = Parameters["supplementaryAmount"];

export const READINGS: Reading[] = ["beyond-limit", "from-base"];

// ---------------------------------------------------------------------------------------------------
// Inputs

export interface SupplementaryAmountInputs {
  dataset: Parameters["dataset"];
  years: Parameters["years"];
  parameters: SupplementaryParameters;
  counties: {code: string; name: string; region: string}[];
  /** The municipalities of the agreement's county. */
  municipalities: {code: string; name: string}[];
  /** Yearly counts of the service per municipality of the county. */
  counts: {code: string; year: number; enrolled: number}[];
  /** Population per municipality, year and age band ("0-64", "65-79", "80+"). */
  population: {code: string; year: number; ageBand: string; population: number}[];
  /** Allocation factors as exact decimal text. */
  factors: {code: string; year: number; sparsity: string; socioeconomics: string}[];
  indexSeries: IndexValue[];
}

/** "1.4500" → "1.45", "3.000" → "3" */
const trimDecimal = (text: string): string => (text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);
/** A percentage change keeps one decimal as published: "3.000" → "3.0", "2.800" → "2.8". */
const percentText = (text: string): string => {
  const t = trimDecimal(text);
  return t.includes(".") ? t : `${t}.0`;
};

export async function readSupplementaryAmountInputs(wh: Warehouse): Promise<SupplementaryAmountInputs> {
  const c = wh.connection;
  const p = wh.parameters.supplementaryAmount;
  const county = lit(p.countyCode);
  const counties = await readCounties(c);
  const municipalities = await queryRows<{code: string; name: string}>(
    c,
    `SELECT municipality_code AS code, municipality_name AS name FROM municipalities WHERE county_code = ${county} ORDER BY municipality_name COLLATE NOCASE`
  );
  const counts = await queryRows<{code: string; year: string; n: string}>(
    c,
    `SELECT e.municipality_code AS code, e.period AS year, sum(e.enrolled) AS n FROM enrolment e JOIN municipalities m USING (municipality_code)
     WHERE m.county_code = ${county} AND e.service = ${lit(p.service)} AND length(e.period) = 4 GROUP BY ALL ORDER BY 1, 2`
  );
  const population = await queryRows<{code: string; year: number; band: string; n: string}>(
    c,
    `SELECT p.municipality_code AS code, p.year, p.age_band AS band, sum(p.population) AS n FROM population p JOIN municipalities m USING (municipality_code)
     WHERE m.county_code = ${county} GROUP BY ALL ORDER BY 1, 2, 3`
  );
  const factors = await queryRows<{code: string; year: number; sparsity: string; socio: string}>(
    c,
    `SELECT f.municipality_code AS code, f.year, CAST(f.sparsity AS VARCHAR) AS sparsity, CAST(f.socioeconomics AS VARCHAR) AS socio
     FROM allocation_factors f JOIN municipalities m USING (municipality_code) WHERE m.county_code = ${county} ORDER BY 1, 2`
  );
  const index = await queryRows<{year: number; change: string; edition: string; status: "utfall" | "prognos"; source: string}>(
    c,
    `SELECT year, CAST(change_percent AS VARCHAR) AS change, CAST(edition AS VARCHAR) AS edition, status, source
     FROM price_indices WHERE index_name = ${lit(p.upratingIndex)} ORDER BY year, edition`
  );
  return {
    dataset: wh.parameters.dataset,
    years: wh.parameters.years,
    parameters: p,
    counties,
    municipalities,
    counts: counts.map((r) => ({code: r.code, year: Number(r.year), enrolled: Number(r.n)})),
    population: population.map((r) => ({code: r.code, year: r.year, ageBand: r.band, population: Number(r.n)})),
    factors: factors.map((r) => ({code: r.code, year: r.year, sparsity: trimDecimal(r.sparsity), socioeconomics: trimDecimal(r.socio)})),
    indexSeries: index.map((r) => ({
      index: p.upratingIndex,
      year: r.year,
      changePercent: percentText(r.change),
      edition: r.edition,
      status: r.status,
      ...(r.source === "Demodata" ? {demo: true} : {})
    }))
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

/** What the page's what-if needs besides the year's own inputs (the shared part). */
export interface WhatIfShared {
  indexSeries: IndexValue[];
  index: IndexName;
  levelYear: number;
  upratingFrom: number;
  lag: number;
  weights: AllocationWeights;
  amounts: ReconciliationAmounts;
}

export interface YearReport {
  /** The reconciliation year (the amount is for it); persons are counted in countYear = year − 1. */
  year: number;
  countYear: number;
  /** Before the agreement's first reconciliation: shown for context only. */
  beforeAgreement: boolean;
  count: number | null;
  window: {cycle: number; baseFrom: number; baseTo: number; validFrom: number; validTo: number};
  band: BandJson | null;
  position: BandPosition | null;
  /** The year's own what-if inputs: band and municipalities (see WhatIfShared for the rest). */
  inputs: {year: number; band: {lower: number; upper: number; baseFrom: number; baseTo: number}; municipalities: AllocationMunicipality[] | null} | null;
  /** Population and allocation factors are of this year. */
  factorYear: number | null;
  /** Both readings. */
  results: Record<Reading, ReconciliationYearResult> | null;
  /** The headline sentence under each reading (reconciliationSentence). */
  headlines: Record<Reading, string> | null;
  /** Swedish reasons why something is missing. */
  notes: string[];
}

export interface SupplementaryAmountReport {
  dataset: Parameters["dataset"];
  county: {code: string; name: string; region: string};
  counties: {code: string; name: string}[];
  parameters: {
    service: string;
    levelYear: number;
    posts: string;
    readinessFactor: string;
    monthlySalary: string;
    months: number;
    payrollOverheadPercent: string;
    baseCount: number;
    band: BandParameters;
    upratingIndex: IndexName;
    upratingFrom: number;
    reading: Reading;
    weights: AllocationWeights;
    elderlyAgeBand: "65+" | "80+";
    followUpEvery: number;
  };
  base: {exactText: string; amountOre: number; method: string};
  adjustment: {exactText: string; amountOre: number; baseCount: number; method: string};
  readings: {reading: Reading; label: string; isDefault: boolean}[];
  /** The county's yearly counts (sum of the municipalities), placed against the agreement's first band. */
  counts: {year: number; count: number; position: BandPosition | null}[];
  windows: WindowJson[];
  index: {name: IndexName; years: IndexYear[]};
  whatIf: WhatIfShared;
  years: YearReport[];
  /** The year the page opens on: the newest agreement year with results (else the newest year). */
  defaultYear: number | null;
  method: {band: string; bandNote: string | null; reconciliation: string; readings: string; uprating: string; rounding: string; allocation: string; factorYears: string; context: string};
}

const svText = (text: string) => svDecimalText(text);

export function buildSupplementaryAmountReport(input: SupplementaryAmountInputs): SupplementaryAmountReport {
  const p = input.parameters;
  const band: BandParameters = {...p.band};
  const countyRow = input.counties.find((c) => c.code === p.countyCode) ?? {code: p.countyCode, name: `län ${p.countyCode}`, region: ""};
  const base = supplementaryAmountBase({posts: p.posts, readinessFactor: p.readinessFactor, monthlySalary: p.monthlySalary, months: p.months, payrollOverheadPercent: p.payrollOverheadPercent});
  const adjustment = adjustmentAmount(base, p.baseCount);
  const amounts: ReconciliationAmounts = {supplementaryAmountOre: base.amountOre, adjustmentAmountOre: adjustment.amountOre, baseCount: p.baseCount};
  const weights: AllocationWeights = {...p.weights};
  const whatIf: WhatIfShared = {indexSeries: input.indexSeries, index: p.upratingIndex, levelYear: p.levelYear, upratingFrom: p.upratingFrom, lag: 0, weights, amounts};

  // The county's count per year: the sum when every municipality has a value.
  const codes = input.municipalities.map((m) => m.code);
  const yearsWithCounts = [...new Set(input.counts.map((c) => c.year))].sort((a, b) => a - b);
  const counts: {year: number; count: number}[] = [];
  const partial: number[] = [];
  for (const year of yearsWithCounts) {
    const here = input.counts.filter((c) => c.year === year);
    if (codes.every((code) => here.some((c) => c.code === code))) counts.push({year, count: here.reduce((s, c) => s + c.enrolled, 0)});
    else partial.push(year);
  }
  const countOf = new Map(counts.map((c) => [c.year, c.count]));
  const periodValues = counts.map((c) => ({period: c.year, value: c.count}));

  const lastCountYear = counts.length ? counts.at(-1)!.year : null;
  const years: YearReport[] = [];
  if (lastCountYear != null) {
    for (let year = band.baseFrom + 1; year <= lastCountYear + 1; year++) {
      if (!countOf.has(year - 1) && year < band.validFrom) continue;
      years.push(yearReport(year));
    }
  }

  function municipalitiesFor(year: number): {factorYear: number | null; municipalities: AllocationMunicipality[] | null; note: string | null} {
    const candidates = [...new Set(input.factors.map((f) => f.year))].filter((y) => y <= year - 1).sort((a, b) => b - a);
    for (const fy of candidates) {
      const rows = input.municipalities.map((m) => {
        const f = input.factors.find((x) => x.code === m.code && x.year === fy);
        const pop = input.population.filter((x) => x.code === m.code && x.year === fy);
        if (!f || !pop.length) return null;
        const elderlyBands = p.elderlyAgeBand === "80+" ? ["80+"] : ["65-79", "80+"];
        return {
          municipalityCode: m.code,
          name: m.name,
          population: pop.reduce((s, x) => s + x.population, 0),
          elderly: pop.filter((x) => elderlyBands.includes(x.ageBand)).reduce((s, x) => s + x.population, 0),
          sparsity: f.sparsity,
          socioeconomics: f.socioeconomics
        } satisfies AllocationMunicipality;
      });
      if (rows.every((r) => r != null)) {
        return {
          factorYear: fy,
          municipalities: rows as AllocationMunicipality[],
          note: fy === year - 1 ? null : `Befolkning och fördelningsfaktorer för ${year - 1} saknas för någon kommun; fördelningen använder ${fy}, det senaste året med värden för alla kommuner.`
        };
      }
    }
    return {factorYear: null, municipalities: null, note: `Fördelningen kan inte räknas för ${year}: befolkning eller fördelningsfaktorer saknas för kommunerna för ${year - 1} och tidigare år.`};
  }

  function yearReport(year: number): YearReport {
    const w = bandWindowFor(year, windowOptions(band));
    const window = {cycle: w.cycle, baseFrom: w.baseFrom, baseTo: w.baseTo, validFrom: w.validFrom, validTo: w.validTo};
    const notes: string[] = [];
    const count = countOf.get(year - 1) ?? null;
    if (count == null) notes.push(partial.includes(year - 1) ? `Antalet för ${year - 1} saknas för någon kommun: länets summa räknas inte.` : `Antalet anslutna ${year - 1} finns inte i underlaget ännu.`);
    const missing: number[] = [];
    for (let y = w.baseFrom; y <= w.baseTo; y++) if (!countOf.has(y)) missing.push(y);
    const b = missing.length ? null : bandJson(seriesBand(periodValues, "enrolment", band, w.baseFrom, w.baseTo));
    if (!b) notes.push(`Normalvariationen för ${year} (basperiod ${w.baseFrom}–${w.baseTo}) kan inte räknas: antalen för ${missing.join(", ")} saknas.`);
    const position: BandPosition | null = b && count != null ? classifyAgainstBand(count, b) : null;
    const dist = municipalitiesFor(year);
    if (dist.note) notes.push(dist.note);
    const inputs = b ? {year, band: {lower: b.lower, upper: b.upper, baseFrom: b.baseFrom, baseTo: b.baseTo}, municipalities: dist.municipalities} : null;
    let results: YearReport["results"] = null;
    if (inputs && count != null) {
      try {
        const full: ReconciliationYearInputs = {...whatIf, ...inputs};
        results = Object.fromEntries(READINGS.map((r) => [r, reconcileAndDistribute(full, count, r)])) as Record<Reading, ReconciliationYearResult>;
      } catch (e) {
        if (!(e instanceof MissingIndexError)) throw e;
        notes.push(`Beloppen för ${year} kan inte räknas upp: ${e.message}`);
      }
    }
    const out: YearReport = {year, countYear: year - 1, beforeAgreement: year < band.validFrom, count, window, band: b, position, inputs, factorYear: dist.factorYear, results, headlines: null, notes};
    if (results) out.headlines = Object.fromEntries(READINGS.map((r) => [r, reconciliationSentence(factsOf(out, r, band.validFrom, p.levelYear)!)])) as Record<Reading, string>;
    return out;
  }

  // The index values: the newest edition of each year, with the editions it replaced.
  const newest = latestEditions(input.indexSeries, p.upratingIndex);
  const indexYears: IndexYear[] = [...newest.values()]
    .sort((a, b) => a.year - b.year)
    .map((v) => ({
      year: v.year,
      changePercent: v.changePercent,
      edition: v.edition,
      status: v.status ?? null,
      demo: !!v.demo,
      factor: decimalText(add(ONE, div(dec(v.changePercent), ratio(100n)))),
      replaced: input.indexSeries
        .filter((x) => x.year === v.year && x.edition !== v.edition)
        .sort((a, b) => (a.edition < b.edition ? 1 : -1))
        .map((x) => ({changePercent: x.changePercent, edition: x.edition, status: x.status ?? null}))
    }));

  const withResults = years.filter((y) => !y.beforeAgreement && y.results);
  const defaultYear = withResults.at(-1)?.year ?? years.at(-1)?.year ?? null;
  const first = bandSchedule(periodValues, band, 1)[0];
  const kText = svText(band.k);
  const elderlyWords = p.elderlyAgeBand === "80+" ? "invånare 80 år och äldre" : "invånare 65 år och äldre";
  return {
    dataset: input.dataset,
    county: countyRow,
    counties: input.counties.map((c) => ({code: c.code, name: c.name})),
    parameters: {
      service: p.service,
      levelYear: p.levelYear,
      posts: p.posts,
      readinessFactor: p.readinessFactor,
      monthlySalary: p.monthlySalary,
      months: p.months,
      payrollOverheadPercent: p.payrollOverheadPercent,
      baseCount: p.baseCount,
      band,
      upratingIndex: p.upratingIndex,
      upratingFrom: p.upratingFrom,
      reading: p.reading,
      weights,
      elderlyAgeBand: p.elderlyAgeBand,
      followUpEvery: p.followUpEvery
    },
    base: {exactText: base.exactText, amountOre: base.amountOre, method: base.method},
    adjustment: {exactText: toFixed(adjustment.exactKronor, 2), amountOre: adjustment.amountOre, baseCount: p.baseCount, method: adjustment.method},
    readings: [p.reading, ...READINGS.filter((r) => r !== p.reading)].map((r) => ({reading: r, label: readingLabel(r, p.baseCount), isDefault: r === p.reading})),
    counts: counts.map((c) => ({...c, position: first?.band ? classifyAgainstBand(c.count, first.band) : null})),
    windows: bandSchedule(periodValues, band),
    index: {name: p.upratingIndex, years: indexYears},
    whatIf,
    years,
    defaultYear,
    method: {
      band:
        `Normalvariationen är medelvärdet ± ${kText} standardavvikelser (${band.sd === "sample" ? "stickprov, n − 1" : "population, n"}) av länets årliga antal anslutna under en basperiod. ` +
        `Avtalets band gäller avstämningarna ${band.validFrom}–${band.validFrom + band.recomputeEvery - 1} och bygger på ${band.baseFrom}–${band.baseTo}` +
        (first?.band?.method ? ` (${first.band.method.replace(/^Normalvariation /, "").replace(/\.$/, "")}).` : ".") +
        ` Bandet räknas om vart ${band.recomputeEvery === 3 ? "tredje" : `${band.recomputeEvery}:e`} år: basperioden flyttas fram lika många år.`,
      bandNote: first?.band ? (seriesBand(periodValues, "enrolment", band).note ?? null) : null,
      reconciliation:
        `Avstämningen för år Å görs i Å:s första kvartal: antalet personer i länet som var anslutna under Å − 1 jämförs med normalvariationen som gäller för Å. ` +
        `Inom bandet (gränserna räknas som inom) fördelas tilläggsbeloppet utan justering; utanför revideras det med justeringsbeloppet gånger antalet personer och fördelas sedan.`,
      readings:
        `Avtalet säger inte om revideringen räknar personerna utanför närmaste gräns eller skillnaden mot baskantalet ${formatInteger(p.baseCount)}. ` +
        `Båda visas; standard (parametrar.json, reading) är ${readingLabel(p.reading, p.baseCount)}. Exempel med bandet ${first?.band ? `${first.band.lower}–${first.band.upper}` : "129–169"} och 175 anslutna: ` +
        `utöver närmaste gräns ger +${175 - (first?.band?.upper ?? 169)} personer, skillnad mot baskantalet ger +${175 - p.baseCount} personer.`,
      uprating:
        `Från ${p.upratingFrom} räknas båda beloppen upp varje år med ${p.upratingIndex} från ${p.levelYear} års nivå: faktorn för år Å är produkten av (1 + förändringen/100) för ${p.levelYear + 1}–Å. ` +
        `Före ${p.upratingFrom} används ${p.levelYear} års belopp. För varje år används den senast publicerade utgåvan av indexet; värden som är prognoser är märkta prognos.`,
      rounding:
        `Tilläggsbeloppet avrundas till hela kronor (${svText(base.exactText)} kr → ${formatKronor(base.amountOre)}); justeringsbeloppet är det avrundade tilläggsbeloppet delat med baskantalet, avrundat till hela kronor ` +
        `(${svText(toFixed(adjustment.exactKronor, 2))} kr → ${formatKronor(adjustment.amountOre)}). Vid uppräkning multipliceras vart och ett av beloppen med den exakta faktorn och avrundas en gång till hela kronor (faktorn visas med sex decimaler). ` +
        `Revideringen är det uppräknade justeringsbeloppet gånger antalet personer, så beloppet att fördela är hela kronor. Avrundning sker halvt bort från noll.`,
      allocation:
        `Fördelningsmodellen är regionens resursfördelning i hälsovalet med tre faktorer: andel äldre (${elderlyWords}), glesbygd och socioekonomi (vikter ${svText(weights.elderly)}, ${svText(weights.sparsity)} och ${svText(weights.socioeconomics)} från parametrar.json; faktorvärdena från fordelningsfaktorer.csv). ` +
        ALLOCATION_METHOD,
      factorYears: `Fördelningen för år Å använder befolkningen 31 december och fördelningsfaktorerna för Å − 1, det senaste året som är känt vid avstämningen i Å:s första kvartal.`,
      context:
        `Åren före ${band.validFrom} är inga avstämningar: avtalet gäller från ${band.validFrom}. De visas som jämförelse, mot avtalets första band och med ${p.levelYear} års belopp, och är märkta "före avtalet".`
    }
  };
}

export async function supplementaryAmountReport(wh: Warehouse): Promise<SupplementaryAmountReport> {
  return buildSupplementaryAmountReport(await readSupplementaryAmountInputs(wh));
}

// ---------------------------------------------------------------------------------------------------
// Sentences (pure, in supplementary-amount-text.ts so that the browser bundle can use them too)

/** The facts of a year's result under one reading (null when the year has no result). */
export function sentenceFacts(report: SupplementaryAmountReport, y: YearReport, reading: Reading = report.parameters.reading): SentenceFacts | null {
  return factsOf(y, reading, report.parameters.band.validFrom, report.parameters.levelYear);
}

/** The facts a reconciliation sentence is made from (page, CLI and seminar use the same). */
export function factsOf(y: YearReport, reading: Reading, validFrom: number, levelYear: number): SentenceFacts | null {
  const r = y.results?.[reading]?.reconciliation;
  if (!r) return null;
  return {
    year: y.year,
    countYear: y.countYear,
    count: r.count,
    band: r.band,
    position: r.position,
    persons: r.persons,
    adjustmentAmountOre: r.adjustmentAmountOre,
    finalAmountOre: r.finalAmountOre,
    readingLabel: r.readingLabel,
    beforeAgreement: y.beforeAgreement,
    validFrom,
    levelYear
  };
}

/** The year's result, or a Swedish message saying why there is none. */
export function findYear(report: SupplementaryAmountReport, year?: number): {year: YearReport} | {error: string} {
  const y = year ?? report.defaultYear;
  const found = report.years.find((x) => x.year === y);
  if (!found) {
    const list = report.years.map((x) => `${x.year}${x.beforeAgreement ? " (före avtalet)" : ""}`).join(", ");
    return {error: `${y ?? "–"} är inget avstämningsår i underlaget för ${report.county.name}. Avstämningsår (antalet året före måste finnas): ${list || "inga"}.`};
  }
  if (!found.results) return {error: found.notes.join(" ") || `Avstämningen ${found.year} kan inte räknas.`};
  return {year: found};
}

// ---------------------------------------------------------------------------------------------------
// Seminar section

const memo = new WeakMap<Warehouse, Promise<SupplementaryAmountReport>>();
const reportOnce = (wh: Warehouse) => {
  if (!memo.has(wh)) memo.set(wh, supplementaryAmountReport(wh));
  return memo.get(wh)!;
};

/**
 * The seminar report's tilläggsbelopp section for county and year: the persons connected in the year,
 * against the band, and the next year's tilläggsbelopp with its distribution. Null for another county
 * or when the year's reconciliation cannot be made.
 */
export async function seminarSection(wh: Warehouse, ctx: SeminarContext): Promise<SeminarSection | null> {
  const report = await reportOnce(wh);
  if (ctx.countyCode !== report.county.code) return null;
  return seminarSectionFrom(report, ctx.year);
}

export function seminarSectionFrom(report: SupplementaryAmountReport, countYear: number): SeminarSection | null {
  const y = report.years.find((x) => x.countYear === countYear);
  if (!y || !y.results) return null;
  const facts = sentenceFacts(report, y)!;
  const result = y.results[report.parameters.reading];
  const r = result.reconciliation;
  const dist = result.distribution;
  const reading = report.parameters.reading;
  const other = report.readings.find((x) => x.reading !== reading)!;
  const otherR = y.results[other.reading].reconciliation;
  const headline =
    reconciliationSentence(facts) +
    (r.position !== "inside" && !y.beforeAgreement ? ` Med den andra läsningen (${other.label}) blir det ${formatKronor(otherR.finalAmountOre)}.` : "");
  const total = dist ? dist.rows.reduce((s, x) => s + x.amountOre, 0) : 0;
  return {
    id: "tillaggsbelopp",
    title: y.beforeAgreement ? `Anslutna till det palliativa teamet ${countYear}` : `Tilläggsbeloppet ${y.year}`,
    headline,
    chart: dist
      ? {
          kind: "bars",
          unit: `Tilläggsbelopp ${y.year} per kommun, kr${y.beforeAgreement ? ` (jämförelse, ${report.parameters.levelYear} års nivå)` : ""}`,
          rows: dist.rows.map((x) => ({label: x.name ?? x.municipalityCode, value: x.amountOre / 100, text: formatKronor(x.amountOre)}))
        }
      : null,
    table: {
      caption: `Fördelning ${y.year} mellan kommunerna (andel enligt trefaktormodellen; delarna summerar till ${formatKronor(r.finalAmountOre)})`,
      columns: ["Kommun", "Andel", "Belopp"],
      numeric: [false, true, true],
      rows: dist
        ? [...dist.rows.map((x) => [x.name ?? x.municipalityCode, formatPercent(x.weightNumber), formatKronor(x.amountOre)]), ["Summa", formatPercent(1), formatKronor(total)]]
        : [["Fördelning saknas", "–", "–"]]
    },
    method: `${r.method} ${dist ? dist.method : result.distributionNote ?? ""}`.trim()
  };
}
