import {describe, expect, it} from "vitest";
import {reconcileAndDistribute, type ReconciliationYearInputs} from "../../loaders/models/supplementary-amount-year.ts";
import type {IndexValue} from "../../loaders/models/index-uprating.ts";

// LPIK as in the model tests: 2025 outcome 2.8 %, 2026 forecast 3.0 % → factor 1.05884;
// uprated 3 955 221 kr and 27 466 kr (see supplementary-amount.test.ts).
const lpik: IndexValue[] = [
  {index: "LPIK", year: 2025, changePercent: "2.8", edition: "2026-03-20", status: "utfall"},
  {index: "LPIK", year: 2026, changePercent: "3.0", edition: "2025-12-15", status: "prognos"}
];

// The three municipalities of allocation.test.ts: weights 0.3525, 0.45, 0.1975 (hand computation there).
const inputs: ReconciliationYearInputs = {
  year: 2026,
  band: {lower: 129, upper: 169, baseFrom: 2019, baseTo: 2024},
  amounts: {supplementaryAmountOre: 373_542_800, adjustmentAmountOre: 2_594_000, baseCount: 144},
  indexSeries: lpik,
  index: "LPIK",
  levelYear: 2024,
  upratingFrom: 2026,
  weights: {elderly: "0.5", sparsity: "0.3", socioeconomics: "0.2"},
  municipalities: [
    {municipalityCode: "2303", name: "A", population: 1000, elderly: 100, sparsity: "1.5", socioeconomics: "1.0"},
    {municipalityCode: "2305", name: "B", population: 2000, elderly: 100, sparsity: "1.0", socioeconomics: "1.25"},
    {municipalityCode: "2309", name: "C", population: 1000, elderly: 50, sparsity: "0.5", socioeconomics: "1.5"}
  ]
};

describe("reconcileAndDistribute: one reconciliation year, from the count to each municipality's krona", () => {
  it("174 above 129–169: 3 955 221 + 5 × 27 466 = 4 092 551 kr, split 0.3525 / 0.45 / 0.1975 in whole kronor", () => {
    // Exact parts: 1 442 624.2275, 1 841 647.95, 808 278.8225; floors 1 442 624 + 1 841 647 + 808 278 = 4 092 549,
    // the two kronor left go to the largest remainders (B 0.95, C 0.8225).
    const r = reconcileAndDistribute(inputs, 174, "beyond-limit");
    expect(r.reconciliation).toMatchObject({persons: 5, factor: "1.058840", finalAmountOre: 409_255_100});
    expect(r.distribution!.rows.map((x) => x.amountOre)).toEqual([144_262_400, 184_164_800, 80_827_900]);
    expect(r.distribution!.sumsToTotal).toBe(true);
    expect(r.distributionNote).toBeNull();
  });

  it("reads the revision from the base count when asked: 174 − 144 = +30 persons → 4 779 201 kr", () => {
    const r = reconcileAndDistribute(inputs, 174, "from-base");
    expect(r.reconciliation.finalAmountOre).toBe(477_920_100);
    expect(r.distribution!.rows.reduce((s, x) => s + x.amountOre, 0)).toBe(477_920_100);
  });

  it("gives no distribution, and says why, without municipalities", () => {
    const r = reconcileAndDistribute({...inputs, municipalities: null}, 150, "beyond-limit");
    expect(r.reconciliation.finalAmountOre).toBe(395_522_100);
    expect(r.distribution).toBeNull();
    expect(r.distributionNote).toMatch(/befolkning eller fördelningsfaktorer saknas/);
  });

  it("is plain JSON (the browser's what-if gets the same objects)", () => {
    const r = reconcileAndDistribute(inputs, 120, "beyond-limit");
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
