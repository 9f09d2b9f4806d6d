import {describe, expect, it} from "vitest";
import {
  deviceCountsAt,
  deviceShares,
  fixedPart,
  fixedPartBasisDate,
  halfYearDates,
  halfYearEnd,
  halfYearPeriods,
  resourceNeedHours,
  variableInvoices,
  type DeviceCountRow,
  type MedtechJob
} from "../../loaders/models/medtech-invoice.ts";
import {ratio, toFixed} from "../../loaders/models/exact.ts";
import {DEVICES_2025_06_30, FIXED_PART_2025H2_KRONOR} from "../fixtures/medtech-2025-06-30.ts";

const countRows: DeviceCountRow[] = DEVICES_2025_06_30.flatMap(([code, , devices]) => [
  {municipalityCode: code, date: "2024-12-31", devices: devices - 1},
  {municipalityCode: code, date: "2025-06-30", devices}
]);
const snapshot = deviceCountsAt(["2025-06-30"], {counts: countRows})[0];

describe("device counts at half-year ends", () => {
  it("half-year dates and periods", () => {
    expect(halfYearDates(2025, 2026)).toEqual(["2025-06-30", "2025-12-31", "2026-06-30", "2026-12-31"]);
    expect(halfYearPeriods(2025, 2025)).toEqual(["2025H1", "2025H2"]);
    expect(halfYearEnd("2025H1")).toBe("2025-06-30");
    expect(() => halfYearEnd("2025-2")).toThrow(RangeError);
  });

  it("the fixed part is invoiced in advance: 2025H2 rests on the count of 2025-06-30, 2026H1 on 2025-12-31", () => {
    expect(fixedPartBasisDate("2025H2")).toBe("2025-06-30");
    expect(fixedPartBasisDate("2026H1")).toBe("2025-12-31");
  });

  it("the DOMAIN table from count rows: 923 devices on 2025-06-30", () => {
    expect(snapshot.total).toBe(923);
    expect(snapshot.counts.find((c) => c.municipalityCode === "2380")).toEqual({municipalityCode: "2380", devices: 381, source: "antal", countDate: "2025-06-30"});
  });

  it("takes the latest count on or before the date, and leaves out municipalities without one", () => {
    const rows: DeviceCountRow[] = [
      {municipalityCode: "2326", date: "2024-12-31", devices: 48},
      {municipalityCode: "2326", date: "2025-06-30", devices: 50},
      {municipalityCode: "2305", date: "2025-03-01", devices: 60},
      {municipalityCode: "2380", date: "2025-07-01", devices: 381}
    ];
    const [h1, h2] = deviceCountsAt(["2025-06-30", "2025-12-31"], {counts: rows});
    expect(h1.counts.map((c) => [c.municipalityCode, c.devices, c.countDate])).toEqual([
      ["2305", 60, "2025-03-01"],
      ["2326", 50, "2025-06-30"]
    ]);
    expect(h2.total).toBe(60 + 50 + 381);
  });

  it("counts device rows registered on or before the date and not decommissioned on or before it", () => {
    const devices = [
      {deviceId: "a", municipalityCode: "2309", registered: "2025-01-01", decommissioned: null},
      {deviceId: "b", municipalityCode: "2309", registered: "2025-06-30", decommissioned: null}, // registered on the date: counts
      {deviceId: "c", municipalityCode: "2309", registered: "2020-01-01", decommissioned: "2025-06-30"}, // gone on the date: does not
      {deviceId: "d", municipalityCode: "2309", registered: "2025-07-01", decommissioned: null},
      {deviceId: "e", municipalityCode: "2309", registered: "2020-01-01", decommissioned: "2025-07-01"},
      {deviceId: "f", municipalityCode: "2303", registered: "2026-01-01", decommissioned: null},
      {deviceId: "g", municipalityCode: "2326", registered: "2020-01-01", decommissioned: null}
    ];
    const [h1, h2] = deviceCountsAt(["2025-06-30", "2025-12-31"], {devices, counts: [{municipalityCode: "2326", date: "2025-01-01", devices: 50}]});
    expect(h1.counts).toEqual([
      {municipalityCode: "2303", devices: 0, source: "produkter", countDate: null},
      {municipalityCode: "2309", devices: 3, source: "produkter", countDate: null}, // a, b, e
      {municipalityCode: "2326", devices: 50, source: "antal", countDate: "2025-01-01"} // the count row wins
    ]);
    expect(h2.counts.find((c) => c.municipalityCode === "2309")!.devices).toBe(3); // a, b, d
  });
});

describe("device shares", () => {
  it("reproduce the DOMAIN table to one decimal, adding up to 100.0 %", () => {
    const {rows, total} = deviceShares(snapshot.counts);
    expect(total).toBe(923);
    const byCode = new Map(rows.map((r) => [r.municipalityCode, r]));
    for (const [code, , devices, percent] of DEVICES_2025_06_30) {
      expect(byCode.get(code)!.percent).toBe(percent);
      expect(byCode.get(code)!.share).toEqual(ratio(devices, 923));
    }
    expect(rows.reduce((s, r) => s + r.percentTenths, 0)).toBe(1000);
  });

  it("use largest remainder where plain rounding would not add up (three equal thirds: 33.4 + 33.3 + 33.3)", () => {
    const {rows} = deviceShares([
      {municipalityCode: "a", devices: 1},
      {municipalityCode: "b", devices: 1},
      {municipalityCode: "c", devices: 1}
    ]);
    expect(rows.map((r) => r.percent)).toEqual(["33.4", "33.3", "33.3"]);
  });

  it("refuse a total of zero", () => {
    expect(() => deviceShares([{municipalityCode: "a", devices: 0}])).toThrow(RangeError);
  });
});

describe("fixed part", () => {
  it("resource need 40 h + 923 × 12 min = 40 + 184.6 = 224.6 h per year", () => {
    expect(toFixed(resourceNeedHours(923, {baseHours: "40", minutesPerDevice: "12"}), 1)).toBe("224.6");
    expect(resourceNeedHours(923)).toEqual(ratio(1123, 5));
  });

  it("2025H2 at 1 123 kr/h: 224.6 × 1 123 = 252 225.80 kr a year, half 126 112.90 → 126 113 kr, parts add up", () => {
    const f = fixedPart("2025H2", snapshot, {hourlyRate: 112_300, baseHours: "40", minutesPerDevice: "12"});
    expect(f.basisDate).toBe("2025-06-30");
    expect(toFixed(f.yearlyKronor, 2)).toBe("252225.80");
    expect(toFixed(f.halfYearKronor, 2)).toBe("126112.90");
    expect(f.totalOre).toBe(12_611_300);
    // By hand: 126 113 × devices / 923, floors sum to 126 109; the 4 kronor left go to the largest
    // remainders (the fixture names them).
    expect(Object.fromEntries(f.rows.map((r) => [r.municipalityCode, r.amountOre / 100]))).toEqual(FIXED_PART_2025H2_KRONOR);
    expect(f.rows.reduce((s, r) => s + r.amountOre, 0)).toBe(f.totalOre);
    expect(f.method).toContain("2025-06-30");
    expect(f.method).toContain("224,6 h per år");
    expect(f.method).toContain("126\u00a0113\u00a0kr");
  });

  it("with explicit unit costs: 44 920 kr base + 923 × 224.60 kr = 252 225.80 kr a year, the same invoice", () => {
    const f = fixedPart("2025H2", snapshot, {baseCostPerYear: 4_492_000, costPerDevicePerYear: 22_460});
    expect(f.hoursPerYear).toBeNull();
    expect(f.totalOre).toBe(12_611_300);
    expect(f.method).toContain("Grundkostnad");
  });

  it("refuses a count from the wrong date (the invoice is in advance)", () => {
    expect(() => fixedPart("2026H1", snapshot, {hourlyRate: 112_300})).toThrow(/2025-12-31/);
  });
});

describe("variable part", () => {
  const rate = (year: number) => ({2024: 108_800, 2025: 112_300})[year]!;
  const jobs: MedtechJob[] = [
    {municipalityCode: "2303", date: "2025-01-09", hours: "5.75", travelOre: 77_000, partsOre: 0},
    {municipalityCode: "2303", date: "2025-01-20", hours: "0.33", travelOre: 0, partsOre: 12_550},
    {municipalityCode: "2321", date: "2025-01-23", hours: "1.5", travelOre: 0, partsOre: 0},
    {municipalityCode: "2303", date: "2025-02-03", hours: "2", travelOre: 0, partsOre: 100_000},
    {municipalityCode: "2303", date: "2024-12-30", hours: "1.25", travelOre: 0, partsOre: 0}
  ];

  it("invoices per month and municipality at the rate of the job's year", () => {
    const {rows} = variableInvoices(jobs, rate);
    expect(rows.map((r) => [r.month, r.municipalityCode])).toEqual([
      ["2024-12", "2303"],
      ["2025-01", "2303"],
      ["2025-01", "2321"],
      ["2025-02", "2303"]
    ]);
    // 2025-01, Ragunda: 5.75 × 1 123 = 6 457.25 kr and 0.33 × 1 123 = 370.59 kr; travel 770; parts 125.50.
    expect(rows[1]).toEqual({
      month: "2025-01",
      municipalityCode: "2303",
      rateOre: 112_300,
      jobs: 2,
      hours: "6.08",
      billedHours: "6.08",
      labourOre: 645_725 + 37_059,
      travelOre: 77_000,
      partsOre: 12_550,
      totalOre: 682_784 + 77_000 + 12_550
    });
    // 2024-12: 1.25 × 1 088 = 1 360 kr at the 2024 rate.
    expect(rows[0].labourOre).toBe(136_000);
  });

  it("totals per year add up to the months", () => {
    const {rows, byYear, years} = variableInvoices(jobs, rate);
    const y2025 = years.find((y) => y.year === 2025)!;
    const monthSum = rows.filter((r) => r.month.startsWith("2025")).reduce((s, r) => s + r.totalOre, 0);
    expect(y2025.totalOre).toBe(monthSum);
    // 682 784 + 77 000 + 12 550 (Ragunda Jan) + 168 450 (Åre) + 224 600 + 100 000 (Ragunda Feb)
    expect(y2025.totalOre).toBe(1_265_384);
    expect(byYear.filter((y) => y.year === 2025).reduce((s, y) => s + y.totalOre, 0)).toBe(y2025.totalOre);
    expect(byYear.find((y) => y.year === 2025 && y.municipalityCode === "2303")!.hours).toBe("8.08");
  });

  it("rounds each job's labour to whole öre: two jobs of 0.33 h at 1 153.32 kr are 380.60 + 380.60, not 761.19", () => {
    const two: MedtechJob[] = [
      {municipalityCode: "2380", date: "2026-03-01", hours: "0.33", travelOre: 0, partsOre: 0},
      {municipalityCode: "2380", date: "2026-03-02", hours: "0.33", travelOre: 0, partsOre: 0}
    ];
    const {rows} = variableInvoices(two, () => 115_332);
    expect(rows[0].labourOre).toBe(76_120);
  });

  it("can bill started hours per job", () => {
    const {rows, method} = variableInvoices([jobs[1]], rate, {startedHours: true});
    expect(rows[0].billedHours).toBe("1");
    expect(rows[0].labourOre).toBe(112_300);
    expect(method).toContain("påbörjad timme");
  });
});
