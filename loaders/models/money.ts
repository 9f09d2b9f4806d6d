/**
 * Money is integer öre (1 kr = 100 öre) held in a JS number: exact up to 2^53 öre (about 90 000 billion
 * kronor). Amounts that come from a rule (a product of rates and factors) are computed as exact Ratios
 * and rounded once, where the rule says, with the helpers here.
 */
import {type Ratio, ratio, roundHalfAway, floor, cmp, sub, mul} from "./exact.ts";

export type Ore = number;

export const kronorToOre = (kr: Ratio): Ore => Number(roundHalfAway(mul(kr, ratio(100n))));
/** Rounds an exact amount in kronor to whole kronor (half away from zero) and returns öre. */
export const roundToKronor = (kr: Ratio): Ore => Number(roundHalfAway(kr)) * 100;
export const oreToKronor = (ore: Ore): Ratio => ratio(BigInt(ore), 100n);

/**
 * Largest-remainder (Hamilton) distribution of `total` units between parts in proportion to `weights`
 * (exact Ratios, all ≥ 0, not all 0). The parts add up to `total` exactly. Ties in the remainder go to
 * the larger weight, then to the earlier part, so the result is deterministic.
 */
export function largestRemainder(total: bigint, weights: readonly Ratio[]): bigint[] {
  if (weights.some((w) => w.num < 0n)) throw new RangeError("negative weight");
  const sumW = weights.reduce((s, w) => ratio(s.num * w.den + w.num * s.den, s.den * w.den), ratio(0n));
  if (sumW.num === 0n) {
    if (total === 0n) return weights.map(() => 0n);
    throw new RangeError("all weights are zero");
  }
  const exact = weights.map((w) => ratio(total * w.num * sumW.den, w.den * sumW.num));
  const parts = exact.map((e) => floor(e));
  let left = total - parts.reduce((s, p) => s + p, 0n);
  const order = exact
    .map((e, i) => ({i, rem: sub(e, ratio(parts[i])), w: weights[i]}))
    .sort((a, b) => cmp(b.rem, a.rem) || cmp(b.w, a.w) || a.i - b.i);
  for (let k = 0; left > 0n; k = (k + 1) % order.length, left--) parts[order[k].i] += 1n;
  return parts;
}

/** Distributes whole kronor (given and returned in öre) by largest remainder. */
export function distributeKronor(totalOre: Ore, weights: readonly Ratio[]): Ore[] {
  if (totalOre % 100 !== 0) throw new RangeError("distributeKronor wants a whole-krona total");
  return largestRemainder(BigInt(totalOre / 100), weights).map((k) => Number(k) * 100);
}
