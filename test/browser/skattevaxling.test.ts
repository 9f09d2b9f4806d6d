// The skatteväxling pages, one per county (/skattevaxling/24): headline, charts (svg) and tables with the
// figures of the county's built data file, the review year, prices and municipality in the URL, CSV
// downloads that hold the figures shown, the county without a swap, switching county (it opens that
// county's page), the entry page /skattevaxling/ that opens a county's page, and a print layout on A4
// without navigation and with a page per section.
import {beforeAll, describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {Page} from "playwright-core";
import {accessibilityViolations, DIST, open} from "./harness.ts";
import {builtMember, downloadCsv, landed, readTable, settled, text, useSite} from "./site-fixture.ts";
import type {ReviewView, TaxSwapCountyFile, TaxSwapIndex} from "../../loaders/reports/tax-swap.ts";
import {formatOreKronor, formatWholeKronor} from "../../loaders/reports/tax-swap-tables.ts";

// Balances are shown with their sign: "+14 518 672,71" for a gain, "−…" for a loss.
const signedKronor = (ore: number | null | undefined) => (ore != null && ore > 0 ? `+${formatOreKronor(ore)}` : formatOreKronor(ore));

const ROOT = resolve(import.meta.dirname, "..", "..");
const site = useSite();
let report: TaxSwapCountyFile;

beforeAll(() => {
  report = builtMember<typeof report>("skattevaxling", "24.json");
});

const county = () => report.county;
function view(reviewYear: number, prices: "lopande" | "fasta" = "lopande"): ReviewView {
  const r = county().swap!.reviews.find((x) => x.reviewYear === reviewYear)!;
  return prices === "fasta" ? r.fixed! : r.current;
}
const nameOf = (code: string) => county().municipalities.find((m) => m.code === code)!.name;

/** The overview table's rows as {name: cells}, and its foot (the county). */
const overview = (page: Page) => readTable(page, "#laget table.data-table");

describe("Skatteväxling", () => {
  it("shows the headline, the charts and the overview with the figures of review 2025", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/skattevaxling/24");
    const v = view(2025);
    // The URL names the default choices: the latest review, current prices.
    expect(new URL(page.url()).searchParams.get("ar")).toBe("2025");
    expect(new URL(page.url()).searchParams.get("priser")).toBe("lopande");
    expect(text(await page.locator("main").innerText())).toContain("Demodata");
    expect(text(await page.locator("#laget .headline").innerText())).toBe(text(v.headline.sentence));
    const cards = text(await page.locator("#laget .cards").innerText());
    expect(cards).toContain(`Går plus ${v.headline.plus} av 15`);
    expect(cards).toContain(`Går minus ${v.headline.minus} av 15`);
    expect(text(await page.locator("#laget .check").innerText())).toMatch(/^Kontroll: länets intäkt, kostnad, saldo och folkmängd är för varje år exakt summan av kommunernas/);

    // Charts, each one described image (role="img"): bars per municipality with their values written,
    // revenue against cost year by year, the scatter with a point and a name per municipality and its line.
    for (const id of ["laget", "over-tid", "aldre"]) {
      expect(await page.locator(`#${id} svg[role=img]`).count(), id).toBe(1);
      expect(await page.locator(`#${id} svg[role=img]`).getAttribute("aria-label"), id).toBeTruthy();
    }
    expect(await page.locator("#laget svg rect").count()).toBe(15);
    const barTexts = (await page.locator("#laget svg text").allTextContents()).map(text);
    for (const r of v.window.rows) {
      expect(barTexts).toContain(nameOf(r.municipalityCode!));
      expect(barTexts).toContain(`${text(formatWholeKronor(r.balancePerInhabitantOre))} kr`);
    }
    expect(await page.locator("#over-tid svg circle").count()).toBe(12); // revenue 2013–2024
    expect(text(await page.locator("#over-tid svg").textContent() ?? "")).toContain("Uppföljningsperiod 2021–2024");
    expect(text(await page.locator("#over-tid svg").textContent() ?? "")).toContain("25 öre från 2016");
    const scatterTexts = (await page.locator("#aldre svg text").allTextContents()).map(text);
    for (const r of v.window.rows) expect(scatterTexts).toContain(nameOf(r.municipalityCode!));
    expect(await page.locator("#aldre svg[role=img] g[stroke-dasharray] path").count()).toBe(1); // the fitted line
    expect(text(await page.locator("#aldre .headline").innerText())).toBe(text(v.fit.sentence));

    // The overview: one row per municipality, the county in the foot, the figures of the data.
    const o = await overview(page);
    expect(o.rows.size).toBe(15);
    expect(o.headers.slice(0, 4)).toEqual(["Kommun", "Intäkt (kr)", "Kostnad (kr)", "Saldo (kr)"]);
    for (const r of v.window.rows) {
      const cells = o.rows.get(nameOf(r.municipalityCode!))!;
      expect(cells[1]).toBe(text(formatOreKronor(r.revenueOre)));
      expect(cells[2]).toBe(text(formatOreKronor(r.costOre)));
      expect(cells[3]).toBe(text(signedKronor(r.balanceOre)));
    }
    expect(o.foot[0]).toBe("Västerbottens län (summa)");
    expect(o.foot[1]).toBe(text(formatOreKronor(v.window.county.revenueOre)));
    expect(o.foot[3]).toBe(text(signedKronor(v.window.county.balanceOre)));
    // The county row is the sum of the rows above it (to the öre).
    const ore = (s: string) => Math.round(Number(s.replace(/ /g, "").replace("−", "-").replace("+", "").replace(",", ".")) * 100);
    expect([...o.rows.values()].reduce((s, r) => s + ore(r[3]), 0)).toBe(ore(o.foot[3]));

    // The period table: the county's four years and the period.
    const period = page.locator("#perioden table");
    expect((await period.locator("thead th").allInnerTexts()).map(text)).toEqual(["Mått", "2021", "2022", "2023", "2024", "Perioden 2021–2024"]);
    const saldo = (await period.locator("tbody tr", {hasText: /^Saldo \(kr\)/}).first().locator("td").allInnerTexts()).map(text);
    expect(saldo).toEqual([...v.county.filter((c) => c.year >= 2021).map((c) => c.balanceOre!), v.window.county.balanceOre!].map((b) => text(signedKronor(b))));

    // Every chart has a table or words beside it, and the method is on the page.
    expect(text(await page.locator("#over-tid .chart-text").innerText())).toMatch(/^Västerbottens län, löpande priser: intäkten av de växlade örena var [\d ]+,\d mnkr 2013/);
    const method = text(await page.locator("#metod").innerText());
    expect(method).toContain("Intäkt = öre × 0,0001 × skatteunderlag");
    expect(method).toContain("20 öre från 2013, 25 öre från 2016");
    expect(method).toContain("Inkomstutjämningens effekt ingår inte i saldot");
    expect(method).toContain("hjalpmedel (kommun), lakarmedverkan (region)");
    expect(await accessibilityViolations(page), "axe-core: serious or critical WCAG 2.1 AA violations").toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("changing the review year changes the tables and the URL", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/skattevaxling/24?ar=2025");
    const before = await overview(page);
    await page.selectOption("select[name=ar]", "2017");
    await page.waitForFunction(() => document.querySelector("#perioden table thead")?.textContent?.includes("2013"));
    expect(new URL(page.url()).searchParams.get("ar")).toBe("2017");
    const v = view(2017);
    const after = await overview(page);
    expect(after.foot[3]).toBe(text(signedKronor(v.window.county.balanceOre)));
    expect(after.foot[3]).not.toBe(before.foot[3]);
    expect((await page.locator("#perioden table thead th").allInnerTexts()).map(text)).toEqual(["Mått", "2013", "2014", "2015", "2016", "Perioden 2013–2016"]);
    expect(text(await page.locator("#laget .headline").innerText())).toBe(text(v.headline.sentence));
    // A reload keeps the choice (it lives in the URL).
    await page.reload({waitUntil: "networkidle"});
    await settled(page);
    expect(await page.locator("select[name=ar]").inputValue()).toBe("2017");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("fixed prices and one municipality, both in the URL", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/skattevaxling/24?ar=2025");
    await page.locator("input[type=radio][value=fasta]").check();
    await page.waitForFunction(() => document.querySelector(".selection-line")?.textContent?.includes("fasta priser"));
    expect(new URL(page.url()).searchParams.get("priser")).toBe("fasta");
    const v = view(2025, "fasta");
    expect((await overview(page)).foot[3]).toBe(text(signedKronor(v.window.county.balanceOre)));
    expect(text(await page.locator("#metod").innerText())).toContain("Omräkning till fasta priser med OPI, 2024 års prisnivå");

    await page.selectOption("select[name=kommun]", "2480");
    await page.waitForFunction(() => document.querySelector("#perioden h2")?.textContent?.includes("Umeå"));
    expect(new URL(page.url()).searchParams.get("kommun")).toBe("2480");
    const umea = v.window.rows.find((r) => r.municipalityCode === "2480")!;
    const saldo = (await page.locator("#perioden tbody tr", {hasText: /^Saldo \(kr\)/}).first().locator("td").allInnerTexts()).map(text);
    expect(saldo.at(-1)).toBe(text(signedKronor(umea.balanceOre)));
    expect(await page.locator("#laget tbody tr.highlight th").innerText()).toBe("Umeå");
    expect(text(await page.locator("#over-tid h2").innerText())).toBe("2. Intäkt och kostnad år för år: Umeå");
    // Back to the whole county: the parameter leaves the URL.
    await page.selectOption("select[name=kommun]", "");
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("kommun"));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("downloads the overview and every municipality and year as CSV with the figures shown", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/skattevaxling/24?ar=2025");
    const shown = await overview(page);
    const o = await downloadCsv(page, "översikten");
    expect(o.name).toBe("skattevaxling-24-2025-lopande-oversikt.csv");
    const [header, ...rows] = o.rows;
    expect(header.slice(0, 5)).toEqual(["Kommun", "Kommunkod", "Intäkt 2021–2024 (kr)", "Kostnad 2021–2024 (kr)", "Saldo 2021–2024 (kr)"]);
    expect(rows).toHaveLength(16);
    // Each CSV amount (decimal comma, no grouping) is the shown amount.
    const shownNumber = (s: string) => s.replace(/ /g, "").replace("−", "-").replace(/^\+/, "");
    for (const r of rows.slice(0, 15)) {
      const cells = shown.rows.get(r[0])!;
      expect(r[2]).toBe(shownNumber(cells[1]));
      expect(r[3]).toBe(shownNumber(cells[2]));
      expect(r[4]).toBe(shownNumber(cells[3]));
    }
    expect(rows[15][0]).toBe("Västerbottens län (summa)");
    expect(rows[15][4]).toBe(shownNumber(shown.foot[3]));
    const sum = rows.slice(0, 15).reduce((s, r) => s + Math.round(Number(r[4].replace(",", ".")) * 100), 0);
    expect(sum).toBe(Math.round(Number(rows[15][4].replace(",", ".")) * 100));

    const all = await downloadCsv(page, "alla kommuner och år");
    expect(all.name).toBe("skattevaxling-24-2025-lopande-alla-ar.csv");
    // 15 municipalities and the county, 2013–2024.
    expect(all.rows.length - 1).toBe(16 * 12);
    const h = all.rows[0];
    const umea2024 = all.rows.find((r) => r[0] === "2480" && r[h.indexOf("År")] === "2024")!;
    expect(umea2024[h.indexOf("Intäkt (kr)")]).toBe("82716760,08");
    expect(umea2024[h.indexOf("Öre per skattekrona")]).toBe("25");
    expect(umea2024[h.indexOf("I uppföljningsperioden")]).toBe("ja");

    const period = await downloadCsv(page, "perioden");
    expect(period.rows[0]).toEqual(["Mått", "2021", "2022", "2023", "2024", "Perioden 2021–2024"]);
    const saldo = period.rows.find((r) => r[0] === "Saldo (kr)")!;
    expect(saldo[5]).toBe(String(view(2025).window.county.balanceOre! / 100).replace(".", ","));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("Jämtland's demo swap gets a full review by the same method, labelled demo, with the next review named", async () => {
    const jamtland = builtMember<TaxSwapCountyFile>("skattevaxling", "23.json");
    // The county's file holds that county only, with the shared parts.
    expect(jamtland.county.countyCode).toBe("23");
    expect(jamtland.followedUp).toEqual([{code: "23", name: "Jämtlands län"}, {code: "24", name: "Västerbottens län"}]);
    const swap = jamtland.county.swap!;
    const latest = swap.reviews.at(-1)!;
    const {page, errors, external} = await open(site.browser, site.origin, "/skattevaxling/23");
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Demodata");
    expect(text(await page.locator(".demo-swap").innerText())).toContain(text(swap.settings.note!));
    expect(text(await page.locator(".next-review").innerText())).toBe(text(swap.nextReviewText));
    expect(new URL(page.url()).searchParams.get("ar")).toBe(String(latest.reviewYear));
    expect(text(await page.locator("#laget .headline").innerText())).toBe(text(latest.current.headline.sentence));
    const table = await readTable(page, "#laget table.data-table");
    expect(table.foot).toEqual(expect.arrayContaining([text(signedKronor(latest.current.window.county.balanceOre))]));
    for (const id of ["laget", "over-tid", "aldre", "utjamning"]) expect(await page.locator(`#${id} svg[role=img]`).count(), id).toBe(1);
    expect(await page.locator("#county-select").inputValue()).toBe("23");
    expect(await accessibilityViolations(page), "axe-core").toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the income equalisation's effect: per municipality, the county the sum of them to the öre", async () => {
    const e = builtMember<TaxSwapCountyFile>("skattevaxling", "24.json").county.swap!.reviews.find((r) => r.reviewYear === 2025)!.equalisation;
    expect(e.missingInput).toBeNull();
    // The county is the sum of the municipalities, in every column.
    for (const f of ["ownOre", "afterEqualisationOre", "effectOre"] as const) expect(e.county[f]).toBe(e.rows.reduce((s, r) => s + r[f]!, 0));
    for (const r of e.rows) expect(r.effectOre).toBe(r.afterEqualisationOre! - r.ownOre!);
    const {page, errors, external} = await open(site.browser, site.origin, "/skattevaxling/24?ar=2025");
    const table = await readTable(page, "#utjamning table.data-table");
    expect(table.foot).toEqual(expect.arrayContaining([text(formatOreKronor(e.county.ownOre)), text(formatOreKronor(e.county.afterEqualisationOre)), text(signedKronor(e.county.effectOre))]));
    const rules = text(await page.locator("#utjamning ul").innerText());
    expect(rules).toContain("Lag (2004:773)");
    expect(rules).toContain("Fi2012/4726");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the scenario panel keeps its state in the URL and shows the change per municipality against the base case", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/skattevaxling/24?ar=2025&ore=25");
    await page.waitForSelector(".scenario-results table.data-table");
    const v = view(2025);
    // 25 öre in 2021–2024 = the öre that applied (25 since 2016): no change for anyone.
    let table = await readTable(page, ".scenario-results table.data-table");
    expect(table.foot).toEqual(expect.arrayContaining([text(signedKronor(v.window.county.balanceOre))]));
    expect(table.foot.at(-2)).toBe("0,00");
    // 20 öre: every municipality loses 5 öre × 0,0001 × its tax base over the period.
    await page.fill("input[name=ore]", "20");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("ore") === "20");
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll(".scenario-results tfoot tr:first-child > *")];
      return cells.length > 2 && cells[cells.length - 2].textContent!.trim() !== "0,00";
    });
    table = await readTable(page, ".scenario-results table.data-table");
    const umea = v.rows.filter((r) => r.municipalityCode === "2480" && r.year >= 2021);
    // Each year's revenue is rounded once, half away, to whole öre: öre × base / 10 000 → floor((2 × öre × base + 10 000) / 20 000).
    const revenue = (ore: bigint, base: number) => (2n * ore * BigInt(base) + 10_000n) / 20_000n;
    const loss = umea.reduce((s, r) => s + Number(revenue(20n, r.taxBaseOre!) - revenue(25n, r.taxBaseOre!)), 0);
    expect(table.rows.get("Umeå")!.at(-2)).toBe(text(signedKronor(loss)));
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("choosing another county opens its page, keeping the other choices", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/skattevaxling/24?ar=2017&priser=fasta");
    expect(await page.locator("#county-select").inputValue()).toBe("24");
    await Promise.all([page.waitForURL((u) => u.pathname === "/skattevaxling/23"), page.selectOption("#county-select", "23")]);
    await settled(page, "#laget");
    // Jämtland's (demo) reviews are 2018, 2022, 2026: 2017 is none of them, so its latest is shown; the prices stay.
    expect(new URL(page.url()).search).toBe("?ar=2026&priser=fasta");
    expect(await page.locator("#county-select").inputValue()).toBe("23");
    // And back: the follow-up of Västerbotten, with a review year of its own and the prices kept.
    await page.selectOption("select[name=ar]", "2022");
    await Promise.all([page.waitForURL((u) => u.pathname === "/skattevaxling/24"), page.selectOption("#county-select", "24")]);
    await page.waitForSelector("#laget table.data-table");
    expect(await page.locator("select[name=ar]").inputValue()).toBe("2025");
    expect(new URL(page.url()).searchParams.get("priser")).toBe("fasta");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the entry page opens the tax-swap county's page, the county in ?lan=, or the reader's last county", async () => {
    expect(builtMember<TaxSwapIndex>("skattevaxling", "index.json")).toEqual({countyCode: "24"});
    // A reader with no choice yet: the parameter file's tax-swap county.
    let w = await landed(site, "/skattevaxling/", "/skattevaxling/24", "#county-select");
    expect(await w.page.locator("#county-select").inputValue()).toBe("24");
    expect(text(await w.page.locator("main").innerText())).toContain("Demodata");
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
    await w.page.context().close();
    // An old link with ?lan= (from before the county pages): that county's page, the other choices kept.
    w = await landed(site, "/skattevaxling?lan=24&ar=2017", "/skattevaxling/24", "#county-select");
    expect(new URL(w.page.url()).searchParams.get("lan")).toBeNull();
    expect(new URL(w.page.url()).searchParams.get("ar")).toBe("2017");
    expect(await w.page.locator("select[name=ar]").inputValue()).toBe("2017");
    await w.page.context().close();
    w = await landed(site, "/skattevaxling/?lan=23", "/skattevaxling/23", "#county-select");
    expect(new URL(w.page.url()).searchParams.get("lan")).toBeNull();
    // The county last shown (localStorage) wins over the default.
    await w.page.goto(site.origin + "/skattevaxling/", {waitUntil: "commit"});
    await w.page.waitForURL((u) => u.pathname === "/skattevaxling/23");
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
    await w.page.context().close();
  });

  it("npx samverkan skattevaxling --pdf writes the review pack: A4, page numbers, method, assumptions, equalisation and scenario", () => {
    const out = join(mkdtempSync(join(tmpdir(), "samverkan-pack-")), "granskning.pdf");
    execFileSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "skattevaxling", "--county", "23", "--review", "2026", "--ore", "25", "--pdf", out, "--site", DIST], {cwd: ROOT, stdio: "pipe"});
    const info = execFileSync("pdfinfo", [out], {encoding: "utf8"});
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const pdf = text(execFileSync("pdftotext", ["-layout", out, "-"], {encoding: "utf8"}));
    expect(pdf).toContain(`Sida 1 av ${pages}`);
    expect(pdf).toContain("Skatteväxlingen i Jämtlands län, uppföljning 2026");
    for (const heading of ["1. Läget 2026", "5. Inkomstutjämningens effekt 2022–2025", "6. Scenarier", "7. Metod", "Antaganden och värden, med slag och källa"]) expect(pdf).toContain(heading);
    expect(pdf).toContain("Scenario (antagande): 25 öre per skattekrona alla år i perioden");
    expect(pdf).toContain("Demodata");
    expect(pdf).not.toContain("Ladda ner");
  }, 120_000);

  it("prints on A4 without navigation, with a page break before each section", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/skattevaxling/24?ar=2025&kommun=2463");
    await page.emulateMedia({media: "print"});
    const style = await page.evaluate(() => {
      const shown = (sel: string) => {
        const e = document.querySelector(sel);
        return e ? getComputedStyle(e).display !== "none" : false;
      };
      return {
        sidebar: shown("#observablehq-sidebar"),
        controls: shown(".controls"),
        county: shown(".county-select"),
        csv: shown(".csv-download"),
        breaks: [...document.querySelectorAll(".review-section")].map((s) => `${s.id}:${getComputedStyle(s).breakBefore}`)
      };
    });
    expect(style.sidebar).toBe(false);
    expect(style.controls).toBe(false);
    expect(style.county).toBe(false);
    expect(style.csv).toBe(false);
    expect(style.breaks).toEqual(["laget:auto", "over-tid:page", "perioden:page", "aldre:page", "utjamning:page", "scenarier:page", ":auto", "metod:page"]);
    const out = join(mkdtempSync(join(tmpdir(), "samverkan-skattevaxling-")), "uppfoljning.pdf");
    await page.pdf({path: out, format: "A4", printBackground: true, preferCSSPageSize: true});
    const info = execFileSync("pdfinfo", [out], {encoding: "utf8"});
    expect(info).toMatch(/Page size:.*\(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(5);
    const pdf = text(execFileSync("pdftotext", ["-layout", out, "-"], {encoding: "utf8"}));
    expect(pdf).toContain("Uppföljning 2025 av skatteväxlingen i Västerbottens län: åren 2021–2024, löpande priser, Åsele.");
    expect(pdf).toContain("Demodata");
    expect(pdf).toContain(text(formatOreKronor(view(2025).window.county.balanceOre)));
    expect(pdf).not.toContain("Ladda ner");
    expect(pdf).not.toContain("Datakvalitet"); // the sidebar's links
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
