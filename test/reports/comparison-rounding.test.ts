// The comparison archive rounds each figure once, half away from zero, to the digits shown
// (loaders/reports/comparison.ts, `rounded`): the same number as the decimal text that toFixed writes,
// without writing it. Hand-computed ties, signs, fractions not in lowest terms and numbers past 2^53.
import {describe, expect, it} from "vitest";
import {rounded} from "../../loaders/reports/comparison.ts";
import {ratio, type Ratio} from "../../loaders/models/exact.ts";

const r = (num: bigint, den: bigint): Ratio => ({num, den});

describe("rounded: one rounding, half away from zero, as a number", () => {
  it("rounds ties away from zero, on both sides", () => {
    // 1/8 = 0,125 → 0,13; −1/8 → −0,13; 1/40 = 0,025 → 0,03; 5/2 = 2,5 → 3; −5/2 → −3.
    expect(rounded(ratio(1, 8), ratio(1), 2)).toBe(0.13);
    expect(rounded(ratio(-1, 8), ratio(1), 2)).toBe(-0.13);
    expect(rounded(ratio(1, 40), ratio(1), 2)).toBe(0.03);
    expect(rounded(ratio(5, 2), ratio(1), 0)).toBe(3);
    expect(rounded(ratio(-5, 2), ratio(1), 0)).toBe(-3);
    // Just below a tie: 0,124 999 … → 0,12.
    expect(rounded(ratio(124_999, 1_000_000), ratio(1), 2)).toBe(0.12);
  });

  it("applies the scale before rounding, once: 1 043 / 12 347 as a percentage is 8,4 %, not 8,5 %", () => {
    // 104 300 / 12 347 = 8,447 … → 8,4 (rounding 0,0845 first would give 8,5).
    expect(rounded(ratio(1043, 12_347), ratio(100), 1)).toBe(8.4);
    // Öre to kronor: 12 345 öre / 100 = 123,45 kr → 123 kr; 12 350 öre → 124 kr (tie, away).
    expect(rounded(ratio(12_345), ratio(1, 100), 0)).toBe(123);
    expect(rounded(ratio(12_350), ratio(1, 100), 0)).toBe(124);
    expect(rounded(ratio(-12_350), ratio(1, 100), 0)).toBe(-124);
  });

  it("takes fractions not in lowest terms, and gives 0 for a negative figure that rounds to nothing", () => {
    // 30/240 = 1/8 → 0,13; −2/100 000 → 0 (never −0).
    expect(rounded(r(30n, 240n), ratio(1), 2)).toBe(0.13);
    expect(Object.is(rounded(r(-2n, 100_000n), ratio(1), 2), 0)).toBe(true);
  });

  it("gives the nearest number to the decimal past 2^53 too", () => {
    // 12 345 678 901 234 567 891 / 10 → 1 234 567 890 123 456 789,1 → rounded to 1 decimal: the
    // decimal text "1234567890123456789.1", whose nearest double is what Number() of it gives.
    expect(rounded(ratio(12_345_678_901_234_567_891n, 10n), ratio(1), 1)).toBe(Number("1234567890123456789.1"));
    // 10^20 / 3 with 2 decimals: 33 333 333 333 333 333 333,33.
    expect(rounded(ratio(10n ** 20n, 3n), ratio(1), 2)).toBe(Number("33333333333333333333.33"));
  });
});
