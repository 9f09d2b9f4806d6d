import {describe, expect, it} from "vitest";
import {
  bandWindowFor,
  bandWindows,
  classifyAgainstBand,
  normalVariationBand,
  specialCauses
} from "../../loaders/models/normal-variation.ts";

const years = (from: number, values: number[]) => values.map((value, i) => ({period: from + i, value}));

// Connected persons 2019–2024 built so that mean = 149 and sample SD = 10 exactly:
//   values      137  146  140  150  161  160   sum 894, mean 894 / 6 = 149
//   deviations  −12   −3   −9    1   12   11   sum 0
//   squares     144    9   81    1  144  121   sum 500
//   sample variance 500 / (6 − 1) = 100, SD 10  →  149 ± 2 × 10 = 129–169 (the agreement's band)
//   population variance 500 / 6 = 83.33, SD 9.1287  →  149 ± 18.257 = 130.74–167.26
const base = years(2019, [137, 146, 140, 150, 161, 160]);
// Years outside the window must not enter the band.
const series = [...years(2013, [90, 95, 100, 105, 110, 115]), ...base, {period: 2025, value: 175}];

describe("normalVariationBand: the agreement's band", () => {
  it("is 129–169 from 2019–2024 with mean 149, sample SD 10 and two standard deviations", () => {
    const band = normalVariationBand(series, {baseFrom: 2019, baseTo: 2024, k: "2"});
    expect(band).toMatchObject({mean: 149, sd: 10, lower: 129, upper: 169, k: 2, baseFrom: 2019, baseTo: 2024, n: 6, sdKind: "sample", rounding: "inward"});
    expect(band.basePeriods).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(band.method).toContain("Normalvariation 129–169: medelvärdet 149 ± 2 × standardavvikelsen 10 för 2019–2024 (n = 6");
  });

  it("says in Swedish that six base years make a wide, uncertain band", () => {
    const band = normalVariationBand(base, {baseFrom: 2019, baseTo: 2024});
    expect(band.note).toMatch(/bara 6 värden.*osäker.*brett/);
  });

  it("has no note with enough base points", () => {
    const long = years(2013, [149, 139, 159, 149, 139, 159, 149, 139, 159, 149]);
    expect(normalVariationBand(long, {baseFrom: 2013, baseTo: 2022}).note).toBeUndefined();
  });

  it("names missing years in the window", () => {
    const gap = base.filter((v) => v.period !== 2021);
    expect(normalVariationBand(gap, {baseFrom: 2019, baseTo: 2024}).note).toContain("Värden saknas för 2021");
  });

  it("with population SD rounds inward: 130.74–167.26 → 131–167", () => {
    const band = normalVariationBand(base, {baseFrom: 2019, baseTo: 2024, sd: "population"});
    expect(band.lowerExact).toBeCloseTo(130.7426, 4);
    expect(band.upperExact).toBeCloseTo(167.2574, 4);
    expect([band.lower, band.upper]).toEqual([131, 167]);
  });

  it("rounds to the nearest integer or not at all when asked", () => {
    expect(normalVariationBand(base, {baseFrom: 2019, baseTo: 2024, sd: "population", rounding: "nearest"})).toMatchObject({lower: 131, upper: 167});
    // 0, 1, 2: mean 1, sample variance (1 + 0 + 1) / 2 = 1, SD 1; k = 1.3 → 1 ± 1.3 = −0.3…2.3.
    const small = years(2019, [0, 1, 2]);
    expect(normalVariationBand(small, {baseFrom: 2019, baseTo: 2021, k: "1.3"})).toMatchObject({lower: 0, upper: 2});
    expect(normalVariationBand(small, {baseFrom: 2019, baseTo: 2021, k: "1.3", rounding: "nearest"})).toMatchObject({lower: 0, upper: 2});
    const none = normalVariationBand(small, {baseFrom: 2019, baseTo: 2021, k: "1.3", rounding: "none"});
    expect(none.lower).toBeCloseTo(-0.3, 10);
    expect(none.upper).toBeCloseTo(2.3, 10);
  });

  it("computes integer limits exactly where floating point misses: 149 ± 0.57 × 100 = 92–206", () => {
    // The base deviations × 10 give mean 149 and sample SD 100. 0.57 × 100 is 56.99999999999999 in
    // floating point, so a float floor would give 205; exactly it is 57 and the band is 92–206.
    const wide = years(2019, [29, 119, 59, 159, 269, 259]);
    expect(normalVariationBand(wide, {baseFrom: 2019, baseTo: 2024, k: "0.57"})).toMatchObject({sd: 100, lower: 92, upper: 206});
  });

  it("takes monthly periods by their year", () => {
    const monthly = base.flatMap((v) => [{period: `${v.period}-01`, value: v.value}, {period: `${v.period}-07`, value: v.value}]);
    const band = normalVariationBand(monthly, {baseFrom: 2019, baseTo: 2024});
    expect(band.n).toBe(12);
    expect(band.mean).toBe(149);
  });

  it("needs at least two base values", () => {
    expect(() => normalVariationBand(base, {baseFrom: 2030, baseTo: 2032})).toThrow(/minst två värden/);
  });
});

describe("classifyAgainstBand", () => {
  const band = {lower: 129, upper: 169};
  it("counts the limits themselves as inside", () => {
    expect(classifyAgainstBand(129, band)).toBe("inside");
    expect(classifyAgainstBand(169, band)).toBe("inside");
    expect(classifyAgainstBand(150, band)).toBe("inside");
  });
  it("is above over the upper limit and below under the lower", () => {
    expect(classifyAgainstBand(170, band)).toBe("above");
    expect(classifyAgainstBand(128, band)).toBe("below");
  });
});

describe("bandWindowFor: the band is recomputed every third year", () => {
  it("uses 2019–2024 for the reconciliations 2026–2028", () => {
    for (const year of [2026, 2027, 2028]) {
      expect(bandWindowFor(year)).toMatchObject({reconciliationYear: year, countYear: year - 1, baseFrom: 2019, baseTo: 2024, validFrom: 2026, validTo: 2028, cycle: 0, beforeValidFrom: false});
    }
  });

  it("moves to 2022–2027 for 2029–2031 and 2025–2030 for 2032–2034", () => {
    expect(bandWindows(2029, 2034).map((w) => [w.reconciliationYear, w.baseFrom, w.baseTo, w.cycle])).toEqual([
      [2029, 2022, 2027, 1],
      [2030, 2022, 2027, 1],
      [2031, 2022, 2027, 1],
      [2032, 2025, 2030, 2],
      [2033, 2025, 2030, 2],
      [2034, 2025, 2030, 2]
    ]);
  });

  it("always ends the base window before the counted year", () => {
    for (const w of bandWindows(2026, 2040)) expect(w.baseTo).toBeLessThan(w.countYear);
  });

  it("shows years before the agreement against the first window, flagged", () => {
    const w = bandWindowFor(2024);
    expect(w).toMatchObject({baseFrom: 2019, baseTo: 2024, cycle: 0, beforeValidFrom: true});
    expect(w.note).toContain("Avstämningen börjar 2026");
  });

  it("takes the cycle and window length as parameters", () => {
    // Every 2 years: 2030 is cycle (2030 − 2026) / 2 = 2, window end 2024 + 2 × 2 = 2028, 4 years back to 2025.
    expect(bandWindowFor(2030, {recomputeEvery: 2, windowLength: 4})).toMatchObject({cycle: 2, baseFrom: 2025, baseTo: 2028, validFrom: 2030, validTo: 2031});
  });
});

describe("specialCauses: NHS Making Data Count rules on an XmR chart", () => {
  const firedRules = (values: number[], options = {}) => {
    const r = specialCauses(years(2013, values), options);
    return {r, flagged: r.points.filter((p) => p.specialCause).map((p) => [p.period, p.rules.join("+")])};
  };

  it("finds nothing on a flat series (no point beyond, a point on the mean breaks runs, equal values break trends)", () => {
    const {r, flagged} = firedRules(Array(12).fill(150));
    expect(flagged).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.limits).toMatchObject({mean: 150, averageMovingRange: 0, trialLimits: false});
    expect(r.points.every((p) => p.side === "on")).toBe(true);
  });

  it("flags a point beyond the limits", () => {
    // 100/120 alternating, 200 in 2024. Mean 1400 / 12 = 116.67. Moving ranges: ten of 20 and 100;
    // average 300 / 11 = 27.27, screening drops 100 ≥ 3.267 × 27.27 = 89.1, so the average is 20.
    // Limits 116.67 ± 2.66 × 20 = 63.47–169.87; 2σ lines ± 35.47 (100 and 120 are not close).
    const {r, flagged} = firedRules([100, 120, 100, 120, 100, 120, 100, 120, 100, 120, 100, 200]);
    expect(r.limits.averageMovingRange).toBe(20);
    expect(r.limits.upper).toBeCloseTo(169.8667, 4);
    expect(flagged).toEqual([[2024, "outside-limits"]]);
    expect(r.findings.map((f) => f.sentence)).toEqual(["2024: över övre gränsen (169,9)"]);
  });

  it("without screening the average moving range keeps the jump (27.27) and the limit widens to 189.2", () => {
    const {r} = firedRules([100, 120, 100, 120, 100, 120, 100, 120, 100, 120, 100, 200], {screenOutliers: false});
    expect(r.limits.upper).toBeCloseTo(116.6667 + 2.66 * (300 / 11), 4);
  });

  it("flags a point below the lower limit with the limit in the sentence", () => {
    // The mirror image around 110: 120/100 alternating, 20 in 2024; lower limit 103.33 − 53.2 = 50.13.
    const {r} = firedRules([120, 100, 120, 100, 120, 100, 120, 100, 120, 100, 120, 20]);
    expect(r.findings.map((f) => [f.rule, f.direction, f.sentence])).toEqual([["outside-limits", "low", "2024: under nedre gränsen (50,1)"]]);
  });

  it("flags 7 points in a row on one side of the mean", () => {
    // Mean (3 × 100 + 2 × 120 + 7 × 115) / 12 = 1345 / 12 = 112.08; 2018–2024 are all 115, above it.
    // Average moving range (4 × 20 + 15) / 11 = 8.64: limits 89.1–135.1, 2σ lines 96.8–127.4: nothing else.
    const values = [100, 120, 100, 120, 100, 115, 115, 115, 115, 115, 115, 115];
    const {r, flagged} = firedRules(values);
    expect(flagged).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => [y, "run"]));
    expect(r.findings.map((f) => f.sentence)).toEqual(["7 punkter i rad över medelvärdet, 2018–2024"]);
    // The run length is a parameter: 8 in a row is not reached.
    expect(firedRules(values, {runLength: 8}).flagged).toEqual([]);
  });

  it("flags 7 points rising, and 7 falling in the mirrored series", () => {
    // 101…107 in 2018–2024 rise 6 times. Mean 1258 / 12 = 104.83, so 101–104 are below and 105–107
    // above (no run); average moving range 55 / 11 = 5: limits 91.5–118.1, 2σ lines 96.0–113.7.
    const values = [110, 100, 110, 100, 110, 101, 102, 103, 104, 105, 106, 107];
    const up = firedRules(values);
    expect(up.flagged).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => [y, "trend"]));
    expect(up.r.findings.map((f) => [f.direction, f.sentence])).toEqual([["high", "7 punkter i rad stigande, 2018–2024"]]);
    const down = firedRules([...values].reverse());
    expect(down.r.findings.map((f) => [f.direction, f.sentence])).toEqual([["low", "7 punkter i rad sjunkande, 2013–2019"]]);
    expect(firedRules(values, {trendLength: 8}).flagged).toEqual([]);
  });

  it("flags 2 of 3 points beyond 2σ on one side", () => {
    // Mean 1310 / 12 = 109.17; moving ranges nine of 10, 20 and 0: average 110 / 11 = 10.
    // 2σ line 109.17 + 2 × 2.66 / 3 × 10 = 126.90, limit 109.17 + 26.6 = 135.77: 130 lies between.
    // 2022–2024 (110, 130, 130) are all above the mean and two of them are close: the two are flagged.
    const {r, flagged} = firedRules([100, 110, 100, 110, 100, 110, 100, 110, 100, 110, 130, 130]);
    expect(r.limits.averageMovingRange).toBe(10);
    expect(r.limits.upperTwoSigma).toBeCloseTo(126.9, 2);
    expect(flagged).toEqual([
      [2023, "two-of-three"],
      [2024, "two-of-three"]
    ]);
    expect(r.findings.map((f) => f.sentence)).toEqual(["2 punkter nära övre gränsen (över 2σ-linjen 126,9, 2 av 3 i rad på samma sida): 2023 och 2024"]);
  });

  it("does not count close points on opposite sides of the mean as 2 of 3", () => {
    // Mean 100 (symmetric), average moving range 40 / 11 = 3.64: 2σ lines 93.5 and 106.5, limits 90.3–109.7.
    // 2023 (108) and 2024 (92) are both close, but on opposite sides.
    const {r} = firedRules([100, 102, 100, 98, 100, 102, 100, 98, 100, 100, 108, 92], {screenOutliers: false});
    expect(r.findings.filter((f) => f.rule === "two-of-three")).toEqual([]);
  });

  it("marks fewer than 12 points as trial limits, in Swedish", () => {
    const {r} = firedRules([137, 146, 140, 150, 161, 160]);
    expect(r.limits.trialLimits).toBe(true);
    expect(r.notes[0]).toContain("Färre än 12 punkter (6): gränserna är preliminära");
    expect(firedRules(Array(12).fill(1)).r.notes).toEqual([]);
  });

  it("can fix the limits after the first n points", () => {
    // Limits from 2013–2018 (100/120 alternating: mean 110, average moving range 20): 110 ± 53.2.
    const {r} = firedRules([100, 120, 100, 120, 100, 120, 200, 200, 200, 200, 200, 200], {baselinePoints: 6});
    expect(r.limits).toMatchObject({mean: 110, averageMovingRange: 20, baselinePoints: 6, trialLimits: true});
    expect(r.findings.filter((f) => f.rule === "outside-limits").map((f) => f.from)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
  });

  it("puts the values in time order first", () => {
    const shuffled = years(2013, [100, 120, 100, 120, 100, 120, 100, 120, 100, 120, 100, 200]).reverse();
    expect(specialCauses(shuffled).findings.map((f) => f.sentence)).toEqual(["2024: över övre gränsen (169,9)"]);
  });
});
