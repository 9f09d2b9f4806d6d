// Price indices (loaders/models/index-uprating.ts): fixed prices from index levels where the file gives them.
import {describe, expect, it} from "vitest";
import {priceLevelFactor, upratingFactor, type IndexValue} from "../../loaders/models/index-uprating.ts";
import {dec, toFixed} from "../../loaders/models/exact.ts";

describe("fixed prices from index levels, not from chained rounded changes (#17)", () => {
  // Index levels 2020–2024: 100,00 · 102,04 · 104,96 · 111,34 · 118,42. The published yearly changes are
  // those rounded to a tenth: 2,04 → 2,0; 104,96/102,04 = 2,86 % → 2,9; 111,34/104,96 = 6,08 % → 6,1;
  // 118,42/111,34 = 6,36 % → 6,4. Chained: 1,020 × 1,029 × 1,061 × 1,064 = 1,184 875 06…; the index says
  // 118,42 / 100 = 1,1842. A 2020 cost at 2024 prices uses 1,1842.
  const levels: [number, string, string][] = [[2020, "0", "100.00"], [2021, "2.0", "102.04"], [2022, "2.9", "104.96"], [2023, "6.1", "111.34"], [2024, "6.4", "118.42"]];
  const withLevels: IndexValue[] = levels.map(([year, change, level]) => ({index: "LPIK", year, changePercent: change, edition: `${year + 1}-03-20`, level}));
  const withoutLevels: IndexValue[] = withLevels.map(({level: _level, ...v}) => v);
  it("uses level(2024) / level(2020) = 1,1842 when the file has the levels", () => {
    const f = priceLevelFactor(withLevels, "LPIK", 2020, 2024);
    expect(f.method).toBe("indextal");
    expect(toFixed(f.factor, 4)).toBe("1.1842");
    expect(toFixed(priceLevelFactor(withLevels, "LPIK", 2022, 2024).factor, 6)).toBe(toFixed(dec("1.128239"), 6)); // 118,42 / 104,96 = 1,128 239 3…
  });
  it("chains the yearly changes (1,1849) only when the levels are missing, and says so", () => {
    const f = priceLevelFactor(withoutLevels, "LPIK", 2020, 2024);
    expect(f.method).toBe("kedjade förändringar");
    expect(toFixed(f.factor, 4)).toBe("1.1849");
  });
  it("the agreement's uprating of a rate still follows the yearly changes", () => {
    expect(toFixed(upratingFactor(withLevels, "LPIK", 2020, 2024), 4)).toBe("1.1849");
  });
});
