// Inkomstutjämningen (loaders/models/income-equalisation.ts): a published worked example and hand computations.
import {describe, expect, it} from "vitest";
import {INCOME_EQUALISATION_RULES, incomeEqualisation, swapWorthAfterEqualisation, type IncomeEqualisationRules} from "../../loaders/models/income-equalisation.ts";
import {toFixed} from "../../loaders/models/exact.ts";

describe("the worked example of SOU 1991:98 (bilaga: Beräkning av det statliga utjämningsbidraget)", () => {
  // "Kommun A har totalt 10 invånare och 100 skattekronor, d.v.s. en skattekraft på 10 skkr/inv.
  //  Medelskattekraften är 12 skkr/inv [...] Den garanterade skattekraften är 150% av medelskattekraften,
  //  d.v.s. 18 skkr/inv. Kommunens tillskjutande skatteunderlag skall vara 95% av skillnaden mellan 18 och
  //  10 skkr/inv (=8 skkr) gånger antalet invånare (= 10), dvs. 95% av 80 skkr. [...] 76 skattekronor.
  //  Läggs dessa till kommunens egna 100 skkr [...] 176/10 = 17,6 skkr/inv, vilket motsvarar 147% av
  //  medelskattekraften."  The same arithmetic with that example's guarantee (150 %) and 95 %.
  const rules: IncomeEqualisationRules = {...INCOME_EQUALISATION_RULES, guaranteePercent: {value: "150", year: 1993, source: "SOU 1991:98, exemplet"}};
  const e = incomeEqualisation({taxBaseOre: 100 * 100, population: 10, meanTaxBasePerInhabitant: "12"}, rules);

  it("own capacity 10 kr per inhabitant = 83 % of the mean (10/12 = 83,33 %)", () => {
    expect(toFixed(e.taxCapacity, 2)).toBe("10.00");
    expect(toFixed(e.capacityPercent, 2)).toBe("83.33");
    expect(e.position).toBe("bidrag");
  });
  it("guaranteed base 18 × 10 = 180 skkr; equalised base 100 + 0,95 × 80 = 176 skkr (17,6 per inhabitant = 146,7 % ≈ 147 %)", () => {
    expect(toFixed(e.guaranteedBaseOre, 0)).toBe("18000");
    expect(toFixed(e.equalisedBaseOre, 0)).toBe("17600");
    // 17,6 / 12 = 1,4667
    expect((17600 / 10 / 100 / 12) * 100).toBeCloseTo(146.67, 2);
  });
});

describe("the rules in force (115 %, 95 %, fee 60 % to 125 % and 85 % above, Fi2012/4726)", () => {
  const mean = "200000"; // kr per inhabitant, a round figure for hand arithmetic
  it("below the guarantee: 10 000 inhabitants, base 1 700 000 000 kr (170 000 kr/inh. = 85 %); 20 öre are worth 4 540 000 kr, not 3 400 000 kr", () => {
    // guaranteed = 1,15 × 200 000 × 10 000 = 2 300 000 000 kr; gap = 600 000 000 kr;
    // equalised = 1 700 000 000 + 0,95 × 600 000 000 = 2 270 000 000 kr.
    // own: 20 × 0,0001 × 1 700 000 000 = 3 400 000 kr; after: 20 × 0,0001 × 2 270 000 000 = 4 540 000 kr.
    const input = {taxBaseOre: 1_700_000_000 * 100, population: 10_000, meanTaxBasePerInhabitant: mean};
    const e = incomeEqualisation(input);
    expect(toFixed(e.capacityPercent, 1)).toBe("85.0");
    expect(toFixed(e.equalisedBaseOre, 0)).toBe(String(2_270_000_000 * 100));
    const w = swapWorthAfterEqualisation("20", input);
    expect(w).toMatchObject({ownOre: 3_400_000_00, afterEqualisationOre: 4_540_000_00, effectOre: 1_140_000_00, position: "bidrag"});
  });

  it("above the guarantee: base 2 700 000 000 kr (135 %) pays 60 % on 115–125 % and 85 % above 125 %; 20 öre are worth 4 820 000 kr, not 5 400 000 kr", () => {
    // guaranteed 2 300 000 000; 125 % = 2 500 000 000; part1 = 200 000 000, part2 = 200 000 000;
    // fee base = 0,60 × 200 000 000 + 0,85 × 200 000 000 = 290 000 000; equalised = 2 410 000 000 kr.
    const input = {taxBaseOre: 2_700_000_000 * 100, population: 10_000, meanTaxBasePerInhabitant: mean};
    const w = swapWorthAfterEqualisation("20", input);
    expect(w).toMatchObject({ownOre: 5_400_000_00, afterEqualisationOre: 4_820_000_00, effectOre: -580_000_00, position: "avgift"});
  });

  it("the grant at the county-wise rate: Västerbotten's 20,55 (förordning 2004:881 2 §) × gap 600 000 000 kr = 123 300 000 kr", () => {
    const e = incomeEqualisation({taxBaseOre: 1_700_000_000 * 100, population: 10_000, meanTaxBasePerInhabitant: mean, countyRate: "20.55"});
    // 0,2055 × 600 000 000 = 123 300 000 kr (the published rate already holds the 95 %).
    expect(e.equalisationOre).toBe(123_300_000_00);
  });

  it("the fee at the county-wise rate: 20,55 × (290 000 000 / 0,95) = 62 731 578,95 kr, negative", () => {
    // 290 000 000 / 0,95 = 305 263 157,894…; × 0,2055 = 62 731 578,947… → 62 731 578,95 kr
    const e = incomeEqualisation({taxBaseOre: 2_700_000_000 * 100, population: 10_000, meanTaxBasePerInhabitant: mean, countyRate: "20.55"});
    expect(e.equalisationOre).toBe(-6_273_157_895);
  });

  it("exactly at the guarantee nothing changes: the swap is worth öre × own base", () => {
    const w = swapWorthAfterEqualisation("25", {taxBaseOre: 2_300_000_000 * 100, population: 10_000, meanTaxBasePerInhabitant: mean});
    expect(w).toMatchObject({ownOre: 5_750_000_00, afterEqualisationOre: 5_750_000_00, effectOre: 0, position: "noll"});
  });
});
