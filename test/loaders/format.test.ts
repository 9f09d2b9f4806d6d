// The decimals rule of loaders/format.ts, one line per unit of its table (figures worked by hand).
import {describe, expect, it} from "vitest";
import {formatDecimal, formatHours, formatKronor, formatMnkr, formatPercent} from "../../loaders/format.ts";

const nb = (s: string) => s.replace(/ /g, "\u00a0");

describe("one decimals rule per unit", () => {
  it("kronor without öre; öre only when asked", () => {
    expect(formatKronor(373_542_850)).toBe(nb("3 735 429 kr")); // 3 735 428,50 kr rounds half away from zero
    expect(formatKronor(123_450, {ore: true})).toBe(nb("1 234,50 kr"));
  });
  it("mnkr and percent with one decimal", () => {
    expect(formatMnkr(9_470_000_000)).toBe(nb("94,7 mnkr"));
    expect(formatPercent(0.413)).toBe(nb("41,3 %"));
    expect(formatPercent(0.03)).toBe(nb("3,0 %"));
  });
  it("hours with two decimals (quarter hours), from a number or an exact decimal's text", () => {
    expect(formatHours(7.5)).toBe("7,50");
    expect(formatHours("0.25")).toBe("0,25");
    expect(formatHours("2")).toBe("2,00");
    expect(formatHours(null)).toBe("–");
  });
  it("factors and indices with four decimals", () => {
    expect(formatDecimal(1.028, 4)).toBe("1,0280");
  });
});
