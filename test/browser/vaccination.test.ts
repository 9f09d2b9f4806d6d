// The vaccination page: the funnel (svg) and the tables with the figures of the built JSON, the
// selections in the URL changing the figures, suppressed counts shown and downloaded as "..", the cost
// at the rate per dose, the county selector, axe-core clean, no console error, nothing off 127.0.0.1.
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {accessibilityViolations, open} from "./harness.ts";
import {builtMember, downloadCsv, landed, readTable, text, useSite} from "./site-fixture.ts";
import type {CountyVaccination, CoverageTable, VaccinationReport} from "../../loaders/reports/vaccination.ts";

const site = useSite();
// The page of each county fetches that county's file only (src/data/vaccination.tar.ts).
const report = () => builtMember<Omit<VaccinationReport, "counties">>("vaccination", "index.json");
const area = (code: string) => builtMember<CountyVaccination>("vaccination", `${code}.json`);


const table = (code: string, season: string, vaccine: string, group: string): CoverageTable =>
  area(code).tables.find((t) => t.season === season && t.vaccine === vaccine && t.targetGroup === group)!;
const params = (page: Page) => new URL(page.url()).searchParams;

/** The municipalities' table as {name: cells}. */
const municipalities = async (page: Page): Promise<Map<string, string[]>> => (await readTable(page, "#kommuner table.data-table")).rows;

/** The CSV of the first download button in a section ("#kommuner"). */
const download = (page: Page, section: string) => downloadCsv(page, page.locator(`${section} button.csv-download`).first());

describe("Vaccination", () => {
  it("shows coverage, the funnel and the municipalities for Västerbotten 2023/24, covid-19, SÄBO", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/vaccination/24?sasong=2023/24&vaccin=covid-19&malgrupp=sabo");
    const t = table("24", "2023/24", "covid-19", "sabo");
    expect(text(await page.locator("main").innerText())).toContain("Demodata");
    expect(text(await page.locator("#tackning .headline").innerText())).toBe(text(t.sentence));
    const cards = text(await page.locator("#tackning .cards").innerText());
    expect(cards).toContain("Länets plats bland länen 2 av 21");
    expect(cards).toContain("Riket 87,7 %");
    // The funnel: an svg described in words, the sentence naming the points outside, the method named.
    const svg = page.locator("#tratt figure.funnel-plot svg[role=img]").first();
    expect(await svg.count()).toBe(1);
    expect(await svg.getAttribute("aria-label")).toContain("Trattdiagram");
    expect(text(await page.locator("#tratt .funnel-sentence").innerText())).toBe(text(t.funnel!.sentence));
    expect(text(await page.locator("#tratt .funnel-sentence").innerText())).toContain("Vännäs 92,5 % (över)");
    expect(text(await page.locator("#tratt").innerText())).toContain("Wilsons poängintervall (Wilson score)");
    // One dot per shown municipality (Plot draws symbols as paths).
    const shown = t.rows.filter((r) => r.coverage != null).length;
    expect(await page.locator("#tratt svg[role=img] g[fill] > path, #tratt svg[role=img] g > path[fill]").count()).toBeGreaterThanOrEqual(shown);
    // The table: Vännäs 111 of 120, 92,5 %, above the 99.8 % limit.
    const rows = await municipalities(page);
    expect(rows.get("Vännäs")!.slice(1, 5)).toEqual(["111", "9", "120", "92,5 %"]);
    expect(rows.get("Vännäs")!.at(-1)).toBe("Över 99,8 %-gränsen");
    for (const name of t.hidden) expect(rows.get(name)![1]).toBe("..");
    const foot = text(await page.locator("#kommuner tfoot tr").innerText());
    expect(foot).toContain(`${t.county.vaccinated!.toLocaleString("sv-SE").replace(/\s/g, " ")}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("puts the default selections in the URL and changes figures and URL with the selectors", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/vaccination/24");
    const latest = report().seasons.at(-1)!;
    expect(params(page).get("sasong")).toBe(latest);
    expect(params(page).get("vaccin")).toBe("covid-19");
    expect(params(page).get("malgrupp")).toBe("sabo");
    await page.locator("select[name=malgrupp]").selectOption("lss");
    await page.waitForFunction(() => document.querySelector("#kommuner h2")?.textContent?.includes("LSS"));
    expect(params(page).get("malgrupp")).toBe("lss");
    const lss = table("24", latest, "covid-19", "lss");
    expect(text(await page.locator("#tackning .headline").innerText())).toBe(text(lss.sentence));
    const rows = await municipalities(page);
    // Bjurholm: 5 of 8 vaccinated, 3 not → hidden; the target group (a true total) is shown.
    expect(rows.get("Bjurholm")!.slice(1, 5)).toEqual(["..", "..", "8", ".."]);
    // The CSV holds ".." where the page does, and the figures of the others.
    const csv = await download(page, "#kommuner");
    expect(csv.name).toBe(`vaccination-24-${latest.replace("/", "-")}-covid-19-lss.csv`);
    const header = csv.rows[0];
    const bjurholm = csv.rows.find((r) => r[1] === "Bjurholm")!;
    expect(bjurholm[header.indexOf("Vaccinerade")]).toBe("..");
    expect(bjurholm[header.indexOf("Täckning (%)")]).toBe("..");
    expect(bjurholm[header.indexOf("I målgruppen")]).toBe("8");
    expect(bjurholm[header.indexOf("Maskering")]).toBe("komplement");
    const umea = lss.rows.find((r) => r.code === "2480")!;
    const umeaCsv = csv.rows.find((r) => r[1] === "Umeå")!;
    expect(umeaCsv[header.indexOf("Vaccinerade")]).toBe(String(umea.vaccinated));
    expect(umeaCsv[header.indexOf("Täckning (%)")]).toBe((Math.round(umea.coverage! * 1000) / 10).toFixed(1).replace(".", ","));
    // No count 1–4 in any downloaded cell of a count column.
    for (const r of csv.rows.slice(1)) for (const col of ["Vaccinerade", "Ej vaccinerade", "I målgruppen"]) {
      const v = r[header.indexOf(col)];
      if (v !== "..") expect(Number(v) === 0 || Number(v) >= report().threshold).toBe(true);
    }
    // Season: the URL and the figures follow.
    await page.locator("select[name=sasong]").selectOption("2022/23");
    await page.waitForFunction(() => document.querySelector("#kommuner h2")?.textContent?.includes("2022/23"));
    expect(params(page).get("sasong")).toBe("2022/23");
    expect(text(await page.locator("#tackning .headline").innerText())).toBe(text(table("24", "2022/23", "covid-19", "lss").sentence));
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("prices the municipalities' vaccinations at the rate per dose when asked", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/vaccination/24?sasong=2024/25");
    expect(text(await page.locator("#volym .headline").innerText())).toBe("Västerbottens län 2024/25: 16 650 doser (covid-19 8 166, säsongsinfluensa 8 484).");
    await page.locator("#volym").waitFor();
    await page.getByLabel("Ja, 150 kr per dos").check();
    await page.waitForFunction(() => document.querySelector("#volym .headline")?.textContent?.includes("kr"));
    expect(params(page).get("kostnad")).toBe("ja");
    expect(text(await page.locator("#volym .headline").innerText())).toContain("2 497 500 kr vid 150 kr per dos");
    const foot = text(await page.locator("#volym tfoot tr").innerText());
    expect(foot).toContain("2 497 500 kr");
    const csv = await download(page, "#volym");
    expect(csv.name).toBe("vaccination-24-2024-25-doser-kostnad.csv");
    expect(csv.rows.at(-1)).toContain("2497500,00");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("honours the county selector", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/vaccination/24?sasong=2022/23");
    // The county's own page opens, with the same season.
    await Promise.all([page.waitForURL((u) => u.pathname === "/vaccination/23"), page.locator("#county-select").selectOption("23")]);
    await page.waitForFunction(() => document.querySelector("#tackning .headline")?.textContent?.startsWith("Jämtlands län"));
    expect(params(page).get("sasong")).toBe("2022/23");
    expect(text(await page.locator("#tackning .headline").innerText())).toBe(text(table("23", "2022/23", "covid-19", "sabo").sentence));
    // Influenza 65+ against the WHO target: Jämtland 60 %, riket 63 % in 2022/23.
    const flu = text(await page.locator("#influensa-65 table").innerText());
    expect(flu).toContain("2022/23 60,0 % 63,0 % 75 %");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the entry page and old links (?lan=) open a county's page, with the other choices kept", async () => {
    let w = await landed(site, "/vaccination/", "/vaccination/23", "#tackning");
    expect(w.errors).toEqual([]);
    await w.page.context().close();
    w = await landed(site, "/vaccination?lan=24&sasong=2022/23", "/vaccination/24", "#tackning .headline");
    expect(new URL(w.page.url()).searchParams.get("sasong")).toBe("2022/23");
    expect(text(await w.page.locator("#tackning .headline").innerText())).toBe(text(table("24", "2022/23", "covid-19", "sabo").sentence));
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
    await w.page.context().close();
  });
});
