import {describe, expect, it} from "vitest";
import {
  derived,
  determinedCells,
  isSmallCount,
  recomputeBySingleUnknown,
  suppressionRuleText,
  suppressTable,
  SUPPRESSED,
  type PublishedTable
} from "../../loaders/models/small-counts.ts";

const T = 5;

/**
 * The checker: every recomputation a reader can make from the published table (each row, column and
 * the two total lines with one unknown, repeated as values are found), and the exact linear-algebra
 * check. Returns the suppressed values it could recover.
 */
function leaks(t: PublishedTable) {
  return {single: recomputeBySingleUnknown(t), linear: determinedCells(t)};
}

/** Every count a table publishes (cells and totals). */
const publishedCounts = (t: PublishedTable) => [...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.grandTotal].filter((v): v is number => v != null);

describe("the rule: 1 ≤ n < threshold", () => {
  it("suppresses 1–4 and publishes 0 and 5 with the default threshold 5 (both sides of the boundary)", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => isSmallCount(n, T))).toEqual([false, true, true, true, true, false, false]);
    expect(isSmallCount(9, 10)).toBe(true);
    expect(isSmallCount(10, 10)).toBe(false);
    expect(SUPPRESSED).toBe("..");
    expect(suppressionRuleText(5)).toContain("från 1 till 4 (under gränsen 5)");
    expect(suppressionRuleText(5)).toContain("0 och 5 och uppåt visas");
  });

  it("publishes a table without small counts as it is", () => {
    const t = suppressTable([[5, 10], [20, 5]], T);
    expect(t.cells).toEqual([[5, 10], [20, 5]]);
    expect(t.rowTotals).toEqual([15, 25]);
    expect(t.colTotals).toEqual([25, 15]);
    expect(t.grandTotal).toBe(40);
    expect(leaks(t).single).toEqual([]);
  });
});

describe("primary and secondary suppression of vaccinated | not vaccinated with totals", () => {
  // Rows: municipalities A, B, C, D. Columns: vaccinated, not vaccinated. Row total: the target group.
  //   A  5  3 | 8     ← 3 not vaccinated: primary
  //   B 30 10 | 40
  //   C 12  6 | 18
  //   D 50 20 | 70
  //     97 39 | 136
  // Row A: with 3 hidden, 5 = 8 − 3 gives it back → A's vaccinated is hidden too (secondary).
  // Column "vaccinated": 97 − 30 − 12 − 50 = 5 → a second row must be hidden there; C (12, the
  // smallest positive) is chosen, and then C's not-vaccinated (6) so that row C does not give 12 back.
  // Column "not vaccinated" then has A and C hidden: 39 − 10 − 20 = 9 = 3 + 6, not one unknown.
  const cells = [[5, 3], [30, 10], [12, 6], [50, 20]];
  const t = suppressTable(cells, T);

  it("hides the small count, its row partner and one more row, and keeps the true totals", () => {
    expect(t.cells).toEqual([[null, null], [30, 10], [null, null], [50, 20]]);
    expect(t.cellReasons).toEqual([["secondary", "primary"], [null, null], ["secondary", "secondary"], [null, null]]);
    expect(t.rowTotals).toEqual([8, 40, 18, 70]);
    expect(t.colTotals).toEqual([97, 39]);
    expect(t.grandTotal).toBe(136);
  });

  it("lets no single-unknown recomputation and no linear combination recover a hidden count", () => {
    const {single, linear} = leaks(t);
    expect(single).toEqual([]);
    expect(linear).toEqual([]);
    expect(publishedCounts(t).some((v) => isSmallCount(v, T))).toBe(false);
  });

  it("the checker does find the leak when only the primary cell is hidden", () => {
    const naive: PublishedTable = {cells: [[5, null], [30, 10], [12, 6], [50, 20]], rowTotals: [8, 40, 18, 70], colTotals: [97, 39], grandTotal: 136};
    const found = recomputeBySingleUnknown(naive);
    expect(found).toEqual([{ref: {kind: "cell", row: 0, col: 1}, value: 3, via: "rad 1"}]);
    expect(determinedCells(naive)).toEqual([{kind: "cell", row: 0, col: 1}]);
  });

  it("the checker follows a chain: hiding the row partner alone is not enough (column total gives it, then the row)", () => {
    const rowOnly: PublishedTable = {cells: [[null, null], [30, 10], [12, 6], [50, 20]], rowTotals: [8, 40, 18, 70], colTotals: [97, 39], grandTotal: 136};
    const found = recomputeBySingleUnknown(rowOnly);
    expect(found.map((f) => f.value).sort()).toEqual([3, 5]);
    expect(found.find((f) => f.value === 3)!.via).toMatch(/^kolumn 2$/);
  });

  it("derived values (coverage) are published only with both counts", () => {
    const cov = t.cells.map((r, i) => derived([r[0], t.rowTotals[i]], () => r[0]! / t.rowTotals[i]!));
    expect(cov).toEqual([null, 30 / 40, null, 50 / 70]);
  });
});

describe("totals", () => {
  it("a small target group hides the row, its total and a second row", () => {
    // A: 4 of 4 vaccinated (target 4 is small; 0 not vaccinated is published? no: the row total is
    // hidden, and with it nothing in the row can be read).
    const t = suppressTable([[4, 0], [20, 7], [33, 9]], T);
    expect(t.rowTotals[0]).toBeNull();
    expect(t.cells[0][0]).toBeNull();
    expect(publishedCounts(t).some((v) => isSmallCount(v, T))).toBe(false);
    expect(leaks(t).single).toEqual([]);
    expect(leaks(t).linear).toEqual([]);
    // The grand total and column totals stay honest.
    expect(t.grandTotal).toBe(73);
    expect(t.colTotals).toEqual([57, 16]);
  });

  it("a county with a single municipality must hide its column totals too", () => {
    const t = suppressTable([[5, 3]], T);
    expect(t.cells).toEqual([[null, null]]);
    expect(t.colTotals).toEqual([null, null]);
    expect(t.rowTotals).toEqual([8]);
    expect(leaks(t).single).toEqual([]);
    expect(leaks(t).linear).toEqual([]);
  });

  it("a small total is itself suppressed", () => {
    const t = suppressTable([[1, 1], [1, 1]], T);
    expect(publishedCounts(t)).toEqual([]);
  });

  it("breaks a bridge that only linear algebra finds (two hidden blocks joined by one cell)", () => {
    // Every line below has 0 or ≥ 2 hidden cells after the degree rule, so no single line gives a
    // value back; the final exact check must still hold.
    const t = suppressTable([[3, 9, 9, 9], [9, 3, 9, 9], [9, 9, 3, 9], [9, 9, 9, 3], [9, 9, 9, 9]], T);
    expect(leaks(t).single).toEqual([]);
    expect(leaks(t).linear).toEqual([]);
  });
});

describe("the checker on many tables", () => {
  it("no recomputation leaks in 500 random tables (deterministic generator)", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 500; k++) {
      const rows = 1 + rand(8);
      const cols = 1 + rand(4);
      const cells = Array.from({length: rows}, () => Array.from({length: cols}, () => (rand(3) === 0 ? rand(6) : rand(60))));
      const t = suppressTable(cells, T);
      expect(publishedCounts(t).some((v) => isSmallCount(v, T))).toBe(false);
      expect(leaks(t).single).toEqual([]);
      expect(leaks(t).linear).toEqual([]);
      // Totals that are published are the true sums.
      t.rowTotals.forEach((v, i) => v != null && expect(v).toBe(cells[i].reduce((s, x) => s + x, 0)));
    }
  });
});
