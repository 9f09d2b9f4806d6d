import {describe, expect, it} from "vitest";
import {
  elderlyShareFit,
  leastSquares,
  oreForYear,
  reviewWindow,
  reviewYears,
  swapRevenueOre,
  taxSwapFollowUp,
  windowTotals,
  type CostRow,
  type PopulationRow,
  type TaxBaseRow
} from "../../loaders/models/tax-swap.ts";
import {ratio} from "../../loaders/models/exact.ts";
import type {IndexValue} from "../../loaders/models/index-uprating.ts";

const MKR = 100_000_000; // 1 000 000 kr in öre
const ore = [
  {fromYear: 2013, ore: "20"},
  {fromYear: 2016, ore: "25"}
];
const years = [2013, 2014, 2015, 2016];

// Umeå gains: tax base 1 000 Mkr, cost 1.8 Mkr a year. Åsele loses: tax base 300 Mkr, cost 0.9 Mkr.
const taxBase: TaxBaseRow[] = years.flatMap((year) => [
  {municipalityCode: "2480", year, taxBaseOre: 1000 * MKR},
  {municipalityCode: "2463", year, taxBaseOre: 300 * MKR}
]);
const costs: CostRow[] = years.flatMap((year) => [
  {municipalityCode: "2480", year, category: "hemsjukvard_ordinart", principal: "kommun" as const, amountOre: 1 * MKR},
  {municipalityCode: "2480", year, category: "hemsjukvard_sabo", principal: "kommun" as const, amountOre: 0.8 * MKR},
  {municipalityCode: "2480", year, category: "hjalpmedel", principal: "kommun" as const, amountOre: 0.5 * MKR}, // not in the task
  {municipalityCode: "2480", year, category: "hemsjukvard_ordinart", principal: "region" as const, amountOre: 0.3 * MKR}, // the region's
  {municipalityCode: "2463", year, category: "hemsjukvard_ordinart", principal: "kommun" as const, amountOre: 0.9 * MKR}
]);
const population: PopulationRow[] = years.flatMap((year) => [
  {municipalityCode: "2480", year, ageBand: "0-64", population: 8000},
  {municipalityCode: "2480", year, ageBand: "65-79", population: 1500},
  {municipalityCode: "2480", year, ageBand: "80+", population: 500},
  {municipalityCode: "2463", year, ageBand: "0-64", population: 2100},
  {municipalityCode: "2463", year, ageBand: "65-79", population: 600},
  {municipalityCode: "2463", year, ageBand: "80+", population: 300}
]);
const categories = ["hemsjukvard_ordinart", "hemsjukvard_sabo"];
const result = taxSwapFollowUp({ore, taxBase, costs, population}, {categories});
const row = (code: string, year: number) => result.rows.find((r) => r.municipalityCode === code && r.year === year)!;

describe("revenue of the swapped öre", () => {
  it("1 öre per skattekrona is 0.0001 × skatteunderlag: 20 öre of 1 000 Mkr = 2 Mkr, 25 öre = 2.5 Mkr", () => {
    expect(swapRevenueOre("20", 1000 * MKR)).toBe(2 * MKR);
    expect(swapRevenueOre("25", 1000 * MKR)).toBe(2.5 * MKR);
    // (öre / 100) kr per skattekrona × (skatteunderlag / 100): 0.20 × 10 000 000 = 2 000 000 kr.
    expect(swapRevenueOre("20", 1000 * MKR)).toBe((20 / 100) * ((1000 * MKR) / 100));
  });

  it("Norrbotten's 22 öre on a base of about 55 900 Mkr is about 123 Mkr", () => {
    expect(Math.round(swapRevenueOre("22", 55_909 * MKR) / MKR)).toBe(123);
  });

  it("rounds once to whole öre: 20 öre of 123 456 789.01 kr = 246 913.57802 kr → 24 691 358 öre", () => {
    expect(swapRevenueOre("20", 12_345_678_901)).toBe(24_691_358);
  });

  it("the öre is a series: 20 from 2013, 25 from 2016, none before the swap", () => {
    expect(oreForYear(ore, 2015)!.ore).toBe("20");
    expect(oreForYear(ore, 2016)!.ore).toBe("25");
    expect(oreForYear(ore, 2020)!.ore).toBe("25");
    expect(oreForYear(ore, 2012)).toBeNull();
  });
});

describe("follow-up per municipality and year", () => {
  it("covers the years since the swap", () => {
    expect(result.years).toEqual([2013, 2014, 2015, 2016]);
    expect(row("2480", 2016).ore).toBe("25");
  });

  it("Umeå gains: 2 Mkr − 1.8 Mkr = +200 000 kr (20 kr per inhabitant, 400 kr per inhabitant 80+)", () => {
    const r = row("2480", 2013);
    expect(r.revenueOre).toBe(2 * MKR);
    expect(r.costOre).toBe(1.8 * MKR); // only the two task categories, only the municipality's rows
    expect(r.balanceOre).toBe(200_000_00);
    expect(r.population).toBe(10_000);
    expect(r.population80).toBe(500);
    expect(r.share80).toBeCloseTo(0.05, 12);
    expect(r.balancePerInhabitantOre).toBe(20_00);
    expect(r.balancePerInhabitant80Ore).toBe(400_00);
    // 2016 at 25 öre: 2.5 − 1.8 = +700 000 kr; cumulative 3 × 200 000 + 700 000.
    expect(row("2480", 2016).balanceOre).toBe(700_000_00);
    expect(row("2480", 2016).cumulativeBalanceOre).toBe(1_300_000_00);
  });

  it("Åsele loses: 600 000 − 900 000 = −300 000 kr (−100 kr per inhabitant, −1 000 kr per inhabitant 80+)", () => {
    const r = row("2463", 2013);
    expect(r.revenueOre).toBe(600_000_00);
    expect(r.balanceOre).toBe(-300_000_00);
    expect(r.balancePerInhabitantOre).toBe(-100_00);
    expect(r.balancePerInhabitant80Ore).toBe(-1_000_00);
    // 2016: 750 000 − 900 000 = −150 000; cumulative −900 000 − 150 000.
    expect(row("2463", 2016).cumulativeBalanceOre).toBe(-1_050_000_00);
  });

  it("the county is exactly the sum of the municipalities", () => {
    for (const c of result.county) {
      const rows = result.rows.filter((r) => r.year === c.year);
      expect(c.revenueOre).toBe(rows.reduce((s, r) => s + r.revenueOre!, 0));
      expect(c.costOre).toBe(rows.reduce((s, r) => s + r.costOre!, 0));
      expect(c.balanceOre).toBe(rows.reduce((s, r) => s + r.balanceOre!, 0));
      expect(c.cumulativeBalanceOre).toBe(rows.reduce((s, r) => s + r.cumulativeBalanceOre!, 0));
      expect(c.missing).toEqual([]);
    }
    // 2013: −100 000 kr over 13 000 inhabitants = −7.6923 kr → −769 öre.
    expect(result.county[0].balanceOre).toBe(-100_000_00);
    expect(result.county[0].balancePerInhabitantOre).toBe(-769);
  });

  it("leaves a municipality-year without cost as missing, not as zero cost", () => {
    const r = taxSwapFollowUp({ore, taxBase, costs: costs.filter((c) => !(c.municipalityCode === "2463" && c.year === 2014)), population}, {categories});
    const gap = r.rows.find((x) => x.municipalityCode === "2463" && x.year === 2014)!;
    expect(gap.costOre).toBeNull();
    expect(gap.balanceOre).toBeNull();
    expect(gap.cumulativeBalanceOre).toBeNull();
    const c2014 = r.county.find((c) => c.year === 2014)!;
    expect(c2014.missing).toEqual(["2463"]);
    expect(c2014.balanceOre).toBe(200_000_00);
    expect(c2014.revenueOre! - c2014.costOre!).toBe(c2014.balanceOre);
  });

  it("in fixed prices: 2013 amounts to 2014 level with LPIK 2014 = 2.8 % (lag 0)", () => {
    const series: IndexValue[] = [{index: "LPIK", year: 2014, changePercent: "2.8", edition: "2015-03-20"}];
    const r = taxSwapFollowUp({ore, taxBase, costs, population}, {categories, toYear: 2014, fixedPrices: {year: 2014, index: "LPIK", series}});
    const u = r.rows.find((x) => x.municipalityCode === "2480" && x.year === 2013)!;
    expect(u.revenueOre).toBe(2_056_000_00); // 2 000 000 × 1.028
    expect(u.costOre).toBe(1_850_400_00); // 1 800 000 × 1.028
    expect(u.balanceOre).toBe(205_600_00);
    expect(r.fixedPrices!.factors[0].factor).toEqual(ratio(1028, 1000));
    expect(r.fixedPrices!.factors[1].factor).toEqual(ratio(1));
    expect(r.method).toContain("Fasta priser");
  });

  it("writes the method in Swedish", () => {
    expect(result.method).toContain("öre × 0,0001 × skatteunderlag");
    expect(result.method).toContain("20 öre från 2013, 25 öre från 2016");
  });
});

describe("review years", () => {
  it("are 2013 + 4n", () => {
    expect(reviewYears(2025)).toEqual([2017, 2021, 2025]);
    expect(reviewYears(2016)).toEqual([]);
  });

  it("a review covers the four years before it", () => {
    expect(reviewWindow(2025)).toEqual({reviewYear: 2025, fromYear: 2021, toYear: 2024, years: [2021, 2022, 2023, 2024]});
    expect(reviewWindow(2017).years).toEqual([2013, 2014, 2015, 2016]);
    expect(() => reviewWindow(2024)).toThrow(RangeError);
    expect(() => reviewWindow(2013)).toThrow(RangeError);
  });

  it("window totals per municipality add up to the county", () => {
    const w = windowTotals(result, reviewWindow(2017));
    const umea = w.rows.find((r) => r.municipalityCode === "2480")!;
    expect(umea.balanceOre).toBe(1_300_000_00);
    expect(w.county.balanceOre).toBe(1_300_000_00 - 1_050_000_00);
    expect(w.county.revenueOre! - w.county.costOre!).toBe(w.county.balanceOre);
    // 2021–2024 lies outside this follow-up: missing, not zero.
    expect(windowTotals(result, reviewWindow(2025)).county.missing).toEqual(["2463", "2480"]);
  });
});

describe("balance and the share of elderly", () => {
  it("least squares on an exact line", () => {
    const fit = leastSquares([
      {x: 1, y: 3},
      {x: 2, y: 5},
      {x: 3, y: 7}
    ])!;
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(1, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it("says in Swedish that a higher share 80+ goes with a lower balance: −50 kr per percentage point", () => {
    const fit = elderlyShareFit([
      {share80: 0.05, balancePerInhabitantOre: 100_00},
      {share80: 0.07, balancePerInhabitantOre: 0},
      {share80: 0.09, balancePerInhabitantOre: -100_00},
      {share80: null, balancePerInhabitantOre: 5}
    ]);
    expect(fit.n).toBe(3);
    expect(fit.slope).toBeCloseTo(-50, 9);
    expect(fit.intercept).toBeCloseTo(350, 9);
    expect(fit.r2).toBeCloseTo(1, 9);
    expect(fit.sentence).toBe(
      "Kommuner med högre andel invånare 80+ har i genomsnitt lägre saldo per invånare: −50 kr per procentenhet " +
        "(r² = 1,00, n = 3): andelen 80+ förklarar 100 % av skillnaderna i saldo per invånare."
    );
  });

  it("fits the follow-up's rows of one year (Åsele: 10 % 80+, −100 kr; Umeå: 5 %, +20 kr)", () => {
    const fit = elderlyShareFit(result.rows.filter((r) => r.year === 2013));
    expect(fit.n).toBe(2);
    expect(fit.slope).toBeNull();
    expect(fit.sentence).toContain("För få kommuner");
  });
});
