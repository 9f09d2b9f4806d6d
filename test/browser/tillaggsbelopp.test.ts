// The Tilläggsbelopp page: the 2026 reconciliation with its figures and method, the years table and the
// count chart (svg), the distribution as chart and table that adds up, the CSV, the LPIK editions, the
// reading and year in the URL, the what-if that recomputes in the browser, another county, no console
// error, nothing off 127.0.0.1.
import {beforeAll, describe, expect, it} from "vitest";
import {accessibilityViolations, open} from "./harness.ts";
import {builtData, downloadCsv, kr, readTable, settled, text, useSite} from "./site-fixture.ts";
import type {SupplementaryAmountReport} from "../../loaders/reports/supplementary-amount.ts";

const site = useSite();
let report: SupplementaryAmountReport;

beforeAll(() => {
  report = builtData<typeof report>("tillaggsbelopp");
});

const y2026 = () => report.years.find((y) => y.year === 2026)!;

describe("Tilläggsbelopp", () => {
  it("shows the 2026 reconciliation to the krona with its method, the years and the distribution that adds up", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/tillaggsbelopp?lan=23");
    const url = new URL(page.url());
    expect(url.searchParams.get("ar")).toBe("2026");
    expect(url.searchParams.get("lasning")).toBe("grans");
    expect(text(await page.locator("main").innerText())).toContain("Demodata");

    // Headline and cards.
    expect(text(await page.locator("#avstamning .headline").innerText())).toBe(
      "Antalet anslutna 2025 var 174, över normalvariationen 129–169; tilläggsbeloppet 2026 revideras med +5 personer × 27 466 kr till 4 092 551 kr (läsning: antal utöver närmaste gräns)."
    );
    const cards = text(await page.locator("#avstamning .cards").innerText());
    for (const t of ["Anslutna 2025 174", "Normalvariation 129–169", "▲ Över", "Revidering +137 330 kr", "Att fördela 2026 4 092 551 kr", "LPIK-faktor 1,058840"]) expect(cards).toContain(t);

    // Step by step, a method beside each figure.
    const steps = new Map((await readTable(page, "#berakning table.steps-table")).body.map((r) => [r[0], r.slice(1)]));
    expect(steps.get("Tilläggsbelopp, 2024 års nivå")).toEqual(["3 735 428 kr", expect.stringContaining("3 tjänster × 1,5 (grundberedskap) × 47 000 kr i månadslön × 12 månader × 1,4718")]);
    expect(steps.get("LPIK-faktor 2024 → 2026")![0]).toBe("1,058840");
    expect(steps.get("LPIK-faktor 2024 → 2026")![1]).toContain("1,028 (2025: 2,8 %, utfall, utgåva 2026-03-20) × 1,03 (2026: 3,0 %, prognos, utgåva 2025-12-15)");
    expect(steps.get("Tilläggsbelopp 2026")![0]).toBe("3 955 221 kr");
    expect(steps.get("Justeringsbelopp 2026")![0]).toBe("27 466 kr");
    expect(steps.get("Personer att justera")).toEqual(["+5", "174 − 169 (närmaste gräns); läsarten är ett antagande."]);
    expect(steps.get("Belopp att fördela 2026")).toEqual(["4 092 551 kr", "3 955 221 kr + 137 330 kr."]);
    // Both readings, side by side.
    const readings = (await readTable(page, "#berakning table:not(.steps-table)")).body;
    expect(readings).toEqual([
      ["antal utöver närmaste gräns (standard)", "+5", "+137 330 kr", "4 092 551 kr"],
      ["skillnad mot baskantalet 144", "+30", "+823 980 kr", "4 779 201 kr"]
    ]);

    // The years: the count chart (one described image, 2025 a triangle labelled 174) and one row per year.
    const countChart = page.locator("#ar svg[role=img]");
    expect(await countChart.count()).toBe(1);
    expect(text((await countChart.textContent()) ?? "")).toContain("Övre gräns 169");
    expect(text((await countChart.textContent()) ?? "")).toContain("174");
    const years = (await readTable(page, "#ar table.years-table")).body;
    expect(years).toHaveLength(7);
    expect(years.at(-1)).toEqual(["2026", "174 (2025)", "129–169", "▲ Över", "+5", "+137 330 kr", "1,058840", "4 092 551 kr"]);
    expect(years[0]).toEqual(["2020 före avtalet", "160 (2019)", "129–169", "● Inom", "0", "0 kr", "1,000000", "3 735 428 kr"]);
    const windows = (await readTable(page, "#ar table:not(.years-table)")).body;
    expect(windows[0].slice(0, 4)).toEqual(["2026–2028", "2025–2027", "2019–2024", "129–169"]);

    // The distribution: a bar per municipality with its amount written, a table whose rows add up to the total.
    const d = y2026().results!["beyond-limit"].distribution!;
    const bars = page.locator("#fordelning svg[role=img]");
    expect(await bars.count()).toBe(1);
    expect(await bars.locator("rect").count()).toBeGreaterThanOrEqual(8);
    const barTexts = (await bars.locator("text").allTextContents()).map(text);
    for (const r of d.rows) {
      expect(barTexts).toContain(r.name);
      expect(barTexts).toContain(kr(r.amountOre));
    }
    expect(barTexts.some((t) => /^1 000 000$/.test(t))).toBe(true); // Swedish axis numbers
    const dist = (await readTable(page, "#fordelning table.dist-table")).body;
    expect(dist).toHaveLength(8);
    const ore = (s: string) => Number(s.replace(/ kr$/, "").replace(/ /g, "")) * 100;
    expect(dist.reduce((s, r) => s + ore(r.at(-1)!), 0)).toBe(409_255_100);
    const foot = (await page.locator("#fordelning table.dist-table tfoot tr").allInnerTexts()).map(text)[0];
    expect(foot).toMatch(/^Summa .* 100,00 % 4 092 551 kr$/);
    expect(dist.find((r) => r[0] === "Östersund")!.at(-1)).toBe("1 701 831 kr");
    expect(text(await page.locator("#fordelning .check").innerText())).toBe("Kontroll: delarna summerar exakt till 4 092 551 kr (hela kronor, största restmetoden).");

    // LPIK: the newest edition of each year, forecasts labelled, the replaced forecast named.
    const index = (await readTable(page, "#index table")).body;
    expect(index[0].slice(0, 5)).toEqual(["2025", "2,8 %", "utfall (Demodata)", "2026-03-20", "prognos 3,2 % (2024-10-01)"]);
    expect(index[1].slice(0, 3)).toEqual(["2026", "3,0 %", "prognos (Demodata)"]);
    expect(text(await page.locator("#metod").innerText())).toContain("Fördelningen för år Å använder befolkningen 31 december och fördelningsfaktorerna för Å − 1");

    expect(await accessibilityViolations(page), "axe-core").toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the reading and the year change the figures and the URL", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/tillaggsbelopp?lan=23");
    await page.locator("#avstamning").waitFor();
    await page.locator(".controls input[type=radio][value=bas]").check();
    await page.waitForFunction(() => document.querySelector("#avstamning .headline")?.textContent?.includes("4\u00a0779\u00a0201"));
    expect(new URL(page.url()).searchParams.get("lasning")).toBe("bas");
    expect(text(await page.locator("#avstamning .headline").innerText())).toContain("+30 personer × 27 466 kr till 4 779 201 kr (läsning: skillnad mot baskantalet 144)");
    const dist = (await readTable(page, "#fordelning table.dist-table")).body;
    expect(dist.reduce((s, r) => s + Number(r.at(-1)!.replace(/ kr$/, "").replace(/ /g, "")), 0)).toBe(4_779_201);

    await page.selectOption("select[name=ar]", "2024");
    await page.waitForFunction(() => document.querySelector("#avstamning h2")?.textContent?.includes("2024"));
    expect(new URL(page.url()).searchParams.get("ar")).toBe("2024");
    expect(text(await page.locator("#avstamning .notice").first().innerText())).toMatch(/^Före avtalet\./);
    expect(text(await page.locator("#avstamning .headline").innerText())).toBe(text(report.years.find((y) => y.year === 2024)!.headlines!["from-base"]));
    // A reload keeps both choices.
    await page.reload({waitUntil: "networkidle"});
    await settled(page);
    expect(await page.locator("select[name=ar]").inputValue()).toBe("2024");
    expect(await page.locator(".controls input[type=radio][value=bas]").isChecked()).toBe(true);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the what-if recomputes the reconciliation and the distribution in the browser when the count or reading changes", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/tillaggsbelopp?lan=23&ar=2026");
    const headline = () => page.locator("#tank-om-resultat .headline").innerText().then(text);
    expect(await headline()).toBe(text(y2026().headlines!["beyond-limit"]));
    await page.locator(".whatif-form input[type=number]").fill("150");
    await page.waitForFunction(() => document.querySelector("#tank-om-resultat .headline")?.textContent?.includes("150"));
    expect(await headline()).toBe("Antalet anslutna 2025 var 150, inom normalvariationen 129–169; tilläggsbeloppet 2026 fördelas utan justering: 3 955 221 kr.");
    expect(new URL(page.url()).searchParams.get("antal")).toBe("150");
    expect(text(await page.locator("#tank-om-resultat").innerText())).toContain("Det är −137 330 kr mot antalet i underlaget");
    const rows = (await readTable(page, "#tank-om-resultat table")).body;
    expect(rows.reduce((s, r) => s + Number(r[1].replace(/ kr$/, "").replace(/ /g, "")), 0)).toBe(3_955_221);

    // Below the band, counted from the base count: 120 − 144 = −24 persons.
    await page.locator(".whatif-form input[type=radio][value=from-base]").check();
    await page.locator(".whatif-form input[type=number]").fill("120");
    await page.waitForFunction(() => document.querySelector("#tank-om-resultat .headline")?.textContent?.includes("120"));
    expect(await headline()).toBe(
      "Antalet anslutna 2025 var 120, under normalvariationen 129–169; tilläggsbeloppet 2026 revideras med −24 personer × 27 466 kr till 3 296 037 kr (läsning: skillnad mot baskantalet 144)."
    );
    // A count that is not a whole number says so and leaves the last result.
    await page.locator(".whatif-form input[type=number]").fill("-3");
    await page.waitForFunction(() => document.querySelector(".whatif-error")?.textContent?.length);
    expect(text(await page.locator(".whatif-error").innerText())).toBe("Antalet ska vara ett helt tal, 0 eller större.");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("downloads the distribution and every year as CSV with the figures shown", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/tillaggsbelopp?lan=23&ar=2026&lasning=grans");
    const dl = await downloadCsv(page, page.locator("button.csv-download", {hasText: "fördelningen"}));
    expect(dl.name).toBe("tillaggsbelopp-23-2026-grans-fordelning.csv");
    const [header, ...rows] = dl.rows;
    expect(header[0]).toBe("Kommun");
    expect(header.at(-1)).toBe("Belopp (kr)");
    // Every row says the amounts rest on assumed weights (not in the agreement).
    expect(header.at(-2)).toBe("Vilar på antagande");
    expect(rows[0].at(-2)).toMatch(/^vikterna 0,5\/0,3\/0,2 och äldre = 80\+ \(antagande/);
    expect(rows).toHaveLength(9);
    expect(rows.at(-1)![0]).toBe("Summa");
    expect(rows.slice(0, 8).reduce((s, r) => s + Number(r.at(-1)), 0)).toBe(4_092_551);
    expect(Number(rows.at(-1)!.at(-1))).toBe(4_092_551);

    const [h2, ...years] = (await downloadCsv(page, page.locator("button.csv-download", {hasText: "alla år"}))).rows;
    expect(h2).toContain("Justeringsbelopp (kr)");
    expect(h2).toEqual(expect.arrayContaining(["Bandets sort", "Läsningens sort"]));
    const last = Object.fromEntries(h2.map((h, i) => [h, years.at(-1)![i]]));
    expect(last).toMatchObject({"Avstämningsår": "2026", "Före avtalet": "nej", "Anslutna": "174", "Läge": "Över", "LPIK-faktor": "1,058840", "Tilläggsbelopp (kr)": "3955221", "Justeringsbelopp (kr)": "27466", "Revidering (kr)": "137330", "Att fördela (kr)": "4092551", "Bandets sort": "avtalat", "Läsningens sort": "antagande"});
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("another county says plainly that the tilläggsbelopp is not its own", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/tillaggsbelopp?lan=24");
    expect(text(await page.locator("#annat-lan .headline").innerText())).toBe(
      "Tilläggsbeloppet gäller Jämtlands län (Region Jämtland Härjedalen) enligt överenskommelsen om tilläggsbelopp 2026–2027. För Västerbottens län finns inget tilläggsbelopp att stämma av."
    );
    expect(await page.locator("select[name=ar]").count()).toBe(0);
    expect(await page.locator("#avstamning").count()).toBe(0);
    // Back to the agreement's county: the reconciliation comes back.
    await page.selectOption("#county-select", "23");
    await page.waitForFunction(() => document.querySelector("#avstamning .headline"));
    expect(await page.locator("#annat-lan").count()).toBe(0);
    expect(await accessibilityViolations(page), "axe-core").toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
