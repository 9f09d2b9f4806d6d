// The Normalvariation page: the control chart (svg) and table of the agreement's series with the band,
// the points outside it marked by shape and explained in words, the monthly XmR chart, the series and
// municipality in the URL, masked small counts, another county, no console error, nothing off 127.0.0.1.
// One page per county (/normalvariation/23), each with its county's data file; the entry page
// /normalvariation/ opens the agreement's county (or the county in ?lan=, or the reader's last one).
import {beforeAll, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {accessibilityViolations, open} from "./harness.ts";
import {builtMember, landed, readTable, settled, text, useSite} from "./site-fixture.ts";
import type {NormalVariationCountyFile} from "../../loaders/reports/normal-variation.ts";

const site = useSite();
const files = new Map<string, NormalVariationCountyFile>();

beforeAll(() => {
  for (const code of ["23", "24"]) files.set(code, builtMember<NormalVariationCountyFile>("normalvariation", `${code}.json`));
});

const series = (county: string, municipality: string | null, id: string) =>
  files.get(county)!.series.find((s) => s.countyCode === county && s.municipalityCode === municipality && s.seriesId === id)!;

/** The year table's rows as {year: cells}. */
const yearTable = async (page: Page): Promise<Map<string, string[]>> => (await readTable(page, "#arlig table.data-table")).rows;

describe("Normalvariation", () => {
  it("shows the county's connected persons against 129–169 with 2025 above, in the chart, the table and in words", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/normalvariation/23");
    expect(new URL(page.url()).searchParams.get("tjanst")).toBe("palliativ");
    expect(text(await page.locator("main").innerText())).toContain("Demodata");
    const s = series("23", null, "palliativ");
    expect(text(await page.locator("#arlig h2").innerText())).toBe("Anslutna till det palliativa teamet: Jämtlands län, per år");
    expect(text(await page.locator("#arlig .summary").innerText())).toBe(text(s.yearly.summary));
    expect(text(await page.locator("#arlig .summary").innerText())).toContain("Efter basperioden ligger 2025 (174, 5 över övre gränsen 169) utanför normalvariationen.");
    const cards = text(await page.locator("#arlig .cards").innerText());
    expect(cards).toContain("Normalvariation 129–169");
    expect(cards).toContain("Senaste år (2025) 174");

    // The chart: one described image, the band's limits and the mean named, the base window shaded and named,
    // a triangle (above) with its value, and a legend that names the shapes.
    const chart = page.locator("#arlig svg[role=img]");
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute("aria-label")).toContain("Styrdiagram");
    const svgText = text((await chart.textContent()) ?? "");
    for (const t of ["Övre gräns 169", "Nedre gräns 129", "Medelvärde 149", "Basperiod 2019–2024", "174"]) expect(svgText).toContain(t);
    expect(await chart.locator("g[aria-hidden], path, circle").count()).toBeGreaterThan(10);
    const legend = text(await page.locator("#arlig .control-legend").innerText());
    expect(legend).toContain("Över normalvariationen (triangel)");
    expect(legend).toContain("Under normalvariationen (romb)");

    // The table: every year, the position in words (with its symbol), 2025 above.
    const rows = await yearTable(page);
    expect(rows.size).toBe(s.yearly.points.length);
    expect(rows.get("2025")!.slice(1, 4)).toEqual(["174", "▲ Över", "174, 5 över övre gränsen 169"]);
    expect(rows.get("2019")!.slice(1, 3)).toEqual(["160", "● Inom"]);
    expect(rows.get("2013")!.slice(1, 3)).toEqual(["121", "◆ Under"]);
    expect(text(await page.locator("#arlig .spc").innerText())).toContain("SPC-reglerna");
    expect(text(await page.locator("#arlig .method-line").innerText())).toContain("Normalvariation 129–169: medelvärdet 149 ± 2 × standardavvikelsen 10 för 2019–2024");

    // The monthly XmR chart and its table.
    expect(await page.locator("#manad svg[role=img]").count()).toBe(1);
    expect(text((await page.locator("#manad svg[role=img]").textContent()) ?? "")).toContain("Övre styrgräns 69,6");
    expect(await page.locator("#manad table tbody tr").count()).toBe(36);
    // Which window applies to which reconciliation year.
    const windows = (await page.locator("#fonster table tbody tr").allInnerTexts()).map(text);
    expect(windows[0]).toMatch(/^2026–2028 2025–2027 2019–2024 129–169/);
    expect(windows[1]).toMatch(/^2029–2031 2028–2030 2022–2027 ej räknad än/);

    expect(await accessibilityViolations(page), "axe-core").toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("picking a municipality and a series changes the chart, the table and the URL", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/normalvariation/23");
    await page.selectOption("select[name=kommun]", "2380");
    await page.waitForFunction(() => document.querySelector("#arlig h2")?.textContent?.includes("Östersund"));
    expect(new URL(page.url()).searchParams.get("kommun")).toBe("2380");
    const s = series("23", "2380", "palliativ");
    expect(text(await page.locator("#arlig .summary").innerText())).toBe(text(s.yearly.summary));
    expect((await yearTable(page)).get("2025")!.slice(1, 3)).toEqual(["74", "▲ Över"]);
    expect(text((await page.locator("#arlig svg[role=img]").textContent()) ?? "")).toContain(`Övre gräns ${s.yearly.band!.upper}`);

    await page.selectOption("select[name=tjanst]", "hemsjukvard");
    await page.waitForFunction(() => document.querySelector("#arlig h2")?.textContent?.includes("hemsjukvården"));
    expect(new URL(page.url()).searchParams.get("tjanst")).toBe("hemsjukvard");
    const h = series("23", "2380", "hemsjukvard");
    expect(text(await page.locator("#arlig .summary").innerText())).toBe(text(h.yearly.summary));
    await page.waitForFunction(() => !document.querySelector("#manad")); // no monthly counts for this series

    // A cost series: values in mnkr, band unrounded.
    await page.selectOption("select[name=tjanst]", "kostnad-hemsjukvard_ordinart");
    await page.waitForFunction(() => document.querySelector("#arlig h2")?.textContent?.includes("Kostnad"));
    expect(text(await page.locator("#arlig .cards").innerText())).toMatch(/Normalvariation \d+,\d\d mnkr–\d+,\d\d mnkr/);
    // A reload keeps the choice.
    await page.reload({waitUntil: "networkidle"});
    await settled(page);
    expect(await page.locator("select[name=tjanst]").inputValue()).toBe("kostnad-hemsjukvard_ordinart");
    expect(await page.locator("select[name=kommun]").inputValue()).toBe("2380");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("masks small counts: Ragunda's months are not shown, and says why", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/normalvariation/23?tjanst=palliativ&kommun=2303");
    expect(text(await page.locator("#manad").innerText())).toContain("Månadsvärdena för Ragunda visas inte");
    expect(await page.locator("#manad svg").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("another county without the agreement's series says so and shows its own series", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/normalvariation/24");
    expect(text(await page.locator("main").innerText())).toContain("Västerbottens län har inga antal anslutna till ett palliativt team i underlaget");
    expect(new URL(page.url()).searchParams.get("tjanst")).toBe("hemsjukvard");
    expect(text(await page.locator("#arlig h2").innerText())).toBe("Inskrivna i hemsjukvården: Västerbottens län, per år");
    expect(await page.locator("#arlig svg[role=img]").count()).toBe(1);
    // A municipality with masked korttid counts in the base window: no band, the reason in words, ".." in the table.
    const masked = files.get("24")!.series.find((s) => s.countyCode === "24" && s.seriesId === "korttid" && s.municipalityCode && s.yearly.band == null)!;
    await page.selectOption("select[name=tjanst]", "korttid");
    await page.selectOption("select[name=kommun]", masked.municipalityCode!);
    await page.waitForFunction((name) => document.querySelector("#arlig h2")?.textContent?.includes(name), masked.name);
    expect(text(await page.locator("#arlig .notice").first().innerText())).toBe(text(masked.yearly.bandNote!));
    expect([...(await yearTable(page)).values()].some((r) => r[1] === "..")).toBe(true);
    expect(await accessibilityViolations(page), "axe-core").toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("each county's file holds that county's series only, with the agreement's windows", () => {
    for (const [code, file] of files) {
      expect(file.county.code).toBe(code);
      expect(file.series.length).toBeGreaterThan(0);
      expect(file.series.every((s) => s.countyCode === code)).toBe(true);
      const municipalities = new Set(file.county.municipalities.map((m) => m.code));
      expect(file.series.every((s) => s.municipalityCode == null || municipalities.has(s.municipalityCode))).toBe(true);
      expect(file.agreement.countyCode).toBe("23");
      expect(file.agreement.windows[0].band).toMatchObject({lower: 129, upper: 169});
    }
  });

  it("the agreement's link from another county and the county select open that county's page", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/normalvariation/24?tjanst=sabo&kommun=2480");
    expect(await page.locator("#county-select").inputValue()).toBe("24");
    const link = page.locator(".notice a", {hasText: "visa Jämtlands län"});
    expect(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe("/normalvariation/23");
    // Choosing Jämtland opens its page; the other choices stay in the URL.
    await Promise.all([page.waitForURL((u) => u.pathname === "/normalvariation/23"), page.selectOption("#county-select", "23")]);
    await settled(page, "#arlig h2");
    expect(new URL(page.url()).searchParams.get("tjanst")).toBe("sabo");
    expect(await page.locator("#county-select").inputValue()).toBe("23");
    // Jämtland has no Umeå: the municipality falls back to the whole county.
    expect(text(await page.locator("#arlig h2").innerText())).toBe("Boende i särskilt boende (SÄBO): Jämtlands län, per år");
    // The agreement note links to the tilläggsbelopp page one level up.
    await page.selectOption("select[name=tjanst]", "palliativ");
    await page.waitForSelector("#arlig .agreement-note a");
    expect(new URL(await page.locator("#arlig .agreement-note a").evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe("/tillaggsbelopp");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the entry page opens the agreement's county, the county in ?lan=, or the reader's last county", async () => {
    let w = await landed(site, "/normalvariation/", "/normalvariation/23", "#arlig h2");
    expect(text(await w.page.locator("#arlig h2").innerText())).toBe("Anslutna till det palliativa teamet: Jämtlands län, per år");
    expect(text(await w.page.locator("main").innerText())).toContain("Demodata");
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
    await w.page.context().close();
    // An old link (before the county pages): ?lan= picks the page, the other choices stay.
    w = await landed(site, "/normalvariation?lan=24&tjanst=korttid", "/normalvariation/24", "#arlig h2");
    expect(new URL(w.page.url()).searchParams.get("lan")).toBeNull();
    expect(await w.page.locator("select[name=tjanst]").inputValue()).toBe("korttid");
    await w.page.goto(site.origin + "/normalvariation/", {waitUntil: "commit"});
    await w.page.waitForURL((u) => u.pathname === "/normalvariation/24");
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
    await w.page.context().close();
  });
});
