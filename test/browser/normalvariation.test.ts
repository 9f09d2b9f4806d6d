// The Normalvariation page: the control chart (svg) and table of the agreement's series with the band,
// the points outside it marked by shape and explained in words, the monthly XmR chart, the series and
// municipality in the URL, masked small counts, another county, no console error, nothing off 127.0.0.1.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {accessibilityViolations, DIST, open} from "./harness.ts";
import {builtData, useSite} from "./site-fixture.ts";
import type {NormalVariationReport} from "../../loaders/reports/normal-variation.ts";

const site = useSite();
let report: NormalVariationReport;

beforeAll(() => {
  report = builtData<typeof report>("normalvariation");
});

const text = (s: string) => s.replace(/[\u00a0\s]+/g, " ").trim();
const series = (county: string, municipality: string | null, id: string) =>
  report.series.find((s) => s.countyCode === county && s.municipalityCode === municipality && s.seriesId === id)!;

/** The year table's rows as {year: cells}. */
async function yearTable(page: Page): Promise<Map<string, string[]>> {
  const rows = await page.locator("#arlig table.data-table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c as HTMLElement).innerText)));
  return new Map(rows.map((r) => [text(r[0]), r.map(text)]));
}

describe("Normalvariation", () => {
  it("shows the county's connected persons against 129–169 with 2025 above, in the chart, the table and in words", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/normalvariation?lan=23");
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
    const {page, errors, external} = await open(site.browser, site.origin, "/normalvariation?lan=23");
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
    await page.waitForFunction(() => !document.querySelector(".observablehq--loading"));
    expect(await page.locator("select[name=tjanst]").inputValue()).toBe("kostnad-hemsjukvard_ordinart");
    expect(await page.locator("select[name=kommun]").inputValue()).toBe("2380");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("masks small counts: Ragunda's months are not shown, and says why", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/normalvariation?lan=23&tjanst=palliativ&kommun=2303");
    expect(text(await page.locator("#manad").innerText())).toContain("Månadsvärdena för Ragunda visas inte");
    expect(await page.locator("#manad svg").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("another county without the agreement's series says so and shows its own series", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/normalvariation?lan=24");
    expect(text(await page.locator("main").innerText())).toContain("Västerbottens län har inga antal anslutna till ett palliativt team i underlaget");
    expect(new URL(page.url()).searchParams.get("tjanst")).toBe("hemsjukvard");
    expect(text(await page.locator("#arlig h2").innerText())).toBe("Inskrivna i hemsjukvården: Västerbottens län, per år");
    expect(await page.locator("#arlig svg[role=img]").count()).toBe(1);
    // A municipality with masked korttid counts in the base window: no band, the reason in words, ".." in the table.
    const masked = report.series.find((s) => s.countyCode === "24" && s.seriesId === "korttid" && s.municipalityCode && s.yearly.band == null)!;
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
});
