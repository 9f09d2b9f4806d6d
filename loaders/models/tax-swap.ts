/**
 * Uppföljning av skatteväxlingen för hemsjukvården (Västerbotten 2013-01-01; "följs upp vart fjärde år med
 * likvärdig metod och struktur"): per municipality and year the revenue of the swapped öre, the actual
 * cost of the task, the balance (per inhabitant and per inhabitant 80+, and cumulative since the swap),
 * county totals that are the exact sums of the municipalities, and the relation to the share of elderly.
 *
 * Revenue of the swapped öre. A tax rate is written in kronor per skattekrona, i.e. kronor of tax per
 * 100 kronor of taxable income (skatteunderlag), so 1 krona per skattekrona = 1 % of the base and
 *   1 öre per skattekrona = 0.01 kr per 100 kr = 0.0001 × skatteunderlag.
 * DOMAIN.md's "öre/100 × skatteunderlag" means öre/100 kronor per skattekrona, applied per 100 kr:
 *   revenue = (öre / 100) × (skatteunderlag / 100) = öre × 0.0001 × skatteunderlag.
 * Check: Norrbotten's 22 öre ≈ 123 MSEK ⇒ skatteunderlag ≈ 123e6 / 0.0022 ≈ 56 000 MSEK, which is the
 * county's order of magnitude (≈ 250 000 inhabitants).
 */
import {type Ratio, dec, ratio, mul, roundHalfAway} from "./exact.ts";
import {type Ore} from "./money.ts";
import {type IndexName, type IndexStep, type IndexValue, priceLevelFactor, upratingSteps} from "./index-uprating.ts";
import {formatDecimal, formatInteger} from "../format.ts";

export interface SwapOre {
  /** First year the öre applies. */
  fromYear: number;
  /** Öre per skattekrona, exact decimal text ("20"). */
  ore: string;
}

export interface TaxBaseRow {
  municipalityCode: string;
  year: number;
  taxBaseOre: Ore;
}

export interface CostRow {
  municipalityCode: string;
  year: number;
  category: string;
  principal?: "region" | "kommun";
  amountOre: Ore;
}

export interface PopulationRow {
  municipalityCode: string;
  /** Population on 31 December of the year. */
  year: number;
  ageBand: string;
  population: number;
}

/** The öre that applies in `year` (the latest `fromYear` ≤ year), or null before the swap. */
export function oreForYear(series: readonly SwapOre[], year: number): SwapOre | null {
  let best: SwapOre | null = null;
  for (const s of series) if (s.fromYear <= year && (!best || s.fromYear > best.fromYear)) best = s;
  return best;
}

/** Exact revenue in öre: öre × 0.0001 × skatteunderlag (see the derivation at the top). */
export function swapRevenueExact(ore: string, taxBaseOre: Ore): Ratio {
  return mul(dec(ore), ratio(BigInt(taxBaseOre), 10_000n));
}

/** Revenue of the swapped öre, rounded half away to whole öre (once, per municipality and year). */
export function swapRevenueOre(ore: string, taxBaseOre: Ore): Ore {
  return Number(roundHalfAway(swapRevenueExact(ore, taxBaseOre)));
}

// ---------------------------------------------------------------------------------------------------
// Follow-up

export interface FixedPrices {
  /** Price level: all amounts are expressed in this year's prices. */
  year: number;
  index: IndexName;
  series: readonly IndexValue[];
  /** Default 0: year Y's amount is taken to `year` with the changes of Y+1 … year. */
  lag?: number;
  asOf?: string;
}

export interface TaxSwapOptions {
  /** Cost categories that make up the task (parametrar.json taxSwap.costCategories). */
  categories: readonly string[];
  /** Whose costs: default "kommun" (the party that took over the task); null = both. */
  principal?: "region" | "kommun" | null;
  /** Default: the first year of the öre series (the swap). */
  fromYear?: number;
  /** Default: the last year with a tax base. */
  toYear?: number;
  /** Restrict to these municipalities (e.g. one county); default: all in the tax base and costs. */
  municipalities?: readonly string[];
  fixedPrices?: FixedPrices;
}

export interface TaxSwapAmounts {
  revenueOre: Ore | null;
  costOre: Ore | null;
  /** revenue − cost; null when either is missing. */
  balanceOre: Ore | null;
  population: number | null;
  population80: number | null;
  /** Share of inhabitants 80+ (a fraction, for display and the fit; not money). */
  share80: number | null;
  /** Balance per inhabitant, whole öre (half away). */
  balancePerInhabitantOre: Ore | null;
  balancePerInhabitant80Ore: Ore | null;
  /** Running sum of balances since the swap; null from the first year with a missing balance on. */
  cumulativeBalanceOre: Ore | null;
}

export interface TaxSwapRow extends TaxSwapAmounts {
  municipalityCode: string;
  year: number;
  /** Öre per skattekrona applying this year. */
  ore: string;
  taxBaseOre: Ore | null;
}

export interface CountyYear extends TaxSwapAmounts {
  year: number;
  /** Number of municipalities in the sums (those with both revenue and cost). */
  municipalities: number;
  /** Codes left out of the sums because revenue or cost is missing (the cumulative balance is then null). */
  missing: string[];
}

export interface TaxSwapResult {
  years: number[];
  /** Sorted by municipality, then year. */
  rows: TaxSwapRow[];
  county: CountyYear[];
  /** Price level used, with the factor per year (null: current prices). */
  fixedPrices: {year: number; index: IndexName; lag: number; factors: {year: number; factor: Ratio; steps: IndexStep[]; method: "indextal" | "kedjade förändringar"}[]} | null;
  method: string;
}

/**
 * The follow-up per municipality and year. All money is integer öre; each amount is rounded once per
 * municipality and year, and the county totals are the sums of those rounded amounts (so the county row
 * is exactly the sum of the municipalities, not a recomputation from the county's tax base).
 * Population is the same year's 31 December population.
 */
export function taxSwapFollowUp(
  input: {ore: readonly SwapOre[]; taxBase: readonly TaxBaseRow[]; costs: readonly CostRow[]; population?: readonly PopulationRow[]},
  options: TaxSwapOptions
): TaxSwapResult {
  if (input.ore.length === 0) throw new RangeError("Skatteväxlingens öre saknas.");
  const principal = options.principal === undefined ? "kommun" : options.principal;
  const swapYear = Math.min(...input.ore.map((s) => s.fromYear));
  const fromYear = Math.max(options.fromYear ?? swapYear, swapYear);
  const toYear = options.toYear ?? Math.max(fromYear, ...input.taxBase.map((t) => t.year));
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(y);

  const only = options.municipalities ? new Set(options.municipalities) : null;
  const codes = [...new Set([...input.taxBase.map((t) => t.municipalityCode), ...input.costs.map((c) => c.municipalityCode)])]
    .filter((c) => !only || only.has(c))
    .sort();
  for (const c of options.municipalities ?? []) if (!codes.includes(c)) codes.push(c);
  codes.sort();

  const key = (code: string, year: number) => `${code}|${year}`;
  const taxBase = new Map(input.taxBase.map((t) => [key(t.municipalityCode, t.year), t.taxBaseOre]));
  const categories = new Set(options.categories);
  const cost = new Map<string, Ore>();
  for (const c of input.costs) {
    if (!categories.has(c.category) || (principal && c.principal && c.principal !== principal)) continue;
    const k = key(c.municipalityCode, c.year);
    cost.set(k, (cost.get(k) ?? 0) + c.amountOre);
  }
  const pop = new Map<string, {all: number; old: number}>();
  for (const p of input.population ?? []) {
    const k = key(p.municipalityCode, p.year);
    const e = pop.get(k) ?? {all: 0, old: 0};
    e.all += p.population;
    if (p.ageBand === "80+") e.old += p.population;
    pop.set(k, e);
  }

  const fp = options.fixedPrices;
  const factors = new Map<number, Ratio>();
  // From the index levels where the file has them (round once), else the chained yearly changes.
  if (fp) for (const y of years) factors.set(y, priceLevelFactor(fp.series, fp.index, y, fp.year, {lag: fp.lag ?? 0, asOf: fp.asOf}).factor);
  const atPrice = (exactOre: Ratio, year: number): Ore => Number(roundHalfAway(fp ? mul(exactOre, factors.get(year)!) : exactOre));

  const rows: TaxSwapRow[] = [];
  for (const code of codes) {
    let cumulative: Ore | null = 0;
    for (const year of years) {
      const ore = oreForYear(input.ore, year)!.ore;
      const base = taxBase.get(key(code, year)) ?? null;
      const revenueOre = base == null ? null : atPrice(swapRevenueExact(ore, base), year);
      const rawCost = cost.get(key(code, year));
      const costOre = rawCost == null ? null : atPrice(ratio(BigInt(rawCost)), year);
      const balanceOre = revenueOre == null || costOre == null ? null : revenueOre - costOre;
      cumulative = cumulative == null || balanceOre == null ? null : cumulative + balanceOre;
      const p = pop.get(key(code, year));
      rows.push({municipalityCode: code, year, ore, taxBaseOre: base, revenueOre, costOre, balanceOre, ...perCapita(balanceOre, p), cumulativeBalanceOre: cumulative});
    }
  }

  const county: CountyYear[] = [];
  let countyCumulative: Ore | null = 0;
  for (const year of years) {
    const inYear = rows.filter((r) => r.year === year);
    const complete = inYear.filter((r) => r.balanceOre != null);
    const missing = inYear.filter((r) => r.balanceOre == null).map((r) => r.municipalityCode);
    const total = (f: (r: TaxSwapRow) => number | null) => complete.reduce((s, r) => s + (f(r) ?? 0), 0);
    const any = complete.length > 0;
    const balanceOre = any ? total((r) => r.balanceOre) : null;
    const withPop = complete.every((r) => r.population != null);
    const p = any && withPop ? {all: total((r) => r.population), old: total((r) => r.population80)} : undefined;
    countyCumulative = countyCumulative == null || balanceOre == null || missing.length ? null : countyCumulative + balanceOre;
    county.push({
      year,
      municipalities: complete.length,
      missing,
      revenueOre: any ? total((r) => r.revenueOre) : null,
      costOre: any ? total((r) => r.costOre) : null,
      balanceOre,
      ...perCapita(balanceOre, p),
      cumulativeBalanceOre: countyCumulative
    });
  }

  const oreText = [...input.ore]
    .sort((a, b) => a.fromYear - b.fromYear)
    .map((s) => `${formatDecimal(Number(s.ore), decimalsOf(s.ore))} öre från ${s.fromYear}`)
    .join(", ");
  const whose = principal ? ` (huvudman ${principal})` : "";
  let method =
    `Intäkt av växlade öre (${oreText}) = öre × 0,0001 × skatteunderlag: 1 öre per skattekrona är 0,01 kr per 100 kr ` +
    `beskattningsbar inkomst. Kostnad = summan av kostnadsslagen ${[...options.categories].join(", ")}${whose}. ` +
    `Saldo = intäkt − kostnad, per invånare och per invånare 80+ (folkmängd 31 december samma år), och ackumulerat sedan ${fromYear}. ` +
    `Beloppen avrundas till hela ören per kommun och år; länets belopp är summan av kommunerna med både intäkt och kostnad.`;
  let fixedPrices: TaxSwapResult["fixedPrices"] = null;
  if (fp) {
    const lag = fp.lag ?? 0;
    fixedPrices = {
      year: fp.year,
      index: fp.index,
      lag,
      factors: years.map((y) => ({year: y, factor: factors.get(y)!, steps: upratingSteps(fp.series, fp.index, y, fp.year, {lag, asOf: fp.asOf}), method: priceLevelFactor(fp.series, fp.index, y, fp.year, {lag, asOf: fp.asOf}).method}))
    };
    method += ` Fasta priser: intäkter och kostnader räknas om till ${fp.year} års prisnivå med ${fp.index}` +
      `${lag ? ` (förskjutning ${lag} år)` : ""} innan saldot räknas.`;
  }
  return {years, rows, county, fixedPrices, method};
}

function perCapita(balanceOre: Ore | null, p: {all: number; old: number} | undefined) {
  const population = p ? p.all : null;
  const population80 = p ? p.old : null;
  const per = (n: number | null): Ore | null =>
    balanceOre == null || !n ? null : Number(roundHalfAway(ratio(BigInt(balanceOre), BigInt(n))));
  return {
    population,
    population80,
    share80: p && p.all ? p.old / p.all : null,
    balancePerInhabitantOre: per(population),
    balancePerInhabitant80Ore: per(population80)
  };
}

const decimalsOf = (text: string): number => (text.includes(".") ? text.split(".")[1].length : 0);

// ---------------------------------------------------------------------------------------------------
// Review years

/** Review years: start + every × n, n ≥ 1 (2017, 2021, 2025, … for the 2013 swap), up to `upTo`. */
export function reviewYears(upTo: number, {startYear = 2013, every = 4}: {startYear?: number; every?: number} = {}): number[] {
  const out: number[] = [];
  for (let y = startYear + every; y <= upTo; y += every) out.push(y);
  return out;
}

/**
 * The years a review covers: the `every` years before it ("a review covers the four years before it"):
 * 2025 → 2021–2024, 2017 → 2013–2016 (the first four years of the swap). Throws for a year that is not
 * a review year.
 */
export function reviewWindow(
  reviewYear: number,
  {startYear = 2013, every = 4}: {startYear?: number; every?: number} = {}
): {reviewYear: number; fromYear: number; toYear: number; years: number[]} {
  if (reviewYear <= startYear || (reviewYear - startYear) % every !== 0) {
    throw new RangeError(`${reviewYear} är inget uppföljningsår (${startYear} + ${every} × n).`);
  }
  const fromYear = reviewYear - every;
  const toYear = reviewYear - 1;
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(y);
  return {reviewYear, fromYear, toYear, years};
}

export interface WindowTotal {
  /** null: the county (the sum of the municipality rows). */
  municipalityCode: string | null;
  revenueOre: Ore | null;
  costOre: Ore | null;
  balanceOre: Ore | null;
  /** Inhabitant-years: the sum over the window's years of each year's 31 December population. */
  population?: number | null;
  population80?: number | null;
  /** Share of inhabitants 80+ over the window: Σ population 80+ / Σ population (display number). */
  share80?: number | null;
  /** Balance per inhabitant and year: Σ balance / Σ population, whole öre (half away). */
  balancePerInhabitantOre?: Ore | null;
  /** Balance per inhabitant 80+ and year: Σ balance / Σ population 80+, whole öre (half away). */
  balancePerInhabitant80Ore?: Ore | null;
  /** Cumulative balance since the swap at the end of the window (null when any year since the swap is missing). */
  cumulativeBalanceOre?: Ore | null;
}

/**
 * Sums over a review window per municipality, and the county as the sum of those. A municipality with a
 * missing year (or a year outside the follow-up) gets null and is left out of the county sum.
 * Per inhabitant over a window is per inhabitant and year: the window's balance divided by the sum of the
 * years' populations (so a four-year window is comparable with one year), rounded once to whole öre.
 */
export function windowTotals(result: TaxSwapResult, window: {years: readonly number[]}): {rows: WindowTotal[]; county: WindowTotal & {missing: string[]}} {
  const codes = [...new Set(result.rows.map((r) => r.municipalityCode))];
  const last = Math.max(...window.years);
  const empty = {revenueOre: null, costOre: null, balanceOre: null, population: null, population80: null, share80: null, balancePerInhabitantOre: null, balancePerInhabitant80Ore: null, cumulativeBalanceOre: null};
  const rows = codes.map((code): WindowTotal => {
    const ys = window.years.map((y) => result.rows.find((r) => r.municipalityCode === code && r.year === y));
    if (ys.some((r) => !r || r.balanceOre == null)) return {municipalityCode: code, ...empty};
    const s = (f: (r: TaxSwapRow) => number | null) => ys.reduce((t, r) => t + (f(r!) ?? 0), 0);
    const withPop = ys.every((r) => r!.population != null);
    const balanceOre = s((r) => r.balanceOre);
    return {
      municipalityCode: code,
      revenueOre: s((r) => r.revenueOre),
      costOre: s((r) => r.costOre),
      balanceOre,
      ...perCapita(balanceOre, withPop ? {all: s((r) => r.population), old: s((r) => r.population80)} : undefined),
      cumulativeBalanceOre: ys.find((r) => r!.year === last)!.cumulativeBalanceOre
    };
  });
  const complete = rows.filter((r) => r.balanceOre != null);
  const any = complete.length > 0;
  const s = (f: (r: WindowTotal) => number | null | undefined) => (any ? complete.reduce((t, r) => t + (f(r) ?? 0), 0) : null);
  const balanceOre = s((r) => r.balanceOre);
  const withPop = any && complete.every((r) => r.population != null);
  const allCumulative = rows.length > 0 && rows.every((r) => r.cumulativeBalanceOre != null);
  return {
    rows,
    county: {
      municipalityCode: null,
      revenueOre: s((r) => r.revenueOre),
      costOre: s((r) => r.costOre),
      balanceOre,
      ...perCapita(balanceOre, withPop ? {all: s((r) => r.population)!, old: s((r) => r.population80)!} : undefined),
      cumulativeBalanceOre: allCumulative ? rows.reduce((t, r) => t + r.cumulativeBalanceOre!, 0) : null,
      missing: rows.filter((r) => r.balanceOre == null).map((r) => r.municipalityCode!)
    }
  };
}

// ---------------------------------------------------------------------------------------------------
// Balance and the share of elderly (SOU 2011:55)

export interface LinearFit {
  n: number;
  /** Kronor of balance per inhabitant per percentage point of inhabitants 80+. */
  slope: number | null;
  /** Kronor per inhabitant at 0 % 80+ (an extrapolation; shown for the line only). */
  intercept: number | null;
  r2: number | null;
  sentence: string;
}

/** Ordinary least squares y = intercept + slope × x (display numbers, not money). */
export function leastSquares(points: readonly {x: number; y: number}[]): {n: number; slope: number; intercept: number; r2: number} | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  // All y equal: the line explains everything there is (nothing); r² = 0 by convention here.
  const r2 = syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  return {n, slope, intercept: my - slope * mx, r2};
}

/**
 * Least-squares fit of balance per inhabitant (kr) against the share of inhabitants 80+ (in percent),
 * one point per row with both values (pass the rows of one year, or window means), with a Swedish
 * sentence saying what the slope means.
 */
export function elderlyShareFit(rows: readonly {share80: number | null; balancePerInhabitantOre: Ore | null}[]): LinearFit {
  const points = rows
    .filter((r) => r.share80 != null && r.balancePerInhabitantOre != null)
    .map((r) => ({x: r.share80! * 100, y: r.balancePerInhabitantOre! / 100}));
  const n = points.length;
  if (n < 3) return {n, slope: null, intercept: null, r2: null, sentence: `För få kommuner (n = ${n}) för att skatta ett samband.`};
  const fit = leastSquares(points);
  if (!fit) return {n, slope: null, intercept: null, r2: null, sentence: "Alla kommuner har samma andel 80+: inget samband kan skattas."};
  const tail = `(r² = ${formatDecimal(fit.r2, 2)}, n = ${formatInteger(n)}): andelen 80+ förklarar ${formatDecimal(fit.r2 * 100, 0)} % av skillnaderna i saldo per invånare.`;
  const amount = formatDecimal(Math.abs(fit.slope), 0);
  let sentence: string;
  if (amount === "0") sentence = `Saldot per invånare varierar i genomsnitt inte med andelen invånare 80+ ${tail}`;
  else if (fit.slope < 0)
    sentence = `Kommuner med högre andel invånare 80+ har i genomsnitt lägre saldo per invånare: −${amount} kr per procentenhet ${tail}`;
  else sentence = `Kommuner med högre andel invånare 80+ har i genomsnitt högre saldo per invånare: +${amount} kr per procentenhet ${tail}`;
  return {n, slope: fit.slope, intercept: fit.intercept, r2: fit.r2, sentence};
}
