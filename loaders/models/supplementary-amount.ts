/**
 * Tilläggsbelopp (Överenskommelse tilläggsbelopp, Region Jämtland Härjedalen och kommunerna 2026–2027):
 * the amount at 2024 level, the adjustment amount per connected person, and the yearly reconciliation
 * (steps 1–2: count the persons connected the year before, compare with the normal variation, revise
 * with the adjustment amount when outside), uprated by LPIK from 2026-01-01.
 *
 * Rounding decisions:
 * - Tilläggsbelopp: 3 × 1.5 × 47 000 × 12 × 1.4718 = 3 735 428.4, rounded half away from zero to whole
 *   kronor → 3 735 428 kr (the agreement's figure).
 * - Justeringsbelopp: the ROUNDED tilläggsbelopp divided by the base count, rounded to whole kronor:
 *   3 735 428 / 144 = 25 940.47 → 25 940 kr (the agreement divides the whole-krona amount).
 * - Uprating: each amount at 2024 level times the whole LPIK chain, rounded ONCE to whole kronor;
 *   revision = uprated adjustment amount × persons, so the final amount is whole kronor.
 */
import {type Ratio, dec, ratio, mul, div, add, ONE, toFixed} from "./exact.ts";
import {type Ore, roundToKronor, oreToKronor} from "./money.ts";
import {type IndexName, type IndexValue, upratingSteps} from "./index-uprating.ts";
import {decimalText} from "./hourly-rates.ts";
import {type BandPosition, classifyAgainstBand} from "./normal-variation.ts";
import {formatInteger, formatKronor} from "../format.ts";

export interface SupplementaryAmountInputs {
  /** Full-time posts, exact decimal text ("3"). */
  posts: string;
  /** Basic readiness as a factor ("1.5" for 150 %). */
  readinessFactor: string;
  /** Monthly salary of a district nurse in kronor ("47000"). */
  monthlySalary: string;
  months: number;
  /** PO-pålägg in percent ("47.18"). */
  payrollOverheadPercent: string;
}

export interface SupplementaryAmountBase {
  /** Exact amount in kronor before rounding (3 735 428.4). */
  exactKronor: Ratio;
  /** Exact amount as decimal text ("3735428.4"). */
  exactText: string;
  /** Rounded to whole kronor, in öre (373 542 800). */
  amountOre: Ore;
  /** Swedish sentence with the calculation. */
  method: string;
}

/** "3735428.4" → "3 735 428,4" (non-breaking spaces, U+2212 minus), all decimals kept. */
export function svDecimalText(text: string): string {
  const negative = text.startsWith("-");
  const [int, frac] = (negative ? text.slice(1) : text).split(".");
  return `${negative ? "−" : ""}${formatInteger(BigInt(int))}${frac ? `,${frac}` : ""}`;
}

const svRatio = (r: Ratio): string => svDecimalText(decimalText(r));

/** Tilläggsbeloppet at the level year: posts × readiness × monthly salary × months × (1 + PO %/100). */
export function supplementaryAmountBase(inputs: SupplementaryAmountInputs): SupplementaryAmountBase {
  const posts = dec(inputs.posts);
  const readiness = dec(inputs.readinessFactor);
  const salary = dec(inputs.monthlySalary);
  const months = dec(String(inputs.months));
  const po = add(ONE, div(dec(inputs.payrollOverheadPercent), ratio(100n)));
  const exactKronor = mul(mul(mul(mul(posts, readiness), salary), months), po);
  const amountOre = roundToKronor(exactKronor);
  const method =
    `${svRatio(posts)} tjänster × ${svRatio(readiness)} (grundberedskap) × ${svRatio(salary)} kr i månadslön × ` +
    `${svRatio(months)} månader × ${svRatio(po)} (PO-pålägg ${svRatio(dec(inputs.payrollOverheadPercent))} %) = ` +
    `${svRatio(exactKronor)} kr, avrundat till hela kronor: ${formatKronor(amountOre)}.`;
  return {exactKronor, exactText: decimalText(exactKronor), amountOre, method};
}

export interface AdjustmentAmount {
  /** Exact quotient in kronor (3 735 428 / 144). */
  exactKronor: Ratio;
  /** Rounded to whole kronor, in öre (2 594 000). */
  amountOre: Ore;
  baseCount: number;
  method: string;
}

/**
 * Justeringsbelopp: the tilläggsbelopp (whole kronor, öre or the result of supplementaryAmountBase)
 * divided by the base count of connected persons, rounded half away from zero to whole kronor.
 */
export function adjustmentAmount(base: Ore | Pick<SupplementaryAmountBase, "amountOre">, baseCount: number): AdjustmentAmount {
  if (!Number.isInteger(baseCount) || baseCount < 1) throw new RangeError(`baskantalet ska vara ett heltal ≥ 1 (fick ${baseCount})`);
  const amountOreIn = typeof base === "number" ? base : base.amountOre;
  const exactKronor = div(oreToKronor(amountOreIn), ratio(BigInt(baseCount)));
  const amountOre = roundToKronor(exactKronor);
  const method =
    `${formatKronor(amountOreIn, {ore: amountOreIn % 100 !== 0})} / ${formatInteger(baseCount)} anslutna personer = ` +
    `${svDecimalText(toFixed(exactKronor, 2))} kr, avrundat till hela kronor: ${formatKronor(amountOre)} per person.`;
  return {exactKronor, amountOre, baseCount, method};
}

// ---------------------------------------------------------------------------------------------------
// Uprating and reconciliation

/** beyond-limit (default): persons beyond the nearest band limit; from-base: difference from the base count. */
export type Reading = "beyond-limit" | "from-base";

export interface ReconciliationAmounts {
  /** Tilläggsbelopp at the level year, whole kronor in öre (373 542 800). */
  supplementaryAmountOre: Ore;
  /** Justeringsbelopp at the level year, whole kronor in öre (2 594 000). */
  adjustmentAmountOre: Ore;
  /** The count the adjustment amount was derived from (144); the "from-base" reading counts from it. */
  baseCount: number;
}

export interface UpratingOptions {
  /** The price-index series (data/prisindex.csv); only `index` rows are used. */
  indexSeries: readonly IndexValue[];
  index?: IndexName;
  /** The year whose price level the amounts are (2024). */
  levelYear?: number;
  /** First year that is uprated (2026); earlier years use the level-year amounts (factor 1). */
  upratingFrom?: number;
  /** 0 (default): year Y's own change is part of Y's factor. */
  lag?: number;
  /** Use the index editions published on or before this ISO date (default: the newest). */
  asOf?: string;
}

export interface FactorStep {
  year: number;
  indexYear: number;
  index: IndexName;
  changePercent: string;
  edition: string;
  status?: "utfall" | "prognos";
  demo?: boolean;
  /** 1 + change/100 as exact decimal text ("1.028"). */
  factor: string;
}

export interface UpratedAmounts {
  year: number;
  levelYear: number;
  index: IndexName;
  lag: number;
  /** The chained factor with 6 decimals ("1.058840"); the amounts use the exact factor. */
  factor: string;
  factorSteps: FactorStep[];
  supplementaryAmountOre: Ore;
  adjustmentAmountOre: Ore;
}

/**
 * Both amounts uprated to `year`: for year ≥ upratingFrom the factor is the product of (1 + change/100)
 * over the index years from levelYear + 1 − lag to year − lag (lag 0: 2025…Y); before, factor 1.
 * Each amount is rounded once to whole kronor.
 */
export function upratedAmounts(
  year: number,
  amounts: Pick<ReconciliationAmounts, "supplementaryAmountOre" | "adjustmentAmountOre">,
  {indexSeries, index = "LPIK", levelYear = 2024, upratingFrom = 2026, lag = 0, asOf}: UpratingOptions
): UpratedAmounts {
  const steps = year >= upratingFrom && year > levelYear ? upratingSteps(indexSeries, index, levelYear, year, {lag, asOf}) : [];
  const factor = steps.reduce((p, s) => mul(p, s.factor), ONE);
  const factorSteps: FactorStep[] = steps.map((s) => {
    const row = indexSeries.find((v) => v.index === index && v.year === s.indexYear && v.edition === s.edition);
    return {
      year: s.year,
      indexYear: s.indexYear,
      index,
      changePercent: s.changePercent,
      edition: s.edition,
      ...(row?.status ? {status: row.status} : {}),
      ...(row?.demo ? {demo: true} : {}),
      factor: decimalText(s.factor)
    };
  });
  return {
    year,
    levelYear,
    index,
    lag,
    factor: toFixed(factor, 6),
    factorSteps,
    supplementaryAmountOre: roundToKronor(mul(oreToKronor(amounts.supplementaryAmountOre), factor)),
    adjustmentAmountOre: roundToKronor(mul(oreToKronor(amounts.adjustmentAmountOre), factor))
  };
}

export interface ReconcileOptions extends UpratingOptions {
  reading?: Reading;
}

export interface ReconciliationBand {
  lower: number;
  upper: number;
  baseFrom?: number;
  baseTo?: number;
}

export interface Reconciliation {
  /** The year the tilläggsbelopp is for (reconciled in its first quarter). */
  year: number;
  /** The year whose connected persons are counted (year − 1). */
  countYear: number;
  count: number;
  band: ReconciliationBand;
  position: BandPosition;
  reading: Reading;
  /** Swedish name of the reading, for tables and captions. */
  readingLabel: string;
  baseCount: number;
  /** Persons the revision counts: + above the band, − below, 0 inside. */
  persons: number;
  levelYear: number;
  index: IndexName;
  lag: number;
  factor: string;
  factorSteps: FactorStep[];
  /** The amounts at the level year (2024). */
  supplementaryAmountLevelOre: Ore;
  adjustmentAmountLevelOre: Ore;
  /** The amounts uprated to `year`, whole kronor. */
  supplementaryAmountOre: Ore;
  adjustmentAmountOre: Ore;
  /** adjustmentAmountOre × persons. */
  revisionOre: Ore;
  /** supplementaryAmountOre + revisionOre: the amount distributed between the municipalities. */
  finalAmountOre: Ore;
  /** Swedish sentences with the whole calculation. */
  method: string;
  /** Swedish warnings (e.g. the base count lies outside the band). */
  notes: string[];
}

export function readingLabel(reading: Reading, baseCount: number): string {
  return reading === "beyond-limit" ? "antal utöver närmaste gräns" : `skillnad mot baskantalet ${formatInteger(baseCount)}`;
}

/**
 * Avstämning (överenskommelsen om tilläggsbelopp, steg 1–2): `connectedCount` persons connected in
 * year − 1, compared with the band. Inside (limits included): the uprated amount unchanged. Outside:
 * revised by the uprated adjustment amount × persons, where persons is, by `reading`, the distance to
 * the nearest limit (175 with 129–169 → +6) or the difference from the base count (175 → +31).
 * Above the band the amount rises, below it falls.
 */
export function reconcile(
  year: number,
  connectedCount: number,
  band: ReconciliationBand,
  amounts: ReconciliationAmounts,
  options: ReconcileOptions
): Reconciliation {
  const {reading = "beyond-limit"} = options;
  if (!Number.isInteger(connectedCount) || connectedCount < 0) throw new RangeError(`antalet anslutna ska vara ett heltal ≥ 0 (fick ${connectedCount})`);
  if (!Number.isInteger(band.lower) || !Number.isInteger(band.upper)) {
    throw new RangeError(`normalvariationens gränser ska vara hela tal (fick ${band.lower}–${band.upper}); använd rounding "inward"`);
  }
  const position = classifyAgainstBand(connectedCount, band);
  const notes: string[] = [];
  let persons = 0;
  if (position !== "inside") {
    if (reading === "beyond-limit") {
      persons = connectedCount - (position === "above" ? band.upper : band.lower);
    } else {
      const diff = connectedCount - amounts.baseCount;
      // A band that no longer contains the base count (after a recomputation) could flip the sign.
      persons = position === "above" ? Math.max(0, diff) : Math.min(0, diff);
      if (persons !== diff) {
        notes.push(
          `Baskantalet ${formatInteger(amounts.baseCount)} ligger utanför normalvariationen ${formatInteger(band.lower)}–${formatInteger(band.upper)}: ` +
            `skillnaden mot baskantalet har fel tecken och räknas som 0 personer.`
        );
      }
    }
  }
  const uprated = upratedAmounts(year, amounts, options);
  const revisionOre = uprated.adjustmentAmountOre * persons;
  const finalAmountOre = uprated.supplementaryAmountOre + revisionOre;
  const label = readingLabel(reading, amounts.baseCount);

  const bandText =
    `normalvariationen ${formatInteger(band.lower)}–${formatInteger(band.upper)}` +
    (band.baseFrom != null && band.baseTo != null ? ` (${band.baseFrom}–${band.baseTo})` : "");
  const where = position === "inside" ? "inom" : position === "above" ? "över" : "under";
  const parts = [`Avstämning ${year}: ${formatInteger(connectedCount)} anslutna personer i länet ${year - 1} ligger ${where} ${bandText}.`];
  const uprating =
    uprated.factorSteps.length === 0
      ? `Beloppen är ${uprated.levelYear} års nivå (ingen uppräkning före ${options.upratingFrom ?? 2026}).`
      : `Beloppen är uppräknade från ${uprated.levelYear} års nivå med ${uprated.index} ` +
        `(${uprated.factorSteps.map((s) => `${s.indexYear}: ${svDecimalText(s.changePercent)} %${s.status === "prognos" ? " (prognos)" : ""}`).join(", ")}), ` +
        `faktor ${svDecimalText(uprated.factor)} (visad med sex decimaler, beloppen räknas med den exakta faktorn), ` +
        `och avrundade en gång till hela kronor: ${formatKronor(amounts.supplementaryAmountOre)} → ${formatKronor(uprated.supplementaryAmountOre)}, ` +
        `justeringsbelopp ${formatKronor(amounts.adjustmentAmountOre)} → ${formatKronor(uprated.adjustmentAmountOre)}.`;
  if (position === "inside") {
    parts.push(`Tilläggsbeloppet fördelas utan justering: ${formatKronor(finalAmountOre)}.`);
  } else {
    const limit = position === "above" ? band.upper : band.lower;
    const counted =
      reading === "beyond-limit"
        ? `${formatInteger(Math.abs(persons))} personer ${position === "above" ? "över övre" : "under nedre"} gränsen ${formatInteger(limit)}`
        : `${formatInteger(Math.abs(persons))} personer ${position === "above" ? "över" : "under"} baskantalet ${formatInteger(amounts.baseCount)}`;
    parts.push(
      `Tilläggsbeloppet revideras med justeringsbeloppet för ${counted} (läsning: ${label}): ` +
        `${formatKronor(uprated.supplementaryAmountOre)} ${persons >= 0 ? "+" : "−"} ${formatInteger(Math.abs(persons))} × ` +
        `${formatKronor(uprated.adjustmentAmountOre)} = ${formatKronor(finalAmountOre)}.`
    );
  }
  parts.push(uprating);

  return {
    year,
    countYear: year - 1,
    count: connectedCount,
    band: {lower: band.lower, upper: band.upper, ...(band.baseFrom != null ? {baseFrom: band.baseFrom} : {}), ...(band.baseTo != null ? {baseTo: band.baseTo} : {})},
    position,
    reading,
    readingLabel: label,
    baseCount: amounts.baseCount,
    persons,
    levelYear: uprated.levelYear,
    index: uprated.index,
    lag: uprated.lag,
    factor: uprated.factor,
    factorSteps: uprated.factorSteps,
    supplementaryAmountLevelOre: amounts.supplementaryAmountOre,
    adjustmentAmountLevelOre: amounts.adjustmentAmountOre,
    supplementaryAmountOre: uprated.supplementaryAmountOre,
    adjustmentAmountOre: uprated.adjustmentAmountOre,
    revisionOre,
    finalAmountOre,
    method: parts.join(" "),
    notes
  };
}
