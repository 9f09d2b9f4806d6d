// Scenarios of the skatteväxling review (loaders/models/tax-swap-scenarios.ts), computed by hand.
import {describe, expect, it} from "vitest";
import {runScenario, type ScenarioYear} from "../../loaders/models/tax-swap-scenarios.ts";

// Two municipalities, swap from 2013 with 20 öre, period 2014–2015.
const years: ScenarioYear[] = [
  {municipalityCode: "A", year: 2013, ore: "20", taxBaseOre: 1_000_000_000_00, costOre: 1_800_000_00, population: 5_000},
  {municipalityCode: "A", year: 2014, ore: "20", taxBaseOre: 1_000_000_000_00, costOre: 2_100_000_00, population: 5_000},
  {municipalityCode: "A", year: 2015, ore: "20", taxBaseOre: 1_100_000_000_00, costOre: 2_300_000_00, population: 5_000},
  {municipalityCode: "B", year: 2013, ore: "20", taxBaseOre: 500_000_000_00, costOre: 900_000_00, population: 2_000},
  {municipalityCode: "B", year: 2014, ore: "20", taxBaseOre: 500_000_000_00, costOre: 1_000_000_00, population: 2_000},
  {municipalityCode: "B", year: 2015, ore: "20", taxBaseOre: null, costOre: 1_050_000_00, population: 2_000}
];
const inputs = {years, windowYears: [2014, 2015], startYear: 2013};

describe("another swap size", () => {
  // Base A: 2014 revenue 20 × 0,0001 × 1 000 000 000 = 2 000 000 − 2 100 000 = −100 000;
  //         2015 revenue 20 × 0,0001 × 1 100 000 000 = 2 200 000 − 2 300 000 = −100 000; period −200 000 kr.
  // 25 öre: 2 500 000 + 2 750 000 = 5 250 000 revenue − 4 400 000 cost = +850 000; change +1 050 000 kr.
  const r = runScenario(inputs, {name: "25-ore", label: "25 öre", ore: "25"});
  it("A: base −200 000 kr, scenario +850 000 kr, change +1 050 000 kr", () => {
    expect(r.rows[0]).toMatchObject({municipalityCode: "A", baseBalanceOre: -200_000_00, revenueOre: 5_250_000_00, costOre: 4_400_000_00, balanceOre: 850_000_00, changeOre: 1_050_000_00});
  });
  it("B lacks the 2015 tax base: marked, not zero, and left out of the county sum", () => {
    expect(r.rows[1]).toMatchObject({municipalityCode: "B", balanceOre: null, missing: ["2015: skatteunderlag"]});
    expect(r.county).toMatchObject({municipalities: 1, missing: ["B"], changeOre: 1_050_000_00});
  });
});

describe("the hemsjukvårdstillägg (SOU 2011:55: 1,5 % of the standard cost for elderly care)", () => {
  it("A: 1,5 % × 20 000 kr per inhabitant × 5 000 = 1 500 000 kr a year, 3 000 000 kr over the period", () => {
    const standardCost = [2014, 2015].map((year) => ({municipalityCode: "A", year, perInhabitant: "20000"}));
    const r = runScenario({...inputs, standardCost}, {name: "tillagg", label: "Tillägg", supplementPercent: "1.5"});
    expect(r.rows[0]).toMatchObject({supplementOre: 3_000_000_00, balanceOre: 2_800_000_00, changeOre: 3_000_000_00});
    // B has no standard cost: the page says what is missing.
    expect(r.rows[1].missing).toEqual(["2014: standardkostnad för äldreomsorg", "2015: skatteunderlag, standardkostnad för äldreomsorg"]);
  });
});

describe("cost growth by a price index since the swap", () => {
  it("A: 1 800 000 × 1,02 = 1 836 000 (2014) and × 1,02 × 1,03 = 1 891 080 (2015); balance 4 200 000 − 3 727 080 = +472 920 kr", () => {
    const costIndex = {index: "OPI", changes: [{year: 2014, changePercent: "2"}, {year: 2015, changePercent: "3"}]};
    const r = runScenario(inputs, {name: "index", label: "Index", costIndex});
    expect(r.rows[0]).toMatchObject({costOre: 3_727_080_00, balanceOre: 472_920_00, changeOre: 672_920_00});
  });
  it("a missing index year is named", () => {
    const r = runScenario(inputs, {name: "index", label: "Index", costIndex: {index: "OPI", changes: [{year: 2014, changePercent: "2"}]}});
    expect(r.rows[0].missing).toEqual(["2015: OPI 2015"]);
  });
});
