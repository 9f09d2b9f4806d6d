// Jämför kommuner (loaders/reports/comparison.ts): the shaping of the page's JSON on a small hand-made
// input (rounding, units, "..", fixed prices by each principal's index, vaccination summed before the
// division, the totals of suppressed counts), and the reading of the demo warehouse (cost_summary,
// yearly enrolment only, the latest device count of a year), checked against lines of the demo files.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {openWarehouse, type Warehouse} from "../../loaders/warehouse.ts";
import {
  COMPARISON_PARTS,
  comparisonFiles,
  comparisonReport,
  readComparisonInputs,
  type ComparisonCountyMeta,
  type ComparisonCountyPart,
  type ComparisonInputs,
  type ComparisonProfile,
  type ComparisonReport
} from "../../loaders/reports/comparison.ts";
import {DATA} from "../ingest/helpers.ts";

const parameters: ComparisonInputs["parameters"] = {
  dataset: {label: "Test", demo: true, description: "", source: ""},
  comparison: {municipalIndex: "OPI", regionIndex: "LPIK"},
  suppressionThreshold: 5,
  years: {from: 2013, to: 2014}
};
const pop = (code: string, year: number, young: number, old: number, oldest: number) => [
  {code, year, band: "0-64", n: young},
  {code, year, band: "65-79", n: old},
  {code, year, band: "80+", n: oldest}
];
const inputs: ComparisonInputs = {
  parameters,
  counties: [{code: "01", name: "Testlän", region: "Region Test"}],
  municipalities: [
    {code: "0101", name: "Aby", countyCode: "01"},
    {code: "0102", name: "Bby", countyCode: "01"}
  ],
  // Aby 2013: kommun 100 000 kr + region 20 000 kr; 2014: 110 000 + 21 000. Bby 2013: 300 000 kr (kommun).
  costs: [
    {code: "0101", year: 2013, category: "hemsjukvard_ordinart", principal: "kommun", ore: "10000000"},
    {code: "0101", year: 2013, category: "lakarmedverkan", principal: "region", ore: "2000000"},
    {code: "0101", year: 2014, category: "hemsjukvard_ordinart", principal: "kommun", ore: "11000000"},
    {code: "0101", year: 2014, category: "lakarmedverkan", principal: "region", ore: "2100000"},
    {code: "0102", year: 2013, category: "hemsjukvard_ordinart", principal: "kommun", ore: "30000000"},
    {code: "0102", year: 2014, category: "hemsjukvard_ordinart", principal: "kommun", ore: "30000000"}
  ],
  enrolment: [
    {code: "0101", year: 2013, service: "hemsjukvard", enrolled: 40},
    {code: "0102", year: 2013, service: "hemsjukvard", enrolled: 100},
    {code: "0101", year: 2013, service: "korttid", enrolled: 3},
    {code: "0102", year: 2013, service: "korttid", enrolled: 12}
  ],
  // Aby: sabo 45 of 50 and lss 4 of 6 (both small counts suppressed); Bby: sabo 80 of 100, lss 5 of 10.
  vaccination: [
    {code: "0101", season: "2023/24", targetGroup: "sabo", vaccine: "covid-19", vaccinated: 45, targetSize: 50},
    {code: "0101", season: "2023/24", targetGroup: "lss", vaccine: "covid-19", vaccinated: 4, targetSize: 6},
    {code: "0102", season: "2023/24", targetGroup: "sabo", vaccine: "covid-19", vaccinated: 80, targetSize: 100},
    {code: "0102", season: "2023/24", targetGroup: "lss", vaccine: "covid-19", vaccinated: 5, targetSize: 10}
  ],
  devices: [
    {code: "0101", year: 2014, devices: 30},
    {code: "0102", year: 2014, devices: 90}
  ],
  population: [...pop("0101", 2013, 800, 150, 50), ...pop("0101", 2014, 800, 150, 50), ...pop("0102", 2013, 1700, 200, 100), ...pop("0102", 2014, 1700, 200, 100)],
  priceIndex: [
    {index: "OPI", year: 2014, changePercent: "2", edition: "2014-12-15"},
    {index: "LPIK", year: 2014, changePercent: "5", edition: "2015-03-20"}
  ]
};

describe("the shape of the page's data (hand-made county)", () => {
  const r = comparisonReport(inputs, {similarK: 1});
  const series = (id: string, prices: "lopande" | "fasta", measure: string) => r.series[id][prices]![measure];
  it("lists the indicators of the issue: cost in total and per category, enrolment per service, vaccination, devices", () => {
    const ids = r.indicators.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(["kostnad-totalt", "kostnad-totalt-kommun", "kostnad-hemsjukvard-ordinart-kommun", "kostnad-lakarmedverkan-region", "inskrivna-hemsjukvard", "inskrivna-korttid", "vaccination-covid-19-alla", "vaccination-covid-19-sabo", "medicinteknik-enheter"]));
    const cost = r.indicators.find((i) => i.id === "kostnad-totalt")!;
    expect(cost.measures.map((m) => m.id)).toEqual(["per-invanare", "per-65", "per-80", "per-inskriven", "totalt", "andel"]);
    expect(cost.indices).toEqual(["OPI", "LPIK"]);
    expect(r.prices).toMatchObject({levelYear: 2014, municipalIndex: "OPI", regionIndex: "LPIK", available: true});
  });
  it("kronor per inhabitant in current prices: Aby 120 000 kr / 1 000 = 120 kr; Bby 300 000 / 2 000 = 150 kr; county 420 000 / 3 000 = 140 kr", () => {
    const s = series("kostnad-totalt", "lopande", "per-invanare");
    expect(s.v).toEqual([[120, 131], [150, 150]]);
    expect(s.avg["01"]).toEqual([140, 144]); // 2014: 431 000 / 3 000 = 143.67
    expect(s.med["01"]).toEqual([135, 141]); // 2014: (131 + 150) / 2 = 140.5, shown 141
    expect(s.r).toEqual([[2, 2], [1, 1]]);
    expect(s.p[0]).toEqual([null, 9.2]); // 131 / 120 − 1 = 9.17 %
  });
  it("fixed prices uprate each principal's cost by its own index: 100 000 × 1.02 + 20 000 × 1.05 = 123 000 kr (2014 level)", () => {
    const s = series("kostnad-totalt", "fasta", "totalt");
    expect(s.v[0]).toEqual([123000, 131000]);
    expect(s.f[0]).toEqual([null, 6.5]); // 131 000 / 123 000 − 1 = 6.50 %
    expect(series("kostnad-totalt-kommun", "fasta", "totalt").v[0]).toEqual([102000, 110000]);
    expect(series("kostnad-lakarmedverkan-region", "fasta", "totalt").v[0]).toEqual([21000, 21000]);
  });
  it("cost per enrolled person: Aby 120 000 kr / 40 enrolled in hemsjukvård = 3 000 kr", () => {
    expect(series("kostnad-totalt", "lopande", "per-inskriven").v[0][0]).toBe(3000);
  });
  it("suppresses a count of 1–4 persons with its derived figures, and keeps it out of the county figures", () => {
    const t = series("inskrivna-korttid", "lopande", "totalt");
    expect(t.v.map((x) => x[0])).toEqual(["..", 12]);
    expect(t.avg["01"][0]).toBe(12); // only Bby: (12) / 1
    expect(t.n["01"][0]).toBe(1);
    expect(series("inskrivna-korttid", "lopande", "andel").v.map((x) => x[0])).toEqual(["..", 100]);
    expect(series("inskrivna-korttid", "lopande", "per-invanare").v[0][0]).toBe("..");
    expect(series("inskrivna-hemsjukvard", "lopande", "per-80").v[0][0]).toBe(800); // 40 / 50 × 1 000
  });
  it("vaccination coverage is Σ vaccinated / Σ target group; a suppressed group suppresses the municipality's sum", () => {
    const sabo = series("vaccination-covid-19-sabo", "lopande", "tackning");
    expect(sabo.v).toEqual([[90], [80]]);
    expect(sabo.avg["01"]).toEqual([83.3]); // 125 / 150
    const lss = series("vaccination-covid-19-lss", "lopande", "tackning");
    expect(lss.v).toEqual([[".."], [50]]);
    const all = series("vaccination-covid-19-alla", "lopande", "tackning");
    expect(all.v).toEqual([[".."], [77.3]]); // Bby: 85 / 110 = 77.27 %
    expect(all.avg["01"]).toEqual([77.3]); // Aby left out, else 134 / 166 would reveal its 4 vaccinated
    expect(series("vaccination-covid-19-alla", "lopande", "totalt").v[0]).toEqual([".."]);
    const ind = r.indicators.find((i) => i.id === "vaccination-covid-19-sabo")!;
    expect(ind.years).toEqual([2023]);
    expect(ind.yearLabels).toEqual(["2023/24"]);
  });
  it("hides a coverage whose complement is small: 9 of 10 vaccinated tells that 1 was not (issue #16)", () => {
    const r2 = comparisonReport({...inputs, vaccination: inputs.vaccination.map((v) => (v.code === "0102" && v.targetGroup === "lss" ? {...v, vaccinated: 9} : v))});
    const lss = r2.series["vaccination-covid-19-lss"].lopande!["tackning"];
    expect(lss.v).toEqual([[".."], [".."]]);
    // Its sum over the groups is hidden too: 89 of 110 with sabo's 80 of 100 would give 9 of 10 back.
    expect(r2.series["vaccination-covid-19-alla"].lopande!["tackning"].v).toEqual([[".."], [".."]]);
  });
  it("devices per 1 000 inhabitants 80+: Aby 30 / 50 × 1 000 = 600; share of the county 25 %", () => {
    expect(series("medicinteknik-enheter", "lopande", "per-80").v[0]).toEqual([600]);
    expect(series("medicinteknik-enheter", "lopande", "andel").v[0]).toEqual([25]);
  });
  it("names the similar municipalities and the profile measure's group figure", () => {
    expect(r.municipalities[0].similar.map((n) => n.code)).toEqual(["0102"]);
    expect(series("kostnad-totalt", "lopande", "per-invanare").sim![0]).toEqual([150, 150]);
    expect(series("kostnad-totalt", "lopande", "totalt").sim).toBeUndefined();
  });
  it("without the index values, fixed prices are left out with a reason", () => {
    const r2 = comparisonReport({...inputs, priceIndex: []});
    expect(r2.prices.available).toBe(false);
    expect(r2.prices.error).toMatch(/saknas/);
    expect(r2.series["kostnad-totalt"].fasta).toBeUndefined();
  });
});

describe("population shares and missing populations (#17)", () => {
  // Cby 2014: 12 347 inhabitants, 1 963 aged 65–79 and 1 043 aged 80+.
  // 80+: 1 043 / 12 347 = 0,084 474 … → 8,4 % (rounded once). Rounded twice (0,0845 → 8,5 %) it was wrong.
  // 65+: 3 006 / 12 347 = 0,243 460 … → 24,3 %.
  const withCby = {
    ...inputs,
    municipalities: [...inputs.municipalities, {code: "0103", name: "Cby", countyCode: "01"}, {code: "0104", name: "Dby", countyCode: "01"}],
    // Dby has a population for 2013 only: none for the structure year 2014.
    population: [...inputs.population, ...pop("0103", 2014, 9341, 1963, 1043), ...pop("0104", 2013, 500, 100, 40)]
  };
  const r = comparisonReport(withCby, {similarK: 1});
  const m = (code: string) => r.municipalities.find((x) => x.code === code)!;
  it("rounds the 65+ and 80+ shares once, half up, to a tenth of a per cent", () => {
    expect(r.structureYear).toBe(2014);
    expect(m("0103")).toMatchObject({population: 12347, share65: 0.243, share80: 0.084});
    // Aby: 200 / 1 000 = 20,0 %, 50 / 1 000 = 5,0 %.
    expect(m("0101")).toMatchObject({population: 1000, share65: 0.2, share80: 0.05});
  });
  it("a municipality without a population for the latest year has none (null), not 0 inhabitants", () => {
    expect(m("0104")).toMatchObject({population: null, share65: null, share80: null});
  });
});

describe("unknown cost categories keep their own names and figures (#17)", () => {
  // A file with a category called "totalt" (kommun): its indicator must not take the id of the
  // municipalities' total, kostnad-totalt-kommun, whose figures are Aby's 100 000 + 7 000 kr.
  const r = comparisonReport({
    ...inputs,
    costs: [...inputs.costs, {code: "0101", year: 2013, category: "totalt", principal: "kommun", ore: "700000"}, {code: "0101", year: 2013, category: "Hemtjänst HSL", principal: "kommun", ore: "100000"}]
  }, {similarK: 1});
  it("the category is shown by the name in the file, under an id of its own", () => {
    const own = r.indicators.filter((i) => i.label === "Kostnad: totalt (kommunen)");
    expect(own).toHaveLength(1);
    expect(own[0].id).not.toBe("kostnad-totalt-kommun");
    expect(r.indicators.find((i) => i.id === "kostnad-totalt-kommun")!.label).toBe("Kostnad totalt, huvudman kommunen");
    expect(new Set(r.indicators.map((i) => i.id)).size).toBe(r.indicators.length);
    // Aby 2013: the category's 7 000 kr; the municipalities' total 100 000 + 7 000 + 1 000 = 108 000 kr.
    expect(r.series[own[0].id].lopande!["totalt"].v[0][0]).toBe(7000);
    expect(r.series["kostnad-totalt-kommun"].lopande!["totalt"].v[0][0]).toBe(108000);
    expect(r.indicators.some((i) => i.label === "Kostnad: Hemtjänst HSL (kommunen)")).toBe(true);
  });
});

describe("the demo warehouse", () => {
  let wh: Warehouse;
  let report: ComparisonReport;
  let inputsDemo: ComparisonInputs;
  beforeAll(async () => {
    wh = await openWarehouse(DATA);
    inputsDemo = await readComparisonInputs(wh);
    report = comparisonReport(inputsDemo);
  });
  afterAll(() => wh?.close());
  const lines = (file: string, prefix: string) => readFileSync(join(DATA, file), "utf8").split(/\r?\n/).filter((l) => l.startsWith(prefix)).map((l) => l.split(";"));
  const at = (id: string, measure: string, code: string, year: number, prices: "lopande" | "fasta" = "lopande") => {
    const i = report.municipalities.findIndex((m) => m.code === code);
    const ind = report.indicators.find((x) => x.id === id)!;
    return report.series[id][prices]![measure].v[i][ind.years.indexOf(year)];
  };

  it("Östersund 2025: the costs of kostnader.csv over its inhabitants (befolkning.csv)", () => {
    const costs = lines("kostnader.csv", "2380;2025;");
    const people = lines("befolkning.csv", "2380;2025;").reduce((s, l) => s + Number(l[3]), 0);
    const ore = (l: string[]) => Math.round(Number(l[4].replace(",", ".")) * 100);
    const all = costs.reduce((s, l) => s + ore(l), 0);
    const own = costs.filter((l) => l[3] === "kommun").reduce((s, l) => s + ore(l), 0);
    expect(at("kostnad-totalt", "per-invanare", "2380", 2025)).toBe(Math.round(all / 100 / people));
    expect(at("kostnad-totalt-kommun", "per-invanare", "2380", 2025)).toBe(Math.round(own / 100 / people));
    expect(at("kostnad-totalt", "totalt", "2380", 2025)).toBe(Math.round(all / 100));
    // The price level is the last year: 2025 is the same in current and fixed prices.
    expect(at("kostnad-totalt", "totalt", "2380", 2025, "fasta")).toBe(Math.round(all / 100));
  });

  it("enrolment uses the yearly periods only; devices the year's latest count (2025-12-31, not 2025-06-30)", () => {
    expect(inputsDemo.enrolment.every((r) => r.year >= 2000 && r.year <= 2100)).toBe(true);
    const yearly = lines("inskrivna.csv", "2380;2025;palliativ")[0];
    expect(at("inskrivna-palliativ", "totalt", "2380", 2025)).toBe(Number(yearly[3]));
    const counts = lines("mt-enheter.csv", "2380;2025-");
    const latest = counts.sort((a, b) => a[1].localeCompare(b[1])).at(-1)!;
    expect(at("medicinteknik-enheter", "totalt", "2380", 2025)).toBe(Number(latest[2]));
  });

  it("no published count of persons is between 1 and the threshold − 1", () => {
    const t = report.suppressionThreshold;
    for (const ind of report.indicators.filter((i) => i.group === "Inskrivna" || i.group === "Vaccination")) {
      const v = report.series[ind.id].lopande!.totalt.v.flat();
      expect(v.filter((x) => typeof x === "number" && x >= 1 && x < t), ind.id).toEqual([]);
    }
    expect(report.series["inskrivna-korttid"].lopande!.totalt.v.flat()).toContain("..");
  });

  it("every municipality has five similar ones, and uses OPI for municipal and LPIK for region costs", () => {
    expect(report.municipalities).toHaveLength(23);
    for (const m of report.municipalities) {
      expect(m.similar).toHaveLength(5);
      expect(m.similar.map((n) => n.code)).not.toContain(m.code);
    }
    expect(report.indicators.find((i) => i.id === "kostnad-hemsjukvard-ordinart-kommun")!.indices).toEqual(["OPI"]);
    expect(report.indicators.find((i) => i.id === "kostnad-lakarmedverkan-region")!.indices).toEqual(["LPIK"]);
  });

  it("is cut into one file set per county and one file per municipality, each figure in exactly one county part", () => {
    const files = comparisonFiles(report);
    const names = Object.keys(files);
    expect(names.filter((n) => n.startsWith("kommun-"))).toHaveLength(23);
    for (const c of ["23", "24"]) for (const p of [...COMPARISON_PARTS, "meta"]) expect(names).toContain(`${c}/${p}.json`);
    const meta = files["23/meta.json"] as ComparisonCountyMeta;
    expect(meta.municipalities.map((m) => m.code)).toEqual(report.municipalities.filter((m) => m.countyCode === "23").map((m) => m.code));
    expect(meta.parts["kostnad-totalt"]).toEqual({lopande: "kostnader-lopande", fasta: "kostnader-fasta"});
    expect(meta.parts["inskrivna-korttid"]).toEqual({lopande: "ovriga"});
    // Östersund's 2025 cost per inhabitant, as in the whole report, from its county's part.
    const i = meta.municipalities.findIndex((m) => m.code === "2380");
    const part = files["23/kostnader-lopande.json"] as ComparisonCountyPart;
    const year = report.indicators[0].years.indexOf(2025);
    expect(part.series["kostnad-totalt"].lopande!["per-invanare"].v[i][year]).toBe(at("kostnad-totalt", "per-invanare", "2380", 2025));
    expect(part.series["kostnad-totalt"].lopande!["per-invanare"].avg).toEqual({"23": report.series["kostnad-totalt"].lopande!["per-invanare"].avg["23"]});
    // Every municipality's row of every series is in its county's part, once.
    let rows = 0;
    for (const c of ["23", "24"])
      for (const p of COMPARISON_PARTS)
        for (const byPrices of Object.values((files[`${c}/${p}.json`] as ComparisonCountyPart).series))
          for (const measures of Object.values(byPrices)) for (const s of Object.values(measures!)) rows += s.v.length;
    const all = Object.values(report.series).flatMap((byPrices) => Object.values(byPrices).flatMap((measures) => Object.values(measures!)));
    expect(rows).toBe(all.length * report.municipalities.length);
  });

  it("gives each municipality's profile its own, its county's and its similar municipalities' figures", () => {
    const profile = comparisonFiles(report)["kommun-2380.json"] as ComparisonProfile;
    const i = report.municipalities.findIndex((m) => m.code === "2380");
    const ind = report.indicators[0];
    const s = report.series[ind.id].fasta![ind.profileMeasure];
    expect(profile.series[ind.id].fasta).toEqual({own: s.v[i], county: s.avg["23"], similar: s.sim![i]});
    expect(profile.municipalities.map((m) => m.code)).toEqual(["2380", ...report.municipalities[i].similar.map((n) => n.code)]);
  });
});
