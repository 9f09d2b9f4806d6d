/**
 * Fördelning av tilläggsbeloppet mellan kommunerna "enligt fastslagen modell": the region's
 * resource-allocation model of the primary-care choice system (hälsoval), three factors that each
 * compensate for differences between municipalities: share of elderly, sparsity (glesbygd) and
 * socioeconomics (GNI).
 *
 * Formula (weights W_f are inputs, exact decimal text, summing to exactly 1):
 *
 *   share_{m,elderly} = E_m / Σ_j E_j                        E = number of elderly (80+ or 65+, input)
 *   share_{m,f}       = P_m·I_{m,f} / Σ_j P_j·I_{j,f}        P = population, I = the factor's index
 *                                                           (1 = county average), f = sparsity, socioeconomics
 *   w_m               = Σ_f W_f · share_{m,f}                (Σ_m w_m = 1 exactly)
 *
 * So each factor's part of the money is split in proportion to the municipality's "need-weighted
 * population", and the elderly part by its share of the county's elderly. The amount is distributed in
 * whole kronor by largest remainder on the exact weights: the parts add up to the total exactly, and a
 * tie in the remainder goes to the larger weight, then to the earlier municipality in the input.
 */
import {type Ratio, dec, add, mul, div, sum, cmp, ZERO, ONE, toNumber, toFixed} from "./exact.ts";
import {type Ore, distributeKronor} from "./money.ts";
import {formatKronor} from "../format.ts";

export const ALLOCATION_FACTORS = ["elderly", "sparsity", "socioeconomics"] as const;
export type AllocationFactor = (typeof ALLOCATION_FACTORS)[number];

export interface AllocationMunicipality {
  municipalityCode: string;
  name?: string;
  /** Total population (persons). */
  population: number;
  /** Number of elderly in the chosen age band (80+ by default in parametrar.json). */
  elderly: number;
  /** Sparsity/accessibility index, exact decimal text ("1.45") or a number; 1 = county average. */
  sparsity: string | number;
  /** Socioeconomic (GNI) index, exact decimal text or a number; 1 = county average. */
  socioeconomics: string | number;
}

/** Weights per factor as exact decimal text ("0.5", "0.3", "0.2"), summing to exactly 1. */
export type AllocationWeights = Record<AllocationFactor, string>;

export interface MunicipalityWeight {
  municipalityCode: string;
  name?: string;
  population: number;
  elderly: number;
  /** Exact share of each factor's part (sums to 1 over the municipalities). */
  shares: Record<AllocationFactor, Ratio>;
  /** The shares as display numbers (never for money). */
  shareNumbers: Record<AllocationFactor, number>;
  /** Exact weight w_m. */
  weight: Ratio;
  /** w_m as a display number and as text with 6 decimals ("0.123457"). */
  weightNumber: number;
  weightText: string;
}

export interface MunicipalityAllocation extends MunicipalityWeight {
  /** Whole kronor, in öre. */
  amountOre: Ore;
}

export interface Allocation {
  totalOre: Ore;
  weights: AllocationWeights;
  rows: MunicipalityAllocation[];
  /** Swedish description of the formula, for the method note. */
  method: string;
}

export const ALLOCATION_METHOD =
  "Varje kommuns andel är summan över de tre faktorerna av faktorns vikt gånger kommunens andel av faktorn: " +
  "äldrefaktorn efter kommunens andel av länets äldre, glesbygds- och socioekonomifaktorn efter kommunens " +
  "folkmängd gånger faktorns index, som andel av länets summa. Beloppet fördelas i hela kronor med största " +
  "restmetoden, så att delarna summerar exakt till totalen; vid lika rest går kronan till den större andelen, " +
  "därefter till kommunen som kommer först.";

const toRatio = (x: string | number, what: string): Ratio => {
  const r = typeof x === "number" && !Number.isFinite(x) ? null : dec(String(x));
  if (!r || r.num < 0n) throw new RangeError(`${what} ska vara ett tal ≥ 0 (fick ${x})`);
  return r;
};

/** The exact weights w_m (see the module header). Throws if the weights do not sum to exactly 1. */
export function allocationWeights(municipalities: readonly AllocationMunicipality[], weights: AllocationWeights): MunicipalityWeight[] {
  if (!municipalities.length) throw new RangeError("inga kommuner att fördela mellan");
  const W = Object.fromEntries(ALLOCATION_FACTORS.map((f) => [f, toRatio(weights[f], `vikten för ${f}`)])) as Record<AllocationFactor, Ratio>;
  const total = sum(ALLOCATION_FACTORS.map((f) => W[f]));
  if (cmp(total, ONE) !== 0) throw new RangeError(`Vikterna ska summera till exakt 1 (summan är ${toFixed(total, 6).replace(".", ",")}).`);

  const basis: Record<AllocationFactor, Ratio[]> = {
    elderly: municipalities.map((m) => toRatio(m.elderly, `antal äldre i ${m.municipalityCode}`)),
    sparsity: municipalities.map((m) => mul(toRatio(m.population, `folkmängd i ${m.municipalityCode}`), toRatio(m.sparsity, `glesbygdsindex i ${m.municipalityCode}`))),
    socioeconomics: municipalities.map((m) =>
      mul(toRatio(m.population, `folkmängd i ${m.municipalityCode}`), toRatio(m.socioeconomics, `socioekonomiskt index i ${m.municipalityCode}`))
    )
  };
  const shares = {} as Record<AllocationFactor, Ratio[]>;
  for (const f of ALLOCATION_FACTORS) {
    const s = sum(basis[f]);
    if (s.num === 0n) {
      // A factor with no basis anywhere can only carry weight 0.
      if (W[f].num !== 0n) throw new RangeError(`Faktorn ${f} är 0 för alla kommuner men har vikten ${weights[f]}.`);
      shares[f] = basis[f].map(() => ZERO);
    } else {
      shares[f] = basis[f].map((b) => div(b, s));
    }
  }
  return municipalities.map((m, i) => {
    const own = Object.fromEntries(ALLOCATION_FACTORS.map((f) => [f, shares[f][i]])) as Record<AllocationFactor, Ratio>;
    const weight = ALLOCATION_FACTORS.reduce((acc, f) => add(acc, mul(W[f], own[f])), ZERO);
    return {
      municipalityCode: m.municipalityCode,
      ...(m.name != null ? {name: m.name} : {}),
      population: m.population,
      elderly: m.elderly,
      shares: own,
      shareNumbers: Object.fromEntries(ALLOCATION_FACTORS.map((f) => [f, toNumber(own[f])])) as Record<AllocationFactor, number>,
      weight,
      weightNumber: toNumber(weight),
      weightText: toFixed(weight, 6)
    };
  });
}

/** Distributes `totalOre` (whole kronor) between the municipalities by the three-factor weights. */
export function allocate(totalOre: Ore, municipalities: readonly AllocationMunicipality[], weights: AllocationWeights): Allocation {
  if (!Number.isInteger(totalOre) || totalOre < 0) throw new RangeError(`beloppet ska vara hela öre ≥ 0 (fick ${totalOre})`);
  const rows = allocationWeights(municipalities, weights);
  const amounts = distributeKronor(totalOre, rows.map((r) => r.weight));
  const method =
    `${formatKronor(totalOre)} fördelat med vikterna äldre ${weights.elderly.replace(".", ",")}, ` +
    `glesbygd ${weights.sparsity.replace(".", ",")} och socioekonomi ${weights.socioeconomics.replace(".", ",")}. ${ALLOCATION_METHOD}`;
  return {totalOre, weights: {...weights}, rows: rows.map((r, i) => ({...r, amountOre: amounts[i]})), method};
}

export interface AllocationJsonRow {
  municipalityCode: string;
  name?: string;
  population: number;
  elderly: number;
  /** Shares with 6 decimals as text, and as display numbers. */
  shares: Record<AllocationFactor, string>;
  shareNumbers: Record<AllocationFactor, number>;
  weightText: string;
  weightNumber: number;
  amountOre: Ore;
}

/** The allocation without Ratios (BigInt does not go into JSON), for loaders. */
export function allocationForJson(a: Allocation): Omit<Allocation, "rows"> & {rows: AllocationJsonRow[]} {
  return {
    ...a,
    rows: a.rows.map(({shares, weight: _weight, ...r}) => ({
      ...r,
      shares: Object.fromEntries(ALLOCATION_FACTORS.map((f) => [f, toFixed(shares[f], 6)])) as Record<AllocationFactor, string>
    }))
  };
}
