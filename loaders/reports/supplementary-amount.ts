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
 * - The band in force is the one the parties agreed on (the agreement file's band.agreed, kind avtalat),
 *   never a band recomputed from the loaded counts. The recomputation at each revision point (the base
 *   window from bandWindowFor, moved every third year) is shown beside it as a proposal (beräknat).
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
import {formatInteger, formatKronor, formatPercent} from "../format.ts";
import {bandJson, bandSchedule, seriesBand, windowOptions, type BandJson, type BandParameters, type WindowJson} from "./normal-variation.ts";
import type {SeminarContext, SeminarSection} from "./seminar-types.ts";
import {reconciliationSentence, type IndexYear, type SentenceFacts} from "./supplementary-amount-text.ts";
import {readCounties} from "../counties.ts";
import {agreementFor, agreementStatus, agreementsOf, parameterHref, provenanceOf, type Agreement, type Provenance} from "../agreements.ts";

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
  /**
   * The county's yearly counts as the disclosure pass published them (protected_enrolment_county;
   * null: hidden or incomplete). When given, they are the county's counts and `counts` is not summed.
   */
  countyCounts?: {year: number; enrolled: number | null}[];
  /** Population per municipality, year and age band ("0-64", "65-79", "80+"). */
  population: {code: string; year: number; ageBand: string; population: number}[];
  /** Allocation factors as exact decimal text. */
  factors: {code: string; year: number; sparsity: string; socioeconomics: string}[];
  indexSeries: IndexValue[];
  /** The agreement file that holds the tilläggsbelopp (for each figure's kind and source); absent in hand-made inputs. */
  agreement?: Agreement;
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
  // The county's count from the protected table (loaders/disclosure/): the same figure every page shows.
  const countyCounts = await queryRows<{year: string; n: number | null}>(
    c,
    `SELECT period AS year, CASE WHEN complete THEN enrolled END AS n FROM protected_enrolment_county
     WHERE county_code = ${county} AND service = ${lit(p.service)} AND length(period) = 4 ORDER BY 1`
  );
  const population = await queryRows<{code: string; year: number; band: string; n: string}>(
    c,
    // A year with an age band missing (a statistics symbol such as "..") has no population: left out, never 0.
    `SELECT p.municipality_code AS code, p.year, p.age_band AS band, sum(p.population) AS n
     FROM (SELECT * FROM population QUALIFY count(*) FILTER (WHERE population IS NULL) OVER (PARTITION BY municipality_code, year) = 0) p JOIN municipalities m USING (municipality_code)
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
  const agreement = agreementFor(wh.agreements ?? [], p.countyCode, p.band.validFrom) ?? agreementsOf(wh.agreements ?? [], p.countyCode).find((a) => a.supplementaryAmount);
  return {
    dataset: wh.parameters.dataset,
    years: wh.parameters.years,
    parameters: p,
    ...(agreement ? {agreement} : {}),
    counties,
    municipalities,
    counts: [],
    countyCounts: countyCounts.map((r) => ({year: Number(r.year), enrolled: r.n == null ? null : Number(r.n)})),
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
  /** The band in force as agreed (avtalat), never recomputed from the counts. */
  band: BandJson | null;
  /** The band recomputed from the loaded counts for the year's base window: a proposal (beräknat) beside the agreed one. */
  proposal: {band: BandJson | null; baseFrom: number; baseTo: number; differs: boolean; sentence: string} | null;
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
  /** The base windows; `band` is the recomputed one (a proposal), `agreed` the band agreed for those years. */
  windows: (WindowJson & {agreed: {lower: number; upper: number; baseFrom: number; baseTo: number; validFrom: number} | null})[];
  index: {name: IndexName; years: IndexYear[]};
  whatIf: WhatIfShared;
  years: YearReport[];
  /** The year the page opens on: the newest agreement year with results (else the newest year). */
  defaultYear: number | null;
  /** Each figure's kind and source (from the agreement file), keyed by parameter id ("weights.elderly", "band.agreed.0"). */
  provenance: Record<string, Provenance>;
  /** The agreement's status in words (a recommendation is never shown as in force), and the link to /avtal/<län>. */
  agreement: {id: string; title: string; status: string; statusText: string; href: string} | null;
  /** The agreed first band against what the loaded base-year counts give (a finding for the data-quality page). */
  bandCheck: {agreed: {lower: number; upper: number; baseFrom: number; baseTo: number}; computed: {lower: number; upper: number; mean: number; sd: number} | null; differs: boolean; sentence: string} | null;
  method: {band: string; bandNote: string | null; assumptions: string; reconciliation: string; readings: string; uprating: string; rounding: string; allocation: string; factorYears: string; context: string};
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
  for (const c of input.countyCounts ?? []) {
    if (c.enrolled == null) partial.push(c.year);
    else counts.push({year: c.year, count: c.enrolled});
  }
  for (const year of input.countyCounts ? [] : yearsWithCounts) {
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

  /** The agreed band in force for a reconciliation year: the newest agreed from that year or earlier (the first for years before it). */
  function agreedFor(year: number): AgreedBand | null {
    const list = [...(p.band.agreed ?? [])].sort((a, b) => a.validFrom - b.validFrom);
    return list.filter((a) => a.validFrom <= year).at(-1) ?? list[0] ?? null;
  }
  function agreedBandJson(a: AgreedBand): BandJson {
    return {
      ...agreedBandJsonOf(a, band.k),
      method: `Avtalets normalvariation ${a.lower}–${a.upper} (basår ${a.baseFrom}–${a.baseTo}, ${svText(band.k)} standardavvikelser), avtalad och lagrad i avtalsfilen, inte omräknad ur data.`
    };
  }
  function proposalFor(year: number, w: {baseFrom: number; baseTo: number; validFrom: number}, computed: BandJson | null, missing: number[], agreed: AgreedBand | null): YearReport["proposal"] {
    const same = agreed && agreed.baseFrom === w.baseFrom && agreed.baseTo === w.baseTo;
    const differs = !!computed && !!agreed && (computed.lower !== agreed.lower || computed.upper !== agreed.upper);
    const sentence = !computed
      ? `Omräknat band för basperioden ${w.baseFrom}–${w.baseTo}: kan inte räknas, antalen för ${missing.join(", ")} saknas.`
      : same
        ? differs
          ? `De inlästa antalen för ${w.baseFrom}–${w.baseTo} ger ${computed.lower}–${computed.upper}, inte det avtalade ${agreed!.lower}–${agreed!.upper}. Avstämningen använder det avtalade bandet; skillnaden är ett fynd för parterna (sidan Datakvalitet).`
          : `De inlästa antalen för ${w.baseFrom}–${w.baseTo} ger samma band som det avtalade, ${computed.lower}–${computed.upper}.`
        : `Förslag vid omräkningen ${w.validFrom} (beräknat ur basperioden ${w.baseFrom}–${w.baseTo}): ${computed.lower}–${computed.upper}. Det gäller först när parterna har kommit överens och bandet har skrivits in i avtalsfilen; till dess används det avtalade bandet${agreed ? ` ${agreed.lower}–${agreed.upper}` : ""}.`;
    return {band: computed, baseFrom: w.baseFrom, baseTo: w.baseTo, differs: !!computed && !!agreed && (differs || !same), sentence};
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
    if (count == null) notes.push(partial.includes(year - 1) ? `Antalet för ${year - 1} saknas för någon kommun eller är för litet för att visas: länets summa räknas inte.` : `Antalet anslutna ${year - 1} finns inte i underlaget ännu.`);
    const missing: number[] = [];
    for (let y = w.baseFrom; y <= w.baseTo; y++) if (!countOf.has(y)) missing.push(y);
    const computed = missing.length ? null : bandJson(seriesBand(periodValues, "enrolment", band, w.baseFrom, w.baseTo));
    const agreedBand = agreedFor(year);
    const b = agreedBand ? agreedBandJson(agreedBand) : null;
    if (!b) notes.push(`Det finns inget avtalat band för ${year} i avtalsfilen (supplementaryAmount.band.agreed): avstämningen görs inte mot ett band som räknats ur data.`);
    const proposal = proposalFor(year, w, computed, missing, agreedBand);
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
    const out: YearReport = {year, countYear: year - 1, beforeAgreement: year < band.validFrom, count, window, band: b, proposal, position, inputs, factorYear: dist.factorYear, results, headlines: null, notes};
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
  const firstAgreed = [...(p.band.agreed ?? [])].sort((a, b) => a.validFrom - b.validFrom)[0] ?? null;
  const firstComputed = bandSchedule(periodValues, band, 1)[0];
  // The first band as the page shows it: the agreed one (the computed only when the file has none).
  const first = firstAgreed ? {band: agreedBandJsonOf(firstAgreed, band.k)} : firstComputed;
  const bandCheck: SupplementaryAmountReport["bandCheck"] = firstAgreed
    ? (() => {
        const c = firstComputed?.band && firstComputed.baseFrom === firstAgreed.baseFrom && firstComputed.baseTo === firstAgreed.baseTo ? firstComputed.band : null;
        const differs = !!c && (c.lower !== firstAgreed.lower || c.upper !== firstAgreed.upper);
        const where = `${countyRow.name}, inskrivna.csv (tjänst ${p.service})`;
        return {
          agreed: {lower: firstAgreed.lower, upper: firstAgreed.upper, baseFrom: firstAgreed.baseFrom, baseTo: firstAgreed.baseTo},
          computed: c ? {lower: c.lower, upper: c.upper, mean: c.mean, sd: c.sd} : null,
          differs,
          sentence: !c
            ? `Avtalets normalvariation ${firstAgreed.lower}–${firstAgreed.upper} bygger på ${firstAgreed.baseFrom}–${firstAgreed.baseTo}; antalen för alla de åren finns inte i underlaget (${where}), så bandet kan inte jämföras med data.`
            : differs
              ? `De inlästa antalen för ${firstAgreed.baseFrom}–${firstAgreed.baseTo} (${where}) ger normalvariationen ${c.lower}–${c.upper} (medelvärde ${formatDecimalSv(c.mean)}, standardavvikelse ${formatDecimalSv(c.sd)}), men avtalet anger ${firstAgreed.lower}–${firstAgreed.upper}. Avstämningen använder det avtalade bandet; antingen skiljer sig underlaget från det avtalet byggde på, eller avtalets siffra. Det är ett fynd för parterna.`
              : `De inlästa antalen för ${firstAgreed.baseFrom}–${firstAgreed.baseTo} (${where}) ger samma normalvariation som avtalet, ${c.lower}–${c.upper}.`
        };
      })()
    : null;
  const agreement = input.agreement ?? null;
  const prov = (id: string): [string, Provenance][] => {
    if (!agreement) return [];
    try {
      return [[id, provenanceOf(agreement, `supplementaryAmount.${id}`)]];
    } catch {
      return [];
    }
  };
  const provenance = Object.fromEntries(
    ["posts", "readinessFactor", "monthlySalary", "months", "payrollOverheadPercent", "levelYear", "amount", "adjustmentAmount", "baseCount", "band.agreed.0", "band.k", "band.sd", "band.recomputeEvery", "band.validFrom", "upratingIndex", "upratingFrom", "reading", "weights.elderly", "weights.sparsity", "weights.socioeconomics", "elderlyAgeBand", "followUpEvery", "service"].flatMap(prov)
  );
  const assumed = Object.values(provenance).filter((x) => x.kind === "antagande");
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
    windows: bandSchedule(periodValues, band).map((w) => {
      const a = agreedFor(w.validFrom);
      const own = a && a.validFrom === w.validFrom ? a : null;
      return {
        ...w,
        agreed: a ? {lower: a.lower, upper: a.upper, baseFrom: a.baseFrom, baseTo: a.baseTo, validFrom: a.validFrom} : null,
        note: own
          ? `Avtalat band ${own.lower}–${own.upper} (${own.baseFrom}–${own.baseTo}).${w.band && (w.band.lower !== own.lower || w.band.upper !== own.upper) ? ` De inlästa antalen ger ${w.band.lower}–${w.band.upper} (se Datakvalitet).` : ""}`
          : w.band
            ? `Förslag (beräknat): ${w.band.lower}–${w.band.upper}. Gäller när parterna har kommit överens; till dess används det avtalade bandet${a ? ` ${a.lower}–${a.upper}` : ""}.`
            : `${w.note} Till dess används det avtalade bandet${a ? ` ${a.lower}–${a.upper}` : ""}.`
      };
    }),
    index: {name: p.upratingIndex, years: indexYears},
    whatIf,
    years,
    defaultYear,
    provenance,
    agreement: agreement
      ? {id: agreement.id, title: agreement.title, status: agreementStatus(agreement).status, statusText: agreementStatus(agreement).text, href: parameterHref(agreement.countyCode, "").replace(/#.*$/, "")}
      : null,
    bandCheck,
    method: {
      assumptions: assumed.length
        ? `Avtalet säger inte allt: ${assumed.map((x) => `${ASSUMPTION_WORDS[x.id.replace(/^supplementaryAmount\./, "")] ?? x.id} (antagande)`).join(", ")}. Varje antagande står med vem som valt det och varför på sidan Avtalet${agreement ? ` (/avtal/${agreement.countyCode})` : ""}.`
        : "",
      band:
        `Normalvariationen är medelvärdet ± ${kText} standardavvikelser (${band.sd === "sample" ? "stickprov, n − 1" : "population, n"}) av länets årliga antal anslutna under en basperiod. ` +
        `Avtalets band ${firstAgreed ? `${firstAgreed.lower}–${firstAgreed.upper} ` : ""}(avtalat) gäller avstämningarna ${band.validFrom}–${band.validFrom + band.recomputeEvery - 1} och bygger på ${band.baseFrom}–${band.baseTo}; det är lagrat i avtalsfilen och räknas inte om ur data. ` +
        `Bandet räknas om vart ${band.recomputeEvery === 3 ? "tredje" : `${band.recomputeEvery}:e`} år: basperioden flyttas fram lika många år. Det omräknade bandet visas som förslag (beräknat) bredvid det avtalade och ersätter det först när parterna har kommit överens.`,
      bandNote: firstComputed?.band ? (seriesBand(periodValues, "enrolment", band).note ?? null) : null,
      reconciliation:
        `Avstämningen för år Å görs i Å:s första kvartal: antalet personer i länet som var anslutna under Å − 1 jämförs med normalvariationen som gäller för Å. ` +
        `Inom bandet (gränserna räknas som inom) fördelas tilläggsbeloppet utan justering; utanför revideras det med justeringsbeloppet gånger antalet personer och fördelas sedan.`,
      readings:
        `Avtalet säger inte om revideringen räknar personerna utanför närmaste gräns eller skillnaden mot baskantalet ${formatInteger(p.baseCount)}. ` +
        `Båda visas; standard${kindWord(provenance["reading"]) || " (antagande)"} är ${readingLabel(p.reading, p.baseCount)}. Exempel med bandet ${first?.band ? `${first.band.lower}–${first.band.upper}` : "129–169"} och 175 anslutna: ` +
        `utöver närmaste gräns ger +${175 - (first?.band?.upper ?? 169)} personer, skillnad mot baskantalet ger +${175 - p.baseCount} personer.`,
      uprating:
        `Från ${p.upratingFrom} räknas båda beloppen upp varje år med ${p.upratingIndex} från ${p.levelYear} års nivå: faktorn för år Å är produkten av (1 + förändringen/100) för ${p.levelYear + 1}–Å. ` +
        `Före ${p.upratingFrom} används ${p.levelYear} års belopp. För varje år används den senast publicerade utgåvan av indexet; värden som är prognoser är märkta prognos.`,
      rounding:
        `Tilläggsbeloppet avrundas till hela kronor (${svText(base.exactText)} kr → ${formatKronor(base.amountOre)}); justeringsbeloppet är det avrundade tilläggsbeloppet delat med baskantalet, avrundat till hela kronor ` +
        `(${svText(toFixed(adjustment.exactKronor, 2))} kr → ${formatKronor(adjustment.amountOre)}). Vid uppräkning multipliceras vart och ett av beloppen med den exakta faktorn och avrundas en gång till hela kronor (faktorn visas med sex decimaler). ` +
        `Revideringen är det uppräknade justeringsbeloppet gånger antalet personer, så beloppet att fördela är hela kronor. Avrundning sker halvt bort från noll.`,
      allocation:
        `Fördelningsmodellen är regionens resursfördelning i hälsovalet med tre faktorer: andel äldre (${elderlyWords}), glesbygd och socioekonomi (vikter ${svText(weights.elderly)}, ${svText(weights.sparsity)} och ${svText(weights.socioeconomics)}${kindWord(provenance["weights.elderly"])}: avtalet säger bara "samma resursfördelningsmodell som i hälsovalet", inte vikterna; äldre = ${p.elderlyAgeBand}${kindWord(provenance["elderlyAgeBand"])}; faktorvärdena från fordelningsfaktorer.csv). ` +
        ALLOCATION_METHOD,
      factorYears: `Fördelningen för år Å använder befolkningen 31 december och fördelningsfaktorerna för Å − 1, det senaste året som är känt vid avstämningen i Å:s första kvartal.`,
      context:
        `Åren före ${band.validFrom} är inga avstämningar: avtalet avser tiden från ${band.validFrom}. De visas som jämförelse, mot avtalets första band och med ${p.levelYear} års belopp, och är märkta "före avtalet".`
    }
  };
}

type AgreedBand = {validFrom: number; baseFrom: number; baseTo: number; lower: number; upper: number};

const ASSUMPTION_WORDS: Record<string, string> = {
  "weights.elderly": "vikten för andel äldre",
  "weights.sparsity": "vikten för glesbygd",
  "weights.socioeconomics": "vikten för socioekonomi",
  elderlyAgeBand: "att äldre räknas som 80+",
  reading: "läsarten för revideringen",
  "band.sd": "stickprovets standardavvikelse vid omräkning",
  service: "vilken tjänst i inskrivna.csv som räknas"
};

/** " (antagande)" / " (avtalat)" after a figure, or "" without provenance. */
export const kindWord = (p: Provenance | undefined): string => (p ? ` (${p.kind})` : "");

const formatDecimalSv = (n: number) => (Math.round(n * 10) / 10).toString().replace(".", ",");

function agreedBandJsonOf(a: AgreedBand, kText: string): BandJson {
  const k = Number(kText);
  return {mean: (a.lower + a.upper) / 2, sd: (a.upper - a.lower) / (2 * k), lower: a.lower, upper: a.upper, k, baseFrom: a.baseFrom, baseTo: a.baseTo, n: a.baseTo - a.baseFrom + 1, rounding: "inward", yearsLabel: a.baseFrom === a.baseTo ? String(a.baseFrom) : `${a.baseFrom}–${a.baseTo}`};
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
      caption: `Fördelning ${y.year} mellan kommunerna (andel enligt trefaktormodellen med vikter som är antaganden, inte avtalets; delarna summerar till ${formatKronor(r.finalAmountOre)})`,
      columns: ["Kommun", "Andel", "Belopp"],
      numeric: [false, true, true],
      rows: dist
        ? [...dist.rows.map((x) => [x.name ?? x.municipalityCode, formatPercent(x.weightNumber), formatKronor(x.amountOre)]), ["Summa", formatPercent(1), formatKronor(total)]]
        : [["Fördelning saknas", "–", "–"]]
    },
    method: [
      report.agreement ? `${report.agreement.title}: ${report.agreement.statusText}` : "",
      `Normalvariationen ${r.band.lower}–${r.band.upper} är avtalad (lagrad, inte omräknad ur data).${y.proposal?.differs ? ` ${y.proposal.sentence}` : ""}`,
      r.method,
      dist ? dist.method : result.distributionNote ?? "",
      report.method.assumptions
    ]
      .filter(Boolean)
      .join(" ")
  };
}
