/**
 * Medicinteknisk support (överenskommelsen 2026–2027, bilaga MT): the fixed part, invoiced half-yearly in
 * advance and distributed by the municipalities' share of registered devices, and the variable part,
 * invoiced monthly per job (hours × rate + travel + consumables and spare parts).
 */
import {type Ratio, dec, ratio, add, mul, div, roundHalfAway, toNumber} from "./exact.ts";
import {type Ore, largestRemainder, distributeKronor, roundToKronor} from "./money.ts";
import {startedHours, decimalText, type InvoiceSums} from "./hourly-rates.ts";
import {formatDecimal, formatInteger, formatKronor} from "../format.ts";

// ---------------------------------------------------------------------------------------------------
// Device counts

export interface DeviceCountRow {
  municipalityCode: string;
  /** ISO date of the extract from MT's inventory database. */
  date: string;
  devices: number;
}

export interface DeviceRow {
  deviceId: string;
  municipalityCode: string;
  registered: string;
  decommissioned: string | null;
}

export interface DeviceCount {
  municipalityCode: string;
  devices: number;
}

export interface MunicipalityDeviceCount extends DeviceCount {
  /** "antal": a count row (mt-enheter.csv); "produkter": counted from device rows (mt-utrustning.csv). */
  source: "antal" | "produkter";
  /** The date of the count row used (on or before the snapshot date); null for device rows. */
  countDate: string | null;
}

export interface DeviceCountSnapshot {
  date: string;
  /** Sorted by municipality code. */
  counts: MunicipalityDeviceCount[];
  total: number;
}

/**
 * Registered devices per municipality at each date.
 *
 * - Count rows: the latest count on or before the date (an older extract carries forward; `countDate`
 *   says which one, so a page can flag a stale count). A municipality with no count on or before the
 *   date is left out, not shown as 0.
 * - Device rows: a device counts if registered on or before the date and NOT decommissioned on or
 *   before it. Boundary: a device decommissioned on the date itself is not counted (the extract is the
 *   state at the end of that day); one registered on the date is. Every municipality with device rows is
 *   listed, with 0 if it owns none at the date (the database is complete, so 0 is a fact).
 * - Both given: a municipality's count row wins when it has one on or before the date (as with
 *   kostnader.csv over ledger lines, the aggregated extract is what was invoiced); device rows fill in
 *   for the others.
 */
export function deviceCountsAt(
  dates: readonly string[],
  input: {counts?: readonly DeviceCountRow[]; devices?: readonly DeviceRow[]}
): DeviceCountSnapshot[] {
  const countsByMunicipality = new Map<string, DeviceCountRow[]>();
  for (const row of input.counts ?? []) {
    const list = countsByMunicipality.get(row.municipalityCode) ?? [];
    list.push(row);
    countsByMunicipality.set(row.municipalityCode, list);
  }
  const deviceMunicipalities = new Set((input.devices ?? []).map((d) => d.municipalityCode));
  return dates.map((date) => {
    const out = new Map<string, MunicipalityDeviceCount>();
    for (const [code, rows] of countsByMunicipality) {
      let best: DeviceCountRow | undefined;
      for (const r of rows) if (r.date <= date && (!best || r.date > best.date)) best = r;
      if (best) out.set(code, {municipalityCode: code, devices: best.devices, source: "antal", countDate: best.date});
    }
    for (const code of deviceMunicipalities) {
      if (!out.has(code)) out.set(code, {municipalityCode: code, devices: 0, source: "produkter", countDate: null});
    }
    for (const d of input.devices ?? []) {
      const row = out.get(d.municipalityCode)!;
      if (row.source !== "produkter") continue;
      if (d.registered <= date && (d.decommissioned == null || d.decommissioned > date)) row.devices++;
    }
    const counts = [...out.values()].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode));
    return {date, counts, total: counts.reduce((s, c) => s + c.devices, 0)};
  });
}

// ---------------------------------------------------------------------------------------------------
// Half-years

const PERIOD = /^(\d{4})H([12])$/;

function parsePeriod(period: string): {year: number; half: 1 | 2} {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`inte ett halvår: ${period} (skriv t.ex. 2025H2)`);
  return {year: Number(m[1]), half: m[2] === "1" ? 1 : 2};
}

/** The half-year ends from `fromYear` to `toYear`: "YYYY-06-30", "YYYY-12-31", … */
export function halfYearDates(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(`${y}-06-30`, `${y}-12-31`);
  return out;
}

/** The half-year periods from `fromYear` to `toYear`: "2025H1", "2025H2", … */
export function halfYearPeriods(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(`${y}H1`, `${y}H2`);
  return out;
}

/** The last day of a half-year period: 2025H1 → 2025-06-30. */
export function halfYearEnd(period: string): string {
  const {year, half} = parsePeriod(period);
  return half === 1 ? `${year}-06-30` : `${year}-12-31`;
}

/**
 * The count date the fixed part of `period` is based on. The fixed part is invoiced in advance, so it
 * uses the count at the end of the PREVIOUS half-year: 2025H2 → 2025-06-30 (the DOMAIN table),
 * 2026H1 → 2025-12-31.
 */
export function fixedPartBasisDate(period: string): string {
  const {year, half} = parsePeriod(period);
  return half === 1 ? `${year - 1}-12-31` : `${year}-06-30`;
}

/** The inverse of fixedPartBasisDate: the half-year invoiced on a count date (2025-06-30 → 2025H2, 2025-12-31 → 2026H1). */
export function periodForBasisDate(date: string): string {
  const m = /^(\d{4})-(06-30|12-31)$/.exec(date);
  if (!m) throw new RangeError(`inte ett halvårsskifte: ${date} (30 juni eller 31 december)`);
  return m[2] === "06-30" ? `${m[1]}H2` : `${Number(m[1]) + 1}H1`;
}

/** The months of a half-year period: 2025H2 → 2025-07 … 2025-12. */
export function halfYearMonths(period: string): string[] {
  const {year, half} = parsePeriod(period);
  return Array.from({length: 6}, (_, i) => `${year}-${String(i + 1 + (half - 1) * 6).padStart(2, "0")}`);
}

// ---------------------------------------------------------------------------------------------------
// Shares

export interface DeviceShare extends DeviceCount {
  /** Exact share of all devices: use this in money arithmetic. */
  share: Ratio;
  /** Display percent in tenths (54 = 5.4 %), largest remainder so that the column adds to 1 000. */
  percentTenths: number;
  /** Display percent as decimal text with "." ("5.4"); format with sv-SE on the page. */
  percent: string;
}

export const SHARE_METHOD =
  "Andel = kommunens registrerade produkter / alla kommunägda registrerade produkter. " +
  "Procenten visas med en decimal och är avrundade med största-restmetoden, så att kolumnen summerar till 100,0 %; " +
  "fördelningen av beloppen använder den exakta andelen.";

/**
 * Each municipality's share of the devices: exact, plus a display percent to one decimal made to add up
 * to 100.0 by largest remainder (Hamilton) on tenths of a percent. Rows keep the input order.
 */
export function deviceShares(counts: readonly DeviceCount[]): {rows: DeviceShare[]; total: number; method: string} {
  const total = counts.reduce((s, c) => s + c.devices, 0);
  if (total <= 0) throw new RangeError("Inga registrerade produkter: andelarna kan inte räknas.");
  const weights = counts.map((c) => ratio(BigInt(c.devices)));
  const tenths = largestRemainder(1000n, weights);
  const rows = counts.map((c, i) => ({
    municipalityCode: c.municipalityCode,
    devices: c.devices,
    share: ratio(BigInt(c.devices), BigInt(total)),
    percentTenths: Number(tenths[i]),
    percent: tenthsText(tenths[i])
  }));
  return {rows, total, method: SHARE_METHOD};
}

const tenthsText = (t: bigint): string => `${t / 10n}.${t % 10n}`;

// ---------------------------------------------------------------------------------------------------
// Fixed part

/** Resource need per year: base hours + devices × minutes per device / 60 (40 + 923 × 0.2 = 224.6 h). */
export function resourceNeedHours(
  devices: number,
  {baseHours = "40", minutesPerDevice = "12"}: {baseHours?: string; minutesPerDevice?: string} = {}
): Ratio {
  return add(dec(baseHours), mul(ratio(BigInt(devices)), div(dec(minutesPerDevice), ratio(60n))));
}

/** Either an hourly rate with the resource need, or explicit unit costs per year (all money in öre). */
export type FixedPartCosts =
  | {hourlyRate: Ore; baseHours?: string; minutesPerDevice?: string}
  | {baseCostPerYear: Ore; costPerDevicePerYear: Ore};

export interface FixedPartRow extends DeviceShare {
  amountOre: Ore;
}

export interface FixedPartResult {
  period: string;
  /** The count date the invoice is based on (fixedPartBasisDate). */
  basisDate: string;
  devices: number;
  /** Resource need in hours per year (null with explicit unit costs). */
  hoursPerYear: Ratio | null;
  /** Exact yearly cost in kronor (base part + per-device part). */
  yearlyKronor: Ratio;
  /** Exact half of it, before rounding. */
  halfYearKronor: Ratio;
  /** The half-year invoice, rounded once to whole kronor, in öre. */
  totalOre: Ore;
  /** Per municipality; amountOre adds up to totalOre exactly. */
  rows: FixedPartRow[];
  method: string;
}

/**
 * The fixed part of one half-year (bilaga MT: "fast del faktureras halvårsvis i förskott"):
 * yearly cost = base hours × rate + devices × minutes per device × rate (or explicit unit costs);
 * the half-year invoice is half of it, rounded once to whole kronor, then distributed between the
 * municipalities by their device share with largest remainder in whole kronor.
 *
 * `counts` must be the snapshot at fixedPartBasisDate(period) (checked): the count at the end of the
 * previous half-year. The hourly rate is the caller's choice (normally rateForYear for the period's year).
 */
export function fixedPart(period: string, counts: {date: string; counts: readonly DeviceCount[]}, costs: FixedPartCosts): FixedPartResult {
  const basisDate = fixedPartBasisDate(period);
  if (counts.date !== basisDate) {
    throw new RangeError(`Fast del ${period} bygger på antalet ${basisDate} (förskott), inte ${counts.date}.`);
  }
  const {rows: shares, total: devices} = deviceShares(counts.counts);
  const n = ratio(BigInt(devices));
  let hoursPerYear: Ratio | null = null;
  let yearlyOre: Ratio;
  let costText: string;
  if ("hourlyRate" in costs) {
    const baseHours = costs.baseHours ?? "40";
    const minutes = costs.minutesPerDevice ?? "12";
    hoursPerYear = resourceNeedHours(devices, {baseHours, minutesPerDevice: minutes});
    yearlyOre = mul(hoursPerYear, ratio(BigInt(costs.hourlyRate)));
    costText =
      `Resursbehov ${formatDecimal(Number(baseHours), decimals(baseHours))} h + ${formatInteger(devices)} × ` +
      `${formatDecimal(Number(minutes), decimals(minutes))} min = ${formatDecimal(toNumber(hoursPerYear), decimals(decimalText(hoursPerYear)))} h per år ` +
      `à ${formatKronor(costs.hourlyRate, {ore: costs.hourlyRate % 100 !== 0})}/h = ${kr(div(yearlyOre, ratio(100n)))} per år.`;
  } else {
    yearlyOre = add(ratio(BigInt(costs.baseCostPerYear)), mul(n, ratio(BigInt(costs.costPerDevicePerYear))));
    costText =
      `Grundkostnad ${formatKronor(costs.baseCostPerYear, {ore: true})} per år + ${formatInteger(devices)} × ` +
      `${formatKronor(costs.costPerDevicePerYear, {ore: true})} per produkt och år = ${kr(div(yearlyOre, ratio(100n)))} per år.`;
  }
  const yearlyKronor = div(yearlyOre, ratio(100n));
  const halfYearKronor = div(yearlyKronor, ratio(2n));
  const totalOre = roundToKronor(halfYearKronor);
  const amounts = distributeKronor(totalOre, shares.map((s) => s.share));
  const rows = shares.map((s, i) => ({...s, amountOre: amounts[i]}));
  const method =
    `Fast del ${period} faktureras i förskott och bygger på antalet registrerade produkter ${basisDate}: ` +
    `${formatInteger(devices)} st. ${costText} Halvåret är hälften, ${kr(halfYearKronor)}, avrundat en gång till hela kronor: ` +
    `${formatKronor(totalOre)}. Beloppet fördelas mellan kommunerna efter andel produkter med största-restmetoden ` +
    `(hela kronor), så att delarna summerar exakt till totalen.`;
  return {period, basisDate, devices, hoursPerYear, yearlyKronor, halfYearKronor, totalOre, rows, method};
}

const decimals = (text: string): number => (text.includes(".") ? text.split(".")[1].length : 0);
/** Exact kronor shown with öre ("252 225,80 kr"); display only. */
const kr = (k: Ratio): string => formatKronor(Number(roundHalfAway(mul(k, ratio(100n)))), {ore: true});

// ---------------------------------------------------------------------------------------------------
// Variable part

export interface MedtechJob {
  municipalityCode: string;
  /** ISO date of the job; it is invoiced in that month. */
  date: string;
  /** Worked hours as exact decimal text ("5.75"). */
  hours: string;
  travelOre: Ore;
  partsOre: Ore;
}

export interface VariableTotals extends InvoiceSums {
  jobs: number;
}

export interface VariableInvoiceRow extends VariableTotals {
  /** Invoice month "YYYY-MM". */
  month: string;
  municipalityCode: string;
  rateOre: Ore;
}

/** One job as an invoice line: its billed hours and labour at the rate of its year. */
export type VariableLine<J extends MedtechJob = MedtechJob> = J & {
  month: string;
  rateOre: Ore;
  /** Billed hours, exact decimal text. */
  billedHours: string;
  labourOre: Ore;
  totalOre: Ore;
};

export interface VariableYearRow extends VariableTotals {
  year: number;
  /** null in `years`: all municipalities together. */
  municipalityCode: string | null;
}

export const VARIABLE_METHOD =
  "Rörlig del faktureras månadsvis till den kommun som beställt uppdraget: timmar × timpris för uppdragets år " +
  "(arbetskostnaden avrundas till hela ören per uppdrag, så att fakturaraderna summerar till fakturan), " +
  "plus resekostnad och förbrukning/reservdelar.";

/**
 * Monthly invoices of the variable part per municipality, with totals per year (per municipality and for
 * all). Each job's labour = hours × the rate of the job's year, rounded half away to whole öre on its own
 * (the job is the invoice line); month and year totals are sums of those lines, so they add up exactly.
 * With `startedHours: true` each job's hours are first rounded up to whole hours (the MT rate is per
 * worked hour by default, as in parametrar.json).
 */
export function variableInvoices<J extends MedtechJob>(
  jobs: readonly J[],
  rateForYear: (year: number) => Ore,
  {startedHours: billStarted = false}: {startedHours?: boolean} = {}
): {rows: VariableInvoiceRow[]; byYear: VariableYearRow[]; years: VariableYearRow[]; lines: VariableLine<J>[]; method: string} {
  const rates = new Map<number, Ore>();
  const rateOf = (year: number): Ore => {
    if (!rates.has(year)) {
      const r = rateForYear(year);
      if (!Number.isInteger(r)) throw new RangeError(`timpriset för ${year} ska vara hela öre`);
      rates.set(year, r);
    }
    return rates.get(year)!;
  };
  type Acc = {jobs: number; hours: Ratio; billed: Ratio; labourOre: Ore; travelOre: Ore; partsOre: Ore};
  const empty = (): Acc => ({jobs: 0, hours: ratio(0n), billed: ratio(0n), labourOre: 0, travelOre: 0, partsOre: 0});
  const months = new Map<string, Acc & {month: string; municipalityCode: string; rateOre: Ore}>();
  const byYear = new Map<string, Acc & {year: number; municipalityCode: string | null}>();
  const years = new Map<number, Acc & {year: number; municipalityCode: null}>();
  const addTo = (acc: Acc, hours: Ratio, billed: Ratio, labour: Ore, job: MedtechJob) => {
    acc.jobs++;
    acc.hours = add(acc.hours, hours);
    acc.billed = add(acc.billed, billed);
    acc.labourOre += labour;
    acc.travelOre += job.travelOre;
    acc.partsOre += job.partsOre;
  };
  const lines: VariableLine<J>[] = [];
  for (const job of jobs) {
    const month = job.date.slice(0, 7);
    const year = Number(job.date.slice(0, 4));
    const rateOre = rateOf(year);
    const hours = dec(job.hours);
    const billed = billStarted ? ratio(BigInt(startedHours(job.hours))) : hours;
    const labour = Number(roundHalfAway(mul(billed, ratio(BigInt(rateOre)))));
    lines.push({...job, month, rateOre, billedHours: decimalText(billed), labourOre: labour, totalOre: labour + job.travelOre + job.partsOre});
    const mKey = `${month}|${job.municipalityCode}`;
    if (!months.has(mKey)) months.set(mKey, {...empty(), month, municipalityCode: job.municipalityCode, rateOre});
    addTo(months.get(mKey)!, hours, billed, labour, job);
    const yKey = `${year}|${job.municipalityCode}`;
    if (!byYear.has(yKey)) byYear.set(yKey, {...empty(), year, municipalityCode: job.municipalityCode});
    addTo(byYear.get(yKey)!, hours, billed, labour, job);
    if (!years.has(year)) years.set(year, {...empty(), year, municipalityCode: null});
    addTo(years.get(year)!, hours, billed, labour, job);
  }
  const totals = (a: Acc): VariableTotals => ({
    jobs: a.jobs,
    hours: decimalText(a.hours),
    billedHours: decimalText(a.billed),
    labourOre: a.labourOre,
    travelOre: a.travelOre,
    partsOre: a.partsOre,
    totalOre: a.labourOre + a.travelOre + a.partsOre
  });
  const rows = [...months.values()]
    .map((m) => ({month: m.month, municipalityCode: m.municipalityCode, rateOre: m.rateOre, ...totals(m)}))
    .sort((a, b) => a.month.localeCompare(b.month) || a.municipalityCode.localeCompare(b.municipalityCode));
  const byYearRows = [...byYear.values()]
    .map((y) => ({year: y.year, municipalityCode: y.municipalityCode, ...totals(y)}))
    .sort((a, b) => a.year - b.year || String(a.municipalityCode).localeCompare(String(b.municipalityCode)));
  const yearRows = [...years.values()].map((y) => ({year: y.year, municipalityCode: null, ...totals(y)})).sort((a, b) => a.year - b.year);
  const method = billStarted ? `${VARIABLE_METHOD} Tiden avrundas uppåt till påbörjad timme per uppdrag.` : VARIABLE_METHOD;
  return {rows, byYear: byYearRows, years: yearRows, lines, method};
}
