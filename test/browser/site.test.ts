// Every page of the built site opens in headless Chromium with no console error, no request that
// leaves 127.0.0.1, a demo label when the data is demo, no serious or critical axe-core violation.
import {describe, expect, it} from "vitest";
import {accessibilityViolations, open, sitePages} from "./harness.ts";
import {useSite} from "./site-fixture.ts";

const site = useSite();

describe("the built site", () => {
  const pages = sitePages();

  it("has the pages of the design", () => {
    expect(pages).toContain("/");
    expect(pages).toContain("/datakvalitet");
    expect(pages).toContain("/metod-sekretess");
  });

  for (const path of pages) {
    it(`opens ${path} cleanly`, async () => {
      const {page, errors, external} = await open(site.browser, site.origin, path);
      expect(errors, "console errors").toEqual([]);
      expect(external, "requests outside 127.0.0.1").toEqual([]);
      const text = await page.locator("main").innerText();
      expect(text).toContain("Demodata");
      expect(await page.locator(".observablehq--error").count(), "cells in error").toBe(0);
      expect(await accessibilityViolations(page), "axe-core: serious or critical WCAG 2.1 AA violations").toEqual([]);
      await page.context().close();
    });
  }

  it("Datakvalitet lists every input file with read = accepted + rejected", async () => {
    const {page} = await open(site.browser, site.origin, "/datakvalitet");
    const rows = await page.locator("table.data-table").first().locator("tbody tr").all();
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const r of rows) {
      const cells = (await r.locator("th, td").allInnerTexts()).map((t) => t.replace(/\s/g, ""));
      const [read, accepted, rejected] = cells.slice(3, 6).map(Number);
      expect(read).toBe(accepted + rejected);
    }
    await page.context().close();
  });

  it("the county selector changes the overview and the URL", async () => {
    const {page} = await open(site.browser, site.origin, "/");
    await page.selectOption("#county-select", "24");
    await page.waitForFunction(() => document.body.innerText.includes("Västerbottens län (Region Västerbotten) har 15 kommuner"));
    expect(page.url()).toContain("lan=24");
    await page.context().close();
  });
});
