/**
 * Normalvariation (Överenskommelse tilläggsbelopp 2026–2027): the band of connected persons is
 * mean ± k·SD (k = 2) of the yearly counts of a base window (2019–2024 → 129–169), recomputed every
 * third year. Also the special-cause rules of statistical process control as in NHS England's
 * "Making Data Count" (NHSRplotthedots), as extra cues for long series: the reconciliation uses the
 * agreement's band only.
 *
 * Rounding decision for a count band (default "inward"): lower = ⌈mean − k·SD⌉, upper = ⌊mean + k·SD⌋,
 * computed exactly (no float sqrt at the edge). A whole count is inside the integer band exactly when
 * it is inside the unrounded band, so the rounding can never move a year in or out. 149 ± 2 × 10 gives
 * 129–169. "nearest" (half up) and "none" (unrounded, for rates and shares) are options.
 */
import {type Ratio, ratio, dec, add, sub, mul, div, neg, cmp, sum, toNumber} from "./exact.ts";
import {formatDecimal, formatInteger} from "../format.ts";

export type Period = string | number;

export interface PeriodValue {
  period: Period;
  value: number;
}

export type SdKind = "sample" | "population";
export type LimitRounding = "inward" | "nearest" | "none";
export type BandPosition = "inside" | "above" | "below";

export interface NormalVariationOptions {
  /** First and last year of the base window (inclusive); a period "2019-03" belongs to 2019. */
  baseFrom: number;
  baseTo: number;
  /** Number of standard deviations; decimal text as in parametrar.json ("2") or a number. */
  k?: number | string;
  /** "sample" (n − 1, default) or "population" (n). */
  sd?: SdKind;
  rounding?: LimitRounding;
  /** Fewer base points than this add the note that the band is wide and uncertain. */
  minPoints?: number;
}

export interface NormalVariationBand {
  mean: number;
  sd: number;
  /** The limits used for classification: integers unless rounding = "none". */
  lower: number;
  upper: number;
  /** mean ∓ k·SD before rounding, for display only. */
  lowerExact: number;
  upperExact: number;
  k: number;
  baseFrom: number;
  baseTo: number;
  n: number;
  sdKind: SdKind;
  rounding: LimitRounding;
  /** The periods in the base window, in time order. */
  basePeriods: Period[];
  /** Swedish sentence: how the band was computed. */
  method: string;
  /** Swedish caveat when the base window has few points (or gaps). */
  note?: string;
}

/** A JS number as an exact Ratio of its shortest decimal text (counts are integers anyway). */
export function numberToRatio(n: number): Ratio {
  if (!Number.isFinite(n)) throw new RangeError(`inte ett ändligt tal: ${n}`);
  if (Number.isInteger(n)) return ratio(BigInt(n));
  const s = String(n);
  return dec(/e/i.test(s) ? n.toFixed(20) : s);
}

export const periodYear = (p: Period): number => Number(String(p).slice(0, 4));

/** Time order: numbers numerically, text (ISO "2024", "2024-03") as text. */
export function comparePeriods(a: Period, b: Period): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const sortByPeriod = <T extends {period: Period}>(values: readonly T[]): T[] =>
  [...values].sort((a, b) => comparePeriods(a.period, b.period));

/** Swedish number for sentences: integers without decimals, others with one ("169", "163,3"). */
export const formatLimit = (x: number): string => (Number.isInteger(x) ? formatInteger(x) : formatDecimal(x, 1));

/**
 * ⌊a + s·k·√v⌋ exactly (k, v ≥ 0). Starts from the float estimate and steps until the exact test holds,
 * so a limit that is an integer (169) is never lost to 168.99999.
 */
function floorWithRoot(a: Ratio, s: 1 | -1, k: Ratio, v: Ratio): bigint {
  const k2v = mul(mul(k, k), v);
  // t ≤ a + s·k·√v, tested without roots.
  const atMost = (t: bigint): boolean => {
    const d = sub(ratio(t), a);
    if (s === 1) return d.num <= 0n || cmp(mul(d, d), k2v) <= 0;
    return d.num <= 0n && cmp(mul(d, d), k2v) >= 0;
  };
  let t = BigInt(Math.floor(toNumber(a) + s * toNumber(k) * Math.sqrt(toNumber(v))));
  while (!atMost(t)) t--;
  while (atMost(t + 1n)) t++;
  return t;
}

const HALF = ratio(1n, 2n);

/**
 * The agreement's normal-variation band: mean ± k·SD of the values whose period lies in
 * baseFrom–baseTo. Mean and variance are exact; only SD for display goes through a float.
 */
export function normalVariationBand(
  values: readonly PeriodValue[],
  {baseFrom, baseTo, k = 2, sd = "sample", rounding = "inward", minPoints = 8}: NormalVariationOptions
): NormalVariationBand {
  const base = sortByPeriod(values).filter((v) => periodYear(v.period) >= baseFrom && periodYear(v.period) <= baseTo);
  const n = base.length;
  const window = baseFrom === baseTo ? `${baseFrom}` : `${baseFrom}–${baseTo}`;
  if (n < 2) throw new RangeError(`Normalvariationen kräver minst två värden i basperioden ${window} (fann ${n}).`);
  const xs = base.map((v) => numberToRatio(v.value));
  const kr = dec(String(k));
  if (kr.num < 0n) throw new RangeError(`k ska vara ≥ 0 (fick ${k})`);
  const mean = div(sum(xs), ratio(BigInt(n)));
  const ss = sum(xs.map((x) => mul(sub(x, mean), sub(x, mean))));
  const variance = div(ss, ratio(BigInt(sd === "sample" ? n - 1 : n)));

  const sdNumber = Math.sqrt(toNumber(variance));
  const lowerExact = toNumber(mean) - toNumber(kr) * sdNumber;
  const upperExact = toNumber(mean) + toNumber(kr) * sdNumber;
  let lower: number;
  let upper: number;
  if (rounding === "inward") {
    lower = Number(-floorWithRoot(neg(mean), 1, kr, variance));
    upper = Number(floorWithRoot(mean, 1, kr, variance));
  } else if (rounding === "nearest") {
    lower = Number(floorWithRoot(add(mean, HALF), -1, kr, variance));
    upper = Number(floorWithRoot(add(mean, HALF), 1, kr, variance));
  } else {
    lower = lowerExact;
    upper = upperExact;
  }

  const kNumber = toNumber(kr);
  const roundingText =
    rounding === "inward"
      ? ", gränserna avrundade inåt till hela tal (ett helt antal ligger inom bandet precis när det ligger inom de oavrundade gränserna)"
      : rounding === "nearest"
        ? ", gränserna avrundade till närmaste hela tal"
        : "";
  const method =
    `Normalvariation ${formatLimit(lower)}–${formatLimit(upper)}: medelvärdet ${formatLimit(roundForText(toNumber(mean)))} ± ` +
    `${formatLimit(kNumber)} × standardavvikelsen ${formatLimit(roundForText(sdNumber))} för ${window} ` +
    `(n = ${n}, ${sd === "sample" ? "stickprovsstandardavvikelse, n − 1" : "populationsstandardavvikelse, n"})${roundingText}.`;

  const notes: string[] = [];
  if (n < minPoints) {
    notes.push(
      `Basperioden ${window} har bara ${n} värden: standardavvikelsen är osäker och bandet därför brett. ` +
        `Ett år inom bandet kan ändå vara en verklig förändring; tolka värden nära gränserna med försiktighet.`
    );
  }
  const years = new Set(base.map((v) => periodYear(v.period)));
  const missing: number[] = [];
  for (let y = baseFrom; y <= baseTo; y++) if (!years.has(y)) missing.push(y);
  if (missing.length) notes.push(`Värden saknas för ${missing.join(", ")} i basperioden.`);

  return {
    mean: toNumber(mean),
    sd: sdNumber,
    lower,
    upper,
    lowerExact,
    upperExact,
    k: kNumber,
    baseFrom,
    baseTo,
    n,
    sdKind: sd,
    rounding,
    basePeriods: base.map((v) => v.period),
    method,
    ...(notes.length ? {note: notes.join(" ")} : {})
  };
}

/** One decimal for sentences, without float noise (149.00000001 → 149). */
const roundForText = (x: number): number => Math.round(x * 10) / 10;

/** Inside includes the limits themselves (129 and 169 are inside 129–169). */
export function classifyAgainstBand(value: number, band: Pick<NormalVariationBand, "lower" | "upper">): BandPosition {
  return value > band.upper ? "above" : value < band.lower ? "below" : "inside";
}

// ---------------------------------------------------------------------------------------------------
// Which base window applies to which reconciliation year

export interface BandWindowOptions {
  firstBaseFrom?: number;
  firstBaseTo?: number;
  /** First reconciliation year that uses the first window. */
  firstValidFrom?: number;
  recomputeEvery?: number;
  /** Years in a window; default firstBaseTo − firstBaseFrom + 1. */
  windowLength?: number;
}

export interface BandWindow {
  reconciliationYear: number;
  /** The year whose connected persons are counted (reconciliationYear − 1). */
  countYear: number;
  baseFrom: number;
  baseTo: number;
  /** The reconciliation years that use this window. */
  validFrom: number;
  validTo: number;
  /** 0 for the agreement's own window, 1 after the first recomputation, … */
  cycle: number;
  /** The year lies before the agreement's first reconciliation: shown against the first window. */
  beforeValidFrom: boolean;
  note?: string;
}

/**
 * The base window of the band for a reconciliation year. The window moves forward by `recomputeEvery`
 * years at each recomputation: with the agreement's figures 2026–2028 use 2019–2024, 2029–2031 use
 * 2022–2027, 2032–2034 use 2025–2030. Years before the first reconciliation get the first window,
 * flagged, so earlier counts can be shown against the agreed band.
 */
export function bandWindowFor(
  reconciliationYear: number,
  {firstBaseFrom = 2019, firstBaseTo = 2024, firstValidFrom = 2026, recomputeEvery = 3, windowLength}: BandWindowOptions = {}
): BandWindow {
  const length = windowLength ?? firstBaseTo - firstBaseFrom + 1;
  if (!Number.isInteger(recomputeEvery) || recomputeEvery < 1) throw new RangeError("recomputeEvery ska vara ett heltal ≥ 1");
  if (!Number.isInteger(length) || length < 2) throw new RangeError("fönstret ska ha minst två år");
  const beforeValidFrom = reconciliationYear < firstValidFrom;
  const cycle = beforeValidFrom ? 0 : Math.floor((reconciliationYear - firstValidFrom) / recomputeEvery);
  const baseTo = firstBaseTo + cycle * recomputeEvery;
  const validFrom = firstValidFrom + cycle * recomputeEvery;
  return {
    reconciliationYear,
    countYear: reconciliationYear - 1,
    baseFrom: baseTo - length + 1,
    baseTo,
    validFrom,
    validTo: validFrom + recomputeEvery - 1,
    cycle,
    beforeValidFrom,
    ...(beforeValidFrom
      ? {note: `Avstämningen börjar ${firstValidFrom}; ${reconciliationYear} visas mot det första bandet (${firstBaseFrom}–${firstBaseTo}) som jämförelse.`}
      : {})
  };
}

/** The windows of every reconciliation year from `fromYear` to `toYear`. */
export function bandWindows(fromYear: number, toYear: number, options: BandWindowOptions = {}): BandWindow[] {
  const out: BandWindow[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(bandWindowFor(y, options));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Special-cause rules (NHS "Making Data Count", XmR chart)

export type SpecialCauseRule = "outside-limits" | "run" | "trend" | "two-of-three";

export interface SpecialCauseOptions {
  /** Points in a row on one side of the mean (default 7). A point on the mean breaks the run. */
  runLength?: number;
  /** Points in a row rising or falling (default 7, i.e. 6 increases). An equal value breaks it. */
  trendLength?: number;
  /** "2 of 3": `closeNeeded` of `closeWindow` points in a row beyond 2σ, all on one side. */
  closeNeeded?: number;
  closeWindow?: number;
  /** Limits = mean ± limitFactor × average moving range (2.66 = 3σ with d2 = 1.128). */
  limitFactor?: number;
  /** Fewer baseline points than this give "trial limits" (default 12). */
  minPoints?: number;
  /** Leave out moving ranges ≥ 3.267 × the average before averaging (NHSRplotthedots' default). */
  screenOutliers?: boolean;
  /** Compute the mean and limits from the first n points only (NHS "fix after n points"). */
  baselinePoints?: number;
}

export interface XmrLimits {
  mean: number;
  averageMovingRange: number;
  lower: number;
  upper: number;
  /** The 2σ lines (2/3 of the way to the limits) that the "2 of 3" rule uses. */
  lowerTwoSigma: number;
  upperTwoSigma: number;
  baselinePoints: number;
  trialLimits: boolean;
}

export interface SpecialCausePoint {
  period: Period;
  value: number;
  side: "above" | "below" | "on";
  rules: SpecialCauseRule[];
  specialCause: boolean;
}

export interface SpecialCauseFinding {
  rule: SpecialCauseRule;
  /** high: above the mean/limit or rising; low: below or falling. */
  direction: "high" | "low";
  from: Period;
  to: Period;
  /** The periods the finding flags. */
  periods: Period[];
  /** Swedish sentence, e.g. "2021: över övre gränsen (169)". */
  sentence: string;
}

export interface SpecialCauseResult {
  limits: XmrLimits;
  points: SpecialCausePoint[];
  findings: SpecialCauseFinding[];
  /** Swedish notes (trial limits). */
  notes: string[];
}

const span = (a: Period, b: Period): string => (a === b ? String(a) : `${a}–${b}`);
const listSv = (xs: readonly Period[]): string =>
  xs.length < 2 ? xs.map(String).join("") : `${xs.slice(0, -1).join(", ")} och ${xs[xs.length - 1]}`;

/** Maximal segments [start, end] (inclusive) where key(i) is the same non-zero value, of length ≥ min. */
function segments(n: number, key: (i: number) => number, min: number): {start: number; end: number; key: number}[] {
  const out: {start: number; end: number; key: number}[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && key(i) === key(start)) continue;
    if (key(start) !== 0 && i - start >= min) out.push({start, end: i - 1, key: key(start)});
    start = i;
  }
  return out;
}

/**
 * The special-cause rules on an XmR chart, per point and in words. Values are put in time order.
 * Definitions follow NHSRplotthedots: a point beyond the limits; `runLength` points in a row on one
 * side of the mean; `trendLength` points in a row each higher (lower) than the one before; 2 of 3
 * points in a row between the 2σ line and the limit, all three on the same side of the mean (the
 * close points are flagged). Floats are fine here: these are cues, not money.
 */
export function specialCauses(
  values: readonly PeriodValue[],
  {
    runLength = 7,
    trendLength = 7,
    closeNeeded = 2,
    closeWindow = 3,
    limitFactor = 2.66,
    minPoints = 12,
    screenOutliers = true,
    baselinePoints
  }: SpecialCauseOptions = {}
): SpecialCauseResult {
  const sorted = sortByPeriod(values);
  const y = sorted.map((v) => v.value);
  const n = y.length;
  const baseN = Math.min(baselinePoints ?? n, n);
  if (baseN < 2) throw new RangeError(`Styrdiagrammet kräver minst två värden (fann ${baseN}).`);
  const base = y.slice(0, baseN);
  const mean = base.reduce((s, x) => s + x, 0) / baseN;
  let ranges = base.slice(1).map((x, i) => Math.abs(x - base[i]));
  let amr = ranges.reduce((s, r) => s + r, 0) / ranges.length;
  if (screenOutliers) {
    ranges = ranges.filter((r) => r < 3.267 * amr);
    amr = ranges.length ? ranges.reduce((s, r) => s + r, 0) / ranges.length : 0;
  }
  const upper = mean + limitFactor * amr;
  const lower = mean - limitFactor * amr;
  const upperTwoSigma = mean + ((2 * limitFactor) / 3) * amr;
  const lowerTwoSigma = mean - ((2 * limitFactor) / 3) * amr;
  const limits: XmrLimits = {mean, averageMovingRange: amr, lower, upper, lowerTwoSigma, upperTwoSigma, baselinePoints: baseN, trialLimits: baseN < minPoints};

  const side = y.map((x) => Math.sign(x - mean));
  const outside = y.map((x) => (x > upper ? 1 : x < lower ? -1 : 0));
  const close = y.map((x, i) => (!outside[i] && (x > upperTwoSigma || x < lowerTwoSigma) ? 1 : 0));
  const rules: Set<SpecialCauseRule>[] = y.map(() => new Set());
  const findings: (SpecialCauseFinding & {at: number})[] = [];
  const periods = sorted.map((v) => v.period);

  outside.forEach((o, i) => {
    if (!o) return;
    rules[i].add("outside-limits");
    const sentence = `${periods[i]}: ${o > 0 ? "över övre" : "under nedre"} gränsen (${formatLimit(roundForText(o > 0 ? upper : lower))})`;
    findings.push({rule: "outside-limits", direction: o > 0 ? "high" : "low", from: periods[i], to: periods[i], periods: [periods[i]], sentence, at: i});
  });

  for (const s of segments(n, (i) => side[i], runLength)) {
    const ps = periods.slice(s.start, s.end + 1);
    ps.forEach((_, j) => rules[s.start + j].add("run"));
    const sentence = `${ps.length} punkter i rad ${s.key > 0 ? "över" : "under"} medelvärdet, ${span(ps[0], ps[ps.length - 1])}`;
    findings.push({rule: "run", direction: s.key > 0 ? "high" : "low", from: ps[0], to: ps[ps.length - 1], periods: ps, sentence, at: s.start});
  }

  // Trend segments are runs of equal-signed differences; d[i] is the step from point i to i + 1.
  const d = y.slice(1).map((x, i) => Math.sign(x - y[i]));
  for (const s of segments(d.length, (i) => d[i], trendLength - 1)) {
    const ps = periods.slice(s.start, s.end + 2);
    ps.forEach((_, j) => rules[s.start + j].add("trend"));
    const sentence = `${ps.length} punkter i rad ${s.key > 0 ? "stigande" : "sjunkande"}, ${span(ps[0], ps[ps.length - 1])}`;
    findings.push({rule: "trend", direction: s.key > 0 ? "high" : "low", from: ps[0], to: ps[ps.length - 1], periods: ps, sentence, at: s.start});
  }

  // "2 of 3": qualifying windows; overlapping windows on the same side make one finding.
  let group: {dir: number; end: number; flagged: Set<number>} | null = null;
  const flush = () => {
    if (!group) return;
    const idx = [...group.flagged].sort((a, b) => a - b);
    idx.forEach((i) => rules[i].add("two-of-three"));
    const ps = idx.map((i) => periods[i]);
    const line = group.dir > 0 ? upperTwoSigma : lowerTwoSigma;
    const sentence =
      `${ps.length} punkter nära ${group.dir > 0 ? "övre" : "nedre"} gränsen ` +
      `(${group.dir > 0 ? "över" : "under"} 2σ-linjen ${formatLimit(roundForText(line))}, ${closeNeeded} av ${closeWindow} i rad på samma sida): ${listSv(ps)}`;
    findings.push({rule: "two-of-three", direction: group.dir > 0 ? "high" : "low", from: ps[0], to: ps[ps.length - 1], periods: ps, sentence, at: idx[0]});
    group = null;
  };
  for (let i = 0; i + closeWindow <= n; i++) {
    const w = Array.from({length: closeWindow}, (_, j) => i + j);
    const dir = side[i];
    if (dir === 0 || !w.every((j) => side[j] === dir)) continue;
    const hits = w.filter((j) => close[j]);
    if (hits.length < closeNeeded) continue;
    if (group && (group.dir !== dir || i > group.end)) flush();
    group ??= {dir, end: i, flagged: new Set()};
    group.end = i + closeWindow - 1;
    hits.forEach((j) => group!.flagged.add(j));
  }
  flush();

  const points: SpecialCausePoint[] = sorted.map((v, i) => ({
    period: v.period,
    value: v.value,
    side: side[i] > 0 ? "above" : side[i] < 0 ? "below" : "on",
    rules: [...rules[i]],
    specialCause: rules[i].size > 0
  }));
  const notes = limits.trialLimits
    ? [`Färre än ${minPoints} punkter (${baseN}): gränserna är preliminära (trial limits) och kan ändras när fler värden kommer.`]
    : [];
  findings.sort((a, b) => a.at - b.at);
  return {limits, points, findings: findings.map(({at: _at, ...f}) => f), notes};
}
