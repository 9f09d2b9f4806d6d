// The Medicinteknik page: the device chart and table, the fixed part of 2025H2 as in DOMAIN.md (923
// devices, 224.6 h, 126 113 kr, parts adding up), the monthly variable invoices and the year's totals,
// choices in the URL, CSV downloads with the figures shown, and a county without MT data.
import {beforeAll, describe, expect, it} from "vitest";
import {accessibilityViolations, open} from "./harness.ts";
import {builtMember, downloadCsv, landed, kr, krOre, readTable, text, useSite} from "./site-fixture.ts";
import type {MedtechReport} from "../../loaders/reports/medtech.ts";
import {formatKronor} from "../../src/components/format.ts";

const site = useSite();
let report: MedtechReport;

beforeAll(() => {
  report = builtMember<typeof report>("medicinteknik", "23.json");
});

describe("Medicinteknik", () => {
  it("shows the devices, the fixed part of 2025H2 and the year 2025 with the figures of the data", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/medicinteknik/23?halvar=2025H2&ar=2025");
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Demodata");
    expect(new URL(page.url()).searchParams.get("halvar")).toBe("2025H2");

    // 1. Devices over time: a described chart with each municipality named at its line's end, and the table.
    const devicesChart = page.locator("#produkter svg[role=img]");
    expect(await devicesChart.count()).toBe(1);
    expect(await devicesChart.getAttribute("aria-label")).toContain("registrerade produkter per kommun");
    const labels = (await page.locator("#produkter svg text").allTextContents()).map(text);
    const last = report.snapshots.at(-1)!;
    for (const c of last.counts) expect(labels).toContain(`${report.municipalities.find((m) => m.code === c.municipalityCode)!.name} ${c.devices}`);
    expect(labels).toContain("Östersund 389");
    const devices = await readTable(page, "#produkter table");
    expect(devices.headers[0]).toBe("Kommun");
    const col = devices.headers.indexOf("2025-06-30");
    expect(devices.rows.get("Östersund")![col]).toBe("381");
    expect(devices.rows.get("Berg")![col]).toBe("50");
    expect(devices.rows.get("Jämtlands län (summa)")![col]).toBe("923");
    expect(text(await page.locator("#produkter .chart-text").innerText())).toBe(
      "2025-12-31 hade kommunerna i Jämtlands län 933 registrerade produkter, 10 fler än 2025-06-30 och 266 fler än 2019-06-30. Flest har Östersund (389)."
    );

    // 2. The fixed part of 2025H2: the DOMAIN table, 224.6 h, 126 113 kr, adding up.
    const cards = text(await page.locator("#fast-del .cards").innerText());
    expect(cards).toContain("Produkter 2025-06-30 923");
    expect(cards).toContain("Resursbehov per år 224,60 h");
    expect(cards).toContain("Timpris 1 123 kr/h (2025)");
    expect(cards).toContain("Fast del 2025H2 126 113 kr");
    const fixed = await readTable(page, "#fast-del table");
    expect(fixed.headers).toEqual(["Kommun", "Produkter 2025-06-30", "Andel (%)", "Fast del 2025H2 (kr)"]);
    const expected: [string, string, string, string][] = [
      ["Berg", "50", "5,4 %", "6 832 kr"],
      ["Bräcke", "60", "6,5 %", "8 198 kr"],
      ["Härjedalen", "96", "10,4 %", "13 117 kr"],
      ["Krokom", "90", "9,8 %", "12 297 kr"],
      ["Ragunda", "41", "4,4 %", "5 602 kr"],
      ["Strömsund", "152", "16,5 %", "20 768 kr"],
      ["Åre", "53", "5,7 %", "7 242 kr"],
      ["Östersund", "381", "41,3 %", "52 057 kr"]
    ];
    expect(fixed.body).toEqual(expected);
    expect(fixed.foot).toEqual(["Jämtlands län (summa)", "923", "100,0 %", "126 113 kr"]);
    const sum = fixed.body.reduce((s, r) => s + Number(r[3].replace(/\D/g, "")), 0);
    expect(sum).toBe(126_113);
    const bars = (await page.locator("#fast-del svg text").allTextContents()).map(text);
    expect(bars).toContain("52 057 kr (41,3 %)");
    expect(bars).toContain("Östersund");
    expect(await page.locator("#fast-del svg[role=img] rect").count()).toBe(8);
    expect(text(await page.locator("#fast-del .check").innerText())).toBe("Kontroll: kommunernas belopp summerar exakt till 126 113 kr och andelarna till 100,0 %.");
    const method = text(await page.locator("#fast-del").innerText());
    expect(method).toContain("Resursbehov 40 h + 923 × 12 min = 224,6 h per år à 1 123 kr/h = 252 225,80 kr per år");
    expect(method).toContain("Halvåret är hälften, 126 112,90 kr, avrundat en gång till hela kronor: 126 113 kr");

    // 3. The fixed part per half-year: a chart and every period in the table.
    expect(await page.locator("#fast-over-tid svg[role=img]").count()).toBe(1);
    const periods = await readTable(page, "#fast-over-tid table");
    expect(periods.body).toHaveLength(report.fixed.length);
    expect(periods.rows.get("2025H2")).toEqual(["2025H2", "2025-06-30", "923", "224,60", "1 123", "252 225,80", "126 113"]);
    expect(periods.rows.get("2026H1")).toEqual(["2026H1", "2025-12-31", "933", "226,60", "1 153", "261 269,80", "130 635"]);

    // 4. Variable part 2025: bars per month with their amounts, the invoices and their sum.
    const y2025 = report.variable.years.find((y) => y.year === 2025)!;
    expect(await page.locator("#rorlig svg[role=img]").count()).toBe(1);
    expect(await page.locator("#rorlig svg[role=img] rect").count()).toBe(12);
    expect(text(await page.locator("#rorlig .chart-text").innerText())).toContain(`fakturerades kommunerna i Jämtlands län ${kr(y2025.totalOre)} i rörlig del för ${y2025.jobs} uppdrag`);
    const variable = await readTable(page, "#rorlig table");
    expect(variable.body).toHaveLength(report.variable.rows.filter((r) => r.month.startsWith("2025")).length);
    expect(variable.foot.at(-1)).toBe(krOre(y2025.totalOre));
    expect(variable.foot.at(-1)).toBe("471 214,00");
    const invoiceSum = variable.body.reduce((s, r) => s + Math.round(Number(r.at(-1)!.replace(/ /g, "").replace(",", ".")) * 100), 0);
    expect(invoiceSum).toBe(y2025.totalOre);

    // 5. Totals per year.
    expect(await page.locator("#totalt svg[role=img]").count()).toBe(1);
    const totals = await readTable(page, "#totalt table");
    expect(totals.foot).toEqual(["Jämtlands län (summa)", "124 092", "126 113", "471 214", "721 419"]);
    expect(text(await page.locator("#totalt .headline").innerText())).toBe(
      "2025 betalar kommunerna i Jämtlands län 721 419 kr för medicinteknisk support: fast del 250 205 kr och rörlig del 471 214 kr."
    );

    // Method beside the figures, and the MT rates used.
    expect(text(await page.locator("#metod").innerText())).toContain("1 088 kr/h 2024 = 1 123 kr/h (2025) ÷ 1,032 (VPI 2024: 3,2 %");
    expect(await accessibilityViolations(page), "axe-core: serious or critical WCAG 2.1 AA violations").toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("changing the half-year, the year and the municipality changes the figures and the URL", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/medicinteknik/23?halvar=2025H2&ar=2025");
    await page.selectOption("select[name=halvar]", "2026H1");
    await page.waitForFunction(() => document.querySelector("#fast-del h2")?.textContent?.includes("2026H1"));
    expect(new URL(page.url()).searchParams.get("halvar")).toBe("2026H1");
    const fixed = await readTable(page, "#fast-del table");
    expect(fixed.foot).toEqual(["Jämtlands län (summa)", "933", "100,0 %", "130 635 kr"]);
    expect(text(await page.locator("#fast-del .cards").innerText())).toContain("Timpris 1 153 kr/h (2026)");

    await page.selectOption("select[name=kommun]", "2380");
    await page.waitForFunction(() => document.querySelector("#rorlig h2")?.textContent?.includes("Östersund"));
    expect(new URL(page.url()).searchParams.get("kommun")).toBe("2380");
    const variable = await readTable(page, "#rorlig table");
    expect(new Set(variable.body.map((r) => r[1]))).toEqual(new Set(["Östersund"]));
    const ost = report.variable.byYear.find((y) => y.year === 2025 && y.municipalityCode === "2380")!;
    expect(variable.foot.at(-1)).toBe(krOre(ost.totalOre));
    expect(await page.locator("#fast-del tbody tr.highlight th").innerText()).toBe("Östersund");

    await page.selectOption("select[name=ar]", "2024");
    await page.waitForFunction(() => document.querySelector("#totalt h2")?.textContent?.includes("2024"));
    const t2024 = report.totals.find((t) => t.year === 2024)!;
    expect((await readTable(page, "#totalt table")).foot.at(-1)).toBe(text(formatKronor(t2024.county.totalOre)).replace(/ kr$/, ""));

    // A year without jobs: the variable part is said to be missing, not zero.
    await page.selectOption("select[name=ar]", "2023");
    await page.waitForFunction(() => document.querySelector("#rorlig h2")?.textContent?.includes("2023"));
    expect(text(await page.locator("#rorlig .headline").innerText())).toContain("mt-uppdrag.csv har inga uppdrag 2023");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("downloads the distribution and the invoices as CSV with the figures shown", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/medicinteknik/23?halvar=2025H2&ar=2025");
    const dist = await downloadCsv(page, "fördelningen");
    expect(dist.name).toBe("mt-fast-del-2025H2.csv");
    // Percentages are written one way in every CSV: in percent, with (%) in the header (381 / 923 = 41,2784 %).
    expect(dist.rows[0]).toEqual(["Kommunkod", "Kommun", "Produkter 2025-06-30", "Andel (%)", "Fast del 2025H2 (kr)", "Exakt andel (%)"]);
    expect(dist.rows.find((r) => r[0] === "2380")).toEqual(["2380", "Östersund", "381", "41,3", "52057", "41,2784"]);
    expect(dist.rows.at(-1)!.slice(1, 5)).toEqual(["Jämtlands län (summa)", "923", "100,0", "126113"]);
    expect(dist.rows.slice(1, -1).reduce((s, r) => s + Number(r[4]), 0)).toBe(126_113);

    const inv = await downloadCsv(page, "fakturorna");
    expect(inv.name).toBe("mt-rorlig-del-2025.csv");
    const h = inv.rows[0];
    expect(h.slice(0, 3)).toEqual(["Kommunkod", "Månad", "Kommun"]);
    expect(inv.rows.at(-1)![h.indexOf("Faktura (kr)")]).toBe("471214,00");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("another county has no MT data: a plain sentence and a link to the MT county", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/medicinteknik/24");
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Det finns inga MT-fakturor för Västerbottens län: avtalets medicintekniska support gäller Jämtlands län");
    expect(main).toContain("Demodata");
    expect(await page.locator("select[name=halvar]").count()).toBe(0);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await page.locator("a", {hasText: "Jämtlands län"}).click();
    await page.waitForSelector("#fast-del table");
    expect(new URL(page.url()).pathname).toBe("/medicinteknik/23");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the entry page opens the agreement's county, and an old link (?lan=) that county's page", async () => {
    let w = await landed(site, "/medicinteknik/", "/medicinteknik/23", "main h2");
    expect(w.errors).toEqual([]);
    await w.page.context().close();
    w = await landed(site, "/medicinteknik?lan=24", "/medicinteknik/24", "#county-select");
    expect(await w.page.locator("#county-select").inputValue()).toBe("24");
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
    await w.page.context().close();
  });
});
