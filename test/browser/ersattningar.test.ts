// The Ersättningar page: the agreement's rates per year (chart and table), the calculator that runs the
// model code in the browser and recomputes on every change, the work-hour invoices per month with who
// pays whom, choices in the URL, CSV, and a county without work.
import {beforeAll, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {accessibilityViolations, open} from "./harness.ts";
import {builtMember, downloadCsv, landed, kr, krOre, readTable, text, useSite} from "./site-fixture.ts";
import type {CountyWork, RatesReport} from "../../loaders/reports/rates.ts";

const site = useSite();
let report: RatesReport;

beforeAll(() => {
  report = builtMember<typeof report>("ersattningar", "index.json");
});

/** The calculator's sum once it shows `expected` (it recomputes on every input event). */
async function calculatorSum(page: Page, expected: string): Promise<string> {
  await page.waitForFunction((e) => document.querySelector("#raknare .calc-sum strong")?.textContent?.replace(/[\u00a0\s]+/g, " ") === e, expected, {timeout: 5000}).catch(() => {});
  return text(await page.locator("#raknare .calc-sum strong").innerText());
}

describe("Ersättningar", () => {
  it("shows the rates per year in a chart and a table, uprated both ways from 2025", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/ersattningar/23");
    expect(text(await page.locator("main").innerText())).toContain("Demodata");
    const chart = page.locator("#timpriser svg[role=img]");
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute("aria-label")).toContain("avtalets tre timpriser per år");
    const labels = (await page.locator("#timpriser svg text").allTextContents()).map(text);
    expect(labels).toContain("Medicinteknisk support 1 203 kr");
    expect(labels).toContain("Inhyrd personal 686 kr");
    expect(labels).toContain("Syn- och hörselombud 366 kr");
    const cards = text(await page.locator("#timpriser .cards").innerText());
    expect(cards).toContain("Medicinteknisk support 2026 1 153 kr/h");
    expect(cards).toContain("Inhyrd personal 2026 657 kr/h");
    expect(cards).toContain("Syn- och hörselombud 2026 348 kr/h");

    const t = await readTable(page, "#timpriser table");
    expect(t.headers).toEqual(["År", "Medicinteknisk support (kr/h)", "Inhyrd personal (kr/h)", "Syn- och hörselombud (kr/h)", "VPI året före (%)", "OPI året före (%)"]);
    expect(t.body).toHaveLength(report.years.length);
    expect(t.rows.get("2025 (basår)")).toEqual(["2025 (basår)", "1 123", "640", "338", "3,2", "2,7"]);
    expect(t.rows.get("2026 (avtalsperiod)")).toEqual(["2026 (avtalsperiod)", "1 153", "657", "348", "2,7", "3,0"]);
    expect(t.rows.get("2024")).toEqual(["2024", "1 088", "620", "329", "3,9", "5,3"]);
    expect(t.rows.get("2027 (avtalsperiod)")).toEqual(["2027 (avtalsperiod)", "1 178 (p)", "671 (p)", "356 (p)", "2,1 (p)", "2,4 (p)"]);
    expect(t.rows.get("2017")![1]).toBe("872");
    expect(text(await page.locator("#timpriser .method-line").innerText())).toContain("avrundas en gång till hela kronor");
    expect(await accessibilityViolations(page), "axe-core: serious or critical WCAG 2.1 AA violations").toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the calculator recomputes with the model code when any input changes", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/ersattningar/23");
    const calc = page.locator("#raknare");
    // Start: MT 2026, 0.5 + 1.25 + 2 h at 1 153 kr = 576.50 + 1 441.25 + 2 306 = 4 323.75 kr.
    expect(await calculatorSum(page, "4 323,75 kr")).toBe("4 323,75 kr");
    expect(text(await calc.locator("caption").innerText())).toBe("Fakturarader: Medicinteknisk support, 2026, 1 153 kr/h");
    expect(text(await calc.locator(".calc-method").first().innerText())).toContain("1 153 kr/h 2026 = 1 123 kr/h (2025) × 1,027 (VPI 2025: 2,7 %");

    // Hired staff: started hours 1 + 2 + 2 = 5 × 657 kr = 3 285 kr.
    await calc.locator("select[name=taxa]").selectOption("hiredStaff");
    expect(await calculatorSum(page, "3 285,00 kr")).toBe("3 285,00 kr");
    expect((await calc.locator("tbody tr").allInnerTexts()).map(text)).toEqual(["1 0,50 1 657,00 kr", "2 1,25 2 1 314,00 kr", "3 2,00 2 1 314,00 kr"]);

    // Travel is added as it is.
    await calc.locator("input[name=resa]").fill("150");
    expect(await calculatorSum(page, "3 435,00 kr")).toBe("3 435,00 kr");

    // Other times: 0.25 h and 2.01 h are 1 + 3 started hours = 4 × 657 = 2 628 + 150 = 2 778 kr.
    await calc.locator("input[name=tider]").fill("0,25 2,01");
    expect(await calculatorSum(page, "2 778,00 kr")).toBe("2 778,00 kr");

    // Another year uses that year's rate from the index series: 2024 is 640 / 1.032 → 620 kr.
    await calc.locator("select[name=kalkylar]").selectOption("2024");
    expect(await calculatorSum(page, "2 630,00 kr")).toBe("2 630,00 kr");
    expect(text(await calc.locator("caption").innerText())).toBe("Fakturarader: Inhyrd personal, 2024, 620 kr/h per påbörjad timme");
    // The calculator's rate is the table's (the same model code, in the browser and in the loader).
    expect(report.table.hiredStaff.find((r) => r.year === 2024)!.rateOre).toBe(62_000);

    // Sight and hearing, 2027 (forecast OPI): 4 × 356 = 1 424 + 150 = 1 574 kr.
    await calc.locator("select[name=taxa]").selectOption("sightHearing");
    await calc.locator("select[name=kalkylar]").selectOption("2027");
    expect(await calculatorSum(page, "1 574,00 kr")).toBe("1 574,00 kr");

    // A bad time is explained, not thrown.
    await calc.locator("input[name=tider]").fill("1,5; tre");
    await page.waitForSelector("#raknare .calc-error");
    expect(text(await calc.locator(".calc-error").innerText())).toBe('"tre" är ingen tid i timmar. Skriv t.ex. 0,5 eller 2.');
    await calc.locator("input[name=tider]").fill("1,5");
    expect(await calculatorSum(page, "862,00 kr")).toBe("862,00 kr"); // 2 × 356 + 150
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("shows the work-hour invoices per month with who pays whom, and their sums", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/ersattningar/23?ar=2025");
    const w = builtMember<CountyWork>("ersattningar", "23.json");
    const y = w.totals.find((t) => t.year === 2025)!;
    expect(text(await page.locator("#fakturor .headline").innerText())).toBe(
      `2025 (kommunerna i Jämtlands län): kommunerna fakturerade regionen ${kr(y.toMunicipalityOre)} och regionen fakturerade kommunerna ${kr(y.toRegionOre)}. Netto betalar regionen kommunerna ${kr(y.netToMunicipalityOre)}.`
    );
    expect(kr(y.toMunicipalityOre)).toBe("122 662 kr");
    const chart = page.locator("#fakturor svg[role=img]");
    expect(await chart.count()).toBe(1);
    expect(text(await page.locator("#fakturor .chart-legend").innerText())).toContain("Uppåt: kommunerna fakturerar regionen");

    const summary = await readTable(page, "#fakturor table");
    expect(summary.headers.slice(-3)).toEqual(["Regionen betalar kommunen (kr)", "Kommunen betalar regionen (kr)", "Netto till kommunen (kr)"]);
    expect(summary.body).toHaveLength(8);
    const foot = summary.foot;
    expect(foot[0]).toBe("Jämtlands län (summa)");
    expect(foot.slice(-3)).toEqual([krOre(y.toMunicipalityOre), krOre(y.toRegionOre), `+${krOre(y.netToMunicipalityOre)}`]);

    const invoices = await readTable(page, "#fakturor table >> nth=1");
    expect(invoices.headers).toEqual(["Månad", "Kommun", "Typ", "Vem fakturerar vem", "Uppdrag", "Tid (h)", "Påbörjade timmar", "Kväll/natt, obetald (h)", "Timpris (kr/h)", "Belopp (kr)"]);
    expect(invoices.body).toHaveLength(w.invoices.filter((i) => i.month.startsWith("2025")).length);
    const sum = invoices.body.reduce((s, r) => s + Math.round(Number(r[9].replace(/ /g, "").replace(",", ".")) * 100), 0);
    expect(sum).toBe(y.toMunicipalityOre + y.toRegionOre);
    expect(invoices.foot.at(-1)).toBe(krOre(sum));
    expect(new Set(invoices.body.map((r) => r[3]))).toEqual(
      new Set(["Kommunen fakturerar regionen", "Regionen fakturerar kommunen", "Kommunen fakturerar regionen (syncentralen)", "Kommunen fakturerar regionen (hörselcentralen)"])
    );
    expect(await accessibilityViolations(page), "axe-core: serious or critical WCAG 2.1 AA violations").toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("filters by year, kind and municipality through the URL; Bräcke's sight representative in January 2024 is 8 started hours × 329 kr", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/ersattningar/23?ar=2025");
    await page.selectOption("select[name=ar]", "2024");
    await page.selectOption("select[name=typ]", "synombud");
    await page.selectOption("select[name=kommun]", "2305");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("kommun") === "2305");
    await page.waitForFunction(() => document.querySelector("#fakturor h3")?.textContent === "Fakturor 2024: synombud, Bräcke");
    const url = new URL(page.url()).searchParams;
    expect([url.get("ar"), url.get("typ"), url.get("kommun")]).toEqual(["2024", "synombud", "2305"]);
    const invoices = await readTable(page, "#fakturor table >> nth=1");
    expect(new Set(invoices.body.map((r) => `${r[1]}|${r[2]}`))).toEqual(new Set(["Bräcke|Synombud"]));
    expect(invoices.rows.get("2024-01")).toEqual(["2024-01", "Bräcke", "Synombud", "Kommunen fakturerar regionen (syncentralen)", "2", "7,25", "8", "0,00", "329", "2 632,00"]);
    const csv = await downloadCsv(page, page.locator("button.csv-download", {hasText: "fakturorna"}));
    expect(csv.name).toBe("insatser-23-2024-synombud-2305-fakturor.csv");
    expect(csv.raw).toContain("2305;2024-01;Bräcke;Synombud;Kommunen fakturerar regionen (syncentralen);2;7,25;8;0,00;329;2632,00");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("another county: the agreement's rates with a note, and no invoices, said plainly", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/ersattningar/24");
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Timpriserna nedan är överenskommelsens mellan Region Jämtland Härjedalen och kommunerna i Jämtlands län");
    expect(main).toContain("Det finns inga uppdrag för Västerbottens län i insatser.csv");
    expect(await page.locator("#timpriser table").count()).toBe(1);
    expect(await page.locator("select[name=typ]").count()).toBe(0);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the entry page opens the agreement's county, and an old link (?lan=) that county's page", async () => {
    let w = await landed(site, "/ersattningar/", "/ersattningar/23", "main h2");
    expect(w.errors).toEqual([]);
    await w.page.context().close();
    w = await landed(site, "/ersattningar?lan=24", "/ersattningar/24", "#county-select");
    expect(await w.page.locator("#county-select").inputValue()).toBe("24");
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
    await w.page.context().close();
  });
});
