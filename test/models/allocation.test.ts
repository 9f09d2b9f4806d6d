import {describe, expect, it} from "vitest";
import {allocate, allocationForJson, allocationWeights, type AllocationMunicipality} from "../../loaders/models/allocation.ts";
import {ratio} from "../../loaders/models/exact.ts";

const weights = {elderly: "0.5", sparsity: "0.3", socioeconomics: "0.2"};

// Three municipalities, hand computation:
//                 population  elderly  sparsity  socio   P×sparsity  P×socio
//   A                  1 000      100       1.5    1.0        1 500    1 000
//   B                  2 000      100       1.0    1.25       2 000    2 500
//   C                  1 000       50       0.5    1.5          500    1 500
//   sum                           250                         4 000    5 000
// Shares: elderly 0.4, 0.4, 0.2; sparsity 0.375, 0.5, 0.125; socio 0.2, 0.5, 0.3.
// Weights: A 0.5×0.4 + 0.3×0.375 + 0.2×0.2 = 0.3525, B 0.2 + 0.15 + 0.1 = 0.45, C 0.1 + 0.0375 + 0.06 = 0.1975.
const three: AllocationMunicipality[] = [
  {municipalityCode: "2303", name: "A", population: 1000, elderly: 100, sparsity: "1.5", socioeconomics: "1.0"},
  {municipalityCode: "2305", name: "B", population: 2000, elderly: 100, sparsity: "1.0", socioeconomics: "1.25"},
  {municipalityCode: "2309", name: "C", population: 1000, elderly: 50, sparsity: "0.5", socioeconomics: "1.5"}
];

describe("allocationWeights: the three-factor (hälsoval) model", () => {
  it("gives each municipality Σ weight × share, exactly", () => {
    const rows = allocationWeights(three, weights);
    expect(rows.map((r) => r.weight)).toEqual([ratio(3525n, 10000n), ratio(45n, 100n), ratio(1975n, 10000n)]);
    expect(rows.map((r) => r.weightText)).toEqual(["0.352500", "0.450000", "0.197500"]);
    expect(rows.map((r) => r.weightNumber)).toEqual([0.3525, 0.45, 0.1975]);
    expect(rows.map((r) => r.shareNumbers)).toEqual([
      {elderly: 0.4, sparsity: 0.375, socioeconomics: 0.2},
      {elderly: 0.4, sparsity: 0.5, socioeconomics: 0.5},
      {elderly: 0.2, sparsity: 0.125, socioeconomics: 0.3}
    ]);
  });

  it("wants weights that sum to exactly 1", () => {
    expect(() => allocationWeights(three, {elderly: "0.5", sparsity: "0.3", socioeconomics: "0.3"})).toThrow(/exakt 1.*1,100000/);
  });

  it("lets a factor with weight 0 be 0 everywhere", () => {
    const none = three.map((m) => ({...m, elderly: 0}));
    const rows = allocationWeights(none, {elderly: "0", sparsity: "0.6", socioeconomics: "0.4"});
    // A 0.6 × 0.375 + 0.4 × 0.2 = 0.305
    expect(rows[0].weightText).toBe("0.305000");
    expect(() => allocationWeights(none, weights)).toThrow(/0 för alla kommuner/);
  });
});

describe("allocate: whole kronor by largest remainder", () => {
  it("adds up exactly to the total: 1 000 001 kr → 352 500, 450 001, 197 500", () => {
    // Exact: 352 500.3525, 450 000.45, 197 500.1975; the floors leave 1 kr, which goes to the largest
    // remainder (B, 0.45).
    const a = allocate(100_000_100, three, weights);
    expect(a.rows.map((r) => r.amountOre)).toEqual([35_250_000, 45_000_100, 19_750_000]);
    expect(a.rows.reduce((s, r) => s + r.amountOre, 0)).toBe(100_000_100);
    expect(a.method).toContain("äldre 0,5, glesbygd 0,3 och socioekonomi 0,2");
  });

  it("distributes the reconciled tilläggsbelopp (4 120 017 kr) with parts that add up", () => {
    const a = allocate(412_001_700, three, weights);
    expect(a.rows.reduce((s, r) => s + r.amountOre, 0)).toBe(412_001_700);
    expect(a.rows.every((r) => r.amountOre % 100 === 0)).toBe(true);
  });

  it("breaks a tie in the remainder by the earlier municipality when weights are equal: 100 kr → 34, 33, 33", () => {
    const same = ["2303", "2305", "2309"].map((municipalityCode) => ({municipalityCode, population: 1000, elderly: 100, sparsity: "1", socioeconomics: "1"}));
    expect(allocate(10_000, same, weights).rows.map((r) => r.amountOre)).toEqual([3_400, 3_300, 3_300]);
  });

  it("breaks a tie in the remainder by the larger weight before the order: 6 kr at 0.25/0.75 → 1, 5", () => {
    // 6 × 0.25 = 1.5 and 6 × 0.75 = 4.5: both remainders 0.5, the larger weight (listed second) gets the krona.
    const small = {municipalityCode: "2303", population: 1000, elderly: 100, sparsity: "1", socioeconomics: "1"};
    const large = {municipalityCode: "2380", population: 3000, elderly: 300, sparsity: "1", socioeconomics: "1"};
    expect(allocate(600, [small, large], weights).rows.map((r) => r.amountOre)).toEqual([100, 500]);
  });

  it("turns into plain JSON with allocationForJson", () => {
    const json = JSON.parse(JSON.stringify(allocationForJson(allocate(100_000_100, three, weights))));
    expect(json.rows[0]).toMatchObject({municipalityCode: "2303", name: "A", weightText: "0.352500", shares: {elderly: "0.400000", sparsity: "0.375000", socioeconomics: "0.200000"}, amountOre: 35_250_000});
    expect(json.rows[0].weight).toBeUndefined();
  });
});
