/**
 * Normalvariation (page /normalvariation): the agreement's band (mean ± k·SD of a base window, from
 * parametrar.json) for every enrolment and cost series of every municipality and county, the points
 * outside it in words, the special-cause rules of statistical process control as extra cues, and the
 * monthly counts as an XmR chart where the input has them. Also the schedule of base windows (which
 * window applies to which reconciliation year), shared with the tilläggsbelopp report.
 *
 * Decisions, written where the page shows them:
 * - Counts get the agreement's integer band (rounded inward, exactly); costs an unrounded band.
 * - The county series is the sum of its municipalities, only for periods where every municipality has
 *   a value (a partial sum would look like a fall).
 * - Small counts: the site's one disclosure pass (loaders/disclosure/, run when the warehouse is made)
 *   hides counts from 1 to threshold − 1 (".."), with secondary suppression so that the county sums do
 *   not give them back; this report reads its protected tables, so it hides what every page hides. A band whose base window holds a masked value is not shown (its mean
 *   would give the value back), and a monthly chart with masked months is not shown.
 * - SPC rules on the yearly series use the years from the base window's start, with the base window as
 *   baseline (the same mean as the band); XmR limits (mean ± 2.66 × average moving range) are named as
 *   such, never mixed with the agreement's band.
 */
import type {Warehouse} from "../warehouse.ts";
import {queryRows} from "../ingest/sql.ts";
import {
  bandWindowFor,
  classifyAgainstBand,
  normalVariationBand,
  specialCauses,
  type BandPosition,
  type NormalVariationBand,
  type PeriodValue,
  type SpecialCauseRule
} from "../models/normal-variation.ts";
import {formatDecimal, formatInteger, formatSeriesValue} from "../format.ts";
import {suppressTable} from "../models/small-counts.ts";
import {readCounties} from "../counties.ts";
import {boundCostCategories} from "../models/cost-categories.ts";

// ---------------------------------------------------------------------------------------------------
// Parameters and series names

export interface BandParameters {
  baseFrom: number;
  baseTo: number;
  k: string;
  sd: "sample" | "population";
  recomputeEvery: number;
  validFrom: number;
}

export const SPC = {runLength: 7, trendLength: 7, limitFactor: 2.66, minPoints: 12} as const;

const SERVICE_LABELS: Record<string, string> = {
  palliativ: "Anslutna till det palliativa teamet",
  hemsjukvard: "Inskrivna i hemsjukvården",
  sabo: "Boende i särskilt boende (SÄBO)",
  korttid: "Personer på korttidsplats",
  lss: "Personer i LSS-boende"
};
const COST_LABELS: Record<string, string> = {
  hemsjukvard_ordinart: "hemsjukvård i ordinärt boende",
  hemsjukvard_sabo: "hemsjukvård i särskilt boende",
  hjalpmedel: "hjälpmedel",
  lakarmedverkan: "läkarmedverkan",
  palliativ_specialiserad: "specialiserad palliativ vård"
};

export type SeriesKind = "enrolment" | "cost";

export interface SeriesOption {
  id: string;
  kind: SeriesKind;
  label: string;
  /** "personer" or "kr". */
  unit: string;
}

export function seriesOption(id: string): SeriesOption {
  if (id.startsWith("kostnad-")) {
    const category = id.slice("kostnad-".length);
    const [cat, principal] = category.split("@");
    return {id, kind: "cost", label: `Kostnad: ${COST_LABELS[cat] ?? cat}${principal ? ` (${principal === "region" ? "regionen" : "kommunen"})` : ""}`, unit: "kr"};
  }
  return {id, kind: "enrolment", label: SERVICE_LABELS[id] ?? `Inskrivna: ${id}`, unit: "personer"};
}

export {formatSeriesValue};

// ---------------------------------------------------------------------------------------------------
// The band of any series (counts or costs)

export interface BandJson {
  mean: number;
  sd: number;
  lower: number;
  upper: number;
  k: number;
  baseFrom: number;
  baseTo: number;
  n: number;
  rounding: NormalVariationBand["rounding"];
  /** The model's sentence (counts only: for amounts the series summary says it with units). */
  method?: string;
  /** Years of the base window without a value. */
  missing?: number[];
  /** The base years that have values, as a label: "2019–2024", or "2019–2020, 2022" when years are missing. */
  yearsLabel: string;
}

/** Years as a compact label: runs of consecutive years as "2013–2018", joined by ", ". */
export function yearsLabel(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

export function bandJson(b: NormalVariationBand, kind: SeriesKind = "enrolment"): BandJson {
  const have = new Set(b.basePeriods.map((p) => Number(String(p).slice(0, 4))));
  const missing: number[] = [];
  for (let y = b.baseFrom; y <= b.baseTo; y++) if (!have.has(y)) missing.push(y);
  return {
    mean: b.mean,
    sd: b.sd,
    lower: b.lower,
    upper: b.upper,
    k: b.k,
    baseFrom: b.baseFrom,
    baseTo: b.baseTo,
    n: b.n,
    rounding: b.rounding,
    yearsLabel: yearsLabel([...have]),
    ...(kind === "enrolment" ? {method: b.method} : {}),
    ...(missing.length ? {missing} : {})
  };
}

/**
 * The normal-variation band of any yearly series of a municipality or county: counts get the
 * agreement's integer limits (rounded inward), costs and other amounts unrounded limits.
 */
export function seriesBand(values: readonly PeriodValue[], kind: SeriesKind, band: Pick<BandParameters, "baseFrom" | "baseTo" | "k" | "sd">, baseFrom = band.baseFrom, baseTo = band.baseTo): NormalVariationBand {
  return normalVariationBand(values, {baseFrom, baseTo, k: band.k, sd: band.sd, rounding: kind === "cost" ? "none" : "inward"});
}

// ---------------------------------------------------------------------------------------------------
// The windows: which base window applies to which reconciliation year

export interface WindowJson {
  cycle: number;
  /** Reconciliation years that use the window. */
  validFrom: number;
  validTo: number;
  /** Years whose persons those reconciliations count (validFrom − 1 … validTo − 1). */
  countFrom: number;
  countTo: number;
  baseFrom: number;
  baseTo: number;
  /** null: the window's years are not all in the data yet. */
  band: BandJson | null;
  note: string;
}

/** The first `cycles` windows from the agreement's first reconciliation year, with their bands where the data allow. */
export function bandSchedule(counts: readonly PeriodValue[], band: BandParameters, cycles = 3): WindowJson[] {
  const have = new Set(counts.map((c) => Number(c.period)));
  const out: WindowJson[] = [];
  for (let cycle = 0; cycle < cycles; cycle++) {
    const w = bandWindowFor(band.validFrom + cycle * band.recomputeEvery, windowOptions(band));
    const missing: number[] = [];
    for (let y = w.baseFrom; y <= w.baseTo; y++) if (!have.has(y)) missing.push(y);
    const b = missing.length ? null : bandJson(seriesBand(counts, "enrolment", band, w.baseFrom, w.baseTo));
    out.push({
      cycle,
      validFrom: w.validFrom,
      validTo: w.validTo,
      countFrom: w.validFrom - 1,
      countTo: w.validTo - 1,
      baseFrom: w.baseFrom,
      baseTo: w.baseTo,
      band: b,
      note: b
        ? cycle === 0
          ? `Avtalets band, räknat på ${w.baseFrom}–${w.baseTo}.`
          : `Omräknat band (${w.baseFrom}–${w.baseTo}).`
        : `Räknas när antalen för ${missing.length === 1 ? missing[0] : `${missing[0]}–${missing.at(-1)}`} finns.`
    });
  }
  return out;
}

export const windowOptions = (band: BandParameters) => ({
  firstBaseFrom: band.baseFrom,
  firstBaseTo: band.baseTo,
  firstValidFrom: band.validFrom,
  recomputeEvery: band.recomputeEvery
});

// ---------------------------------------------------------------------------------------------------
// Inputs

export interface NormalVariationInputs {
  dataset: Warehouse["parameters"]["dataset"];
  countyCode: string;
  service: string;
  band: BandParameters;
  suppressionThreshold: number;
  counties: {code: string; name: string; region: string}[];
  municipalities: {code: string; name: string; countyCode: string}[];
  /** Yearly ("2024") and monthly ("2024-03") counts per municipality and service; null: hidden by the disclosure pass. */
  enrolment: {code: string; period: string; service: string; enrolled: number | null}[];
  /**
   * The county sums as the disclosure pass published them (protected_enrolment_county; null: hidden).
   * Without it (raw counts, in tests) the counts are suppressed here with the same rule.
   */
  countyTotals?: {countyCode: string; period: string; service: string; enrolled: number | null}[];
  /** Yearly costs per municipality, category and principal, in öre. */
  costs: {code: string; year: number; category: string; principal: string; ore: number}[];
}

export async function readNormalVariationInputs(wh: Warehouse): Promise<NormalVariationInputs> {
  const c = wh.connection;
  const p = wh.parameters;
  const counties = await readCounties(c);
  const municipalities = await queryRows<{code: string; name: string; countyCode: string}>(
    c,
    `SELECT municipality_code AS code, municipality_name AS name, county_code AS "countyCode" FROM municipalities ORDER BY municipality_name COLLATE NOCASE`
  );
  // Person counts from the protected tables only (loaders/disclosure/).
  const enrolment = await queryRows<{code: string; period: string; service: string; n: number | null}>(
    c,
    `SELECT municipality_code AS code, period, service, enrolled AS n FROM protected_enrolment ORDER BY 1, 3, 2`
  );
  const countyTotals = await queryRows<{countyCode: string; period: string; service: string; n: number | null}>(
    c,
    `SELECT county_code AS "countyCode", period, service, enrolled AS n FROM protected_enrolment_county ORDER BY 1, 3, 2`
  );
  const costs = await queryRows<{code: string; year: number; category: string; principal: string; ore: string}>(
    c,
    `SELECT municipality_code AS code, year, category, principal, CAST(round(sum(amount) * 100) AS BIGINT) AS ore FROM cost_summary GROUP BY ALL ORDER BY 1, 3, 4, 2`
  );
  return {
    dataset: p.dataset,
    countyCode: p.supplementaryAmount.countyCode,
    service: p.supplementaryAmount.service,
    band: {...p.supplementaryAmount.band},
    suppressionThreshold: p.suppressionThreshold,
    counties,
    municipalities,
    enrolment: enrolment.map((e) => ({code: e.code, period: e.period, service: e.service, enrolled: e.n == null ? null : Number(e.n)})),
    countyTotals: countyTotals.map((t) => ({countyCode: t.countyCode, period: t.period, service: t.service, enrolled: t.n == null ? null : Number(t.n)})),
    // The largest cost categories one by one, the rest summed (a ledger's accounts are free text).
    costs: boundCostCategories(costs.map((r) => ({code: r.code, year: r.year, category: r.category, principal: r.principal, ore: Number(r.ore)})))
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

export interface YearPoint {
  year: number;
  /** null: masked (small count). */
  value: number | null;
  masked?: true;
  /** null: no band, or masked. */
  position: BandPosition | null;
  /** For a point outside the band: "5 över övre gränsen 169". */
  outside?: string;
}

export interface SpcFindingJson {
  rule: SpecialCauseRule;
  direction: "high" | "low";
  periods: string[];
}

export interface SpcJson {
  /** The baseline periods ("2019–2024", "2023-01–2024-12"), and its first and last period. */
  baseline: string;
  baselineFrom: string;
  baselineTo: string;
  mean: number;
  lower: number;
  upper: number;
  lowerTwoSigma: number;
  upperTwoSigma: number;
  trialLimits: boolean;
  findings: SpcFindingJson[];
  /** Every finding in words, the limits named (Swedish). */
  sentence: string;
}

export interface YearlyAnalysis {
  points: YearPoint[];
  band: BandJson | null;
  /** Why there is no band (Swedish). */
  bandNote: string | null;
  /** The chart's text alternative: the band and every point outside it, in words. */
  summary: string;
  /** Extra cues: the SPC rules on the years from the base window's start (null without a band). */
  spc: SpcJson | null;
}

export interface MonthPoint {
  period: string;
  value: number;
  side: "above" | "below" | "on";
  rules: SpecialCauseRule[];
}

export interface MonthlyAnalysis {
  /** false: the months are not shown (masked small counts); `note` says why. */
  shown: boolean;
  note: string | null;
  points: MonthPoint[];
  spc: SpcJson | null;
  summary: string;
}

export interface SeriesReport {
  countyCode: string;
  /** null: the county (the sum of its municipalities). */
  municipalityCode: string | null;
  name: string;
  seriesId: string;
  kind: SeriesKind;
  label: string;
  unit: string;
  yearly: YearlyAnalysis;
  monthly: MonthlyAnalysis | null;
  notes: string[];
}

export interface CountyOptions {
  code: string;
  name: string;
  region: string;
  municipalities: {code: string; name: string}[];
  series: SeriesOption[];
  defaultSeries: string;
}

export interface NormalVariationReport {
  dataset: Warehouse["parameters"]["dataset"];
  parameters: {countyCode: string; service: string; band: BandParameters; suppressionThreshold: number; spc: typeof SPC};
  /** The agreement's series (the county's connected persons) and its windows; `note`: the model's caveat on few base years. */
  agreement: {countyCode: string; countyName: string; seriesId: string; windows: WindowJson[]; note: string | null};
  counties: CountyOptions[];
  series: SeriesReport[];
}

// ---------------------------------------------------------------------------------------------------
// Building

const masked: unique symbol = Symbol("masked");
type Cell = number | typeof masked;

/**
 * Small counts (loaders/models/small-counts.ts, the site's one rule): per county, series and kind of
 * period (years, months), the table municipality × period with the county totals goes through
 * suppressTable: counts from 1 to threshold − 1 are masked, and so are as many others as it takes that
 * none can be recomputed from the county sums (secondary suppression, checked exactly). Returns the
 * masked municipal cells ("code|service|period") and the masked county totals ("county|service|period").
 */
export function suppressCounts(
  rows: readonly {code: string; countyCode: string; period: string; service: string; enrolled: number}[],
  threshold: number
): {cells: Set<string>; totals: Set<string>} {
  const cells = new Set<string>();
  const totals = new Set<string>();
  const groups = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) {
    const g = `${r.countyCode}|${r.service}|${isMonth(r.period) ? "m" : "y"}`;
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(r);
  }
  for (const g of groups.values()) {
    const codes = [...new Set(g.map((r) => r.code))].sort();
    const periods = [...new Set(g.map((r) => r.period))].sort();
    const at = new Map(g.map((r) => [`${r.code}|${r.period}`, r.enrolled]));
    // A municipality without a value for a period counts as 0 here; it is shown as missing, and the
    // county total of that period is not published (see buildNormalVariationReport).
    const t = suppressTable(codes.map((c) => periods.map((p) => at.get(`${c}|${p}`) ?? 0)), threshold);
    codes.forEach((c, i) =>
      periods.forEach((p, j) => {
        if (t.cells[i][j] == null && at.has(`${c}|${p}`)) cells.add(`${c}|${g[0].service}|${p}`);
      })
    );
    periods.forEach((p, j) => {
      if (t.colTotals[j] == null) totals.add(`${g[0].countyCode}|${g[0].service}|${p}`);
    });
  }
  return {cells, totals};
}

const isMonth = (p: string) => /^\d{4}-\d{2}$/.test(p);

export function buildNormalVariationReport(input: NormalVariationInputs): NormalVariationReport {
  const band = input.band;
  const countyOf = new Map(input.municipalities.map((m) => [m.code, m.countyCode]));
  const enrolment = input.enrolment.filter((e) => countyOf.has(e.code)).map((e) => ({...e, countyCode: countyOf.get(e.code)!}));
  const hidden: {cells: Set<string>; totals: Set<string>} = input.countyTotals
    ? {
        cells: new Set(enrolment.filter((e) => e.enrolled == null).map((e) => `${e.code}|${e.service}|${e.period}`)),
        totals: new Set(input.countyTotals.filter((t) => t.enrolled == null).map((t) => `${t.countyCode}|${t.service}|${t.period}`))
      }
    : suppressCounts(enrolment.map((e) => ({...e, enrolled: e.enrolled ?? 0})), input.suppressionThreshold);
  const published = new Map((input.countyTotals ?? []).map((t) => [`${t.countyCode}|${t.service}|${t.period}`, t.enrolled]));
  const series: SeriesReport[] = [];
  const counties: CountyOptions[] = [];

  for (const county of input.counties) {
    const munis = input.municipalities.filter((m) => m.countyCode === county.code);
    const codes = new Set(munis.map((m) => m.code));
    const rows = enrolment.filter((e) => codes.has(e.code));
    const services = [...new Set(rows.map((r) => r.service))].sort((a, b) => (a === input.service ? -1 : b === input.service ? 1 : a.localeCompare(b)));
    const costRows = input.costs.filter((r) => codes.has(r.code));
    // A category with one principal is named by its category; with both, by category and principal.
    const principals = new Map<string, Set<string>>();
    for (const r of costRows) (principals.get(r.category) ?? principals.set(r.category, new Set()).get(r.category)!).add(r.principal);
    const costIds = [...new Set(costRows.map((r) => `${r.category}|${r.principal}`))].sort().map((k) => {
      const [category, principal] = k.split("|");
      return {category, principal, id: `kostnad-${category}${principals.get(category)!.size > 1 ? `@${principal}` : ""}`};
    });
    const options = [...services.map(seriesOption), ...costIds.map((c) => seriesOption(c.id))];
    counties.push({
      code: county.code,
      name: county.name,
      region: county.region,
      municipalities: munis.map((m) => ({code: m.code, name: m.name})),
      series: options,
      defaultSeries: services.includes(input.service) ? input.service : options[0]?.id ?? ""
    });

    for (const service of services) {
      const sRows = rows.filter((r) => r.service === service);
      const cells = (code: string) => new Map<string, Cell>(sRows.filter((r) => r.code === code).map((r) => [r.period, hidden.cells.has(`${r.code}|${service}|${r.period}`) || r.enrolled == null ? masked : r.enrolled]));
      for (const m of munis) {
        const mine = cells(m.code);
        if (!mine.size) continue;
        series.push(makeSeries(county.code, m.code, m.name, seriesOption(service), mine, band, [], input.suppressionThreshold));
      }
      // The county: the true sum, for periods where every municipality has a value.
      const periods = [...new Set(sRows.map((r) => r.period))].sort();
      const sum = new Map<string, Cell>();
      const gaps: string[] = [];
      for (const period of periods) {
        const here = sRows.filter((r) => r.period === period);
        if (here.length !== munis.length) gaps.push(period);
        else {
          const k = `${county.code}|${service}|${period}`;
          // The published county sum (protected_enrolment_county), or in tests the sum of the raw counts.
          sum.set(period, hidden.totals.has(k) ? masked : input.countyTotals ? (published.get(k) ?? masked) : here.reduce((s, r) => s + (r.enrolled ?? 0), 0));
        }
      }
      const notes = gaps.length ? [`Länets summa saknas för ${gaps.join(", ")}: alla kommuner har inte värden.`] : [];
      if (sum.size) series.push(makeSeries(county.code, null, county.name, seriesOption(service), sum, band, notes, input.suppressionThreshold));
    }

    for (const c of costIds) {
      const cRows = costRows.filter((r) => r.category === c.category && r.principal === c.principal);
      const option = seriesOption(c.id);
      for (const m of munis) {
        const mine = new Map<string, Cell>(cRows.filter((r) => r.code === m.code).map((r) => [String(r.year), r.ore / 100]));
        if (mine.size) series.push(makeSeries(county.code, m.code, m.name, option, mine, band, [], input.suppressionThreshold));
      }
      const years = [...new Set(cRows.map((r) => r.year))].sort();
      const sum = new Map<string, Cell>();
      const gaps: number[] = [];
      for (const y of years) {
        const here = cRows.filter((r) => r.year === y);
        if (here.length === munis.length) sum.set(String(y), here.reduce((s, r) => s + r.ore, 0) / 100);
        else gaps.push(y);
      }
      if (sum.size) series.push(makeSeries(county.code, null, county.name, option, sum, band, gaps.length ? [`Länets summa saknas för ${gaps.join(", ")}: alla kommuner har inte värden.`] : [], input.suppressionThreshold));
    }
  }

  const agreementCounty = input.counties.find((c) => c.code === input.countyCode);
  const agreementSeries = series.find((s) => s.countyCode === input.countyCode && s.municipalityCode == null && s.seriesId === input.service);
  const counts = (agreementSeries?.yearly.points ?? []).filter((p) => p.value != null).map((p) => ({period: p.year, value: p.value!}));
  return {
    dataset: input.dataset,
    parameters: {countyCode: input.countyCode, service: input.service, band, suppressionThreshold: input.suppressionThreshold, spc: SPC},
    agreement: {
      countyCode: input.countyCode,
      countyName: agreementCounty?.name ?? input.countyCode,
      seriesId: input.service,
      windows: counts.length ? bandSchedule(counts, band) : [],
      note: counts.length >= 2 ? (seriesBand(counts, "enrolment", band).note ?? null) : null
    },
    counties,
    series
  };
}

function makeSeries(countyCode: string, municipalityCode: string | null, name: string, option: SeriesOption, cells: Map<string, Cell>, band: BandParameters, notes: string[], threshold: number): SeriesReport {
  const yearly = new Map<number, Cell>([...cells].filter(([p]) => /^\d{4}$/.test(p)).map(([p, v]) => [Number(p), v]));
  const months = new Map([...cells].filter(([p]) => isMonth(p)));
  return {
    countyCode,
    municipalityCode,
    name,
    seriesId: option.id,
    kind: option.kind,
    label: option.label,
    unit: option.unit,
    yearly: yearlyAnalysis(name, option, yearly, band, threshold),
    monthly: months.size ? monthlyAnalysis(name, option, months, band, threshold) : null,
    notes
  };
}

const listSv = (xs: readonly string[]): string => (xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} och ${xs.at(-1)}`);
const segmentOf = (year: number, band: {baseFrom: number; baseTo: number}) => (year < band.baseFrom ? "fore" : year > band.baseTo ? "efter" : "bas");
/** One decimal without float noise, none when whole: 10 → "10", 1.54 → "1,5". */
const short = (x: number) => formatDecimal(Math.round(x * 10) / 10, Number.isInteger(Math.round(x * 10) / 10) ? 0 : 1);
const spanText = (from: string | number, to: string | number) => (from === to ? String(from) : `${from}–${to}`);

/** "174, 5 över övre gränsen 169" (counts) or "12,34 mnkr, 0,40 mnkr över övre gränsen 11,94 mnkr". */
export function outsideText(kind: SeriesKind, value: number, position: BandPosition, band: {lower: number; upper: number}): string {
  const limit = position === "above" ? band.upper : band.lower;
  const diff = Math.abs(value - limit);
  const f = (v: number) => formatSeriesValue(kind, v);
  return `${f(value)}, ${kind === "cost" ? f(diff) : formatInteger(diff)} ${position === "above" ? "över övre" : "under nedre"} gränsen ${f(limit)}`;
}

/**
 * The SPC findings in words, with units: points beyond the XmR limits grouped by side, runs, trends and
 * "2 of 3 close to a limit". `unit` is "år" or "månader".
 */
export function findingsSentence(findings: readonly SpcFindingJson[], limits: {lower: number; upper: number; lowerTwoSigma: number; upperTwoSigma: number}, kind: SeriesKind, unit: "år" | "månader"): string {
  const f = (v: number) => (kind === "cost" ? formatSeriesValue(kind, v) : short(v));
  const parts: string[] = [];
  for (const dir of ["high", "low"] as const) {
    const beyond = findings.filter((x) => x.rule === "outside-limits" && x.direction === dir).flatMap((x) => x.periods);
    if (beyond.length) parts.push(`${listSv(beyond)} ${dir === "high" ? "över övre" : "under nedre"} styrgränsen ${f(dir === "high" ? limits.upper : limits.lower)}`);
  }
  for (const x of findings) {
    const n = formatInteger(x.periods.length);
    if (x.rule === "run") parts.push(`${n} ${unit} i rad ${x.direction === "high" ? "över" : "under"} medelvärdet (${spanText(x.periods[0], x.periods.at(-1)!)})`);
    if (x.rule === "trend") parts.push(`${n} ${unit} i rad ${x.direction === "high" ? "stigande" : "sjunkande"} (${spanText(x.periods[0], x.periods.at(-1)!)})`);
    if (x.rule === "two-of-three")
      parts.push(`${listSv(x.periods)} nära ${x.direction === "high" ? "övre" : "nedre"} styrgränsen (bortom 2σ-linjen ${f(x.direction === "high" ? limits.upperTwoSigma : limits.lowerTwoSigma)}, 2 av 3 i rad)`);
  }
  return parts.join("; ");
}

const spcJson = (values: readonly PeriodValue[], baselinePoints: number, kind: SeriesKind, unit: "år" | "månader"): SpcJson => spcOf(values, baselinePoints, kind, unit).spc;

function spcOf(values: readonly PeriodValue[], baselinePoints: number, kind: SeriesKind, unit: "år" | "månader") {
  const r = specialCauses(values, {...SPC, baselinePoints});
  const findings = r.findings.map((x) => ({rule: x.rule, direction: x.direction, periods: x.periods.map(String)}));
  const baseline = spanText(values[0].period, values[baselinePoints - 1].period);
  const f = (v: number) => (kind === "cost" ? formatSeriesValue(kind, v) : short(v));
  const limits = `styrgränser ${f(r.limits.lower)}–${f(r.limits.upper)} (XmR: medelvärdet ${f(r.limits.mean)} ± 2,66 × genomsnittlig skillnad mellan på varandra följande ${unit === "år" ? "år" : "månader"}, baslinje ${baseline})`;
  const trial = r.limits.trialLimits ? ` Färre än ${SPC.minPoints} punkter i baslinjen: gränserna är preliminära.` : "";
  const spc: SpcJson = {
    baseline,
    baselineFrom: String(values[0].period),
    baselineTo: String(values[baselinePoints - 1].period),
    mean: r.limits.mean,
    lower: r.limits.lower,
    upper: r.limits.upper,
    lowerTwoSigma: r.limits.lowerTwoSigma,
    upperTwoSigma: r.limits.upperTwoSigma,
    trialLimits: r.limits.trialLimits,
    findings,
    sentence: findings.length
      ? `SPC-reglerna, ${limits}, ger signal: ${findingsSentence(findings, r.limits, kind, unit)}.${trial}`
      : `SPC-reglerna, ${limits}, ger ingen signal för ${spanText(values[0].period, values.at(-1)!.period)}.${trial}`
  };
  return {spc, points: r.points};
}

export function yearlyAnalysis(name: string, option: SeriesOption, cells: Map<number, Cell>, bandParams: BandParameters, threshold = 5): YearlyAnalysis {
  const years = [...cells.keys()].sort((a, b) => a - b);
  const values: PeriodValue[] = years.filter((y) => cells.get(y) !== masked).map((y) => ({period: y, value: cells.get(y) as number}));
  const maskedYears = years.filter((y) => cells.get(y) === masked);
  const inBase = (y: number) => y >= bandParams.baseFrom && y <= bandParams.baseTo;
  const baseMasked = maskedYears.filter(inBase);
  const baseCount = values.filter((v) => inBase(Number(v.period))).length;
  const window = spanText(bandParams.baseFrom, bandParams.baseTo);
  const maskWords = `färre än ${formatInteger(threshold)}, eller maskade så att ett litet antal inte kan räknas fram ur länets summa`;
  let band: BandJson | null = null;
  let bandNote: string | null = null;
  if (baseMasked.length) {
    bandNote = `Normalvariationen visas inte för ${name}: ${listSv(baseMasked.map(String))} i basperioden är maskade (${maskWords}), och bandets medelvärde skulle avslöja ${baseMasked.length === 1 ? "värdet" : "värdena"}.`;
  } else if (baseCount < 2) {
    bandNote = `Normalvariationen kan inte räknas för ${name}: basperioden ${window} har ${baseCount === 0 ? "inga värden" : "bara ett värde"}.`;
  } else {
    band = bandJson(seriesBand(values, option.kind, bandParams), option.kind);
  }
  const points: YearPoint[] = years.map((y) => {
    const v = cells.get(y)!;
    if (v === masked) return {year: y, value: null, masked: true, position: null};
    const position = band ? classifyAgainstBand(v, band) : null;
    return {year: y, value: v, position, ...(band && position !== "inside" ? {outside: outsideText(option.kind, v, position!, band)} : {})};
  });

  const f = (v: number) => formatSeriesValue(option.kind, v);
  let summary: string;
  if (!band) {
    summary = `${option.label}, ${name}: ${bandNote}`;
  } else {
    const parts = [
      // The label names the years the band is made of: a series without some base years says so.
      `${option.label}, ${name}: normalvariationen är ${f(band.lower)}–${f(band.upper)} (medelvärdet ${option.kind === "cost" ? f(band.mean) : short(band.mean)} ± ${short(band.k)} standardavvikelser à ${option.kind === "cost" ? f(band.sd) : short(band.sd)}, ${band.missing ? `åren ${band.yearsLabel} i basperioden ${window}; ${listSv(band.missing.map(String))} saknas i underlaget` : `basperioden ${window}`}).`
    ];
    const out = (seg: string) => points.filter((p) => p.outside && segmentOf(p.year, bandParams) === seg);
    const after = points.filter((p) => p.value != null && segmentOf(p.year, bandParams) === "efter");
    if (!after.length) parts.push("Underlaget har inga år efter basperioden.");
    else if (!out("efter").length) parts.push(`${after.length === 1 ? "Året" : "Alla år"} efter basperioden (${spanText(after[0].year, after.at(-1)!.year)}) ligger inom normalvariationen.`);
    else
      parts.push(
        `Efter basperioden ligger ${listSv(out("efter").map((p) => `${p.year} (${p.outside})`))} utanför normalvariationen` +
          (after.length > out("efter").length ? "; övriga år efter basperioden ligger inom." : ".")
      );
    if (out("bas").length) parts.push(`Inom basperioden ligger ${listSv(out("bas").map((p) => `${p.year} (${f(p.value!)})`))} utanför bandet.`);
    const before = out("fore");
    if (before.length) {
      const dir = (pos: BandPosition) => before.filter((p) => p.position === pos).map((p) => `${p.year} (${f(p.value!)})`);
      const bits = [dir("below").length ? `${listSv(dir("below"))} under` : "", dir("above").length ? `${listSv(dir("above"))} över` : ""].filter(Boolean);
      parts.push(`Före basperioden låg ${bits.join(" och ")} bandet; bandet är en jämförelse med basperioden och säger inget om de åren.`);
    }
    summary = parts.join(" ");
  }
  if (maskedYears.length) summary += ` Maskade år (${maskWords}): ${listSv(maskedYears.map(String))}.`;

  // SPC rules from the start of the base window, the base window as baseline (the band's mean).
  const fromBase = values.filter((v) => Number(v.period) >= bandParams.baseFrom);
  const spc = band && !maskedYears.some((y) => y >= bandParams.baseFrom) ? spcJson(fromBase, baseCount, option.kind, "år") : null;
  return {points, band, bandNote, summary, spc};
}

export function monthlyAnalysis(name: string, option: SeriesOption, cells: Map<string, Cell>, bandParams: BandParameters, threshold = 5): MonthlyAnalysis {
  const periods = [...cells.keys()].sort().filter((p) => Number(p.slice(0, 4)) >= bandParams.baseFrom);
  const maskedMonths = periods.filter((p) => cells.get(p) === masked);
  const none = (note: string): MonthlyAnalysis => ({shown: false, note, points: [], spc: null, summary: ""});
  if (maskedMonths.length) {
    return none(
      `Månadsvärdena för ${name} visas inte: ${formatInteger(maskedMonths.length)} av ${formatInteger(periods.length)} månader är maskade ` +
        `(färre än ${formatInteger(threshold)}, eller maskade så att ett litet antal inte kan räknas fram ur länets summa), och styrdiagrammets medelvärde skulle avslöja dem.`
    );
  }
  const values = periods.map((p) => ({period: p, value: cells.get(p) as number}));
  if (values.length < 2) return none(`För få månadsvärden för ${name}.`);
  const inBase = values.filter((v) => Number(v.period.slice(0, 4)) <= bandParams.baseTo).length;
  const {spc, points} = spcOf(values, inBase >= 2 ? inBase : values.length, option.kind, "månader");
  return {
    shown: true,
    note: null,
    points: points.map((p) => ({period: String(p.period), value: p.value, side: p.side, rules: p.rules})),
    spc,
    summary:
      `${option.label} per månad, ${name}: ${spc.sentence} ` +
      "Ett månadsvärde räknar personer anslutna under månaden; månaderna summerar inte till årets antal, eftersom en person kan vara ansluten flera månader."
  };
}

// ---------------------------------------------------------------------------------------------------
// One call for the loader

export async function normalVariationReport(wh: Warehouse): Promise<NormalVariationReport> {
  return buildNormalVariationReport(await readNormalVariationInputs(wh));
}

// ---------------------------------------------------------------------------------------------------
// One file per county for the page (/normalvariation/<lan>): at national scale the whole report is over
// a megabyte, and the page shows one county at a time.

/** What the page of one county needs: its options and series (the county's and its municipalities'), and the shared parts. */
export interface NormalVariationCountyFile {
  dataset: NormalVariationReport["dataset"];
  parameters: NormalVariationReport["parameters"];
  agreement: NormalVariationReport["agreement"];
  county: CountyOptions;
  series: SeriesReport[];
}

/** The report as the page's files, one per county (by county code). Pure. */
export function splitNormalVariationReport(report: NormalVariationReport): Record<string, NormalVariationCountyFile> {
  const {dataset, parameters, agreement} = report;
  const byCounty = new Map<string, SeriesReport[]>(report.counties.map((c) => [c.code, []]));
  for (const s of report.series) byCounty.get(s.countyCode)?.push(s);
  return Object.fromEntries(report.counties.map((county) => [county.code, {dataset, parameters, agreement, county, series: byCounty.get(county.code)!}]));
}
