/**
 * Exact rational arithmetic on BigInt, so that money and index chains never pass through binary
 * floating point. A Ratio is always normalised: den > 0 and gcd(num, den) = 1.
 */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Euclid's algorithm. It dominates the national reports (every operation normalises), so it finishes
 * in float64 arithmetic, which is exact below 2^53, as soon as both numbers are that small.
 */
function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b > SAFE || a > SAFE) {
    if (b === 0n) return a;
    const t = a % b;
    a = b;
    b = t;
  }
  let x = Number(a);
  let y = Number(b);
  while (y) {
    const t = x % y;
    x = y;
    y = t;
  }
  return BigInt(x);
}

export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return {num: n, den: 1n};
  if (n === 0n) return {num: 0n, den: 1n};
  const g = gcd(n, d);
  return g === 1n ? {num: n, den: d} : {num: n / g, den: d / g};
}

/** Parses a decimal written as text ("1.4718", "47,18", "-3", "1 123,50") exactly. */
export function dec(text: string | number): Ratio {
  const s = String(text).replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a decimal number: ${text}`);
  const frac = m[3] ?? "";
  const n = BigInt((m[2] || "0") + frac) * (m[1] === "-" ? -1n : 1n);
  return ratio(n, 10n ** BigInt(frac.length));
}

export const ZERO = ratio(0n);
export const ONE = ratio(1n);

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den, a.den * b.num);
export const neg = (a: Ratio): Ratio => ratio(-a.num, a.den);
export const cmp = (a: Ratio, b: Ratio): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
/**
 * Σ xs, exact. Terms with the same denominator are added as integers first (counts, kronor and the
 * amounts of one price year share theirs), so that there are far fewer normalisations than terms.
 */
export function sum(xs: readonly Ratio[]): Ratio {
  const byDen = new Map<bigint, bigint>();
  for (const x of xs) byDen.set(x.den, (byDen.get(x.den) ?? 0n) + x.num);
  let total = ZERO;
  for (const [den, num] of byDen) total = add(total, ratio(num, den));
  return total;
}
export const product = (xs: readonly Ratio[]): Ratio => xs.reduce(mul, ONE);

/** Rounds half away from zero to an integer (the Swedish "avrunda till hela kronor"). */
export function roundHalfAway(a: Ratio): bigint {
  const sign = a.num < 0n ? -1n : 1n;
  const n = a.num * sign;
  const q = n / a.den;
  const r = n % a.den;
  return sign * (2n * r >= a.den ? q + 1n : q);
}

/** Rounds to `digits` decimals, half away from zero, and returns the result as an exact Ratio. */
export function roundTo(a: Ratio, digits: number): Ratio {
  const scale = 10n ** BigInt(digits);
  // roundHalfAway needs no normalised ratio: skip a gcd of large numbers.
  return ratio(roundHalfAway({num: a.num * scale, den: a.den}), scale);
}

export const floor = (a: Ratio): bigint => {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
};
export const ceil = (a: Ratio): bigint => -floor(neg(a));

/** For charts and display only: never feed the result back into money arithmetic. */
export const toNumber = (a: Ratio): number => Number(a.num) / Number(a.den);

/** Exact decimal text with `digits` decimals (rounded half away from zero), "." as separator. */
export function toFixed(a: Ratio, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const n = roundHalfAway({num: a.num * scale, den: a.den});
  const sign = n < 0n ? "-" : "";
  const abs = (n < 0n ? -n : n).toString().padStart(digits + 1, "0");
  return digits ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
}
