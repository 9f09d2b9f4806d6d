// The method page on disclosure control (issue #16): the policy in words from the build's data, the
// hidden cells per table and reason, reached from the pages that hide cells; axe-core clean, no
// console error, nothing off 127.0.0.1.
import {describe, expect, it} from "vitest";
import {accessibilityViolations, open} from "./harness.ts";
import {builtData, readTable, text, useSite} from "./site-fixture.ts";
import type {DisclosureSummary} from "../../loaders/disclosure/summary.ts";

const site = useSite();

describe("Sekretess och röjandekontroll", () => {
  it("states the policy and how many cells each table hides, and why", async () => {
    const summary = builtData<DisclosureSummary>("sekretess");
    const {page, errors, external} = await open(site.browser, site.origin, "/metod-sekretess");
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Demodata");
    for (const p of summary.paragraphs) expect(main).toContain(text(p));
    // The default policy: 1–4 hidden, complements, 0 %/100 % under 50, secondary suppression.
    expect(main).toContain("från 1 till 4");
    expect(main).toContain("färre än 50 personer");
    expect(main).toMatch(/τ-ARGUS/);
    const t = await readTable(page, "table.data-table >> nth=1");
    const vacc = t.rows.get("Vaccination: vaccinerade, ovaccinerade och målgrupp per kommun")!;
    const row = summary.tables.find((x) => x.table.startsWith("Vaccination: vaccinerade"))!;
    // Non-vacuous: the demo hides cells, some of them secondary.
    expect(row.hidden).toBeGreaterThan(200);
    expect(row.byReason["sekundär"]).toBeGreaterThan(0);
    expect(vacc[2]).toBe(text(String(row.hidden).replace(/\B(?=(\d{3})+(?!\d))/g, " ")));
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("is linked from the pages that hide cells", async () => {
    for (const path of ["/vaccination/24", "/jamfor/24", "/kommun/2404", "/normalvariation/24"]) {
      const {page, errors} = await open(site.browser, site.origin, path);
      const link = page.locator('a[href$="metod-sekretess"]').first();
      await link.waitFor({state: "attached"});
      expect(await link.count(), path).toBe(1);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });
});
