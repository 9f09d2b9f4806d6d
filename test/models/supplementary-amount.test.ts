import {describe, expect, it} from "vitest";
import {adjustmentAmount, reconcile, supplementaryAmountBase, upratedAmounts, type ReconciliationAmounts} from "../../loaders/models/supplementary-amount.ts";
import {bandWindowFor, normalVariationBand} from "../../loaders/models/normal-variation.ts";
import {MissingIndexError, type IndexValue} from "../../loaders/models/index-uprating.ts";
import {toFixed} from "../../loaders/models/exact.ts";

const nb = "\u00a0";

// LPIK as in data/prisindex.csv: the 2025 forecast (3.2 %) was replaced by the outcome (2.8 %).
const lpik: IndexValue[] = [
  {index: "LPIK", year: 2024, changePercent: "2.9", edition: "2025-03-20", status: "utfall"},
  {index: "LPIK", year: 2025, changePercent: "3.2", edition: "2024-10-01", status: "prognos"},
  {index: "LPIK", year: 2025, changePercent: "2.8", edition: "2026-03-20", status: "utfall"},
  {index: "LPIK", year: 2026, changePercent: "3.0", edition: "2025-12-15", status: "prognos"},
  {index: "LPIK", year: 2027, changePercent: "2.8", edition: "2026-12-15", status: "prognos"},
  {index: "VPI", year: 2025, changePercent: "9.9", edition: "2025-12-15", status: "utfall"}
];

const agreement = {posts: "3", readinessFactor: "1.5", monthlySalary: "47000", months: 12, payrollOverheadPercent: "47.18"};

describe("supplementaryAmountBase", () => {
  it("is 3 × 1.5 × 47 000 × 12 × 1.4718 = 3 735 428.4 → 3 735 428 kr at 2024 level", () => {
    const b = supplementaryAmountBase(agreement);
    expect(b.exactText).toBe("3735428.4");
    expect(toFixed(b.exactKronor, 1)).toBe("3735428.4");
    expect(b.amountOre).toBe(373_542_800);
    expect(b.method).toBe(
      `3 tjänster × 1,5 (grundberedskap) × 47${nb}000 kr i månadslön × 12 månader × 1,4718 (PO-pålägg 47,18 %) = ` +
        `3${nb}735${nb}428,4 kr, avrundat till hela kronor: 3${nb}735${nb}428${nb}kr.`
    );
  });
});

describe("adjustmentAmount", () => {
  it("is 3 735 428 / 144 = 25 940.47 → 25 940 kr per connected person", () => {
    const a = adjustmentAmount(373_542_800, 144);
    expect(toFixed(a.exactKronor, 2)).toBe("25940.47");
    expect(a.amountOre).toBe(2_594_000);
    expect(a.method).toContain(`3${nb}735${nb}428${nb}kr / 144 anslutna personer = 25${nb}940,47 kr`);
  });

  it("takes the result of supplementaryAmountBase directly", () => {
    expect(adjustmentAmount(supplementaryAmountBase(agreement), 144).amountOre).toBe(2_594_000);
  });
});

const amounts: ReconciliationAmounts = {supplementaryAmountOre: 373_542_800, adjustmentAmountOre: 2_594_000, baseCount: 144};
const band = {lower: 129, upper: 169, baseFrom: 2019, baseTo: 2024};
const options = {indexSeries: lpik};

describe("upratedAmounts: LPIK from 2026-01-01, both amounts at 2024 level", () => {
  it("uprates 2026 by 2025 and 2026 (lag 0): 1.028 × 1.030 = 1.05884", () => {
    // 3 735 428 × 1.05884 = 3 955 220.58 → 3 955 221 kr; 25 940 × 1.05884 = 27 466.31 → 27 466 kr.
    const u = upratedAmounts(2026, amounts, options);
    expect(u.factor).toBe("1.058840");
    expect(u.factorSteps).toEqual([
      {year: 2025, indexYear: 2025, index: "LPIK", changePercent: "2.8", edition: "2026-03-20", status: "utfall", factor: "1.028"},
      {year: 2026, indexYear: 2026, index: "LPIK", changePercent: "3.0", edition: "2025-12-15", status: "prognos", factor: "1.03"}
    ]);
    expect(u.supplementaryAmountOre).toBe(395_522_100);
    expect(u.adjustmentAmountOre).toBe(2_746_600);
  });

  it("chains a third year and rounds once: 1.05884 × 1.028 = 1.08848752", () => {
    // 3 735 428 × 1.08848752 = 4 065 966.76 → 4 065 967 kr; 25 940 × 1.08848752 = 28 235.37 → 28 235 kr.
    const u = upratingOf(2027);
    expect(u.factor).toBe("1.088488");
    expect(u.supplementaryAmountOre).toBe(406_596_700);
    expect(u.adjustmentAmountOre).toBe(2_823_500);
  });

  it("leaves the years before 2026 at 2024 level (factor 1)", () => {
    for (const year of [2023, 2024, 2025]) {
      const u = upratingOf(year);
      expect(u.factor).toBe("1.000000");
      expect(u.factorSteps).toEqual([]);
      expect(u.supplementaryAmountOre).toBe(373_542_800);
    }
  });

  it("uses the editions known at asOf: before the outcome, 2025 is the 3.2 % forecast", () => {
    // 1.032 × 1.030 = 1.06296; 3 735 428 × 1.06296 = 3 970 610.55 → 3 970 611 kr.
    const u = upratedAmounts(2026, amounts, {...options, asOf: "2025-12-31"});
    expect(u.factor).toBe("1.062960");
    expect(u.supplementaryAmountOre).toBe(397_061_100);
  });

  it("names a missing index year", () => {
    expect(() => upratingOf(2028)).toThrow(MissingIndexError);
  });

  function upratingOf(year: number) {
    return upratedAmounts(year, amounts, options);
  }
});

describe("reconcile 2026 (persons connected in 2025) against 129–169", () => {
  // Uprated: tilläggsbelopp 3 955 221 kr, justeringsbelopp 27 466 kr (see above).
  it("inside the band (150): the amount is distributed unchanged, under both readings", () => {
    for (const reading of ["beyond-limit", "from-base"] as const) {
      const r = reconcile(2026, 150, band, amounts, {...options, reading});
      expect(r).toMatchObject({year: 2026, countYear: 2025, count: 150, position: "inside", reading, persons: 0, revisionOre: 0, finalAmountOre: 395_522_100});
    }
  });

  it("a count on a limit (169) is inside", () => {
    expect(reconcile(2026, 169, band, amounts, options).position).toBe("inside");
  });

  it("above the band (175), beyond-limit (default): +6 persons → 3 955 221 + 6 × 27 466 = 4 120 017 kr", () => {
    const r = reconcile(2026, 175, band, amounts, options);
    expect(r).toMatchObject({position: "above", reading: "beyond-limit", persons: 6, revisionOre: 16_479_600, finalAmountOre: 412_001_700});
    expect(r.readingLabel).toBe("antal utöver närmaste gräns");
    expect(r.method).toContain(`175 anslutna personer i länet 2025 ligger över normalvariationen 129–169 (2019–2024)`);
    expect(r.method).toContain(`6 personer över övre gränsen 169`);
    expect(r.method).toContain(`3${nb}955${nb}221${nb}kr + 6 × 27${nb}466${nb}kr = 4${nb}120${nb}017${nb}kr`);
    expect(r.method).toContain("LPIK (2025: 2,8 %, 2026: 3,0 % (prognos)), faktor 1,058840");
  });

  it("above the band (175), from-base: +31 persons (175 − 144) → 3 955 221 + 31 × 27 466 = 4 806 667 kr", () => {
    const r = reconcile(2026, 175, band, amounts, {...options, reading: "from-base"});
    expect(r).toMatchObject({position: "above", persons: 31, revisionOre: 85_144_600, finalAmountOre: 480_666_700});
    expect(r.readingLabel).toBe("skillnad mot baskantalet 144");
  });

  it("below the band (120), beyond-limit: −9 persons (120 − 129) → 3 955 221 − 9 × 27 466 = 3 708 027 kr", () => {
    const r = reconcile(2026, 120, band, amounts, options);
    expect(r).toMatchObject({position: "below", persons: -9, revisionOre: -24_719_400, finalAmountOre: 370_802_700});
    expect(r.method).toContain(`3${nb}955${nb}221${nb}kr − 9 × 27${nb}466${nb}kr = 3${nb}708${nb}027${nb}kr`);
  });

  it("below the band (120), from-base: −24 persons (120 − 144) → 3 955 221 − 24 × 27 466 = 3 296 037 kr", () => {
    const r = reconcile(2026, 120, band, amounts, {...options, reading: "from-base"});
    expect(r).toMatchObject({position: "below", persons: -24, revisionOre: -65_918_400, finalAmountOre: 329_603_700});
  });

  it("before uprating starts (2025) uses the 2024 amounts: 175 → 3 735 428 + 6 × 25 940 = 3 891 068 kr", () => {
    const r = reconcile(2025, 175, band, amounts, options);
    expect(r).toMatchObject({factor: "1.000000", factorSteps: [], supplementaryAmountOre: 373_542_800, adjustmentAmountOre: 2_594_000, finalAmountOre: 389_106_800});
    expect(r.method).toContain("ingen uppräkning före 2026");
  });

  it("from-base never turns the revision against the position when the base count is outside a recomputed band", () => {
    // A recomputed band 150–190 no longer holds 144: 148 is below it, but 148 − 144 = +4 would raise the amount.
    const r = reconcile(2026, 148, {lower: 150, upper: 190}, amounts, {...options, reading: "from-base"});
    expect(r.persons).toBe(0);
    expect(r.notes[0]).toContain("Baskantalet 144 ligger utanför normalvariationen 150–190");
  });

  it("wants integer band limits", () => {
    expect(() => reconcile(2026, 150, {lower: 128.6, upper: 169.4}, amounts, options)).toThrow(/hela tal/);
  });

  it("works end to end from the counts: band from bandWindowFor and normalVariationBand", () => {
    const counts = [137, 146, 140, 150, 161, 160, 175].map((value, i) => ({period: 2019 + i, value}));
    const w = bandWindowFor(2026);
    const b = normalVariationBand(counts, {baseFrom: w.baseFrom, baseTo: w.baseTo});
    const count = counts.find((c) => c.period === w.countYear)!.value;
    expect(reconcile(2026, count, b, amounts, options).finalAmountOre).toBe(412_001_700);
  });

  it("is plain JSON (no BigInt)", () => {
    expect(() => JSON.stringify(reconcile(2026, 175, band, amounts, options))).not.toThrow();
  });
});
