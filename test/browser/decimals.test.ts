// One decimals rule per unit (the table in loaders/format.ts): in every table of every page kind, the
// figures of one column all have the same number of decimals ("1 234 kr" and "1 234,50 kr" never
// share a column; nor do "41,3 %" and "41 %").
import {describe, expect, it} from "vitest";
import {PAGE_KINDS} from "./frame-probe.ts";
import {useSite} from "./site-fixture.ts";

const site = useSite();

/** The columns of the page's tables whose figures have more than one number of decimals. */
async function mixedColumns(path: string): Promise<string[]> {
  const context = await site.browser.newContext({viewport: {width: 1280, height: 900}, locale: "sv-SE"});
  const page = await context.newPage();
  await page.goto(site.origin + path, {waitUntil: "networkidle"});
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, {timeout: 30_000});
  // Open folded tables (<details>) so that every table is rendered and read.
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const out = await page.evaluate(() => {
    const figure = /^[−+-]?\d{1,3}(?:[\s\u00a0]\d{3})*(?:,(\d+))?(?:[\s\u00a0]?(kr|mnkr|%|procentenheter|p\.e\.|tim|h))?$/;
    const problems: string[] = [];
    document.querySelectorAll("main table").forEach((table, t) => {
      const caption = table.querySelector("caption")?.textContent?.trim().slice(0, 60) ?? `tabell ${t + 1}`;
      const heads = Array.from(table.querySelectorAll("thead tr:last-child th")).map((th) => th.textContent?.trim() ?? "");
      // A matrix table (years across, one measure per row) and a table of calculation steps (each row its
      // own quantity: kronor, a factor, persons) keep their rule per row; other tables per column.
      const byRow = table.classList.contains("matrix-table") || table.classList.contains("steps-table");
      const groups = new Map<string, Map<number, string>>();
      table.querySelectorAll("tbody tr").forEach((tr) => {
        const rowName = tr.children[0]?.textContent?.trim() ?? "";
        Array.from(tr.children).forEach((cell, c) => {
          const text = (cell.textContent ?? "").trim();
          const m = figure.exec(text);
          if (!m) return;
          // Figures of different units in one column (a step-by-step table: kronor, then a factor) are apart.
          const key = `${byRow ? rowName : heads[c] ?? c}|${m[2] ?? ""}`;
          const decimals = m[1]?.length ?? 0;
          if (!groups.has(key)) groups.set(key, new Map());
          if (!groups.get(key)!.has(decimals)) groups.get(key)!.set(decimals, text);
        });
      });
      for (const [key, seen] of groups) if (seen.size > 1) problems.push(`${caption} | ${key.split("|")[0]}: ${[...seen.values()].join(" / ")}`);
    });
    return problems;
  });
  await context.close();
  return out;
}

describe("one decimals rule per column", () => {
  for (const path of PAGE_KINDS) {
    it(`${path}: no column mixes numbers of decimals`, async () => {
      expect(await mixedColumns(path)).toEqual([]);
    }, 60_000);
  }
});
