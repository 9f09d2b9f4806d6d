/**
 * What-if scenarios for the skatteväxling review (the Västerbotten project directive 2011: "arbeta med
 * scenarier"): the balance of a review period per municipality under another swap size, with the
 * hemsjukvårdstillägg that SOU 2011:55 proposed (a percentage of the municipality's standard cost for
 * elderly care in the cost equalisation), or with costs that grew only by a price index since the swap,
 * each against the base case (the review's own balance). Pure; runs in the loaders, the CLI and the page.
 *
 * Per municipality and year, each amount rounded once to whole öre:
 *   revenue  = öre × 0.0001 × skatteunderlag (the scenario's öre, else the year's own öre)
 *   cost     = the year's cost, or with an index: cost(start year) × Π (1 + change/100) for the years after
 *   tillägg  = percent/100 × standard cost per inhabitant × inhabitants (31 December)
 *   balance  = revenue + tillägg − cost;  change = scenario balance − base balance.
 * The period's figures are the sums of its years; the county is the sum of the municipalities with every
 * input present (the others are listed as missing, never counted as zero).
 */
import {add, dec, mul, ratio, roundHalfAway, ONE, type Ratio} from "./exact.ts";
import type {Ore} from "./money.ts";

export interface ScenarioYear {
  municipalityCode: string;
  year: number;
  /** The öre that applied this year (exact decimal text). */
  ore: string;
  taxBaseOre: number | null;
  /** The year's cost in current prices, öre. */
  costOre: number | null;
  population: number | null;
}

export interface ScenarioSpec {
  /** Short name for files and the URL ("25-ore"). */
  name: string;
  /** Swedish label. */
  label: string;
  /** Another swap size in every year of the period (exact decimal text); null: the real series. */
  ore?: string | null;
  /** Hemsjukvårdstillägg, % of the standard cost for elderly care (exact decimal text). */
  supplementPercent?: string | null;
  /** Costs grown from the swap year's cost by this index instead of the actual costs. */
  costIndex?: {index: string; changes: readonly {year: number; changePercent: string}[]} | null;
}

export interface ScenarioInputs {
  /** Every municipality and year since the swap (the index scenario needs the swap year's cost). */
  years: readonly ScenarioYear[];
  windowYears: readonly number[];
  startYear: number;
  /** Standard cost for elderly care, kronor per inhabitant (exact decimal text). */
  standardCost?: readonly {municipalityCode: string; year: number; perInhabitant: string}[];
}

export interface ScenarioAmounts {
  baseBalanceOre: Ore | null;
  revenueOre: Ore | null;
  costOre: Ore | null;
  supplementOre: Ore | null;
  balanceOre: Ore | null;
  changeOre: Ore | null;
}

export interface ScenarioMunicipality extends ScenarioAmounts {
  municipalityCode: string;
  /** What is missing for a year, in words ("2022: skatteunderlag"). */
  missing: string[];
}

export interface ScenarioResult {
  spec: ScenarioSpec;
  rows: ScenarioMunicipality[];
  /** The sum of the municipalities with every input (null when none). */
  county: ScenarioAmounts & {municipalities: number; missing: string[]};
}

const round = (r: Ratio): Ore => Number(roundHalfAway(r));
const revenue = (ore: string, taxBaseOre: number) => round(mul(dec(ore), ratio(BigInt(taxBaseOre), 10_000n)));

export function runScenario(inputs: ScenarioInputs, spec: ScenarioSpec): ScenarioResult {
  const key = (c: string, y: number) => `${c}|${y}`;
  const byKey = new Map(inputs.years.map((r) => [key(r.municipalityCode, r.year), r]));
  const standard = new Map((inputs.standardCost ?? []).map((s) => [key(s.municipalityCode, s.year), s.perInhabitant]));
  const changes = new Map((spec.costIndex?.changes ?? []).map((c) => [c.year, c.changePercent]));
  const codes = [...new Set(inputs.years.map((r) => r.municipalityCode))].sort();

  const rows = codes.map((code): ScenarioMunicipality => {
    const missing: string[] = [];
    let base = 0, rev = 0, cost = 0, supp = 0;
    for (const year of inputs.windowYears) {
      const r = byKey.get(key(code, year));
      const lack: string[] = [];
      if (!r || r.taxBaseOre == null) lack.push("skatteunderlag");
      if (!r || r.costOre == null) lack.push("kostnad");
      let scenCost: Ore | null = r?.costOre ?? null;
      if (spec.costIndex) {
        const first = byKey.get(key(code, inputs.startYear));
        let factor: Ratio | null = ONE;
        for (let y = inputs.startYear + 1; y <= year && factor; y++) {
          const c = changes.get(y);
          factor = c == null ? null : mul(factor, add(ONE, mul(dec(c), ratio(1n, 100n))));
          if (c == null) lack.push(`${spec.costIndex.index} ${y}`);
        }
        if (first?.costOre == null) lack.push(`kostnad ${inputs.startYear}`);
        scenCost = first?.costOre == null || !factor ? null : round(mul(ratio(BigInt(first.costOre)), factor));
      }
      let supplement = 0;
      if (spec.supplementPercent != null) {
        const per = standard.get(key(code, year));
        if (per == null) lack.push("standardkostnad för äldreomsorg");
        if (!r || r.population == null) lack.push("folkmängd");
        if (per != null && r?.population != null) supplement = round(mul(mul(dec(spec.supplementPercent), ratio(1n, 100n)), mul(mul(dec(per), ratio(100n)), ratio(BigInt(r.population)))));
      }
      if (lack.length || !r || scenCost == null) {
        missing.push(`${year}: ${[...new Set(lack)].join(", ")}`);
        continue;
      }
      const baseRevenue = revenue(r.ore, r.taxBaseOre!);
      const scenRevenue = revenue(spec.ore ?? r.ore, r.taxBaseOre!);
      base += baseRevenue - r.costOre!;
      rev += scenRevenue;
      cost += scenCost;
      supp += supplement;
    }
    if (missing.length) return {municipalityCode: code, baseBalanceOre: null, revenueOre: null, costOre: null, supplementOre: null, balanceOre: null, changeOre: null, missing};
    const balance = rev + supp - cost;
    return {municipalityCode: code, baseBalanceOre: base, revenueOre: rev, costOre: cost, supplementOre: spec.supplementPercent != null ? supp : null, balanceOre: balance, changeOre: balance - base, missing};
  });

  const done = rows.filter((r) => !r.missing.length);
  const total = (f: (r: ScenarioMunicipality) => number | null) => (done.length ? done.reduce((s, r) => s + (f(r) ?? 0), 0) : null);
  return {
    spec,
    rows,
    county: {
      municipalities: done.length,
      missing: rows.filter((r) => r.missing.length).map((r) => r.municipalityCode),
      baseBalanceOre: total((r) => r.baseBalanceOre),
      revenueOre: total((r) => r.revenueOre),
      costOre: total((r) => r.costOre),
      supplementOre: spec.supplementPercent != null ? total((r) => r.supplementOre) : null,
      balanceOre: total((r) => r.balanceOre),
      changeOre: total((r) => r.changeOre)
    }
  };
}

/** The scenario in words (for the method text, the CLI and the page). */
export function scenarioText(spec: ScenarioSpec): string {
  const parts: string[] = [];
  if (spec.ore != null) parts.push(`${spec.ore.replace(".", ",")} öre per skattekrona alla år i perioden`);
  if (spec.supplementPercent != null) parts.push(`hemsjukvårdstillägg ${spec.supplementPercent.replace(".", ",")} % av standardkostnaden för äldreomsorg per invånare`);
  if (spec.costIndex) parts.push(`kostnaden från växlingsåret uppräknad med ${spec.costIndex.index} i stället för den faktiska kostnaden`);
  return parts.length ? parts.join("; ") : "som i grundfallet";
}
