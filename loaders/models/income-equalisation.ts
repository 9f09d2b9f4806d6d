/**
 * Inkomstutjämningen i den kommunalekonomiska utjämningen (lag (2004:773) om kommunalekonomisk utjämning,
 * förordning (2004:881)) for a municipality, and what a tax swap is worth to it after the equalisation.
 *
 * The rules (each a parameter below, with its source and year):
 * - Skattekraft = the municipality's (uppräknade) skatteunderlag / its inhabitants; the guarantee level is
 *   115 % of the national mean (uppräknad medelskattekraft) per inhabitant (lag 2004:773, 3–4 §§:
 *   skatteutjämningsunderlag = medelskattekraft × invånare × 115 %).
 * - Below the guarantee the municipality gets inkomstutjämningsbidrag = (guaranteed base − own base) ×
 *   the county-wise tax rate (länsvis skattesats, lag 2004:773 5 §; the rates are listed per county in
 *   förordning 2004:881 2 §). The county-wise rate is 95 % of the mean tax rate of 2003 adjusted for the tax
 *   swaps between the municipalities and the region of the county (SKR's description of the system), so
 *   95 % of the gap is compensated; SOU 1991:98 (bilaga, "Beräkning av det statliga utjämningsbidraget")
 *   works the arithmetic of "95 % of the difference" by hand, which the tests reproduce.
 * - Above the guarantee it pays inkomstutjämningsavgift with a rate of 60 % (not 85 %) of the 2003 mean
 *   rate for the part of its tax base up to 125 % of the mean, and 85 % above that (Finansdepartementet,
 *   Fi2012/4726, in force from 2014).
 *
 * A swap of Δ öre moves Δ from the region's to the municipalities' rate and the county-wise rates with it
 * (95 % × Δ for the grant, 60 %/85 % × Δ for the fee), so for a municipality below the guarantee
 *   worth = Δ × 0.0001 × (own base + 95 % × (guaranteed base − own base)),
 * the swapped öre act on (nearly) the guaranteed base, and for one above it
 *   worth = Δ × 0.0001 × (own base − 60 % × (min(own, 125 %) − guaranteed) − 85 % × (own − 125 % base)⁺).
 * This "equalised base" is what the model returns; the review multiplies it by the swapped öre.
 *
 * Simplification (said on the page): the review uses each year's skatteunderlag and 31 December
 * population of the same year, where SCB uses the base of the year before the equalisation year and the
 * population of 1 November; the national mean must be given on the same basis as the tax base file.
 */
import {type Ratio, add, dec, div, mul, ratio, roundHalfAway, sub, cmp, ZERO} from "./exact.ts";
import type {Ore} from "./money.ts";

/** A rate of the system: exact decimal text with where it is written and from which year it applies. */
export interface EqualisationRule {
  value: string;
  source: string;
  /** The first year the rule applies. */
  year: number;
}

export interface IncomeEqualisationRules {
  /** Guaranteed tax capacity, % of the national mean per inhabitant. */
  guaranteePercent: EqualisationRule;
  /** Share of the gap below the guarantee that the grant compensates, %. */
  compensationPercent: EqualisationRule;
  /** Fee rate for the part between the guarantee and `feeHighThresholdPercent`, % of the 2003 mean rate. */
  feePercent: EqualisationRule;
  /** Fee rate for the part above `feeHighThresholdPercent`, %. */
  feeHighPercent: EqualisationRule;
  /** Where the higher fee rate starts, % of the national mean per inhabitant. */
  feeHighThresholdPercent: EqualisationRule;
}

/** The rules in force for municipalities since 2014 (the sources are named in each rule). */
export const INCOME_EQUALISATION_RULES: IncomeEqualisationRules = {
  guaranteePercent: {value: "115", year: 2005, source: "Lag (2004:773) om kommunalekonomisk utjämning, 3–4 §§ (skatteutjämningsunderlag = 115 % av medelskattekraften × invånare)"},
  compensationPercent: {value: "95", year: 2005, source: "Lag (2004:773) 5 § med förordning (2004:881) 2 §: den länsvisa skattesatsen är 95 % av medelskattesatsen 2003 justerad för skatteväxlingar i länet (SKR:s beskrivning av utjämningssystemet)"},
  feePercent: {value: "60", year: 2014, source: "Finansdepartementet Fi2012/4726: avgiften med 60 % i stället för 85 % av medelskattesatsen 2003 för skattekraft upp till 125 %"},
  feeHighPercent: {value: "85", year: 2005, source: "Lag (2004:773) 6 §; Fi2012/4726: 85 % kvar för skattekraft över 125 %"},
  feeHighThresholdPercent: {value: "125", year: 2014, source: "Finansdepartementet Fi2012/4726 (gränsen 125 % av medelskattekraften)"}
};

export interface EqualisationInput {
  /** The municipality's tax base (skatteunderlag) in öre. */
  taxBaseOre: Ore;
  population: number;
  /** The national mean tax base per inhabitant (medelskattekraft), kronor as exact decimal text. */
  meanTaxBasePerInhabitant: string;
  /** The county-wise rate (länsvis skattesats) for municipalities, kronor per skattekrona ("20.55"); optional. */
  countyRate?: string | null;
}

export interface Equalisation {
  /** Own tax capacity per inhabitant in kronor (exact). */
  taxCapacity: Ratio;
  /** Own tax capacity as % of the national mean (exact). */
  capacityPercent: Ratio;
  /** "bidrag": below the guarantee; "avgift": above; "noll": exactly at it. */
  position: "bidrag" | "avgift" | "noll";
  /** Guaranteed base = guarantee % × mean × inhabitants, öre (exact). */
  guaranteedBaseOre: Ratio;
  /** The base the municipality's tax rate effectively acts on after the equalisation, öre (exact). */
  equalisedBaseOre: Ratio;
  /** Grant (positive) or fee (negative) in öre at the county-wise rate, rounded once; null without the rate. */
  equalisationOre: Ore | null;
}

const pct = (rule: EqualisationRule) => div(dec(rule.value), ratio(100n));

/** The income equalisation of one municipality and year. */
export function incomeEqualisation(input: EqualisationInput, rules: IncomeEqualisationRules = INCOME_EQUALISATION_RULES): Equalisation {
  if (!(input.population > 0)) throw new RangeError("Inkomstutjämningen kräver ett invånarantal större än noll.");
  const inhabitants = ratio(BigInt(input.population));
  const own = ratio(BigInt(input.taxBaseOre));
  const meanOre = mul(dec(input.meanTaxBasePerInhabitant), ratio(100n));
  if (cmp(meanOre, ZERO) <= 0) throw new RangeError("Medelskattekraften måste vara större än noll.");
  const guaranteed = mul(mul(pct(rules.guaranteePercent), meanOre), inhabitants);
  const high = mul(mul(pct(rules.feeHighThresholdPercent), meanOre), inhabitants);
  const gap = sub(guaranteed, own);
  const c = cmp(own, guaranteed);
  const position = c < 0 ? "bidrag" : c > 0 ? "avgift" : "noll";
  // The base the swapped öre act on after the equalisation, and the grant/fee as a share of a base.
  let equalisedBase: Ratio;
  let grantBase: Ratio; // kr of base × the county-wise (grant) rate gives the grant; negative for a fee
  if (position === "bidrag") {
    grantBase = mul(pct(rules.compensationPercent), gap);
    equalisedBase = add(own, grantBase);
  } else {
    const upToHigh = cmp(own, high) < 0 ? own : high;
    const part1 = sub(upToHigh, guaranteed);
    const part2 = cmp(own, high) > 0 ? sub(own, high) : ZERO;
    const feeBase = add(mul(pct(rules.feePercent), part1), mul(pct(rules.feeHighPercent), part2));
    grantBase = sub(ZERO, feeBase);
    equalisedBase = sub(own, feeBase);
  }
  // The published county-wise rate already holds the compensation degree (95 % of the 2003 mean rate):
  // grant = rate × gap; fee = rate × (fee base / 95 %).
  let equalisationOre: Ore | null = null;
  if (input.countyRate != null && input.countyRate !== "") {
    const rate = div(dec(input.countyRate), ratio(100n));
    equalisationOre = Number(roundHalfAway(mul(rate, div(grantBase, pct(rules.compensationPercent)))));
  }
  return {
    taxCapacity: div(own, mul(inhabitants, ratio(100n))),
    capacityPercent: mul(div(own, mul(meanOre, inhabitants)), ratio(100n)),
    position,
    guaranteedBaseOre: guaranteed,
    equalisedBaseOre: equalisedBase,
    equalisationOre
  };
}

export interface SwapWorth {
  /** öre × 0.0001 × own tax base, whole öre. */
  ownOre: Ore;
  /** öre × 0.0001 × equalised base, whole öre. */
  afterEqualisationOre: Ore;
  /** afterEqualisation − own: what the equalisation adds (grant side) or takes (fee side). */
  effectOre: Ore;
  position: Equalisation["position"];
  capacityPercent: Ratio;
}

/** What `ore` öre per skattekrona are worth to the municipality on its own base and after the equalisation. */
export function swapWorthAfterEqualisation(ore: string, input: EqualisationInput, rules: IncomeEqualisationRules = INCOME_EQUALISATION_RULES): SwapWorth {
  const e = incomeEqualisation(input, rules);
  const perBase = mul(dec(ore), ratio(1n, 10_000n));
  const ownOre = Number(roundHalfAway(mul(perBase, ratio(BigInt(input.taxBaseOre)))));
  const afterEqualisationOre = Number(roundHalfAway(mul(perBase, e.equalisedBaseOre)));
  return {ownOre, afterEqualisationOre, effectOre: afterEqualisationOre - ownOre, position: e.position, capacityPercent: e.capacityPercent};
}

/** The rules as method text: one line per rule with its value, year and source. */
export function rulesText(rules: IncomeEqualisationRules = INCOME_EQUALISATION_RULES): string[] {
  const v = (r: EqualisationRule) => r.value.replace(".", ",");
  return [
    `Garantinivå ${v(rules.guaranteePercent)} % av medelskattekraften per invånare (från ${rules.guaranteePercent.year}; ${rules.guaranteePercent.source}).`,
    `Under garantinivån: bidrag för ${v(rules.compensationPercent)} % av skillnaden till garantinivån (från ${rules.compensationPercent.year}; ${rules.compensationPercent.source}).`,
    `Över garantinivån: avgift med ${v(rules.feePercent)} % upp till ${v(rules.feeHighThresholdPercent)} % av medelskattekraften (från ${rules.feePercent.year}; ${rules.feePercent.source}) och ${v(rules.feeHighPercent)} % däröver (${rules.feeHighPercent.source}).`
  ];
}
