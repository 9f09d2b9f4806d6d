// The page /avtal/<län>: the agreement's status (a recommendation, never "in force"), its decisions,
// and every parameter with value, kind and source; each assumption has an anchor that other pages link
// to (the tilläggsbelopp page marks its assumed figures and links here). No console error, nothing off
// 127.0.0.1, no serious axe violation.
import {describe, expect, it} from "vitest";
import {accessibilityViolations, open} from "./harness.ts";
import {builtData, text, useSite} from "./site-fixture.ts";

const site = useSite();

describe("Avtalen", () => {
  it("shows Jämtland's 2026–2027 agreement as recommended by SVOM, with every figure's kind and source", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/avtal/23");
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Demodata");
    expect(main).toContain("Överenskommelse om hälso- och sjukvård i hemmet 2026–2027");
    const status = text(await page.locator(".status").first().innerText());
    expect(status).toMatch(/^Status: Rekommenderat\. Rekommenderat av SVOM .* 2025-09-05/);
    expect(status).not.toMatch(/Status: (Gäller|Antaget)/);
    // The agreed figures with their source, the assumptions with who and why.
    const row = async (id: string) => text(await page.locator(`tr#${id}`).innerText());
    expect(await row("p-supplementaryAmount-amount")).toMatch(/3 735 428\s+avtalat\s+Överenskommelse tilläggsbelopp/);
    expect(await row("p-supplementaryAmount-adjustmentAmount")).toMatch(/25 940\s+avtalat/);
    expect(await row("p-supplementaryAmount-band-agreed-0")).toMatch(/129–169 .*avtalat/);
    expect(await row("p-supplementaryAmount-weights-elderly")).toMatch(/0,5\s+antagande\s+Antagande av /);
    expect(await row("p-supplementaryAmount-elderlyAgeBand")).toMatch(/80\+\s+antagande/);
    expect(await row("p-medtech-fixedPartPricing")).toMatch(/antagande/);
    expect(await row("p-developmentFunds-regionSharePercent")).toMatch(/50\s+avtalat/);
    // Every row of the tables has a kind and a source.
    const rows = await page.locator("table.param-table tbody tr").all();
    expect(rows.length).toBeGreaterThan(40);
    for (const r of rows) {
      const cells = await r.locator("td").allInnerTexts();
      expect(["avtalat", "antagande", "beräknat"]).toContain(cells[1].trim());
      expect(cells[2].trim().length).toBeGreaterThan(10);
    }
    expect(errors, "console errors").toEqual([]);
    expect(external, "requests outside 127.0.0.1").toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("Västerbotten: the 2013 transfer, 20 öre from 2013 and 25 öre proposed from 2016", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/avtal/24");
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Överföring av hemsjukvården till kommunerna i Västerbottens län 2013");
    expect(main).toContain("20 öre från 2013 (beslutad)");
    expect(main).toContain("25 öre från 2016 (föreslagen)");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the data file holds the same rows as `samverkan avtal --json`", () => {
    const data = builtData<{counties: {code: string; agreements: {id: string; rows: {kind: string; sourceText: string}[]}[]}[]}>("avtal");
    const j = data.counties.find((c) => c.code === "23")!;
    expect(j.agreements.map((a) => a.id)).toEqual(["23-2026"]);
    for (const r of j.agreements[0].rows) expect(r.sourceText).not.toBe("");
  });

  it("the tilläggsbelopp page marks the assumed weights and links to their entry", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/tillaggsbelopp?lan=23");
    const box = text(await page.locator(".agreement-box").innerText());
    expect(box).toMatch(/Rekommenderat av SVOM/);
    expect(box).toMatch(/antaganden.*vikten för andel äldre/);
    const link = page.locator(".agreement-box a", {hasText: "vikten för andel äldre"});
    expect(await link.getAttribute("href")).toMatch(/avtal\/23#p-supplementaryAmount-weights-elderly$/);
    expect(text(await page.locator("#fordelning .notice").first().innerText())).toMatch(/^Antagande\. .*inte avtalets/);
    expect(text(await page.locator("#avstamning .cards").innerText())).toMatch(/Normalvariation 129–169 avtalat/);
    await link.click();
    await page.waitForURL(/avtal\/23#p-supplementaryAmount-weights-elderly$/);
    expect(text(await page.locator("tr#p-supplementaryAmount-weights-elderly").innerText())).toMatch(/antagande/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
