// Jämför kommuner and the municipality profiles: the ranked bars, small multiples and tables show the
// figures of the built data; every selector (county, indicator, year, measure, prices) changes the page
// and the URL; a bar leads to the municipality's profile and back; the CSV holds the figures shown.
// Each county has its own page (/jamfor/23) that fetches only its county's files.
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {accessibilityViolations, open} from "./harness.ts";
import {builtData, builtMember, downloadCsv, readTable, settled, settledAt, text, useSite} from "./site-fixture.ts";
import {COMPARISON_PARTS, type ComparisonCountyMeta, type ComparisonCountyPart, type ComparisonProfile, type IndicatorInfo, type MeasureInfo, type Prices} from "../../loaders/reports/comparison.ts";
import type {SiteInfo} from "../../loaders/loader-kit.ts";
import {formatChange, formatFigure} from "../../src/components/comparison-format.ts";

const site = useSite();
const browser = () => site.browser;
const origin = () => site.origin;

/** A county's built files: its meta file, and the series of an indicator from the part file that holds it. */
function county(code: string) {
  const meta = builtMember<ComparisonCountyMeta>(`jamfor/${code}`, "meta.json");
  const parts = Object.fromEntries(COMPARISON_PARTS.map((p) => [p, builtMember<ComparisonCountyPart>(`jamfor/${code}`, `${p}.json`)]));
  return {meta, series: (id: string, prices: Prices, measure: string) => parts[meta.parts[id][prices]!].series[id][prices]![measure]};
}
const data = {get meta() { return county("23").meta; }};

const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const indicator = (id: string) => data.meta.indicators.find((i) => i.id === id)!;
const measureOf = (ind: IndicatorInfo, id: string) => ind.measures.find((m) => m.id === id)!;

/** What the page should show: per municipality of the county, the figure, rank and changes. */
function expected(code: string, id: string, measure: string, year: number, prices: Prices = "lopande") {
  const c = county(code);
  const ind = indicator(id);
  const m = measureOf(ind, measure);
  const s = c.series(id, prices, measure);
  const j = ind.years.indexOf(year);
  const rows = new Map<string, string[]>();
  // Quartile of rank r among the n ranked: ⌈4r/n⌉ (of 8: ranks 1–2 Q1, 3–4 Q2, 5–6 Q3, 7–8 Q4).
  const n = c.meta.municipalities.filter((_, i) => s.r[i][j] != null).length;
  c.meta.municipalities.forEach((x, i) => {
    const r = s.r[i][j];
    rows.set(x.name, [x.name, r == null ? "–" : String(r), formatFigure(s.v[i][j], m), formatChange(s.p[i][j], m), formatChange(s.f[i][j], m), r == null ? "–" : `Q${Math.ceil((4 * r) / n)}`].map(text));
  });
  return {rows, m, s, j};
}

/** The first table (the ranking): caption, and rows as {name: cells}. */
const rankingTable = (page: Page) => readTable(page, "table.data-table");
/**
 * Waits until the ranking table's caption names `what`: the URL takes a choice before the cells that
 * draw the table have run again, and between the two nothing on the page is marked as loading.
 */
const captionNames = (page: Page, what: string) =>
  page.waitForFunction((w) => (document.querySelector("table.data-table caption") as HTMLElement | null)?.innerText.includes(w) ?? false, what);

describe("Jämför kommuner", () => {
  it("shows the ranking, the small multiples and the tables with the figures of the data, and puts the choices in the URL", async () => {
    const {page, errors, external} = await open(browser(), origin(), "/jamfor/23");
    const first = data.meta.indicators[0];
    expect(param(page, "indikator")).toBe(first.id);
    expect(param(page, "ar")).toBe(String(first.years.at(-1)));
    expect(param(page, "matt")).toBe(first.measures[0].id);
    expect(param(page, "priser")).toBe("lopande");
    expect(text(await page.locator("main").innerText())).toContain("Demodata");

    const year = first.years.at(-1)!;
    const e = expected("23", first.id, first.measures[0].id, year);
    const t = await rankingTable(page);
    expect(t.rows.size).toBe(8);
    for (const [name, cells] of e.rows) expect(t.rows.get(name), name).toEqual(cells);

    // Bars: one per municipality with a figure, each a link to its profile; average and median named.
    const chart = page.locator("#rangordning-diagram svg[role=figure]");
    expect(await chart.getAttribute("aria-label")).toBeTruthy();
    expect(await chart.locator("a rect").count()).toBe(8);
    const chartText = text((await chart.textContent()) ?? "");
    expect(chartText).toContain(`Länets medel ${text(formatFigure(e.s.avg["23"][e.j], e.m))}`);
    expect(chartText).toContain(`Median ${text(formatFigure(e.s.med["23"][e.j], e.m))}`);
    // Small multiples: a panel per municipality, named.
    const sm = text((await page.locator("#over-tid-diagram svg[role=img]").textContent()) ?? "");
    for (const name of e.rows.keys()) expect(sm).toContain(name);
    // The county table: average and median for every year.
    const county = page.locator("table.data-table").nth(2);
    expect(await county.locator("tbody tr").count()).toBe(first.years.length);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("changes with each selector: county, indicator, year, measure and prices", async () => {
    const {page, errors, external} = await open(browser(), origin(), "/jamfor/23");
    // County: the other county's page.
    await Promise.all([page.waitForURL(/\/jamfor\/24/), page.selectOption("#county-select", "24")]);
    await settled(page, "table.data-table tbody tr");
    expect((await rankingTable(page)).rows.size).toBe(15);

    // Indicator: short-term care, where small counts are suppressed.
    await page.selectOption("select[name=indikator]", "inskrivna-korttid");
    await settledAt(page, "indikator", "inskrivna-korttid");
    const korttid = indicator("inskrivna-korttid");
    expect(param(page, "priser")).not.toBe("fasta");
    // Year.
    const y = korttid.years[1];
    await page.selectOption("select[name=ar]", String(y));
    await settledAt(page, "ar", String(y));
    // Measure.
    await page.selectOption("select[name=matt]", "totalt");
    await settledAt(page, "matt", "totalt");
    let e = expected("24", "inskrivna-korttid", "totalt", y);
    await captionNames(page, String(y));
    let t = await rankingTable(page);
    expect(t.caption).toContain(String(y));
    for (const [name, cells] of e.rows) expect(t.rows.get(name), name).toEqual(cells);
    const suppressed = [...e.rows.values()].filter((r) => r[2] === "..");
    expect(suppressed.length).toBeGreaterThan(0);
    expect(text(await page.locator(".ranked-bars .chart-note").innerText())).toContain(`${suppressed[0][0]} (..)`);

    // Prices: back to a cost indicator, fixed prices.
    await page.selectOption("select[name=indikator]", "kostnad-totalt-kommun");
    await settledAt(page, "indikator", "kostnad-totalt-kommun");
    await page.selectOption("select[name=ar]", "2020");
    await settledAt(page, "ar", "2020");
    await page.locator("input[type=radio][value=fasta]").check();
    await settledAt(page, "priser", "fasta");
    e = expected("24", "kostnad-totalt-kommun", param(page, "matt")!, 2020, "fasta");
    await captionNames(page, "fasta priser");
    t = await rankingTable(page);
    expect(t.caption).toContain(`fasta priser, ${data.meta.prices.levelYear} års prisnivå (${data.meta.prices.municipalIndex})`);
    for (const [name, cells] of e.rows) expect(t.rows.get(name), name).toEqual(cells);
    // Fixed and current prices differ for 2020.
    const current = expected("24", "kostnad-totalt-kommun", param(page, "matt")!, 2020, "lopande");
    expect([...current.rows.values()].map((r) => r[2])).not.toEqual([...e.rows.values()].map((r) => r[2]));

    // A link with the choices opens the same view.
    const link = page.url();
    const again = await open(browser(), origin(), link.replace(origin(), ""));
    expect((await rankingTable(again.page)).rows).toEqual(t.rows);
    await again.page.context().close();

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("downloads the table as CSV with the figures shown (\";\", decimal comma)", async () => {
    const {page} = await open(browser(), origin(), "/jamfor/23?indikator=vaccination-covid-19-alla&matt=tackning");
    const ind = indicator("vaccination-covid-19-alla");
    const e = expected("23", ind.id, "tackning", ind.years.at(-1)!);
    const {name, rows} = await downloadCsv(page, page.locator("button.csv-download").first());
    expect(name).toBe(`jamfor-23-${ind.id}-tackning-${ind.years.at(-1)}.csv`);
    expect(rows[0][0]).toBe("Kommun");
    expect(rows).toHaveLength(9);
    for (const r of rows.slice(1)) {
      const shown = e.rows.get(r[0])!;
      // "87,5" in the CSV is "87,5 %" on screen; ".." stays "..".
      expect(r[2] === ".." ? ".." : `${r[2]} %`, r[0]).toBe(shown[2].replace(/\s/g, " "));
      expect(r[1], r[0]).toBe(shown[1] === "–" ? "" : shown[1]);
    }
    await page.context().close();
  });

  it("a bar leads to the municipality's profile, which compares it with the county and similar municipalities and links back", async () => {
    const {page, errors, external} = await open(browser(), origin(), "/jamfor/23?indikator=kostnad-totalt&matt=per-invanare");
    const e = expected("23", "kostnad-totalt", "per-invanare", indicator("kostnad-totalt").years.at(-1)!);
    const top = [...e.rows.values()].find((r) => r[1] === "1")!;
    const m = data.meta.municipalities.find((x) => x.name === top[0])!;
    const profile = builtMember<ComparisonProfile>("jamfor", `kommun-${m.code}.json`);
    await Promise.all([page.waitForURL(/\/kommun\/\d{4}/), page.locator("#rangordning-diagram svg a").first().click()]);
    await settled(page);
    expect(new URL(page.url()).pathname).toBe(`/kommun/${m.code}`);
    // The heading is a reactive cell: wait for it rather than for the page as a whole.
    await page.waitForFunction(() => (document.querySelector("h1")?.textContent ?? "").trim() !== "");
    expect(text(await page.locator("h1").first().innerText())).toBe(m.name);
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Demodata");
    expect(profile.municipalities.map((x) => x.code)).toEqual([m.code, ...m.similar.map((n) => n.code)]);
    for (const n of profile.municipalities) expect(main).toContain(n.name);
    expect(main).toContain("euklidiskt avstånd");
    // One chart per indicator with figures, each described.
    expect(await page.locator(".indicator svg[role=img]").count()).toBeGreaterThan(10);
    // The sentence under the first chart holds the data's figures (fixed prices by default).
    const ind = data.meta.indicators[0];
    const s = profile.series[ind.id].fasta!;
    const meas: MeasureInfo = measureOf(ind, ind.profileMeasure);
    const last = ind.years.length - 1;
    expect(text(await page.locator(".indicator .chart-note").first().innerText())).toBe(
      text(`${ind.yearLabels[last]}: ${m.name} ${formatFigure(s.own[last], meas)}, länets medel ${formatFigure(s.county[last], meas)}, liknande kommuner ${formatFigure(s.similar[last], meas)}.`)
    );
    // Back to the comparison.
    await Promise.all([page.waitForURL(/\/jamfor\/\d+/), page.locator("a", {hasText: "Jämför kommunerna i"}).first().click()]);
    expect(new URL(page.url()).pathname).toBe(`/jamfor/${m.countyCode}`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("opens the reader's county from /jamfor/: the one in an old ?lan= link, else the last one chosen, else the agreement's", async () => {
    const home = builtData<SiteInfo>("site").homeCounty;
    const {page, errors, external} = await open(browser(), origin(), "/jamfor/");
    await page.waitForURL(new RegExp(`/jamfor/${home}(\\?|$)`));
    // An old link with the county as a parameter keeps its other choices.
    await Promise.all([page.waitForURL(/\/jamfor\/24\?/), page.goto(`${origin()}/jamfor?lan=24&indikator=inskrivna-korttid`)]);
    expect(param(page, "indikator")).toBe("inskrivna-korttid");
    expect(param(page, "lan")).toBeNull();
    // The county just seen is remembered.
    await Promise.all([page.waitForURL(/\/jamfor\/24(\?|$)/), page.goto(`${origin()}/jamfor/`)]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("fetches only its own county's files, and of the figures only the part the chosen indicator is in", async () => {
    const {page} = await open(browser(), origin(), "/jamfor/23");
    const names = async () =>
      (await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname)))
        .filter((f) => f.startsWith("/_file/data/"))
        .map((f) => f.replace(/^\/_file\/data\//, "").replace(/\.[0-9a-f]{8}\.json$/, ""));
    const fetchedPart = (part: string) => page.waitForFunction((p) => performance.getEntriesByType("resource").some((e) => e.name.includes(`/jamfor/23/${p}.`)), part);
    await fetchedPart("kostnader-lopande");
    expect((await names()).sort()).toEqual(["jamfor/23/kostnader-lopande", "jamfor/23/meta"]);
    await page.selectOption("select[name=indikator]", "inskrivna-korttid");
    await settledAt(page, "indikator", "inskrivna-korttid");
    await fetchedPart("ovriga");
    expect((await names()).sort()).toEqual(["jamfor/23/kostnader-lopande", "jamfor/23/meta", "jamfor/23/ovriga"]);
    await page.context().close();
  });
});
