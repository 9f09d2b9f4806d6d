/**
 * Agreement hourly rates (Överenskommelse hälso- och sjukvård i hemmet, Region Jämtland Härjedalen och
 * kommunerna 2026–2027): MT support, hired staff and sight/hearing representatives, uprated every year
 * by an SKR price index, and "per started hour" billing.
 *
 * Rounding decision: a year's rate is the base-year rate times the whole chain of index factors, rounded
 * ONCE to whole kronor (the agreement states every rate in whole kronor: 1 123, 640, 338 kr). Rounding
 * each year's rate before the next step would let rounding drift accumulate along the chain; going back
 * from the base year uses the inverted factors, so forward and back are the same rule.
 */
import {type Ratio, dec, ratio, mul, ceil, roundHalfAway, sum} from "./exact.ts";
import {type Ore, kronorToOre} from "./money.ts";
import {type IndexName, type IndexStep, type IndexValue, upratingSteps, upratingFactor} from "./index-uprating.ts";
import {formatDecimal, formatKronor} from "../format.ts";

export interface AgreementRate {
  /** Swedish label for pages, e.g. "Inhyrd personal". */
  label: string;
  /** The year whose price level `baseRateOre` is. */
  baseYear: number;
  /** Rate per hour in öre at the base-year level. */
  baseRateOre: Ore;
  index: IndexName;
  /** true: any part of an hour is billed as a whole hour. */
  startedHour: boolean;
}

/** The agreement's rates (DOMAIN.md): MT 1 123 kr/h, hired staff 640 kr, sight/hearing 338 kr, all 2025. */
export const agreementRates = {
  medtech: {label: "Medicinteknisk support", baseYear: 2025, baseRateOre: 112_300, index: "VPI", startedHour: false},
  hiredStaff: {label: "Inhyrd personal", baseYear: 2025, baseRateOre: 64_000, index: "VPI", startedHour: true},
  sightHearing: {label: "Syn- och hörselombud", baseYear: 2025, baseRateOre: 33_800, index: "OPI", startedHour: true}
} as const satisfies Record<string, AgreementRate>;

/** The rate object of parametrar.json (`kronor` as exact decimal text) in the model's shape. */
export function rateFromParameters(p: {label: string; baseYear: number; kronor: string; index: IndexName; startedHour?: boolean}): AgreementRate {
  return {label: p.label, baseYear: p.baseYear, baseRateOre: kronorToOre(dec(p.kronor)), index: p.index, startedHour: p.startedHour ?? true};
}

export interface RateForYear {
  year: number;
  baseYear: number;
  baseRateOre: Ore;
  index: IndexName;
  lag: number;
  rounding: "kronor" | "ore";
  /** Exact factor from the base year to `year` (below 1 going back). */
  factor: Ratio;
  /** The one index step per year between base year and `year`, in calendar order (factors not inverted). */
  steps: IndexStep[];
  /** The rate before rounding, in öre. */
  exactOre: Ratio;
  /** The rate that is invoiced, in öre (whole kronor unless rounding = "ore"). */
  rateOre: Ore;
  /** Swedish sentence showing the calculation. */
  method: string;
}

/**
 * The rate for `year`, uprated (or, before the base year, deflated) from the base year by its index.
 * lag = 1 (default): the rate for year Y uses the index change of Y − 1, since VPI and OPI are published
 * (final) in December of the year before. `asOf` picks the index editions known on that date.
 */
export function rateForYear(
  rate: Pick<AgreementRate, "baseYear" | "baseRateOre" | "index">,
  year: number,
  indexSeries: readonly IndexValue[],
  {lag = 1, asOf, rounding = "kronor"}: {lag?: number; asOf?: string; rounding?: "kronor" | "ore"} = {}
): RateForYear {
  const steps = upratingSteps(indexSeries, rate.index, rate.baseYear, year, {lag, asOf});
  const factor = upratingFactor(indexSeries, rate.index, rate.baseYear, year, {lag, asOf});
  const exactOre = mul(ratio(BigInt(rate.baseRateOre)), factor);
  const rateOre =
    rounding === "kronor" ? Number(roundHalfAway(mul(exactOre, ratio(1n, 100n)))) * 100 : Number(roundHalfAway(exactOre));
  const base = `${formatKronor(rate.baseRateOre, {ore: rate.baseRateOre % 100 !== 0})}/h (${rate.baseYear})`;
  const result = formatKronor(rateOre, {ore: rounding === "ore"});
  let method: string;
  if (year === rate.baseYear) {
    method = `${result}/h ${year} är avtalets belopp för basåret.`;
  } else {
    const op = year > rate.baseYear ? "×" : "÷";
    const chain = steps
      .map((s) => `${decimalText(s.factor).replace(".", ",")} (${rate.index} ${s.indexYear}: ${percentText(s.changePercent)} %, publicerad ${s.edition})`)
      .join(` ${op} `);
    method =
      `${result}/h ${year} = ${base} ${op} ${chain}, ` +
      `avrundat en gång till ${rounding === "kronor" ? "hela kronor" : "hela ören"}.`;
  }
  return {year, baseYear: rate.baseYear, baseRateOre: rate.baseRateOre, index: rate.index, lag, rounding, factor, steps, exactOre, rateOre, method};
}

/** "2.7" → "2,7", "-0.25" → "−0,25": the index change as published, all its decimals. */
const percentText = (text: string): string => {
  const d = decimalText(dec(text));
  return formatDecimal(Number(d), Math.max(1, d.includes(".") ? d.split(".")[1].length : 0));
};

/**
 * "Per påbörjad timme": any part of an hour is billed as a whole hour (0.25 → 1, 2.0 → 2, 2.01 → 3).
 * No time (0) bills nothing.
 */
export function startedHours(hoursText: string): number {
  const h = dec(hoursText);
  if (h.num < 0n) throw new RangeError(`negativ tid: ${hoursText}`);
  return Number(ceil(h));
}

export interface StartedHourLine {
  billedHours: number;
  amountOre: Ore;
}

/**
 * An invoice in started hours: each job's time is rounded up on its own (two jobs of 0.5 h are two
 * started hours, not one), then billed at the hourly rate in öre.
 */
export function invoiceStartedHours<J extends {hours: string}>(
  jobs: readonly J[],
  rateOre: Ore
): {rows: (J & StartedHourLine)[]; hours: string; billedHours: number; amountOre: Ore} {
  if (!Number.isInteger(rateOre)) throw new RangeError("rateOre ska vara hela öre");
  const rows = jobs.map((j) => {
    const billedHours = startedHours(j.hours);
    return {...j, billedHours, amountOre: billedHours * rateOre};
  });
  return {
    rows,
    hours: decimalText(sum(jobs.map((j) => dec(j.hours)))),
    billedHours: rows.reduce((s, r) => s + r.billedHours, 0),
    amountOre: rows.reduce((s, r) => s + r.amountOre, 0)
  };
}

/** Exact decimal text of a terminating decimal ("224.6", "3"), for hours in JSON. */
export function decimalText(r: Ratio): string {
  let digits = 0;
  let scaled = r;
  while (scaled.den !== 1n && digits < 12) {
    scaled = mul(scaled, ratio(10n));
    digits++;
  }
  const n = roundHalfAway(scaled);
  const sign = n < 0n ? "-" : "";
  const abs = (n < 0n ? -n : n).toString().padStart(digits + 1, "0");
  return digits ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
}

export interface CalculatedLine {
  /** The job's time as entered, exact decimal text. */
  hours: string;
  /** Billed hours: started hours (whole) or the time itself, exact decimal text. */
  billedHours: string;
  labourOre: Ore;
}

/** The sums of an invoice for hourly work: hours, labour at the rate, travel, parts and the total. */
export interface InvoiceSums {
  /** Worked hours, exact decimal text. */
  hours: string;
  /** Billed hours (= hours unless started hours are billed), exact decimal text. */
  billedHours: string;
  labourOre: Ore;
  travelOre: Ore;
  partsOre: Ore;
  totalOre: Ore;
}

export interface CalculatedInvoice extends InvoiceSums {
  rateOre: Ore;
  startedHour: boolean;
  lines: CalculatedLine[];
  /** Swedish sentence with the calculation. */
  method: string;
}

/**
 * One invoice from a rate and the jobs' times (the calculator on /ersattningar, and a check of any
 * invoice line): per started hour each job's time is rounded up to whole hours and billed at the rate;
 * otherwise each job's time × rate is rounded half away to whole öre on its own (as variableInvoices
 * does). Travel and consumables/parts are added as they are.
 */
export function calculateInvoice({
  rateOre,
  startedHour,
  hours,
  travelOre = 0,
  partsOre = 0
}: {
  rateOre: Ore;
  startedHour: boolean;
  hours: readonly string[];
  travelOre?: Ore;
  partsOre?: Ore;
}): CalculatedInvoice {
  if (!Number.isInteger(rateOre) || rateOre < 0) throw new RangeError("timpriset ska vara hela öre och inte negativt");
  for (const [name, v] of [["resekostnaden", travelOre], ["materialkostnaden", partsOre]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} ska vara hela öre och inte negativ`);
  }
  const lines = hours.map((text): CalculatedLine => {
    const h = dec(text);
    if (h.num < 0n) throw new RangeError(`negativ tid: ${text}`);
    if (startedHour) {
      const billed = startedHours(text);
      return {hours: decimalText(h), billedHours: String(billed), labourOre: billed * rateOre};
    }
    return {hours: decimalText(h), billedHours: decimalText(h), labourOre: Number(roundHalfAway(mul(h, ratio(BigInt(rateOre)))))};
  });
  const labourOre = lines.reduce((s, l) => s + l.labourOre, 0);
  const total = labourOre + travelOre + partsOre;
  const hoursSum = decimalText(sum(lines.map((l) => dec(l.hours))));
  const billedSum = decimalText(sum(lines.map((l) => dec(l.billedHours))));
  const kr = (ore: Ore) => formatKronor(ore, {ore: ore % 100 !== 0});
  const h = (text: string) => formatDecimal(Number(text), text.includes(".") ? text.split(".")[1].length : 0);
  const rate = `${kr(rateOre)}/h`;
  const labourText = startedHour
    ? `${lines.length} uppdrag, ${h(hoursSum)} h avrundat uppåt per uppdrag till ${h(billedSum)} påbörjade timmar × ${rate} = ${kr(labourOre)}`
    : `${lines.length} uppdrag, ${h(hoursSum)} h × ${rate} = ${kr(labourOre)} (avrundat till hela ören per uppdrag)`;
  const method = `${labourText}; resor ${kr(travelOre)}; förbrukning och reservdelar ${kr(partsOre)}; summa ${kr(total)}.`;
  return {rateOre, startedHour, lines, hours: hoursSum, billedHours: billedSum, labourOre, travelOre, partsOre, totalOre: total, method};
}
