// The normal-variation report on the demo data (loaders/reports/normal-variation.ts): the agreement's
// series and band, bands for any municipality's enrolment and cost series, the points outside in words,
// the monthly XmR chart, and the masking of small counts (primary and secondary).
import {beforeAll, describe, expect, it} from "vitest";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {normalVariationReport, splitNormalVariationReport, suppressCounts, yearlyAnalysis, yearsLabel, type NormalVariationReport, type SeriesReport} from "../../loaders/reports/normal-variation.ts";
import {DATA} from "../ingest/helpers.ts";
import {determinedCells} from "../../loaders/models/small-counts.ts";

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
let report: NormalVariationReport;
beforeAll(async () => {
  const wh = await openWarehouse(DATA);
  try {
    report = await normalVariationReport(wh);
  } finally {
    wh.close();
  }
});
const series = (county: string, municipality: string | null, id: string): SeriesReport =>
  report.series.find((s) => s.countyCode === county && s.municipalityCode === municipality && s.seriesId === id)!;

describe("the agreement's series: persons connected to the palliative team in Jämtland", () => {
  it("has the band 129–169 over 2019–2024 and names 2025 (174) above it", () => {
    const y = series("23", null, "palliativ").yearly;
    expect(y.band).toMatchObject({mean: 149, sd: 10, lower: 129, upper: 169, baseFrom: 2019, baseTo: 2024, n: 6, rounding: "inward"});
    expect(y.points.find((p) => p.year === 2025)).toEqual({year: 2025, value: 174, position: "above", outside: "174, 5 över övre gränsen 169"});
    expect(y.points.filter((p) => p.year >= 2019 && p.year <= 2024).every((p) => p.position === "inside")).toBe(true);
    expect(nb(y.summary)).toContain("normalvariationen är 129–169 (medelvärdet 149 ± 2 standardavvikelser à 10, basperioden 2019–2024)");
    expect(nb(y.summary)).toContain("Efter basperioden ligger 2025 (174, 5 över övre gränsen 169) utanför normalvariationen.");
    expect(nb(y.summary)).toContain("Före basperioden låg 2013 (121) och 2014 (126) under bandet");
    // SPC as extra cues, from the base window on, with the base window as baseline (same mean as the band).
    expect(y.spc).toMatchObject({baseline: "2019–2024", mean: 149, trialLimits: true, findings: []});
  });

  it("has monthly counts as an XmR chart with 2023–2024 as baseline, and says which months signal", () => {
    const m = series("23", null, "palliativ").monthly!;
    expect(m.shown).toBe(true);
    expect(m.points).toHaveLength(36);
    expect(m.spc).toMatchObject({baselineFrom: "2023-01", baselineTo: "2024-12"});
    expect(m.points.find((p) => p.period === "2025-01")!.rules).toContain("outside-limits");
    expect(nb(m.summary)).toMatch(/2025-01, 2025-02, .* över övre styrgränsen 69,6/);
    expect(nb(m.summary)).toContain("16 månader i rad över medelvärdet (2024-09–2025-12)");
  });

  it("lists which window applies to which reconciliation years", () => {
    expect(report.agreement.windows.map((w) => [w.validFrom, w.validTo, w.countFrom, w.countTo, w.baseFrom, w.baseTo, w.band ? `${w.band.lower}–${w.band.upper}` : null])).toEqual([
      [2026, 2028, 2025, 2027, 2019, 2024, "129–169"],
      [2029, 2031, 2028, 2030, 2022, 2027, null],
      [2032, 2034, 2031, 2033, 2025, 2030, null]
    ]);
    expect(report.agreement.note).toMatch(/bara 6 värden/);
  });
});

describe("any series of any municipality", () => {
  it("gives Östersund's palliative count its own band (56–70) and the county of Västerbotten its home health care", () => {
    const y = series("23", "2380", "palliativ").yearly;
    expect(y.band).toMatchObject({lower: 56, upper: 70});
    expect(y.points.find((p) => p.year === 2025)).toMatchObject({value: 74, position: "above"});
    expect(series("24", null, "hemsjukvard").yearly.band).not.toBeNull();
    expect(report.counties.find((c) => c.code === "24")!.defaultSeries).toBe("hemsjukvard");
    expect(report.counties.find((c) => c.code === "23")!.defaultSeries).toBe("palliativ");
  });

  it("gives cost series an unrounded band in kronor and words in mnkr", () => {
    const c = series("23", "2380", "kostnad-hemsjukvard_ordinart");
    expect(c.kind).toBe("cost");
    expect(c.yearly.band!.rounding).toBe("none");
    expect(Number.isInteger(c.yearly.band!.upper)).toBe(false);
    expect(nb(c.yearly.summary)).toMatch(/normalvariationen är \d+,\d\d mnkr–\d+,\d\d mnkr/);
  });
});

describe("small counts", () => {
  it("masks 1–4 and enough others that no masked count can be recomputed from the county sums", () => {
    // Three municipalities × three years; the county sums of each year are published.
    const values: Record<string, number[]> = {A: [0, 3, 12], B: [8, 9, 2], C: [6, 7, 4]};
    const years = ["2023", "2024", "2025"];
    const rows = Object.entries(values).flatMap(([code, v]) => v.map((enrolled, j) => ({code, countyCode: "1", period: years[j], service: "s", enrolled})));
    const {cells, totals} = suppressCounts(rows, 5);
    for (const r of rows) if (r.enrolled >= 1 && r.enrolled < 5) expect(cells.has(`${r.code}|s|${r.period}`)).toBe(true);
    expect(cells.has("A|s|2023")).toBe(false); // 0 is published
    // The reader's view: masked cells unknown, the county sums (and the municipalities' sums) known.
    const codes = Object.keys(values);
    const published = {
      cells: codes.map((c) => years.map((y, j) => (cells.has(`${c}|s|${y}`) ? null : values[c][j]))),
      rowTotals: codes.map((c) => values[c].reduce((a, b) => a + b, 0)),
      colTotals: years.map((y, j) => (totals.has(`1|s|${y}`) ? null : codes.reduce((a, c) => a + values[c][j], 0))),
      grandTotal: codes.reduce((a, c) => a + values[c].reduce((x, y) => x + y, 0), 0)
    };
    expect(determinedCells(published)).toEqual([]);
  });

  it("hides a band whose base window holds a masked value, and monthly charts with masked months", () => {
    const masked = report.series.filter((s) => s.yearly.points.some((p) => p.masked));
    expect(masked.length).toBeGreaterThan(0);
    for (const s of masked) {
      expect(s.yearly.points.filter((p) => p.masked).every((p) => p.value === null && p.position === null)).toBe(true);
      if (s.yearly.points.some((p) => p.masked && p.year >= 2019 && p.year <= 2024)) {
        expect(s.yearly.band).toBeNull();
        expect(s.yearly.bandNote).toMatch(/maskade/);
      }
    }
    const ragunda = series("23", "2303", "palliativ").monthly!;
    expect(ragunda.shown).toBe(false);
    expect(ragunda.points).toEqual([]);
    expect(ragunda.note).toMatch(/visas inte/);
    // No masked value leaves the report as a number.
    expect(JSON.stringify(report)).not.toMatch(/"masked":true,"value":\d/);
  });
});

describe("one file per county for the page (splitNormalVariationReport)", () => {
  it("gives each county its options and its own and its municipalities' series, with the shared parts", () => {
    const files = splitNormalVariationReport(report);
    expect(Object.keys(files).sort()).toEqual(["23", "24"]);
    for (const county of report.counties) {
      const file = files[county.code];
      expect(file.county).toEqual(county);
      expect(file.dataset).toEqual(report.dataset);
      expect(file.parameters).toEqual(report.parameters);
      expect(file.agreement).toEqual(report.agreement);
      expect(file.series).toEqual(report.series.filter((s) => s.countyCode === county.code));
      const municipalities = new Set(county.municipalities.map((m) => m.code));
      expect(file.series.every((s) => s.municipalityCode == null || municipalities.has(s.municipalityCode))).toBe(true);
      // Every series the county's select offers is in its file, for the county itself.
      for (const option of county.series) expect(file.series.some((s) => s.seriesId === option.id && s.municipalityCode == null)).toBe(true);
    }
    // Together the files hold every series once.
    expect(Object.values(files).reduce((n, f) => n + f.series.length, 0)).toBe(report.series.length);
    // The agreement's windows (Jämtland's) are in Västerbotten's file too: the page shows them for every county.
    expect(files["24"].agreement.windows[0].band).toMatchObject({lower: 129, upper: 169});
  });
});

describe("the band's label comes from the years the series has (#17)", () => {
  // A series with 2013–2018 and 2020–2022: of the base window 2019–2024 only 2020, 2021 and 2022 have
  // values (10, 12, 14): mean 12, sample SD 2, band 12 ± 2 × 2 = 8–16. The label is "2020–2022", not "2019–2024".
  const cells = new Map<number, number>([
    [2013, 9], [2014, 9], [2015, 10], [2016, 11], [2017, 11], [2018, 12],
    [2020, 10], [2021, 12], [2022, 14]
  ]);
  const y = yearlyAnalysis("Testby", {id: "hemsjukvard", kind: "enrolment", label: "Inskrivna i hemsjukvården", unit: "personer"}, cells, {baseFrom: 2019, baseTo: 2024, k: "2", sd: "sample", recomputeEvery: 3, validFrom: 2026});
  it("labels the band with 2020–2022 and names the missing base years", () => {
    expect(y.band).toMatchObject({mean: 12, sd: 2, lower: 8, upper: 16, n: 3, yearsLabel: "2020–2022", missing: [2019, 2023, 2024]});
    expect(nb(y.summary)).toContain("åren 2020–2022 i basperioden 2019–2024; 2019, 2023 och 2024 saknas i underlaget");
    expect(nb(y.summary)).not.toContain("basperioden 2019–2024)");
  });
  it("a complete base window keeps its plain label", () => {
    expect(yearsLabel([2019, 2020, 2021, 2022, 2023, 2024])).toBe("2019–2024");
    expect(yearsLabel([2013, 2014, 2015, 2016, 2017, 2018, 2020, 2021, 2022])).toBe("2013–2018, 2020–2022");
  });
});
