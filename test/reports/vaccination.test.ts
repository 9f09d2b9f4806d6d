// The vaccination report on the demo data (loaders/reports/vaccination.ts): no count of persons between
// 1 and threshold − 1 anywhere in the JSON, no suppressed count recomputable from what is published,
// the county's rank among counties, a funnel classification checked by hand, the volume priced, and
// the seminar section.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openWarehouse, type Warehouse} from "../../loaders/warehouse.ts";
import {seminarSection, vaccinationReport, type CoverageTable, type VaccinationReport} from "../../loaders/reports/vaccination.ts";
import {determinedCells, recomputeBySingleUnknown, type PublishedTable} from "../../loaders/models/small-counts.ts";
import {classify, funnelLimits} from "../../loaders/models/vaccination-coverage.ts";

let wh: Warehouse;
let report: VaccinationReport;

beforeAll(async () => {
  wh = await openWarehouse();
  report = await vaccinationReport(wh);
});
afterAll(() => wh?.close());

const county = (code: string) => report.counties.find((c) => c.countyCode === code)!;
const table = (code: string, season: string, vaccine: string, group: string): CoverageTable =>
  county(code).tables.find((t) => t.season === season && t.vaccine === vaccine && t.targetGroup === group)!;

/** Every number in the JSON under a key that holds a count of persons or doses. */
function counts(value: unknown, path = "", out: {path: string; n: number}[] = []): {path: string; n: number}[] {
  const COUNT_KEYS = /^(vaccinated|unvaccinated|targetSize|doses|total)$/;
  if (Array.isArray(value)) value.forEach((v, i) => counts(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (COUNT_KEYS.test(k) && typeof v === "number") out.push({path: `${path}.${k}`, n: v});
      else if (COUNT_KEYS.test(k) && Array.isArray(v)) v.forEach((x, i) => typeof x === "number" && out.push({path: `${path}.${k}[${i}]`, n: x}));
      else counts(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe("small counts in the published JSON", () => {
  it("uses the threshold of the parameter file (5) and states the rule", () => {
    expect(report.threshold).toBe(wh.parameters.suppressionThreshold);
    expect(report.threshold).toBe(5);
    expect(report.suppressionRule).toContain("från 1 till 4");
  });

  it("has no count of persons or doses between 1 and threshold − 1 anywhere", () => {
    const json = JSON.parse(JSON.stringify(report));
    const all = counts(json);
    expect(all.length).toBeGreaterThan(2000);
    expect(all.filter((c) => c.n >= 1 && c.n < report.threshold)).toEqual([]);
  });

  it("suppresses in the demo (small LSS groups, few unvaccinated in small SÄBO), so the rule is exercised", () => {
    // Bjurholm LSS covid-19 2024/25: 5 of 8 vaccinated, so 3 not vaccinated: hidden (the complement is small).
    const bjurholm = table("24", "2024/25", "covid-19", "lss").rows.find((r) => r.code === "2403")!;
    expect(bjurholm).toMatchObject({vaccinated: null, unvaccinated: null, targetSize: 8, coverage: null, changePoints: null, suppressed: "komplement", funnel: null});
    const hidden = report.counties.flatMap((c) => c.tables.flatMap((t) => t.rows.filter((r) => r.suppressed)));
    expect(hidden.some((r) => r.suppressed === "sekundär")).toBe(true);
  });

  it("lets no suppressed count be recomputed from the published totals (every single-unknown line, and linear algebra)", () => {
    let tables = 0;
    for (const c of report.counties) {
      for (const t of c.tables) {
        // What a reader has: vaccinated, not vaccinated (= target − vaccinated when both are shown),
        // the target group per municipality, and the county's sums.
        const pub: PublishedTable = {
          cells: t.rows.map((r) => [r.vaccinated, r.unvaccinated ?? (r.vaccinated != null && r.targetSize != null ? r.targetSize - r.vaccinated : null)]),
          rowTotals: t.rows.map((r) => r.targetSize),
          colTotals: [t.county.vaccinated, t.county.unvaccinated],
          grandTotal: t.county.targetSize
        };
        // A coverage with its denominator gives the numerator: it must never be shown alone.
        for (const r of t.rows) if (r.coverage != null) expect(r.vaccinated).not.toBeNull();
        expect(recomputeBySingleUnknown(pub)).toEqual([]);
        expect(determinedCells(pub)).toEqual([]);
        tables++;
      }
      for (const v of c.volume) {
        const pub: PublishedTable = {cells: v.rows.map((r) => r.doses), rowTotals: v.rows.map((r) => r.total), colTotals: v.county.doses, grandTotal: v.county.total};
        expect(recomputeBySingleUnknown(pub)).toEqual([]);
        for (const r of v.rows) r.doses.forEach((d, j) => d == null && expect(r.costOre[j]).toBeNull());
      }
    }
    expect(tables).toBe(2 * 5 * 2 * 4);
  });

  it("never publishes a change next to a hidden coverage", () => {
    for (const c of report.counties) for (const t of c.tables) for (const r of t.rows) {
      if (r.coverage == null || r.previousSuppressed) expect(r.changePoints).toBeNull();
    }
  });
});

describe("coverage, county and nation", () => {
  it("Västerbotten is 2nd of 21 counties in 2023/24 covid-19 SÄBO (published statistics)", () => {
    const t = table("24", "2023/24", "covid-19", "sabo");
    expect(t.reference.rank).toEqual({rank: 2, of: 21, tiedWith: []});
    expect(t.reference.countyPercent).toBe(93);
    expect(t.sentence).toContain("plats 2 av 21");
  });

  it("influenza 65+ 2022/23: riket 63 %, Västerbotten 70 %, Jämtland 60 %, WHO target 75 %", () => {
    const row = (code: string) => county(code).reference.find((r) => r.season === "2022/23" && r.vaccine === "influensa" && r.targetGroup === "65+")!;
    expect(row("24")).toMatchObject({countyPercent: 70, nationPercent: 63});
    expect(row("23")).toMatchObject({countyPercent: 60, nationPercent: 63});
    expect(report.whoTarget65).toBe(0.75);
  });

  it("the county is the sum of its municipalities, and coverage is vaccinated / target", () => {
    const t = table("24", "2023/24", "covid-19", "sabo");
    // Nothing hidden here except rows: the sums are over every row, hidden or not (the true totals).
    expect(t.county.targetSize).toBe(t.county.vaccinated! + t.county.unvaccinated!);
    const vännäs = t.rows.find((r) => r.code === "2460")!;
    // vaccination.csv: 2460;2023/24;sabo;covid-19;111;120
    expect(vännäs).toMatchObject({vaccinated: 111, targetSize: 120, unvaccinated: 9});
    expect(vännäs.coverage).toBeCloseTo(0.925, 6);
  });
});

describe("funnel classification (Wilson score, 95 % and 99.8 %)", () => {
  it("Vännäs 111 of 120 in 2023/24 covid-19 SÄBO is above the 99.8 % limit around the county", () => {
    const t = table("24", "2023/24", "covid-19", "sabo");
    const p0 = t.county.vaccinated! / t.county.targetSize!;
    expect(t.funnel!.p0).toBeCloseTo(p0, 6);
    const upper = funnelLimits(p0, 120, 99.8, "wilson").upper;
    expect(111 / 120).toBeGreaterThan(upper);
    expect(t.rows.find((r) => r.code === "2460")!.funnel!.status).toBe("above998");
    expect(t.funnel!.outside).toContain("Vännäs");
    expect(t.funnel!.sentence).toMatch(/^Utanför 99,8 %-gränserna runt länets [\d,]+\u00a0%, en verklig skillnad: .*Vännäs 92,5\u00a0% \(över\)/);
    // Norsjö 64 of 69: between the 95 % and 99.8 % limits.
    expect(classify(64, 69, p0).status).toBe("above95");
    expect(t.funnel!.between).toContain("Norsjö");
    expect(t.funnel!.method).toContain("Wilson");
  });

  it("hidden municipalities are not in the funnel and are said to be left out", () => {
    const t = table("24", "2024/25", "covid-19", "lss");
    expect(t.hidden).toContain("Bjurholm");
    expect(t.funnel!.sentence).toContain(`${t.hidden.length} kommuner visas inte`);
  });
});

describe("volume", () => {
  it("Västerbotten 2024/25: 16 650 doses, 2 497 500 kr at 150 kr per dose", () => {
    const v = county("24").volume.find((x) => x.season === "2024/25")!;
    expect(v.county.total).toBe(16650);
    expect(v.county.totalCostOre).toBe(16650 * 150 * 100);
    expect(report.pricePerDoseOre).toBe(15000);
  });
});

describe("seminar section", () => {
  it("reports covid-19 in SÄBO for the season that ended in the report year, with the funnel in words", async () => {
    const s = await seminarSection(wh, {countyCode: "24", countyName: "Västerbottens län", year: 2024, municipalities: county("24").municipalities});
    expect(s).not.toBeNull();
    expect(s!.title).toBe("Vaccination mot covid-19 i SÄBO 2023/24");
    expect(s!.headline).toContain("plats 2 av 21");
    expect(s!.headline).toContain("Utanför trattdiagrammets 99,8 %-gränser: Vännäs");
    const t = table("24", "2023/24", "covid-19", "sabo");
    expect(s!.chart!.rows.length).toBe(t.rows.filter((r) => r.coverage != null).length);
    if (t.hidden.length) expect(s!.chart!.unit).toContain("visas inte");
    // Hidden rows show ".." for vaccinated and coverage (the target group, a true row total, stays).
    for (const r of s!.table.rows.slice(0, -1)) if (t.hidden.includes(r[0])) expect([r[1], r[3], r[4]]).toEqual(["..", "..", ".."]);
    expect(await seminarSection(wh, {countyCode: "24", countyName: "Västerbottens län", year: 2030, municipalities: []})).toBeNull();
  });
});
