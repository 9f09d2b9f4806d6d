// Free-text cost categories (a ledger's accounts) must not make the pages' data grow without bound:
// the 12 largest category–principal pairs get an indicator (a series) of their own, the rest are summed
// per principal into "övriga kostnadsslag", with what it holds in a file of its own per county
// (loaders/models/cost-categories.ts, loaders/reports/comparison.ts, loaders/reports/normal-variation.ts).
import {describe, expect, it} from "vitest";
import {boundCostCategories, OTHER_COST_CATEGORIES, shownCostCategories} from "../../loaders/models/cost-categories.ts";
import {comparisonFiles, comparisonReport, type ComparisonInputs, type ComparisonOtherCategories} from "../../loaders/reports/comparison.ts";

/**
 * One county, two municipalities, one year, `n` accounts konto-001 … with the municipality as principal:
 * account i costs Aby i × 1 000 kr and Bby i × 100 kr.
 */
function manyCategories(n: number): ComparisonInputs {
  const pad = (i: number) => String(i).padStart(3, "0");
  return {
    parameters: {dataset: {label: "Test", demo: true, description: "", source: ""}, comparison: {municipalIndex: "OPI", regionIndex: "LPIK"}, suppressionThreshold: 5, years: {from: 2014, to: 2014}},
    counties: [{code: "01", name: "Testlän", region: "Region Test"}],
    municipalities: [
      {code: "0101", name: "Aby", countyCode: "01"},
      {code: "0102", name: "Bby", countyCode: "01"}
    ],
    costs: Array.from({length: n}, (_, k) => k + 1).flatMap((i) => [
      {code: "0101", year: 2014, category: `konto-${pad(i)}`, principal: "kommun", ore: String(i * 1000 * 100)},
      {code: "0102", year: 2014, category: `konto-${pad(i)}`, principal: "kommun", ore: String(i * 100 * 100)}
    ]),
    enrolment: [],
    vaccination: [],
    devices: [],
    population: [
      {code: "0101", year: 2014, band: "0-64", n: 800},
      {code: "0101", year: 2014, band: "65-79", n: 150},
      {code: "0101", year: 2014, band: "80+", n: 50},
      {code: "0102", year: 2014, band: "0-64", n: 1700},
      {code: "0102", year: 2014, band: "65-79", n: 200},
      {code: "0102", year: 2014, band: "80+", n: 100}
    ],
    priceIndex: [
      {index: "OPI", year: 2014, changePercent: "2", edition: "2014-12-15"},
      {index: "LPIK", year: 2014, changePercent: "5", edition: "2015-03-20"}
    ]
  };
}

describe("the shown cost categories", () => {
  it("are the largest pairs by their sum over all rows, ties by name", () => {
    const rows = [
      {category: "a", principal: "kommun", ore: "500"},
      {category: "b", principal: "kommun", ore: "300"},
      {category: "b", principal: "kommun", ore: "300"}, // b: 600 in all
      {category: "c", principal: "region", ore: "500"},
      {category: "d", principal: "kommun", ore: "100"}
    ];
    expect([...shownCostCategories(rows, 2)].sort()).toEqual(["a|kommun", "b|kommun"]); // b 600, then a and c tie at 500: a by name
    expect([...shownCostCategories(rows, 3)].sort()).toEqual(["a|kommun", "b|kommun", "c|region"]);
    expect(shownCostCategories(rows, 10).size).toBe(4);
  });

  it("normalvariation's rows: the others summed per municipality, year and principal", () => {
    const rows = [
      {code: "0101", year: 2014, category: "a", principal: "kommun", ore: 900},
      {code: "0101", year: 2014, category: "b", principal: "kommun", ore: 20},
      {code: "0101", year: 2014, category: "c", principal: "kommun", ore: 30},
      {code: "0101", year: 2014, category: "d", principal: "region", ore: 5},
      {code: "0101", year: 2015, category: "b", principal: "kommun", ore: 7}
    ];
    // Shown: a (900) only; b + c = 50 in 2014, b = 7 in 2015, d = 5 for the region.
    expect(boundCostCategories(rows, 1).map((r) => `${r.year} ${r.category} ${r.principal} ${r.ore}`).sort()).toEqual(
      ["2014 a kommun 900", `2014 ${OTHER_COST_CATEGORIES} kommun 50`, `2014 ${OTHER_COST_CATEGORIES} region 5`, `2015 ${OTHER_COST_CATEGORIES} kommun 7`].sort()
    );
  });
});

describe("Jämför kommuner with many cost categories", () => {
  const r40 = comparisonReport(manyCategories(40), {similarK: 1});
  const costIds = (r: typeof r40) => r.indicators.filter((i) => i.group === "Kostnader").map((i) => i.id);

  it("gives the 12 largest accounts an indicator each and sums the other 28 into övriga kostnadsslag", () => {
    expect(costIds(r40)).toEqual([
      "kostnad-totalt",
      "kostnad-totalt-kommun",
      ...Array.from({length: 12}, (_, k) => `kostnad-konto-${String(29 + k).padStart(3, "0")}-kommun`),
      "kostnad-ovriga-kommun"
    ]);
    // Aby: 1 + 2 + … + 28 = 406 thousand kr; Bby: 40 600 kr. All 40 accounts: 820 000 kr and 82 000 kr.
    expect(r40.series["kostnad-ovriga-kommun"].lopande!.totalt.v).toEqual([[406000], [40600]]);
    expect(r40.series["kostnad-totalt"].lopande!.totalt.v).toEqual([[820000], [82000]]);
    // The accounts 29–40 and the others add up to the total: 406 + (29 + … + 40 = 414) = 820.
    const shown = costIds(r40).filter((id) => /konto-\d+/.test(id)).reduce((t, id) => t + (r40.series[id].lopande!.totalt.v[0][0] as number), 0);
    expect(shown + 406000).toBe(820000);
    expect(r40.indicators.find((i) => i.id === "kostnad-ovriga-kommun")!.label).toBe("Kostnad: övriga kostnadsslag (kommunen)");
  });

  it("keeps the pages' files the same size with 400 accounts as with 40; what övriga holds is a file of its own", () => {
    const f40 = comparisonFiles(r40);
    const r400 = comparisonReport(manyCategories(400), {similarK: 1});
    const f400 = comparisonFiles(r400);
    expect(costIds(r400).length).toBe(costIds(r40).length);
    const size = (files: typeof f40, name: string) => JSON.stringify(files[name]).length;
    for (const name of ["01/meta.json", "01/kostnader-lopande.json", "01/kostnader-fasta.json", "kommun-0101.json"]) {
      // The same indicators: only longer numbers (accounts 389–400 cost more) and the count in words
      // ("28 st", "388 st") differ. Without the bound the files would be ten times as large.
      expect(size(f400, name) / size(f40, name), name).toBeLessThan(1.1);
    }
    const other = f40["01/ovriga-kostnadsslag.json"] as ComparisonOtherCategories;
    expect(other.years).toEqual([2014]);
    expect(other.rows.length).toBe(28);
    // Account 1 in the county: 1 000 + 100 kr = 110 000 öre; account 28: 28 × 1 100 kr = 3 080 000 öre.
    expect(other.rows[0]).toEqual({category: "konto-001", principal: "kommun", ore: ["110000"]});
    expect(other.rows.at(-1)).toEqual({category: "konto-028", principal: "kommun", ore: ["3080000"]});
    expect((f400["01/ovriga-kostnadsslag.json"] as ComparisonOtherCategories).rows.length).toBe(388);
  });

  it("changes nothing with no more than 12 pairs (the demo's case): no övriga indicator, no rows", () => {
    const r = comparisonReport(manyCategories(12), {similarK: 1});
    expect(costIds(r)).not.toContain("kostnad-ovriga-kommun");
    expect(r.otherCategories).toEqual([]);
    expect((comparisonFiles(r)["01/ovriga-kostnadsslag.json"] as ComparisonOtherCategories).rows).toEqual([]);
  });
});
