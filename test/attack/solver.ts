/**
 * A careful reader's attack on published tables: unknown counts, the sums a reader knows hold
 * (target = vaccinated + not vaccinated, county = Σ municipalities, all groups = Σ groups), the values
 * published anywhere, and intervals from rounded percentages (p % of a known target). Finds every
 * unknown that these pin down to one value, by
 *  - linear algebra: Gaussian elimination of the sums with the known values substituted (an unknown is
 *    determined when its unit vector lies in the row space), and
 *  - interval propagation: each unknown in [lo, hi] (a count ≥ 0), narrowed by every sum and every
 *    percentage, rounded to whole numbers, until nothing changes; lo = hi is a recovered value.
 * Both are repeated until no new value is found. Works per connected group of unknowns.
 */

export interface Interval {
  lo: number;
  hi: number;
}

export class Attack {
  /** Sums: Σ coef·var = 0 (a total is a var with coefficient −1). */
  private sums: Map<string, number>[] = [];
  private known = new Map<string, number>();
  /** var ∈ [lo·of, hi·of] where `of` is another var (a percentage of a denominator). */
  private ratios: {v: string; of: string; lo: number; hi: number}[] = [];
  /** Where each known value came from (the first source). */
  readonly source = new Map<string, string>();
  /** Values published for the same cell that disagree (a bug of the collector or of the site). */
  readonly conflicts: string[] = [];

  sum(parts: readonly string[], total: string): void {
    const m = new Map<string, number>();
    for (const p of parts) m.set(p, (m.get(p) ?? 0) + 1);
    m.set(total, (m.get(total) ?? 0) - 1);
    this.sums.push(m);
  }

  value(v: string, x: number, from: string): void {
    const prev = this.known.get(v);
    if (prev != null && prev !== x) this.conflicts.push(`${v}: ${prev} (${this.source.get(v)}) och ${x} (${from})`);
    if (prev == null) {
      this.known.set(v, x);
      this.source.set(v, from);
    }
  }

  /** v / of ∈ [lo, hi] (fractions). */
  ratio(v: string, of: string, lo: number, hi: number): void {
    this.ratios.push({v, of, lo, hi});
  }

  /** A percentage shown with `digits` decimals: v / of is within half a unit of the last digit. */
  percent(v: string, of: string, percent: number, digits: number): void {
    const h = 0.5 * 10 ** -digits;
    this.ratio(v, of, (percent - h) / 100, (percent + h) / 100);
  }

  /** Every value the reader can pin down (published or recovered). */
  solve(): Map<string, number> {
    const vals = new Map(this.known);
    for (let round = 0; round < 50; round++) {
      const before = vals.size;
      this.linear(vals);
      this.intervals(vals);
      if (vals.size === before) break;
    }
    return vals;
  }

  private linear(vals: Map<string, number>): void {
    // Connected groups of unknowns, so each elimination is small.
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(x, r);
      return r;
    };
    const rows: {coef: Map<string, number>; rhs: number}[] = [];
    for (const s of this.sums) {
      const coef = new Map<string, number>();
      let rhs = 0;
      for (const [v, c] of s) {
        if (vals.has(v)) rhs -= c * vals.get(v)!;
        else coef.set(v, c);
      }
      if (!coef.size) continue;
      rows.push({coef, rhs});
      const vs = [...coef.keys()];
      for (const v of vs) if (!parent.has(v)) parent.set(v, v);
      for (const v of vs.slice(1)) parent.set(find(v), find(vs[0]));
    }
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const g = find(r.coef.keys().next().value!);
      (groups.get(g) ?? groups.set(g, []).get(g)!).push(r);
    }
    for (const group of groups.values()) {
      const vars = [...new Set(group.flatMap((r) => [...r.coef.keys()]))];
      const idx = new Map(vars.map((v, i) => [v, i]));
      const m = group.map((r) => {
        const row = new Array(vars.length + 1).fill(0);
        for (const [v, c] of r.coef) row[idx.get(v)!] = c;
        row[vars.length] = r.rhs;
        return row;
      });
      let pr = 0;
      const pivots: number[] = [];
      for (let c = 0; c < vars.length && pr < m.length; c++) {
        let p = -1;
        for (let i = pr; i < m.length; i++) if (Math.abs(m[i][c]) > 1e-9 && (p < 0 || Math.abs(m[i][c]) > Math.abs(m[p][c]))) p = i;
        if (p < 0) continue;
        [m[pr], m[p]] = [m[p], m[pr]];
        const pv = m[pr][c];
        for (let k = 0; k <= vars.length; k++) m[pr][k] /= pv;
        for (let i = 0; i < m.length; i++) {
          if (i === pr || Math.abs(m[i][c]) < 1e-12) continue;
          const f = m[i][c];
          for (let k = 0; k <= vars.length; k++) m[i][k] -= f * m[pr][k];
        }
        pivots.push(c);
        pr++;
      }
      pivots.forEach((c, i) => {
        if (m[i].every((x, k) => k === c || k === vars.length || Math.abs(x) < 1e-9)) vals.set(vars[c], Math.round(m[i][vars.length]));
      });
    }
  }

  private intervals(vals: Map<string, number>): void {
    const box = new Map<string, Interval>();
    const get = (v: string): Interval => (vals.has(v) ? {lo: vals.get(v)!, hi: vals.get(v)!} : (box.get(v) ?? {lo: 0, hi: Infinity}));
    const narrow = (v: string, lo: number, hi: number): boolean => {
      if (vals.has(v)) return false;
      const b = get(v);
      const n = {lo: Math.max(b.lo, Math.ceil(lo - 1e-9)), hi: Math.min(b.hi, Math.floor(hi + 1e-9))};
      if (n.lo === b.lo && n.hi === b.hi) return false;
      box.set(v, n);
      return true;
    };
    for (let it = 0; it < 200; it++) {
      let changed = false;
      for (const s of this.sums) {
        // Σ c·x = 0: for each x, c·x = −Σ others.
        for (const [v, c] of s) {
          let lo = 0;
          let hi = 0;
          for (const [w, d] of s) {
            if (w === v) continue;
            const b = get(w);
            const a = -d;
            lo += a > 0 ? a * b.lo : a * b.hi;
            hi += a > 0 ? a * b.hi : a * b.lo;
          }
          const [l, h] = c > 0 ? [lo / c, hi / c] : [hi / c, lo / c];
          if (Number.isFinite(l) || Number.isFinite(h)) changed = narrow(v, Number.isFinite(l) ? l : -Infinity, Number.isFinite(h) ? h : Infinity) || changed;
        }
      }
      for (const r of this.ratios) {
        const of = get(r.of);
        if (Number.isFinite(of.hi)) changed = narrow(r.v, r.lo * of.lo, r.hi * of.hi) || changed;
        const v = get(r.v);
        if (r.lo > 0 && Number.isFinite(v.hi)) changed = narrow(r.of, r.hi > 0 ? v.lo / r.hi : 0, v.hi / r.lo) || changed;
      }
      if (!changed) break;
    }
    for (const [v, b] of box) if (b.lo === b.hi) vals.set(v, b.lo);
  }
}
