// What Kolada users expect (issue 19, item 7): "min kommun" chosen once, remembered and carried in the
// URL, marked in text on the ranking's bars and tables and on the profile; the similar-municipalities
// filter on the ranking; the quartile column; the county reference lines named; a stable link to each
// chart that opens the same state scrolled to the chart.
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {accessibilityViolations, open} from "./harness.ts";
import {builtMember, readTable, settled, settledAt, text, useSite} from "./site-fixture.ts";
import type {ComparisonCountyMeta} from "../../loaders/reports/comparison.ts";

const site = useSite();
const meta = () => builtMember<ComparisonCountyMeta>("jamfor/23", "meta.json");
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const rankingTable = (page: Page) => readTable(page, "table.data-table");

describe("Min kommun, liknande kommuner, kvartiler och länkar till diagrammen", () => {
  it("remembers my municipality, puts it in the URL and marks it in the ranking's bars and table", async () => {
    const m = [...meta().municipalities].sort((a, b) => a.name.localeCompare(b.name, "sv"))[1];
    const {page, errors, external} = await open(site.browser, site.origin, "/jamfor/23");
    expect(param(page, "kommun")).toBeNull();
    await page.selectOption("select[name=kommun]", m.code);
    await settledAt(page, "kommun", m.code);
    await settled(page, "tr.my-municipality");
    // The table: the row is marked in text and by class, only that one.
    const rows = page.locator("table.data-table").first().locator("tr.my-municipality");
    expect(await rows.count()).toBe(1);
    expect(text(await rows.innerText())).toContain(`${m.name} (★ min kommun)`);
    // The bar: the mark is text in the chart, and the link's name says it.
    const chart = page.locator("#rangordning-diagram svg[role=figure]");
    expect(text((await chart.textContent()) ?? "")).toContain("★ min kommun");
    expect(await chart.locator(`a[aria-label^="${m.name} (min kommun)"]`).count()).toBe(1);
    // The caption says it in words too.
    expect(text(await page.locator("#rangordning-diagram figcaption").innerText())).toContain(`★ min kommun”: ${m.name}`);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Remembered: a new visit without ?kommun= gets it back (and writes it into the URL).
    await page.goto(`${site.origin}/jamfor/23`, {waitUntil: "networkidle"});
    await settled(page, "tr.my-municipality");
    expect(param(page, "kommun")).toBe(m.code);
    // The URL wins over the stored choice: a shared link with another municipality shows that one.
    const other = meta().municipalities.find((x) => x.code !== m.code)!;
    await page.goto(`${site.origin}/jamfor/23?kommun=${other.code}`, {waitUntil: "networkidle"});
    await settled(page, "tr.my-municipality");
    expect(text(await page.locator("table.data-table").first().locator("tr.my-municipality").innerText())).toContain(other.name);

    // The profile: the button says it is mine; pressing it forgets the choice.
    await page.goto(`${site.origin}/kommun/${m.code}`, {waitUntil: "networkidle"});
    await settled(page, "button.my-municipality-button");
    const button = page.locator("button.my-municipality-button");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    expect(text(await button.innerText())).toContain(`${m.name} är min kommun`);
    await button.click();
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    expect(param(page, "kommun")).toBeNull();
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("marks my municipality in the supplementary amount's distribution table too (the shared table option)", async () => {
    const m = meta().municipalities[0];
    const {page, errors} = await open(site.browser, site.origin, `/tillaggsbelopp?lan=23&kommun=${m.code}`);
    const row = page.locator("#fordelning table.dist-table tbody tr.my-municipality");
    expect(await row.count()).toBe(1);
    expect(text(await row.innerText())).toContain(`${m.name} (★ min kommun)`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("filters the ranking to my municipality and its similar ones in the county, and names the method", async () => {
    const m = meta().municipalities[0];
    expect(m.similarInCounty.length).toBe(3);
    const {page, errors} = await open(site.browser, site.origin, `/jamfor/23?kommun=${m.code}`);
    expect((await rankingTable(page)).rows.size).toBe(8);
    await page.locator("input[type=radio][value=liknande]").check();
    await settledAt(page, "urval", "liknande");
    await page.waitForFunction(() => document.querySelectorAll("table.data-table")[0]?.querySelectorAll("tbody tr").length === 4);
    const t = await rankingTable(page);
    const names = new Set([m.code, ...m.similarInCounty].map((c) => meta().municipalities.find((x) => x.code === c)!.name));
    expect(new Set([...t.rows.keys()].map((k) => k.replace(" (★ min kommun)", "")))).toEqual(names);
    expect(await page.locator("#rangordning-diagram svg a rect").count()).toBeLessThanOrEqual(4);
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Liknande kommuner i länet");
    expect(main).toContain("ln(folkmängd)");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("has a quartile column Q1–Q4 with its rule in the caption, neutral for indicators without a direction", async () => {
    const {page} = await open(site.browser, site.origin, "/jamfor/23");
    const t = await rankingTable(page);
    expect(t.headers.at(-1)).toBe("Kvartil");
    // 8 municipalities: ranks 1–2 Q1, 3–4 Q2, 5–6 Q3, 7–8 Q4 (⌈4·rang/8⌉).
    for (const cells of t.rows.values()) if (cells[1] !== "–") expect(cells.at(-1)).toBe(`Q${Math.ceil((4 * Number(cells[1])) / 8)}`);
    expect(t.caption).toContain("Q1 = den fjärdedel");
    expect(t.caption).toContain("varken bättre eller sämre");
    expect(await page.locator("table.data-table").first().locator("tr.quartile-1").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("names the county's reference lines in the chart and its table, and says there is no national figure", async () => {
    const {page} = await open(site.browser, site.origin, "/jamfor/23");
    const chart = text((await page.locator("#rangordning-diagram svg").first().textContent()) ?? "");
    expect(chart).toContain("Länets medel");
    expect(chart).toContain("Median");
    const caption = text(await page.locator("#rangordning-diagram figcaption").innerText());
    expect(caption).toContain("Riket: underlaget har ingen siffra för hela riket");
    const county = await readTable(page, "table.data-table >> nth=2");
    expect(county.headers.join(" ")).toContain("Länets");
    await page.context().close();
  });

  it("draws the trend of three chosen municipalities side by side, with the county line, a table and a CSV", async () => {
    const ms = [...meta().municipalities].sort((a, b) => a.name.localeCompare(b.name, "sv")).slice(0, 3);
    const {page, errors} = await open(site.browser, site.origin, `/jamfor/23?kommun=${ms[0].code}`);
    // My municipality is ticked by default; tick two more.
    expect(await page.locator(`#trend-${ms[0].code}`).isChecked()).toBe(true);
    for (const m of ms.slice(1)) {
      await page.locator(`#trend-${m.code}`).check();
      await settled(page);
    }
    await settledAt(page, "trend", ms.map((m) => m.code).sort((a, b) => meta().municipalities.findIndex((x) => x.code === a) - meta().municipalities.findIndex((x) => x.code === b)).join(","));
    const chart = text((await page.locator("#trend-diagram svg").first().textContent()) ?? "");
    for (const m of ms) expect(chart).toContain(m.name);
    expect(chart).toContain(`★ ${ms[0].name}`);
    expect(chart).toContain("Länets");
    const t = await readTable(page, "table.data-table >> nth=3");
    expect(t.headers).toHaveLength(5); // year, three municipalities, the county
    expect(t.headers[1]).toContain("(min kommun)");
    expect(await page.locator(".table-wrap").nth(3).locator("button.csv-download").count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("gives every chart a stable link with the page's state that opens scrolled to the chart", async () => {
    const {page} = await open(site.browser, site.origin, "/jamfor/23?indikator=inskrivna-korttid");
    const links = page.locator("a.chart-link");
    expect(await links.count()).toBe(3);
    await links.nth(1).focus();
    const href = (await links.nth(1).getAttribute("href"))!;
    expect(href).toContain("indikator=inskrivna-korttid");
    expect(href).toMatch(/#over-tid-diagram$/);
    const again = await open(site.browser, site.origin, href.replace(site.origin, ""));
    await again.page.waitForFunction(() => {
      const r = document.getElementById("over-tid-diagram")?.getBoundingClientRect();
      return !!r && r.top >= -2 && r.top < 100;
    });
    expect(param(again.page, "indikator")).toBe("inskrivna-korttid");
    // The profile's charts have anchors and links too.
    const code = meta().municipalities[0].code;
    const profile = await open(site.browser, site.origin, `/kommun/${code}`);
    const n = await profile.page.locator("figure.chart[id^=diagram-]").count();
    expect(n).toBeGreaterThan(0);
    expect(await profile.page.locator("figure.chart[id^=diagram-] a.chart-link").count()).toBe(n);
    for (const p of [page, again.page, profile.page]) await p.context().close();
  });
});
