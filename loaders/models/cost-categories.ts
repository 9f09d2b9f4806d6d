/**
 * Cost categories are free text (kostnader.csv's kategori, a ledger's konto in kostnader-huvudbok.csv):
 * a ledger may have hundreds. Only the largest get a series of their own on the pages; the rest are
 * summed per principal into "övriga kostnadsslag", so that a page's data stays bounded however many
 * categories the data has. The comparison report (reports/comparison.ts) has DuckDB sum the costs; the
 * choice of the pairs is made here, on their totals.
 */

/** How many category–principal pairs get a series of their own. */
export const COST_CATEGORIES_SHOWN = 12;

/** The name of the sum of the other categories, where a report keeps it as a category. */
export const OTHER_COST_CATEGORIES = "övriga kostnadsslag";

/**
 * The category–principal pairs (`category|principal`) that get a series of their own: the `n` largest
 * by their sum in öre over every row (all municipalities and years), ties by name.
 */
export function shownCostCategories(costs: readonly {category: string; principal: string; ore: string | number | bigint}[], n = COST_CATEGORIES_SHOWN): Set<string> {
  const totals = new Map<string, bigint>();
  for (const r of costs) {
    const k = `${r.category}|${r.principal}`;
    totals.set(k, (totals.get(k) ?? 0n) + BigInt(r.ore));
  }
  const ranked = [...totals].sort(([ka, a], [kb, b]) => (a === b ? (ka < kb ? -1 : ka > kb ? 1 : 0) : a > b ? -1 : 1));
  return new Set(ranked.slice(0, Math.max(0, n)).map(([k]) => k));
}

/**
 * Rows per municipality, year, category and principal with every category outside the shown ones
 * summed into OTHER_COST_CATEGORIES per municipality, year and principal.
 */
export function boundCostCategories<R extends {code: string; year: number; category: string; principal: string; ore: number}>(costs: readonly R[], n = COST_CATEGORIES_SHOWN): R[] {
  const shown = shownCostCategories(costs.map((r) => ({...r, ore: BigInt(Math.round(r.ore))})), n);
  const out: R[] = [];
  const other = new Map<string, R>();
  for (const r of costs) {
    if (shown.has(`${r.category}|${r.principal}`)) {
      out.push(r);
      continue;
    }
    const k = `${r.code}|${r.year}|${r.principal}`;
    const o = other.get(k);
    if (o) o.ore += r.ore;
    else other.set(k, {...r, category: OTHER_COST_CATEGORIES});
  }
  return [...out, ...other.values()];
}
