/**
 * Medicinteknik (page /medicinteknik and `npx samverkan mt-faktura`): reads the MT inventory and jobs
 * once and shapes, for the county of the MT agreement (the agreement file with medtech), the
 * registered devices per municipality at every half-year end, the fixed part of every half-year
 * (invoiced in advance on the count at the end of the previous half-year), the monthly variable
 * invoices, and the totals per year. All money comes from loaders/models/medtech-invoice.ts at the
 * rates of loaders/models/hourly-rates.ts; the page and the CLI show the same figures because both come
 * from here. JSON only: integer öre, exact decimals as text, no BigInt, no Ratio.
 */
import type {Warehouse} from "../warehouse.ts";
import type {Parameters} from "../schemas/parameters.ts";
import {provenanceOf, type Agreement, type Provenance} from "../agreements.ts";
import {queryRows} from "../ingest/sql.ts";
import {dec, toFixed, type Ratio} from "../models/exact.ts";
import {kronorToOre, type Ore} from "../models/money.ts";
import {decimalText} from "../models/hourly-rates.ts";
import {
  SHARE_METHOD,
  deviceCountsAt,
  fixedPart,
  halfYearDates,
  halfYearMonths,
  periodForBasisDate,
  variableInvoices,
  type DeviceCountRow,
  type DeviceRow,
  type FixedPartCosts,
  type MedtechJob,
  type VariableInvoiceRow,
  type VariableLine,
  type VariableYearRow
} from "../models/medtech-invoice.ts";
import {formatInteger} from "../format.ts";
import {rateDefinitions, rateYear, readAreas, readIndexSeries, type IndexRow, type RateDefinition, type RateYear} from "./rates.ts";

// ---------------------------------------------------------------------------------------------------
// Inputs

/**
 * medtech in parametrar.json, with the optional explicit unit costs (kronor per year, exact decimal
 * text) that replace "resource need × hourly rate" when both are set.
 */
export type MedtechParameters = Parameters["medtech"] & {baseCostPerYear?: string; costPerDevicePerYear?: string};

export interface MedtechInputs {
  parameters: {dataset: Parameters["dataset"]; medtech: MedtechParameters; rates: Parameters["rates"]};
  counties: {code: string; name: string; region: string}[];
  municipalities: {code: string; name: string; countyCode: string}[];
  counts: (DeviceCountRow & {line: number})[];
  devices: DeviceRow[];
  jobs: (MedtechJob & {line: number})[];
  series: IndexRow[];
  /** The agreement that holds the MT figures (for the fixed part's kind); absent in hand-made inputs. */
  agreement?: Agreement;
}

export async function readMedtechInputs(wh: Warehouse): Promise<MedtechInputs> {
  const p = wh.parameters;
  const c = wh.connection;
  const counts = await queryRows<{line: string; code: string; date: string; devices: string}>(
    c,
    `SELECT line, municipality_code AS code, CAST(date AS VARCHAR) AS date, devices FROM device_counts ORDER BY 2, 3`
  );
  const devices = await queryRows<{id: string; code: string; registered: string; decommissioned: string | null}>(
    c,
    `SELECT device_id AS id, municipality_code AS code, CAST(registered AS VARCHAR) AS registered, CAST(decommissioned AS VARCHAR) AS decommissioned FROM devices ORDER BY 2, 1`
  );
  const jobs = await queryRows<{line: string; code: string; date: string; hours: string; travel: string; parts: string}>(
    c,
    `SELECT line, municipality_code AS code, CAST(date AS VARCHAR) AS date, CAST(hours AS VARCHAR) AS hours,
            CAST(round(travel * 100) AS BIGINT) AS travel, CAST(round(parts * 100) AS BIGINT) AS parts
     FROM medtech_jobs ORDER BY date, municipality_code, line`
  );
  const defs = rateDefinitions(p);
  return {
    parameters: {dataset: p.dataset, medtech: p.medtech as MedtechParameters, rates: p.rates},
    ...(await readAreas(wh)),
    counts: counts.map((r) => ({line: Number(r.line), municipalityCode: r.code, date: r.date, devices: Number(r.devices)})),
    devices: devices.map((d) => ({deviceId: d.id, municipalityCode: d.code, registered: d.registered, decommissioned: d.decommissioned})),
    jobs: jobs.map((j) => ({line: Number(j.line), municipalityCode: j.code, date: j.date, hours: decimalText(dec(j.hours)), travelOre: Number(j.travel), partsOre: Number(j.parts)})),
    series: await readIndexSeries(wh, [defs.find((d) => d.key === "medtech")!.index]),
    ...(() => {
      const a = (wh.agreements ?? []).find((x) => x.countyCode === p.medtech.countyCode && x.medtech) ?? (wh.agreements ?? []).find((x) => x.medtech);
      return a ? {agreement: a} : {};
    })()
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

export interface SnapshotRow {
  municipalityCode: string;
  devices: number;
  /** "antal": a count row of mt-enheter.csv; "produkter": counted from mt-utrustning.csv. */
  source: "antal" | "produkter";
  countDate: string | null;
  /** The count is an older extract carried forward to this date. */
  stale: boolean;
}

export interface Snapshot {
  date: string;
  /** The half-year whose fixed part is based on this count (invoiced in advance). */
  invoicedPeriod: string;
  total: number;
  counts: SnapshotRow[];
  /** Municipalities of the county with no count on or before the date (left out, never 0). */
  missing: string[];
}

export interface FixedRow {
  municipalityCode: string;
  devices: number;
  /** Display percent, one decimal, largest remainder (adds to 100.0): "41.3". */
  percent: string;
  percentTenths: number;
  /** The exact share as decimal text, 6 decimals (display; the money used the exact fraction). */
  share: string;
  amountOre: Ore;
  stale: boolean;
}

export interface FixedPeriod {
  period: string;
  basisDate: string;
  /** The six months the invoice covers. */
  months: string[];
  rateYear: number;
  /** The hourly rate used (null with explicit unit costs). */
  rateOre: Ore | null;
  rateForecast: boolean;
  devices: number;
  /** Resource need per year, exact decimal text ("224.6"); null with explicit unit costs. */
  hoursPerYear: string | null;
  /** Exact yearly cost and its half, kronor as decimal text ("252225.8", "126112.9"). */
  yearlyKronor: string;
  halfYearKronor: string;
  totalOre: Ore;
  rows: FixedRow[];
  /** Sum of the rows: equals totalOre (checked here, shown on the page). */
  sumOre: Ore;
  addsUp: boolean;
  missing: string[];
  method: string;
}

export interface YearTotalRow {
  municipalityCode: string | null;
  fixedH1Ore: Ore | null;
  fixedH2Ore: Ore | null;
  /** Sum of the half-years present. */
  fixedOre: Ore;
  /** null: no job data for the year (unknown, not 0). */
  variableOre: Ore | null;
  totalOre: Ore;
}

export interface YearTotal {
  year: number;
  /** Both half-years' fixed part and the year's jobs are in the data. */
  complete: boolean;
  fixedPeriods: string[];
  hasJobs: boolean;
  rows: YearTotalRow[];
  county: YearTotalRow;
  note: string | null;
}

export interface CountyStatus {
  code: string;
  name: string;
  /** This is the county of the MT agreement (medtech.countyCode). */
  agreement: boolean;
  /** Rows of each file for this county's municipalities. */
  rows: {counts: number; devices: number; jobs: number};
  note: string | null;
}

export interface MedtechReport {
  dataset: Parameters["dataset"];
  countyCode: string;
  countyName: string;
  regionName: string;
  municipalities: {code: string; name: string}[];
  counties: CountyStatus[];
  parameters: {
    baseHoursPerYear: string;
    minutesPerDevice: string;
    unitCosts: {baseCostPerYearOre: Ore; costPerDevicePerYearOre: Ore} | null;
    rate: RateDefinition;
    /** How the fixed part is priced, with its kind: the agreement states the resource need, not the price (antagande). */
    fixedPricing: (Provenance & {text: string}) | null;
  };
  sources: {counts: number; devices: number; jobs: number};
  snapshots: Snapshot[];
  /** The MT rate per year used by a fixed period or a job. */
  rates: RateYear[];
  fixed: FixedPeriod[];
  fixedErrors: {period: string; message: string}[];
  variable: {
    rows: VariableInvoiceRow[];
    lines: (VariableLine & {line: number})[];
    byYear: VariableYearRow[];
    years: VariableYearRow[];
    /** Months with jobs in the data. */
    months: string[];
    method: string;
    errors: string[];
  };
  totals: YearTotal[];
  method: {counts: string; shares: string; fixed: string; variable: string; totals: string};
}

const shareText = (r: Ratio) => toFixed(r, 6);

export function buildMedtechReport(input: MedtechInputs): MedtechReport {
  const p = input.parameters;
  const mt = p.medtech;
  const county = input.counties.find((c) => c.code === mt.countyCode);
  const countyName = county?.name ?? `län ${mt.countyCode}`;
  const municipalities = input.municipalities.filter((m) => m.countyCode === mt.countyCode).map((m) => ({code: m.code, name: m.name}));
  const codes = new Set(municipalities.map((m) => m.code));
  const countyOf = new Map(input.municipalities.map((m) => [m.code, m.countyCode]));
  const def = rateDefinitions(p).find((d) => d.key === "medtech")!;

  // Other counties: no MT agreement, say so (and how many rows of theirs are left out).
  const counties: CountyStatus[] = input.counties.map((c) => {
    const inCounty = (code: string) => countyOf.get(code) === c.code;
    const rows = {
      counts: input.counts.filter((r) => inCounty(r.municipalityCode)).length,
      devices: input.devices.filter((r) => inCounty(r.municipalityCode)).length,
      jobs: input.jobs.filter((r) => inCounty(r.municipalityCode)).length
    };
    const agreement = c.code === mt.countyCode;
    const any = rows.counts + rows.devices + rows.jobs;
    let note: string | null = null;
    if (!agreement) {
      note =
        `Det finns inga MT-fakturor för ${c.name}: avtalets medicintekniska support gäller ${countyName} (avtalsfilen för län ${mt.countyCode}, se Avtalen).` +
        (any ? ` Underlaget har ${formatInteger(any)} rader för ${c.name} (mt-enheter.csv, mt-utrustning.csv, mt-uppdrag.csv) som inte används.` : ` Underlaget har inga MT-uppgifter för ${c.name}.`);
    } else if (!any) {
      note = `Det finns inga MT-uppgifter för ${c.name}: mt-enheter.csv, mt-utrustning.csv och mt-uppdrag.csv saknas eller har inga rader för länets kommuner.`;
    }
    return {code: c.code, name: c.name, agreement, rows, note};
  });

  const counts = input.counts.filter((r) => codes.has(r.municipalityCode));
  const devices = input.devices.filter((r) => codes.has(r.municipalityCode));
  const jobs = input.jobs.filter((r) => codes.has(r.municipalityCode));

  // Half-year ends from the first to the last date in the inventory data.
  const dates = [
    ...counts.map((r) => r.date),
    ...devices.map((d) => d.registered),
    ...devices.flatMap((d) => (d.decommissioned ? [d.decommissioned] : []))
  ].sort();
  const snapshotDates = dates.length
    ? halfYearDates(Number(dates[0].slice(0, 4)), Number(dates.at(-1)!.slice(0, 4))).filter((d) => d >= firstHalfYearEnd(dates[0]) && d <= dates.at(-1)!)
    : [];
  const snapshots: Snapshot[] = deviceCountsAt(snapshotDates, {counts, devices})
    .map((s) => ({
      date: s.date,
      invoicedPeriod: periodForBasisDate(s.date),
      total: s.total,
      counts: s.counts.map((c) => ({...c, stale: c.countDate != null && c.countDate !== s.date})),
      missing: municipalities.filter((m) => !s.counts.some((c) => c.municipalityCode === m.code)).map((m) => m.code)
    }))
    .filter((s) => s.counts.length > 0);

  // The MT rate per year (the rate of the invoice's year).
  const rates = new Map<number, RateYear | null>();
  const rateOf = (year: number) => {
    if (!rates.has(year)) rates.set(year, rateYear(def, year, input.series));
    return rates.get(year)!;
  };

  const unitCosts =
    mt.baseCostPerYear != null && mt.costPerDevicePerYear != null
      ? {baseCostPerYearOre: kronorToOre(dec(mt.baseCostPerYear)), costPerDevicePerYearOre: kronorToOre(dec(mt.costPerDevicePerYear))}
      : null;

  const fixedPricing = input.agreement?.medtech
    ? (() => {
        const prov = provenanceOf(input.agreement!, "medtech.fixedPartPricing");
        const text =
          prov.kind === "antagande"
            ? `Priset för fasta delen är ett antagande, inte avtalets: avtalet anger resursbehovet (${mt.baseHoursPerYear.replace(".", ",")} timmar per år + ${mt.minutesPerDevice.replace(".", ",")} minuter per produkt) men inte priset. ${unitCosts ? "Här används en grundkostnad och en kostnad per produkt." : "Här används rörliga delens timpris."}`
            : `Priset för fasta delen: ${prov.source}.`;
        return {...prov, text};
      })()
    : null;
  const fixed: FixedPeriod[] = [];
  const fixedErrors: {period: string; message: string}[] = [];
  for (const s of snapshots) {
    const period = s.invoicedPeriod;
    const year = Number(period.slice(0, 4));
    if (s.total <= 0) {
      fixedErrors.push({period, message: `Fast del ${period} kan inte räknas: inga registrerade produkter ${s.date}.`});
      continue;
    }
    let costs: FixedPartCosts;
    let rate: RateYear | null = null;
    if (unitCosts) {
      costs = {baseCostPerYear: unitCosts.baseCostPerYearOre, costPerDevicePerYear: unitCosts.costPerDevicePerYearOre};
    } else {
      rate = rateOf(year);
      if (!rate) {
        fixedErrors.push({period, message: `Fast del ${period} kan inte räknas: timpriset för ${year} saknas (${def.index} ${year - def.lag} finns inte i prisindex.csv).`});
        continue;
      }
      costs = {hourlyRate: rate.rateOre, baseHours: mt.baseHoursPerYear, minutesPerDevice: mt.minutesPerDevice};
    }
    const f = fixedPart(period, s, costs);
    const stale = new Set(s.counts.filter((c) => c.stale).map((c) => c.municipalityCode));
    const rows: FixedRow[] = f.rows.map((r) => ({
      municipalityCode: r.municipalityCode,
      devices: r.devices,
      percent: r.percent,
      percentTenths: r.percentTenths,
      share: shareText(r.share),
      amountOre: r.amountOre,
      stale: stale.has(r.municipalityCode)
    }));
    const sumOre = rows.reduce((t, r) => t + r.amountOre, 0);
    const rateText = rate ? ` Timpris: ${rate.method}` : "";
    fixed.push({
      period,
      basisDate: f.basisDate,
      months: halfYearMonths(period),
      rateYear: year,
      rateOre: rate?.rateOre ?? null,
      rateForecast: rate?.forecast ?? false,
      devices: f.devices,
      hoursPerYear: f.hoursPerYear ? decimalText(f.hoursPerYear) : null,
      yearlyKronor: decimalText(f.yearlyKronor),
      halfYearKronor: decimalText(f.halfYearKronor),
      totalOre: f.totalOre,
      rows,
      sumOre,
      addsUp: sumOre === f.totalOre,
      missing: s.missing,
      method: f.method + rateText
    });
  }

  // Variable part: jobs of years with a rate.
  const jobYears = [...new Set(jobs.map((j) => Number(j.date.slice(0, 4))))].sort((a, b) => a - b);
  const unpriced = jobYears.filter((y) => !rateOf(y));
  const priced = jobs.filter((j) => !unpriced.includes(Number(j.date.slice(0, 4))));
  const v = variableInvoices(priced, (y) => rateOf(y)!.rateOre, {startedHours: def.startedHour});
  const variableErrors = unpriced.map(
    (y) => `${formatInteger(jobs.filter((j) => j.date.startsWith(`${y}-`)).length)} uppdrag ${y} kan inte faktureras: timpriset för ${y} saknas (${def.index} ${y - def.lag} finns inte i prisindex.csv).`
  );
  const months = [...new Set(v.rows.map((r) => r.month))].sort();

  // Totals per year: the fixed part of both half-years and the year's variable invoices.
  const years = [...new Set([...fixed.map((f) => f.rateYear), ...v.years.map((y) => y.year)])].sort((a, b) => a - b);
  const totals: YearTotal[] = years.map((year) => {
    const h1 = fixed.find((f) => f.period === `${year}H1`) ?? null;
    const h2 = fixed.find((f) => f.period === `${year}H2`) ?? null;
    const hasJobs = v.years.some((y) => y.year === year);
    const row = (code: string): YearTotalRow => {
      const a = h1 ? h1.rows.find((r) => r.municipalityCode === code)?.amountOre ?? 0 : null;
      const b = h2 ? h2.rows.find((r) => r.municipalityCode === code)?.amountOre ?? 0 : null;
      const variable = hasJobs ? v.byYear.find((y) => y.year === year && y.municipalityCode === code)?.totalOre ?? 0 : null;
      const fixedOre = (a ?? 0) + (b ?? 0);
      return {municipalityCode: code, fixedH1Ore: a, fixedH2Ore: b, fixedOre, variableOre: variable, totalOre: fixedOre + (variable ?? 0)};
    };
    const rows = municipalities.map((m) => row(m.code));
    const add = (get: (r: YearTotalRow) => Ore | null) => (rows.every((r) => get(r) == null) ? null : rows.reduce((t, r) => t + (get(r) ?? 0), 0));
    const countyRow: YearTotalRow = {
      municipalityCode: null,
      fixedH1Ore: add((r) => r.fixedH1Ore),
      fixedH2Ore: add((r) => r.fixedH2Ore),
      fixedOre: rows.reduce((t, r) => t + r.fixedOre, 0),
      variableOre: add((r) => r.variableOre),
      totalOre: rows.reduce((t, r) => t + r.totalOre, 0)
    };
    const missingParts = [!h1 ? "fast del första halvåret" : null, !h2 ? "fast del andra halvåret" : null, !hasJobs ? "rörlig del (inga uppdrag i mt-uppdrag.csv)" : null].filter(Boolean) as string[];
    return {
      year,
      complete: missingParts.length === 0,
      fixedPeriods: [h1?.period, h2?.period].filter(Boolean) as string[],
      hasJobs,
      rows,
      county: countyRow,
      note: missingParts.length ? `${year} saknar ${joinList(missingParts)}: summan är bara det som finns i underlaget.` : null
    };
  });

  const usedRates = [...rates.values()].filter((r): r is RateYear => r != null).sort((a, b) => a.year - b.year);
  const sources = {counts: counts.length, devices: devices.length, jobs: jobs.length};
  const hours = (t: string) => t.replace(".", ",");
  return {
    dataset: p.dataset,
    countyCode: mt.countyCode,
    countyName,
    regionName: county?.region ?? "",
    municipalities,
    counties,
    parameters: {baseHoursPerYear: mt.baseHoursPerYear, minutesPerDevice: mt.minutesPerDevice, unitCosts, rate: def, fixedPricing},
    sources,
    snapshots,
    rates: usedRates,
    fixed,
    fixedErrors,
    variable: {rows: v.rows, lines: v.lines, byYear: v.byYear, years: v.years, months, method: v.method, errors: variableErrors},
    totals,
    method: {
      counts:
        "Antalet registrerade kommunägda produkter vid varje halvårsskifte (30 juni och 31 december). " +
        (sources.counts ? "Från mt-enheter.csv: kommunens senaste uttag på eller före dagen; ett äldre uttag som förs vidare är märkt. " : "") +
        (sources.devices ? "Från mt-utrustning.csv: en produkt räknas om den är registrerad på eller före dagen och inte avregistrerad på eller före dagen. " : "") +
        "En kommun utan uttag räknas inte som 0 utan redovisas som saknad.",
      shares: SHARE_METHOD,
      fixed: unitCosts
        ? "Fast del per halvår, fakturerad i förskott: grundkostnad per år + kostnad per registrerad produkt och år (avtalsfilen), hälften per halvår, avrundat en gång till hela kronor och fördelat efter andel produkter vid förra halvårsskiftet med största-restmetoden." +
          (fixedPricing ? ` ${fixedPricing.text}` : "")
        : `Fast del per halvår, fakturerad i förskott: resursbehovet ${hours(mt.baseHoursPerYear)} timmar per år + ${hours(mt.minutesPerDevice)} minuter per registrerad produkt, gånger årets timpris för medicinteknisk support (${def.index}-uppräknat), ` +
          "hälften per halvår, avrundat en gång till hela kronor och fördelat efter andel produkter vid förra halvårsskiftet (2025H2 bygger på 30 juni 2025) med största-restmetoden, så att delarna summerar exakt." +
          (fixedPricing ? ` ${fixedPricing.text}` : ""),
      variable: v.method,
      totals: "Totalt per år = fast del för årets två halvår (fakturerade i förskott) + rörlig del för årets uppdrag. Länets summa är summan av kommunerna."
    }
  };
}

/** The first half-year end on or after a date. */
function firstHalfYearEnd(date: string): string {
  const y = date.slice(0, 4);
  return date <= `${y}-06-30` ? `${y}-06-30` : `${y}-12-31`;
}

const joinList = (xs: readonly string[]) => (xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} och ${xs.at(-1)}`);

export async function medtechReport(wh: Warehouse): Promise<MedtechReport> {
  return buildMedtechReport(await readMedtechInputs(wh));
}

// ---------------------------------------------------------------------------------------------------
// One half-year's invoices (the CLI, and the page's "invoices of the half-year")

export interface PeriodInvoices {
  period: string;
  months: string[];
  fixed: FixedPeriod;
  /** The variable invoices of the half-year's months. */
  variable: VariableInvoiceRow[];
  lines: (VariableLine & {line: number})[];
  /** Per municipality: the fixed part, the variable invoices of the months, and both. */
  perMunicipality: {municipalityCode: string; fixedOre: Ore; variableOre: Ore; totalOre: Ore}[];
  county: {fixedOre: Ore; variableOre: Ore; totalOre: Ore};
  /** The months of the period with no job data at all (their variable part is unknown). */
  monthsWithoutData: string[];
}

export function periodInvoices(report: MedtechReport, period: string): PeriodInvoices | {error: string} {
  if (!/^\d{4}H[12]$/.test(period)) return {error: `--period ska vara ett halvår, t.ex. 2025H2 (fick "${period}").`};
  const fixed = report.fixed.find((f) => f.period === period);
  if (!fixed) {
    const err = report.fixedErrors.find((e) => e.period === period);
    if (err) return {error: err.message};
    const list = report.fixed.map((f) => f.period);
    return {
      error: list.length
        ? `Det finns inget antal produkter att fakturera ${period} på (fast del i förskott, antalet vid förra halvårsskiftet). Halvår med underlag i ${report.countyName}: ${list[0]}–${list.at(-1)}.`
        : `Det finns inga MT-uppgifter för ${report.countyName}.`
    };
  }
  const months = fixed.months;
  const variable = report.variable.rows.filter((r) => months.includes(r.month));
  const lines = report.variable.lines.filter((l) => months.includes(l.month));
  const perMunicipality = report.municipalities.map((m) => {
    const fixedOre = fixed.rows.find((r) => r.municipalityCode === m.code)?.amountOre ?? 0;
    const variableOre = variable.filter((r) => r.municipalityCode === m.code).reduce((s, r) => s + r.totalOre, 0);
    return {municipalityCode: m.code, fixedOre, variableOre, totalOre: fixedOre + variableOre};
  });
  const sum = (get: (r: (typeof perMunicipality)[number]) => Ore) => perMunicipality.reduce((s, r) => s + get(r), 0);
  const knownYears = new Set(report.variable.years.map((y) => y.year));
  return {
    period,
    months,
    fixed,
    variable,
    lines,
    perMunicipality,
    county: {fixedOre: sum((r) => r.fixedOre), variableOre: sum((r) => r.variableOre), totalOre: sum((r) => r.totalOre)},
    monthsWithoutData: months.filter((m) => !knownYears.has(Number(m.slice(0, 4))) || m > (report.variable.months.at(-1) ?? ""))
  };
}
