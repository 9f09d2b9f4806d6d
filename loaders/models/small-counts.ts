/**
 * Small counts (DOMAIN.md "Small counts"): never publish a count of persons between 1 and the
 * suppression threshold, nor any combination that lets a reader recompute one.
 *
 * The reading used here (and stated on the pages): a count n is suppressed when 1 ≤ n < threshold, so
 * with the default threshold 5 the counts 1, 2, 3 and 4 are shown as ".." and 0 and 5 are shown. The
 * threshold itself is published; 0 is published (nobody to point out).
 *
 * A table is interior cells x[i][j] with row totals R[i], column totals C[j] and a grand total G; the
 * totals are the true sums. The published relations a reader can use are the "lines":
 *   row i:        x[i][0] + … + x[i][m−1] = R[i]
 *   column j:     x[0][j] + … + x[n−1][j] = C[j]
 *   total column: R[0] + … + R[n−1] = G
 *   total row:    C[0] + … + C[m−1] = G
 * 1. Primary suppression: every cell, interior or total, with 1 ≤ value < threshold.
 * 2. Secondary suppression, repeated until stable: a line with exactly one suppressed member would give
 *    it away (total minus the others), so one more member of that line is suppressed: preferably an
 *    interior cell whose other line also needs a partner, then the smallest positive count, then a
 *    zero; a total only when no interior cell is left. Totals stay honest: a total is published with
 *    its true value unless it is itself small or nothing else can protect the line.
 * 3. A final exact check solves the published system by linear algebra (rational Gaussian
 *    elimination); any suppressed cell that is still determined (e.g. a "bridge" between two groups of
 *    suppressed cells) gets one more partner, and the loop goes on. `recomputeBySingleUnknown` is the
 *    reader's attack written out (every line with one unknown, repeated), for the tests.
 * Derived values (a coverage, a change) are suppressed when their numerator or denominator is: a
 * percentage with a known denominator gives the count back.
 * Not covered: bounds from non-negativity (a suppressed pair whose sum equals the sum of their maxima).
 */
import {SUPPRESSED} from "../format.ts";
import {type Ratio, ratio, sub, mul, div} from "./exact.ts";

export {SUPPRESSED};

/** The rule in one Swedish sentence, for pages and method notes. */
export function suppressionRuleText(threshold: number): string {
  const max = threshold - 1;
  return max >= 1
    ? `Antal personer från 1 till ${max} (under gränsen ${threshold}) visas inte utan som "${SUPPRESSED}", och inte heller siffror som skulle avslöja dem (sekundär maskering): täckning, förändring och ett antal till i samma rad eller kolumn. 0 och ${threshold} och uppåt visas.`
    : `Inga antal maskeras (gränsen är ${threshold}).`;
}

/** Primary rule: 1 ≤ n < threshold. */
export function isSmallCount(n: number, threshold: number): boolean {
  return n >= 1 && n < threshold;
}

export type Reason = "primary" | "secondary";

/** A cell address: interior [i, j], a row total, a column total, or the grand total. */
export type CellRef = {kind: "cell"; row: number; col: number} | {kind: "rowTotal"; row: number} | {kind: "colTotal"; col: number} | {kind: "grand"};

export interface SuppressedTable {
  /** Published values: null where suppressed. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  grandTotal: number | null;
  /** Why each value is suppressed (null: published). */
  cellReasons: (Reason | null)[][];
  rowTotalReasons: (Reason | null)[];
  colTotalReasons: (Reason | null)[];
  grandReason: Reason | null;
  threshold: number;
}

interface Member {
  ref: CellRef;
  value: number;
  interior: boolean;
}

const key = (r: CellRef) => (r.kind === "cell" ? `c${r.row},${r.col}` : r.kind === "rowTotal" ? `r${r.row}` : r.kind === "colTotal" ? `k${r.col}` : "g");

/** The lines (published sum relations) of an n × m table with all margins. */
export function tableLines(n: number, m: number): CellRef[][] {
  const lines: CellRef[][] = [];
  for (let i = 0; i < n; i++) lines.push([...Array.from({length: m}, (_, j): CellRef => ({kind: "cell", row: i, col: j})), {kind: "rowTotal", row: i}]);
  for (let j = 0; j < m; j++) lines.push([...Array.from({length: n}, (_, i): CellRef => ({kind: "cell", row: i, col: j})), {kind: "colTotal", col: j}]);
  lines.push([...Array.from({length: n}, (_, i): CellRef => ({kind: "rowTotal", row: i})), {kind: "grand"}]);
  lines.push([...Array.from({length: m}, (_, j): CellRef => ({kind: "colTotal", col: j})), {kind: "grand"}]);
  return lines;
}

export interface SuppressOptions {
  /**
   * More primary cells besides the small counts (loaders/disclosure/: an all-or-none row of a small
   * group, a cell hidden in a linked table). Called for every interior cell and total.
   */
  primary?: (ref: CellRef, value: number) => boolean;
}

/**
 * Suppresses an n × m table of counts (all ≥ 0, integers). The totals are computed here as true sums.
 */
export function suppressTable(cells: readonly (readonly number[])[], threshold: number, options: SuppressOptions = {}): SuppressedTable {
  const n = cells.length;
  const m = n ? cells[0].length : 0;
  for (const row of cells) {
    if (row.length !== m) throw new RangeError("ragged table");
    for (const v of row) if (!Number.isInteger(v) || v < 0) throw new RangeError(`not a count: ${v}`);
  }
  const rowTotals = cells.map((r) => r.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({length: m}, (_, j) => cells.reduce((s, r) => s + r[j], 0));
  const grand = rowTotals.reduce((s, v) => s + v, 0);
  const valueOf = (r: CellRef) => (r.kind === "cell" ? cells[r.row][r.col] : r.kind === "rowTotal" ? rowTotals[r.row] : r.kind === "colTotal" ? colTotals[r.col] : grand);
  const lines = tableLines(n, m).map((line) => line.map((ref): Member => ({ref, value: valueOf(ref), interior: ref.kind === "cell"})));
  const linesOf = new Map<string, number[]>();
  lines.forEach((line, li) => line.forEach((mb) => linesOf.set(key(mb.ref), [...(linesOf.get(key(mb.ref)) ?? []), li])));

  const reason = new Map<string, Reason>();
  for (const line of lines) for (const mb of line) if (isSmallCount(mb.value, threshold) || options.primary?.(mb.ref, mb.value)) reason.set(key(mb.ref), "primary");
  const suppressedIn = (li: number) => lines[li].filter((mb) => reason.has(key(mb.ref))).length;

  /** One more member of line `li` (not already suppressed), chosen as the module comment says. */
  const partner = (li: number, not?: string): Member | null => {
    const candidates = lines[li].filter((mb) => !reason.has(key(mb.ref)) && key(mb.ref) !== not);
    if (!candidates.length) return null;
    const helps = (mb: Member) => (linesOf.get(key(mb.ref)) ?? []).filter((l) => l !== li && suppressedIn(l) === 1).length;
    const rank = (mb: Member) => [mb.interior ? 0 : 1, -helps(mb), mb.value > 0 ? 0 : 1, mb.value];
    return candidates.sort((a, b) => {
      const x = rank(a);
      const y = rank(b);
      for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k] - y[k];
      return 0;
    })[0];
  };

  for (let guard = 0; guard < 10_000; guard++) {
    let changed = false;
    for (let li = 0; li < lines.length; li++) {
      if (suppressedIn(li) === 1) {
        const p = partner(li);
        if (p) {
          reason.set(key(p.ref), "secondary");
          changed = true;
        }
      }
    }
    if (changed) continue;
    // Exact check: is any suppressed value still determined by the published lines?
    const published = publishedOf(cells, rowTotals, colTotals, grand, reason);
    const determined = determinedCells(published);
    if (!determined.length) break;
    const options = determined
      .flatMap((d) => (linesOf.get(key(d)) ?? []).map((li) => partner(li)))
      .filter((p): p is Member => p != null);
    if (!options.length) break; // every line of every determined value is fully suppressed already
    options.sort((a, b) => (a.interior === b.interior ? a.value - b.value : a.interior ? -1 : 1));
    reason.set(key(options[0].ref), "secondary");
  }
  const pub = publishedOf(cells, rowTotals, colTotals, grand, reason);
  return {
    ...pub,
    cellReasons: cells.map((r, i) => r.map((_, j) => reason.get(key({kind: "cell", row: i, col: j})) ?? null)),
    rowTotalReasons: rowTotals.map((_, i) => reason.get(key({kind: "rowTotal", row: i})) ?? null),
    colTotalReasons: colTotals.map((_, j) => reason.get(key({kind: "colTotal", col: j})) ?? null),
    grandReason: reason.get("g") ?? null,
    threshold
  };
}

export interface PublishedTable {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  grandTotal: number | null;
}

function publishedOf(cells: readonly (readonly number[])[], rowTotals: number[], colTotals: number[], grand: number, reason: Map<string, Reason>): PublishedTable {
  return {
    cells: cells.map((r, i) => r.map((v, j) => (reason.has(key({kind: "cell", row: i, col: j})) ? null : v))),
    rowTotals: rowTotals.map((v, i) => (reason.has(key({kind: "rowTotal", row: i})) ? null : v)),
    colTotals: colTotals.map((v, j) => (reason.has(key({kind: "colTotal", col: j})) ? null : v)),
    grandTotal: reason.has("g") ? null : grand
  };
}

const publishedValue = (t: PublishedTable, r: CellRef) => (r.kind === "cell" ? t.cells[r.row][r.col] : r.kind === "rowTotal" ? t.rowTotals[r.row] : r.kind === "colTotal" ? t.colTotals[r.col] : t.grandTotal);

export interface Recomputed {
  ref: CellRef;
  value: number;
  /** The line it was read from: "rad 3", "kolumn 1", "totalkolumnen", "totalraden". */
  via: string;
}

/**
 * The reader's attack: every line (row, column, the totals) with exactly one unknown gives it as the
 * line's total minus the others (or the sum of the others when the unknown is the total); each value
 * found is used again, until nothing more can be found. Returns every value recovered.
 */
export function recomputeBySingleUnknown(t: PublishedTable): Recomputed[] {
  const n = t.cells.length;
  const m = n ? t.cells[0].length : t.colTotals.length;
  const lines = tableLines(n, m);
  const names = [...Array.from({length: n}, (_, i) => `rad ${i + 1}`), ...Array.from({length: m}, (_, j) => `kolumn ${j + 1}`), "totalkolumnen", "totalraden"];
  const known = new Map<string, number>();
  for (const line of lines) for (const r of line) {
    const v = publishedValue(t, r);
    if (v != null) known.set(key(r), v);
  }
  const found: Recomputed[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    lines.forEach((line, li) => {
      const unknown = line.filter((r) => !known.has(key(r)));
      if (unknown.length !== 1) return;
      const u = unknown[0];
      const total = line[line.length - 1];
      const parts = line.slice(0, -1);
      const value = key(u) === key(total) ? parts.reduce((s, r) => s + known.get(key(r))!, 0) : known.get(key(total))! - parts.filter((r) => key(r) !== key(u)).reduce((s, r) => s + known.get(key(r))!, 0);
      known.set(key(u), value);
      found.push({ref: u, value, via: names[li]});
      changed = true;
    });
  }
  return found;
}

/**
 * The exact check: the suppressed values that the published lines determine uniquely (any linear
 * combination of lines, not only one line at a time). Rational Gaussian elimination: an unknown is
 * determined when its unit vector is in the row space, i.e. a row of the reduced echelon form has its
 * only non-zero at that unknown.
 */
export function determinedCells(t: PublishedTable): CellRef[] {
  const n = t.cells.length;
  const m = n ? t.cells[0].length : t.colTotals.length;
  const lines = tableLines(n, m);
  const unknowns: CellRef[] = [];
  const index = new Map<string, number>();
  for (const line of lines) for (const r of line) if (publishedValue(t, r) == null && !index.has(key(r))) {
    index.set(key(r), unknowns.length);
    unknowns.push(r);
  }
  if (!unknowns.length) return [];
  // Coefficients only (the right-hand side does not matter for which unknowns are determined).
  const rows: Ratio[][] = [];
  for (const line of lines) {
    const coef = unknowns.map(() => ratio(0n));
    let any = false;
    line.forEach((r, pos) => {
      const k = index.get(key(r));
      if (k == null) return;
      coef[k] = ratio(pos === line.length - 1 ? -1n : 1n);
      any = true;
    });
    if (any) rows.push(coef);
  }
  const u = unknowns.length;
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let c = 0; c < u && pivotRow < rows.length; c++) {
    const p = rows.findIndex((r, i) => i >= pivotRow && r[c].num !== 0n);
    if (p < 0) continue;
    [rows[pivotRow], rows[p]] = [rows[p], rows[pivotRow]];
    const pv = rows[pivotRow][c];
    rows[pivotRow] = rows[pivotRow].map((x) => div(x, pv));
    for (let i = 0; i < rows.length; i++) {
      if (i === pivotRow || rows[i][c].num === 0n) continue;
      const f = rows[i][c];
      rows[i] = rows[i].map((x, k) => sub(x, mul(f, rows[pivotRow][k])));
    }
    pivots.push(c);
    pivotRow++;
  }
  const out: CellRef[] = [];
  pivots.forEach((c, i) => {
    if (rows[i].every((x, k) => k === c || x.num === 0n)) out.push(unknowns[c]);
  });
  return out;
}

/** A derived value (coverage, change) is published only when every count it comes from is. */
export function derived<T>(parts: readonly (number | null)[], compute: () => T): T | null {
  return parts.some((p) => p == null) ? null : compute();
}
