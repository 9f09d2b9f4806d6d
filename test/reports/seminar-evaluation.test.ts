// The seminar report's annual evaluation: a section per principle of the agreement (the four named in
// the agreement, the indicators an assumption), MT's fixed and variable parts per municipality, the
// hourly rates as agreed (640 kr and 338 kr per started hour, 1 123 kr/h, 2025), the development funds'
// 50/50 follow-up, and the calendar of the coming year (notice by 2026-12-31).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {seminarReports, type SeminarReport} from "../../loaders/reports/seminar.ts";
import {dataFolder, DATA} from "../ingest/helpers.ts";

async function reports(dir: string, year = 2025): Promise<SeminarReport[]> {
  const wh = await openWarehouse(dir);
  try {
    return await seminarReports(wh, [year]);
  } finally {
    wh.close();
  }
}
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const section = (r: SeminarReport, id: string) => r.sections.find((s) => s.id === id)!;
/** "1 234 567 kr" or "1 234 567,89 kr" → öre. */
const ore = (text: string) => Math.round(Number(plain(text).replace(/ kr$/, "").replace(/ /g, "").replace(",", ".")) * 100);

describe("the annual evaluation in the seminar report", async () => {
  const all = await reports(dataFolder());
  const jamtland = all.find((r) => r.countyCode === "23")!;
  const vasterbotten = all.find((r) => r.countyCode === "24")!;

  it("opens with the agreement's four principles, one section each, the indicators labelled an assumption", () => {
    const principles = jamtland.sections.slice(0, 4);
    expect(principles.map((s) => s.title)).toEqual([
      "Princip 1: Personcentrering med patientsäkerhet i fokus",
      "Princip 2: God samhällsekonomi",
      "Princip 3: Organisationer som kompletterar varandra",
      "Princip 4: Gemensam utveckling för en långsiktigt hållbar hälso- och sjukvård"
    ]);
    for (const p of principles) {
      expect(p.method).toContain('avsnitt "Syfte och principer" (avtalat)');
      expect(p.method).toContain("är ett antagande (Analytiker, Samverkan i siffror)");
      expect(p.headline).toContain("antagande");
      // 2025 is before the agreement (from 2026): the report says it is the starting point.
      expect(p.headline).toContain("2025 är före överenskommelsens första år (2026) och redovisas som utgångsläge.");
    }
    // Each indicator row carries its section's own headline.
    const economy = principles[1];
    expect(economy.table.rows.map((r) => r[0])).toEqual(["Kostnader för hälso- och sjukvård i hemmet", "Tilläggsbeloppet 2026", "Skatteväxlingens uppföljning"]);
    expect(economy.table.rows[0][1]).toBe(section(jamtland, "kostnader").headline);
    expect(economy.table.rows[2][1]).toContain("Inget avsnitt 2025");
    // A county whose agreement states no principles gets none.
    expect(vasterbotten.sections.some((s) => s.id.startsWith("princip-"))).toBe(false);
  });

  it("MT: the fixed part of 2025H2 is (40 h + 12 min × 923) × 1 123 kr / 2 = 126 112,9 → 126 113 kr; the rows add up", () => {
    const mt = section(jamtland, "medicinteknik");
    const hours = 40 + (12 * 923) / 60; // 224,6 h
    expect(Math.round((hours * 1123) / 2)).toBe(126_113);
    const county = mt.table.rows.at(-1)!;
    expect(county[0]).toBe("Jämtlands län (summa)");
    expect(plain(county[2])).toBe("126 113,00 kr");
    const body = mt.table.rows.slice(0, -1);
    expect(body).toHaveLength(8);
    for (const col of [1, 2, 3, 4]) expect(body.reduce((s, r) => s + ore(r[col]), 0)).toBe(ore(county[col]));
    for (const r of [...body, county]) expect(ore(r[1]) + ore(r[2]) + ore(r[3])).toBe(ore(r[4]));
    expect(plain(mt.headline)).toMatch(/^Kommunerna i Jämtlands län betalade regionen [\d ]+ kr för medicinteknisk support 2025: fast del [\d ]+ kr \(halvårsvis i förskott/);
    expect(vasterbotten.sections.some((s) => s.id === "medicinteknik")).toBe(false);
  });

  it("the hourly rates as agreed for 2025: 640 kr and 338 kr per started hour, 1 123 kr per hour; 2026 computed by the index", () => {
    const rates = section(jamtland, "ersattningar");
    const rows = rates.table.rows.map((r) => r.map(plain));
    expect(rates.table.columns).toEqual(["Timpris", "Avtalat belopp", "Index", "2025", "2026"]);
    expect(rows).toContainEqual(expect.arrayContaining(["Inhyrd personal (per påbörjad timme)", "640 kr (2025)", "VPI", "640 kr (avtalat)"]));
    expect(rows).toContainEqual(expect.arrayContaining(["Syn- och hörselombud (per påbörjad timme)", "338 kr (2025)", "OPI", "338 kr (avtalat)"]));
    expect(rows).toContainEqual(expect.arrayContaining(["Medicinteknisk support (per timme)", "1 123 kr (2025)", "VPI", "1 123 kr (avtalat)"]));
    expect(rows.every((r) => r[4] === "–" || r[4].endsWith("(beräknat)") || r[4].endsWith("(beräknat, prognos)"))).toBe(true);
    expect(plain(rates.headline)).toContain("inhyrd personal 640 kr per påbörjad timme, syn- och hörselombud 338 kr per påbörjad timme");
  });

  it("the calendar of the coming year: notice by 2026-12-31 (computed), the reconciliation in the first quarter, assumed days counted", () => {
    const cal = section(jamtland, "kalender");
    expect(cal.title).toBe("Kalender för 2026");
    expect(cal.table.rows).toContainEqual(["2026-12-31", "Sista dag att säga upp överenskommelsen", "beräknat", "Giltighetstid och uppsägning"]);
    expect(cal.table.rows).toContainEqual(["2026-01-01 – 2026-03-31", "Avstämning av tilläggsbelopp 2026", "beräknat", "Avstämning"]);
    expect(cal.table.rows).toContainEqual(["2026-01-01, 2026-07-01", "Medicinteknik: fast del faktureras i förskott", "antagande", "Medicinteknik, fast del"]);
    expect(cal.headline).toContain("sista dag att säga upp överenskommelsen är 2026-12-31");
    expect(cal.headline).toMatch(/\d+ av datumen är antaganden/);
  });

  it("the development funds: both projects of 2025 split 50/50 as agreed", () => {
    const funds = section(jamtland, "utvecklingsmedel");
    expect(funds.headline).toContain("Båda projekten finansieras 50/50 (region/kommuner) enligt överenskommelsen.");
    expect(funds.table.rows.slice(0, -1).every((r) => r.at(-1) === "50/50")).toBe(true);
    expect(funds.method).toContain('Överenskommelsen säger 50/50');
  });
});

describe("the development funds' 50/50 follow-up on data that breaks it", () => {
  it("a project split 70/30 is named in the sentence and marked in the table", async () => {
    const csv = readFileSync(join(DATA, "utvecklingsmedel.csv"), "utf8").replace(/^(23;Trygg hemgång;2025;[^;]+;[^;]+);50;50/m, "$1;70;30");
    expect(csv).toContain("23;Trygg hemgång;2025;");
    expect(csv).toMatch(/Trygg hemgång;2025;[^\n]*;70;30/);
    const r = (await reports(dataFolder({"utvecklingsmedel.csv": csv}))).find((x) => x.countyCode === "23")!;
    const funds = section(r, "utvecklingsmedel");
    expect(funds.headline).toContain("Trygg hemgång (70/30) finansieras inte 50/50 som överenskommelsen säger.");
    const row = funds.table.rows.find((x) => x[0] === "Trygg hemgång")!;
    expect(row.at(-1)).toBe("70/30 (avviker från 50/50)");
    // The parts still add up to what was spent: 70 % to the region, rounded to whole kronor.
    expect(ore(row[3]) + ore(row[4])).toBe(ore(row[2]));
  });
});
