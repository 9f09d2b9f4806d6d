/**
 * Ersättningar (page /ersattningar, and the MT rate of loaders/reports/medtech.ts): the agreement's
 * hourly rates per year after uprating by their index (loaders/models/hourly-rates.ts), and the monthly
 * invoices for work done on the other party's behalf (insatser.csv: hired staff and the municipal sight
 * and hearing representatives), billed per started hour per job at the rate of the job's year.
 * Output is JSON only: integer öre, exact decimals as text, no BigInt, no Ratio.
 */
import type {Warehouse} from "../warehouse.ts";
import type {Parameters} from "../schemas/parameters.ts";
import {lit, queryRows} from "../ingest/sql.ts";
import {toFixed} from "../models/exact.ts";
import type {Ore} from "../models/money.ts";
import {MissingIndexError, type IndexName, type IndexValue} from "../models/index-uprating.ts";
import {decimalText, invoiceStartedHours, rateForYear, rateFromParameters, type AgreementRate} from "../models/hourly-rates.ts";
import {ceil, dec, mul, ratio, sub, sum, type Ratio} from "../models/exact.ts";
import {splitDayNight, type DayWindow} from "../models/day-night.ts";
import {formatKronor} from "../format.ts";
import {readCounties} from "../counties.ts";
import {coarsenPatientLines, type PublishedLine} from "../disclosure/work-lines.ts";

// ---------------------------------------------------------------------------------------------------
// The rates

export type RateKey = "medtech" | "hiredStaff" | "sightHearing";
export const RATE_KEYS: readonly RateKey[] = ["medtech", "hiredStaff", "sightHearing"];

/**
 * VPI and OPI are published (final) in December, so the rate for year Y uses the index change of
 * Y − 1 (hourly-rates.ts, lag 1). Not a parameter: the agreement names the index, not the lag.
 */
export const RATE_LAG = 1;

/**
 * The first year of the rate table: the MT rate "is uprated every year by VPI since 2017" (DOMAIN.md).
 * Years before the base year are computed backwards from the base-year amount with the same index.
 */
export const RATES_FROM = 2017;

export interface RateDefinition {
  key: RateKey;
  label: string;
  baseYear: number;
  baseRateOre: Ore;
  index: IndexName;
  startedHour: boolean;
  lag: number;
}

export interface RateYear {
  year: number;
  rateOre: Ore;
  /** The rate before rounding, in öre with three decimals ("115332.100"). */
  exactOre: string;
  /** The exact factor from the base year, six decimals ("1.027000"). */
  factor: string;
  /** The index values used, one per year between base year and `year`. */
  steps: {year: number; indexYear: number; changePercent: string; edition: string; status: string | null; demo: boolean}[];
  /** A step uses a forecast (prognos), not an outcome. */
  forecast: boolean;
  /** A step uses a value labelled demo in the price-index file. */
  demo: boolean;
  method: string;
}

/** The latest edition of every index value, and the older editions it replaced (shown in the method). */
export interface IndexRow extends IndexValue {
  source: string;
  /** A newer edition of the same year exists: this one is not used. */
  superseded: boolean;
}

export function rateDefinitions(p: Pick<Parameters, "medtech" | "rates">): RateDefinition[] {
  const defs: Record<RateKey, AgreementRate> = {
    medtech: rateFromParameters(p.medtech.hourlyRate),
    hiredStaff: rateFromParameters(p.rates.hiredStaff),
    sightHearing: rateFromParameters(p.rates.sightHearing)
  };
  return RATE_KEYS.map((key) => ({key, ...defs[key], lag: RATE_LAG}));
}

/** The rate of one year as JSON, or null when an index value is missing. */
export function rateYear(def: RateDefinition, year: number, series: readonly IndexRow[]): RateYear | null {
  try {
    const r = rateForYear(def, year, series, {lag: def.lag});
    const steps = r.steps.map((s) => {
      const v = series.find((x) => x.index === def.index && x.year === s.indexYear && x.edition === s.edition);
      return {year: s.year, indexYear: s.indexYear, changePercent: s.changePercent, edition: s.edition, status: v?.status ?? null, demo: !!v?.demo};
    });
    return {
      year,
      rateOre: r.rateOre,
      exactOre: toFixed(r.exactOre, 3),
      factor: toFixed(r.factor, 6),
      steps,
      forecast: steps.some((s) => s.status === "prognos"),
      demo: steps.some((s) => s.demo),
      method: r.method
    };
  } catch (e) {
    if (e instanceof MissingIndexError) return null;
    throw e;
  }
}

/** The years every rate can be computed for: from `from` (or earlier, if `need` asks) up to the last year with index values. */
export function rateYears(defs: readonly RateDefinition[], series: readonly IndexRow[], from = RATES_FROM, need: readonly number[] = []): number[] {
  const lo = Math.min(from, ...need, ...defs.map((d) => d.baseYear));
  const years: number[] = [];
  for (let y = lo; y <= lo + 200; y++) {
    const ok = defs.every((d) => rateYear(d, y, series) != null);
    if (ok) years.push(y);
    else if (y > Math.max(...defs.map((d) => d.baseYear))) break;
  }
  return years;
}

// ---------------------------------------------------------------------------------------------------
// Work on the other party's behalf (insatser.csv)

export type WorkKind = "inhyrd_personal" | "synombud" | "horselombud";
export type Party = "region" | "kommun";

export const KIND_LABEL: Record<WorkKind, string> = {inhyrd_personal: "Inhyrd personal", synombud: "Synombud", horselombud: "Hörselombud"};
/** The rate each kind is billed at. */
export const KIND_RATE: Record<WorkKind, RateKey> = {inhyrd_personal: "hiredStaff", synombud: "sightHearing", horselombud: "sightHearing"};
/** Sight and hearing representatives are invoiced separately to the sight centre and the hearing centre. */
export const KIND_UNIT: Record<WorkKind, string | null> = {inhyrd_personal: null, synombud: "syncentralen", horselombud: "hörselcentralen"};

export interface WorkJob {
  /** Line in insatser.csv (to find the job in the file). */
  line: number;
  date: string;
  municipalityCode: string;
  performer: Party;
  kind: WorkKind;
  /** Time, exact decimal text. */
  hours: string;
  /** Start and end time of the assignment ("16:00"), when the row has them. */
  start?: string | null;
  end?: string | null;
}

export interface WorkLine extends WorkJob {
  /** The hours that are paid (daytime part), exact decimal text; equals `hours` without a night part. */
  paidHours: string;
  /** Evening/night hours in the region's primary care: shown, not billed (exact decimal text, "0" when none). */
  unpaidHours: string;
  /** "klockslag": split by the row's times; "dag": no time on the row, billed as daytime (an assumption). */
  timing: "klockslag" | "dag" | "ej_aktuell";
  billedHours: number;
  rateOre: Ore;
  amountOre: Ore;
}

export interface WorkInvoice {
  month: string;
  municipalityCode: string;
  kind: WorkKind;
  /** Who did the work and sends the invoice; the other party pays. */
  performer: Party;
  payer: Party;
  /** "Kommunen fakturerar regionen (syncentralen)". */
  direction: string;
  jobs: number;
  /** Worked hours, exact decimal text. */
  hours: string;
  /** Started hours, each job rounded up on its own. */
  billedHours: number;
  /** Evening/night hours not billed (exact decimal text). */
  unpaidHours: string;
  rateOre: Ore;
  amountOre: Ore;
}

/** Daytime and the night rule (the agreement file's rates.workHours); without it every hour is billed. */
export interface DayNightRule extends DayWindow {
  nightPaid: boolean;
}

/** The night rule covers the municipality's nurses working as hired staff in the region's primary care. */
export const nightRuleApplies = (j: Pick<WorkJob, "kind" | "performer">) => j.kind === "inhyrd_personal" && j.performer === "kommun";

/** Exact hours as text, rounded UP at the sixth decimal, so that the started-hour ceiling is exact. */
const hoursUp = (r: Ratio): string => decimalText(ratio(ceil(mul(r, ratio(1_000_000n))), 1_000_000n));

/** A job's paid and unpaid hours under the rule. */
export function paidPart(j: WorkJob, rule: DayNightRule | null): {paidHours: string; unpaidHours: string; timing: WorkLine["timing"]} {
  if (!rule || rule.nightPaid || !nightRuleApplies(j)) return {paidHours: j.hours, unpaidHours: "0", timing: "ej_aktuell"};
  if (!j.start || !j.end) return {paidHours: j.hours, unpaidHours: "0", timing: "dag"};
  const s = splitDayNight(j.hours, j.start, j.end, rule);
  const paid = hoursUp(s.dayHours);
  return {paidHours: paid, unpaidHours: decimalText(sub(dec(j.hours), dec(paid))), timing: "klockslag"};
}

export interface WorkYearRow {
  year: number;
  municipalityCode: string | null;
  /** Region pays the municipality (the municipality did the work). */
  toMunicipalityOre: Ore;
  /** The municipality pays the region (the region did the work). */
  toRegionOre: Ore;
  /** toMunicipality − toRegion: positive, the region owes the municipality on balance. */
  netToMunicipalityOre: Ore;
  byKind: {kind: WorkKind; performer: Party; jobs: number; hours: string; billedHours: number; amountOre: Ore}[];
}

export function directionText(kind: WorkKind, performer: Party): string {
  const unit = KIND_UNIT[kind];
  return performer === "kommun" ? `Kommunen fakturerar regionen${unit ? ` (${unit})` : ""}` : `Regionen${unit ? ` (${unit})` : ""} fakturerar kommunen`;
}

/**
 * The monthly invoices: one per month, municipality, kind and direction (who did the work), each job's
 * time rounded up to started hours on its own and billed at the rate of the job's year. Years and month
 * totals are sums of the invoices, so they add up exactly. Jobs whose year has no rate (a missing index
 * value) are returned in `unpriced`, never billed at a guessed rate.
 */
export function workInvoices(
  jobs: readonly WorkJob[],
  rateOf: (key: RateKey, year: number) => Ore | null,
  rule: DayNightRule | null = null
): {invoices: WorkInvoice[]; lines: WorkLine[]; years: WorkYearRow[]; byMunicipality: WorkYearRow[]; unpriced: WorkJob[]} {
  const groups = new Map<string, {key: Omit<WorkInvoice, "jobs" | "hours" | "billedHours" | "unpaidHours" | "amountOre">; jobs: WorkJob[]}>();
  const unpriced: WorkJob[] = [];
  for (const j of jobs) {
    const year = Number(j.date.slice(0, 4));
    const rateOre = rateOf(KIND_RATE[j.kind], year);
    if (rateOre == null) {
      unpriced.push(j);
      continue;
    }
    const month = j.date.slice(0, 7);
    const k = `${month}|${j.municipalityCode}|${j.kind}|${j.performer}`;
    if (!groups.has(k)) {
      const payer: Party = j.performer === "kommun" ? "region" : "kommun";
      groups.set(k, {key: {month, municipalityCode: j.municipalityCode, kind: j.kind, performer: j.performer, payer, direction: directionText(j.kind, j.performer), rateOre}, jobs: []});
    }
    groups.get(k)!.jobs.push(j);
  }
  const invoices: WorkInvoice[] = [];
  const lines: WorkLine[] = [];
  for (const {key, jobs: list} of groups.values()) {
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
    // The started-hour rule applies to each assignment's paid (daytime) part.
    const parts = sorted.map((j) => ({job: j, ...paidPart(j, rule)}));
    const inv = invoiceStartedHours(parts.map((p) => ({line: p.job.line, hours: p.paidHours})), key.rateOre);
    const unpaid = decimalText(sum(parts.map((p) => dec(p.unpaidHours))));
    invoices.push({...key, jobs: list.length, hours: decimalText(sum(list.map((j) => dec(j.hours)))), billedHours: inv.billedHours, unpaidHours: unpaid, amountOre: inv.amountOre});
    inv.rows.forEach((r, i) => lines.push({...parts[i].job, paidHours: parts[i].paidHours, unpaidHours: parts[i].unpaidHours, timing: parts[i].timing, billedHours: r.billedHours, amountOre: r.amountOre, rateOre: key.rateOre}));
  }
  const kindOrder = (k: WorkKind) => ["inhyrd_personal", "synombud", "horselombud"].indexOf(k);
  invoices.sort((a, b) => a.month.localeCompare(b.month) || a.municipalityCode.localeCompare(b.municipalityCode) || kindOrder(a.kind) - kindOrder(b.kind) || a.performer.localeCompare(b.performer));
  lines.sort((a, b) => a.date.localeCompare(b.date) || a.municipalityCode.localeCompare(b.municipalityCode) || a.line - b.line);

  const summarise = (rows: WorkInvoice[], year: number, municipalityCode: string | null): WorkYearRow => {
    const byKind = new Map<string, WorkYearRow["byKind"][number] & {h: string[]}>();
    for (const r of rows) {
      const k = `${r.kind}|${r.performer}`;
      if (!byKind.has(k)) byKind.set(k, {kind: r.kind, performer: r.performer, jobs: 0, hours: "0", billedHours: 0, amountOre: 0, h: []});
      const acc = byKind.get(k)!;
      acc.jobs += r.jobs;
      acc.h.push(r.hours);
      acc.billedHours += r.billedHours;
      acc.amountOre += r.amountOre;
    }
    const toMunicipalityOre = rows.filter((r) => r.performer === "kommun").reduce((s, r) => s + r.amountOre, 0);
    const toRegionOre = rows.filter((r) => r.performer === "region").reduce((s, r) => s + r.amountOre, 0);
    return {
      year,
      municipalityCode,
      toMunicipalityOre,
      toRegionOre,
      netToMunicipalityOre: toMunicipalityOre - toRegionOre,
      byKind: [...byKind.values()]
        .map(({h, ...k}) => ({...k, hours: decimalText(sum(h.map((x) => dec(x))))}))
        .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.performer.localeCompare(b.performer))
    };
  };
  const yearList = [...new Set(invoices.map((i) => Number(i.month.slice(0, 4))))].sort((a, b) => a - b);
  const codes = [...new Set(invoices.map((i) => i.municipalityCode))].sort();
  const years = yearList.map((y) => summarise(invoices.filter((i) => i.month.startsWith(`${y}-`)), y, null));
  const byMunicipality = yearList.flatMap((y) =>
    codes.map((c) => summarise(invoices.filter((i) => i.month.startsWith(`${y}-`) && i.municipalityCode === c), y, c))
  );
  return {invoices, lines, years, byMunicipality, unpriced};
}

// ---------------------------------------------------------------------------------------------------
// Reading

export interface RatesInputs {
  parameters: Pick<Parameters, "dataset" | "medtech" | "rates" | "agreement"> & Partial<Pick<Parameters, "suppressionThreshold">>;
  counties: {code: string; name: string; region: string}[];
  municipalities: {code: string; name: string; countyCode: string}[];
  series: IndexRow[];
  jobs: WorkJob[];
}

/** "2.800" → "2.8", "20.00" → "20". */
const trim = (text: string): string => (text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);

/** Every edition of the indices the rates use, with `superseded` set on the older editions of a year. */
export async function readIndexSeries(wh: Warehouse, indices: readonly IndexName[]): Promise<IndexRow[]> {
  if (!indices.length) return [];
  const rows = await queryRows<{index: IndexName; year: number; change: string; edition: string; status: "utfall" | "prognos"; source: string}>(
    wh.connection,
    `SELECT index_name AS "index", year, CAST(change_percent AS VARCHAR) AS change, CAST(edition AS VARCHAR) AS edition, status, source
     FROM price_indices WHERE index_name IN (${[...new Set(indices)].map(lit).join(", ")}) ORDER BY 1, 2, 4`
  );
  const newest = new Map<string, string>();
  for (const r of rows) {
    const k = `${r.index}|${r.year}`;
    if (!newest.has(k) || r.edition > newest.get(k)!) newest.set(k, r.edition);
  }
  return rows.map((r) => ({
    index: r.index,
    year: r.year,
    changePercent: trim(r.change),
    edition: r.edition,
    status: r.status,
    demo: r.source === "Demodata",
    source: r.source,
    superseded: newest.get(`${r.index}|${r.year}`) !== r.edition
  }));
}

/** The counties and municipalities (by name) that the rate and MT pages list. */
export async function readAreas(wh: Warehouse) {
  const c = wh.connection;
  const counties = await readCounties(c);
  const municipalities = await queryRows<{code: string; name: string; countyCode: string}>(
    c,
    `SELECT municipality_code AS code, municipality_name AS name, county_code AS "countyCode" FROM municipalities ORDER BY municipality_name COLLATE NOCASE`
  );
  return {counties, municipalities};
}

export async function readRatesInputs(wh: Warehouse): Promise<RatesInputs> {
  const p = wh.parameters;
  const defs = rateDefinitions(p);
  const jobs = await queryRows<{line: string; date: string; code: string; performer: Party; kind: WorkKind; hours: string; start: string | null; end: string | null}>(
    wh.connection,
    `SELECT line, CAST(date AS VARCHAR) AS date, municipality_code AS code, performer, kind, CAST(hours AS VARCHAR) AS hours, start_time AS start, end_time AS "end" FROM work_hours ORDER BY date, municipality_code, line`
  );
  return {
    parameters: {dataset: p.dataset, medtech: p.medtech, rates: p.rates, agreement: p.agreement, suppressionThreshold: p.suppressionThreshold},
    ...(await readAreas(wh)),
    series: await readIndexSeries(wh, defs.map((d) => d.index)),
    jobs: jobs.map((j) => ({line: Number(j.line), date: j.date, municipalityCode: j.code, performer: j.performer, kind: j.kind, hours: trim(j.hours), ...(j.start && j.end ? {start: j.start, end: j.end} : {})}))
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

export interface CountyWork {
  countyCode: string;
  countyName: string;
  regionName: string;
  municipalities: {code: string; name: string}[];
  /** Years with work in insatser.csv for this county. */
  years: number[];
  invoices: WorkInvoice[];
  /** The assignments, one line each; sight and hearing lines of a month with few assignments merged into one undated line (loaders/disclosure/work-lines.ts). */
  lines: PublishedLine<WorkLine>[];
  /** The county per year (all municipalities). */
  totals: WorkYearRow[];
  /** Per municipality and year. */
  byMunicipality: WorkYearRow[];
  /** Jobs that could not be priced (no rate for their year), in Swedish. */
  unpriced: {count: number; years: number[]; message: string} | null;
  /** A plain sentence when the county has no work in the data. */
  note: string | null;
}

export interface RatesReport {
  dataset: Parameters["dataset"];
  agreement: {countyCode: string; countyName: string; regionName: string; validFrom: string; validTo: string; prolongYears: number};
  rates: RateDefinition[];
  years: number[];
  /** Per rate key, one entry per year of `years`. */
  table: Record<RateKey, RateYear[]>;
  /** Every edition of the indices used (the calculator runs rateForYear on it in the browser). */
  series: IndexRow[];
  work: CountyWork[];
  method: {rates: string; work: string; startedHour: string; dayNight: string};
}

export function buildRatesReport(input: RatesInputs): RatesReport {
  const p = input.parameters;
  const defs = rateDefinitions(p);
  const jobYears = [...new Set(input.jobs.map((j) => Number(j.date.slice(0, 4))))];
  const years = rateYears(defs, input.series, RATES_FROM, jobYears);
  const table = Object.fromEntries(defs.map((d) => [d.key, years.map((y) => rateYear(d, y, input.series)!)])) as Record<RateKey, RateYear[]>;
  const cache = new Map<string, Ore | null>();
  const rateOf = (key: RateKey, year: number): Ore | null => {
    const k = `${key}|${year}`;
    if (!cache.has(k)) cache.set(k, rateYear(defs.find((d) => d.key === key)!, year, input.series)?.rateOre ?? null);
    return cache.get(k)!;
  };
  const agreementCounty = input.counties.find((c) => c.code === p.medtech.countyCode);
  const wh = p.rates.workHours;
  const rule: DayNightRule | null = wh ? {dayStart: wh.dayStart, dayEnd: wh.dayEnd, nightPaid: wh.nightPaid} : null;
  const work = input.counties.map((county): CountyWork => {
    const municipalities = input.municipalities.filter((m) => m.countyCode === county.code).map((m) => ({code: m.code, name: m.name}));
    const codes = new Set(municipalities.map((m) => m.code));
    const jobs = input.jobs.filter((j) => codes.has(j.municipalityCode));
    const w = workInvoices(jobs, rateOf, rule);
    const unpricedYears = [...new Set(w.unpriced.map((j) => Number(j.date.slice(0, 4))))].sort();
    return {
      countyCode: county.code,
      countyName: county.name,
      regionName: county.region,
      municipalities,
      years: w.years.map((y) => y.year),
      invoices: w.invoices,
      lines: coarsenPatientLines(w.lines, p.suppressionThreshold ?? 5),
      totals: w.years,
      byMunicipality: w.byMunicipality,
      unpriced: w.unpriced.length
        ? {
            count: w.unpriced.length,
            years: unpricedYears,
            message: `${w.unpriced.length} uppdrag (${unpricedYears.join(", ")}) kan inte prissättas: prisindex saknas för att räkna fram timpriset det året. Lägg till värdet i prisindex.csv.`
          }
        : null,
      note: jobs.length ? null : `Det finns inga uppdrag för ${county.name} i insatser.csv: ingen inhyrd personal och inga syn- eller hörselombud att fakturera.`
    };
  });
  const rateList = defs.map((d) => `${d.label} ${formatKronor(d.baseRateOre, {ore: d.baseRateOre % 100 !== 0})} per ${d.startedHour ? "påbörjad timme" : "timme"} (${d.baseYear}), ${d.index}`).join("; ");
  return {
    dataset: p.dataset,
    agreement: {
      countyCode: p.medtech.countyCode,
      countyName: agreementCounty?.name ?? `län ${p.medtech.countyCode}`,
      regionName: agreementCounty?.region ?? "",
      validFrom: p.agreement.validFrom,
      validTo: p.agreement.validTo,
      prolongYears: p.agreement.prolongYears
    },
    rates: defs,
    years,
    table,
    series: input.series,
    work,
    method: {
      rates:
        `Avtalets belopp (${rateList}) räknas om varje år med sitt index: timpriset år Å = basårets belopp × (1 + förändringen/100) för varje steg från basåret till Å, där steget till år Å använder indexets förändring året före (Å − 1); ` +
        `åren före basåret räknas bakåt genom att dela med samma faktorer. Eftersläpningen ett år beror på att VPI och OPI publiceras i december. ` +
        `Hela kedjan räknas exakt och avrundas en gång till hela kronor. Av varje års indexvärde används den senaste utgåvan; ett timpris som bygger på en prognos är märkt prognos.`,
      work:
        "Varje uppdrag avrundas uppåt till påbörjade timmar för sig och prissätts med timpriset för uppdragets år (inhyrd personal med VPI-taxan, syn- och hörselombud med OPI-taxan). " +
        "Fakturan är per månad, kommun, typ och riktning: den part som utförde arbetet fakturerar den andra. Syn- och hörselombud faktureras var för sig till syncentralen och hörselcentralen. Summorna per år är summor av fakturorna. " +
        `Syn- och hörselombudens uppdrag gäller enskilda patienter: där en kommun har färre än ${p.suppressionThreshold ?? 5} sådana uppdrag under en månad visas de som en rad för månaden, utan datum (beloppen är exakta). Se sidan Sekretess och röjandekontroll.`,
      startedHour: "Per påbörjad timme: varje påbörjad timme debiteras som en hel timme (0,25 h → 1 h, 2,01 h → 3 h), uppdrag för uppdrag.",
      dayNight: rule
        ? `Dag och kväll/natt (avtalat): inhyrd personal ersätts dagtid ${rule.dayStart.replace(":", ".")}–${rule.dayEnd.replace(":", ".")}; ` +
          `kvällar och nätter (${rule.dayEnd.replace(":", ".")}–${rule.dayStart.replace(":", ".")}) arbetar kommunens sjuksköterskor i regionens primärvård ${rule.nightPaid ? "mot ersättning" : "utan ersättning"}. ` +
          `En rad i insatser.csv med start och slut delas efter klockslagen: timmarna fördelas i samma proportion som tiden på dagen, kvälls- och nattdelen visas som obetald, och regeln om påbörjad timme gäller dagdelen av uppdraget. ` +
          `En rad utan klockslag faktureras som dagtid, som tidigare (antagande: raden kan inte delas).`
        : ""
    }
  };
}

export async function ratesReport(wh: Warehouse): Promise<RatesReport> {
  return buildRatesReport(await readRatesInputs(wh));
}
