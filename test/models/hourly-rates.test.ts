import {describe, expect, it} from "vitest";
import {agreementRates, decimalText, invoiceStartedHours, rateForYear, rateFromParameters, startedHours} from "../../loaders/models/hourly-rates.ts";
import {dec, toFixed} from "../../loaders/models/exact.ts";
import type {IndexValue} from "../../loaders/models/index-uprating.ts";
import {MissingIndexError} from "../../loaders/models/index-uprating.ts";

const v = (index: IndexValue["index"], year: number, changePercent: string, edition: string, status: IndexValue["status"] = "utfall"): IndexValue => ({
  index,
  year,
  changePercent,
  edition,
  status
});

// VPI and OPI as in data/prisindex.csv (2024–2026; the 2025 forecast is revised by the outcome).
const series: IndexValue[] = [
  v("VPI", 2024, "3.2", "2024-12-15"),
  v("VPI", 2025, "3.1", "2024-10-01", "prognos"),
  v("VPI", 2025, "2.7", "2025-12-15"),
  v("VPI", 2026, "2.1", "2025-12-15", "prognos"),
  v("OPI", 2025, "3.0", "2025-12-15")
];

describe("the agreement's rates", () => {
  it("are MT 1 123 kr, hired staff 640 kr and sight/hearing 338 kr per hour at 2025 level", () => {
    expect(agreementRates.medtech).toMatchObject({baseYear: 2025, baseRateOre: 112_300, index: "VPI", startedHour: false});
    expect(agreementRates.hiredStaff).toMatchObject({baseYear: 2025, baseRateOre: 64_000, index: "VPI", startedHour: true});
    expect(agreementRates.sightHearing).toMatchObject({baseYear: 2025, baseRateOre: 33_800, index: "OPI", startedHour: true});
  });

  it("read from parametrar.json's shape", () => {
    expect(rateFromParameters({label: "Inhyrd personal", baseYear: 2025, kronor: "640", index: "VPI", startedHour: true})).toEqual(agreementRates.hiredStaff);
  });
});

describe("rateForYear", () => {
  it("is the agreement's rate in the base year", () => {
    const r = rateForYear(agreementRates.medtech, 2025, series);
    expect(r.rateOre).toBe(112_300);
    expect(r.steps).toEqual([]);
  });

  it("uprates one year forward with the index of the year before (lag 1): 1 123 × 1.027 = 1 153.321 → 1 153 kr", () => {
    const r = rateForYear(agreementRates.medtech, 2026, series);
    expect(toFixed(r.exactOre, 3)).toBe("115332.100");
    expect(r.rateOre).toBe(115_300);
    expect(r.steps.map((s) => [s.year, s.indexYear, s.changePercent])).toEqual([[2026, 2025, "2.7"]]);
    expect(r.method).toContain("1\u00a0153\u00a0kr/h 2026 = 1\u00a0123\u00a0kr/h (2025) × 1,027 (VPI 2025: 2,7 %, publicerad 2025-12-15)");
  });

  it("goes one year back by dividing: 1 123 / 1.032 = 1 088.18 → 1 088 kr", () => {
    const r = rateForYear(agreementRates.medtech, 2024, series);
    expect(r.rateOre).toBe(108_800);
    expect(r.steps.map((s) => s.indexYear)).toEqual([2024]);
    expect(r.method).toContain("÷");
  });

  it("chains two years and rounds once: 1 123 × 1.027 × 1.021 = 1 177.54 → 1 178 kr", () => {
    expect(rateForYear(agreementRates.medtech, 2027, series).rateOre).toBe(117_800);
  });

  it("uses the edition known at asOf: the 2025 forecast 3.1 % gives 1 123 × 1.031 = 1 157.81 → 1 158 kr", () => {
    expect(rateForYear(agreementRates.medtech, 2026, series, {asOf: "2025-06-01"}).rateOre).toBe(115_800);
  });

  it("rounds to whole öre when asked: 1 153.321 → 1 153.32 kr", () => {
    expect(rateForYear(agreementRates.medtech, 2026, series, {rounding: "ore"}).rateOre).toBe(115_332);
  });

  it("uses OPI for sight/hearing (338 × 1.030 = 348.14 → 348 kr) and VPI for hired staff (640 × 1.027 = 657.28 → 657 kr)", () => {
    expect(rateForYear(agreementRates.sightHearing, 2026, series).rateOre).toBe(34_800);
    expect(rateForYear(agreementRates.hiredStaff, 2026, series).rateOre).toBe(65_700);
  });

  it("lag 0 uses the year's own change", () => {
    expect(rateForYear(agreementRates.medtech, 2026, series, {lag: 0}).steps[0].indexYear).toBe(2026);
  });

  it("names the missing index year", () => {
    expect(() => rateForYear(agreementRates.medtech, 2028, series)).toThrow(MissingIndexError);
  });
});

describe("started hours", () => {
  it("bills any part of an hour as a whole hour", () => {
    expect(startedHours("0.25")).toBe(1);
    expect(startedHours("2.0")).toBe(2);
    expect(startedHours("2.01")).toBe(3);
    expect(startedHours("1,5")).toBe(2);
    expect(startedHours("0")).toBe(0);
    expect(() => startedHours("-1")).toThrow(RangeError);
  });

  it("rounds each job up separately: 0.5 + 0.5 + 2.01 h are 1 + 1 + 3 = 5 started hours at 640 kr = 3 200 kr", () => {
    const inv = invoiceStartedHours([{hours: "0.5", id: "a"}, {hours: "0.5", id: "b"}, {hours: "2.01", id: "c"}], 64_000);
    expect(inv.rows.map((r) => [r.id, r.billedHours, r.amountOre])).toEqual([
      ["a", 1, 64_000],
      ["b", 1, 64_000],
      ["c", 3, 192_000]
    ]);
    expect(inv.hours).toBe("3.01");
    expect(inv.billedHours).toBe(5);
    expect(inv.amountOre).toBe(320_000);
  });
});

describe("decimalText", () => {
  it("writes terminating decimals exactly", () => {
    expect(decimalText(dec("224.60"))).toBe("224.6");
    expect(decimalText(dec("-0.05"))).toBe("-0.05");
    expect(decimalText(dec("3"))).toBe("3");
  });
});
