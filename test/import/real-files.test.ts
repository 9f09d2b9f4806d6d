/**
 * The importers on REAL published files (test/fixtures/real/README.md names each source), and a data
 * folder whose population is real public statistics: `samverkan check` accepts it and the site's
 * comparison report gives the figures the publishers give.
 *
 * Every expected figure below is written by hand from a published source, not from the code's output:
 * - Regionfakta, "Folkmängd 31 december; ålder", Kalix, folkmängd 2023-12-31 (källa SCB):
 *   0-15 år 2 354, 16-24 år 1 324, 25-44 år 3 175, 45-64 år 4 088, 65- år 4 606, totalt 15 547;
 *   Norrbottens län 248 480, Riket 10 551 707.
 * - Newsworthy, "Befolkningen i Kalix minskade under fjärde kvartalet 2024" (SCB:s siffror):
 *   "Därmed har Kalix 15 391 invånare" (2024-12-31).
 * No test touches the network.
 */
import {describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {appendFileSync, mkdtempSync, readFileSync, cpSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {readScbPopulation} from "../../loaders/import/scb.ts";
import {importKolada, importScb} from "../../loaders/cli/commands/import.ts";
import {checkFolder} from "../../loaders/cli/check.ts";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {comparisonReportFrom} from "../../loaders/reports/comparison.ts";
import {DATA} from "../ingest/helpers.ts";
import {DuckDBInstance} from "@duckdb/node-api";
import {columnSql, symbolSql} from "../../loaders/schemas/columns.ts";
import {lit, queryRows} from "../../loaders/ingest/sql.ts";

const REAL = resolve(import.meta.dirname, "..", "fixtures", "real");
const TAB638 = join(REAL, "scb-tab638-befolkning-kalix.csv");
const ROOT = resolve(import.meta.dirname, "..", "..");

// Regionfakta (SCB), Kalix 2023-12-31, by hand.
const KALIX_2023 = {age0to15: 2354, age16to24: 1324, age25to44: 3175, age45to64: 4088, age65plus: 4606, total: 15547};
// Newsworthy (SCB), Kalix 2024-12-31.
const KALIX_2024_TOTAL = 15391;

const band = (rows: {åldersgrupp: string; antal: string}[], b: string) => Number(rows.find((r) => r.åldersgrupp === b)!.antal);

describe("SCB TAB638 as the PxWebApi gives it (real file: Kalix, 2023 and 2024)", () => {
  it("the file is what SCB's API writes: quoted value codes, UTF-8 without BOM, LF, no title or footnotes", () => {
    const bytes = readFileSync(TAB638);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = bytes.toString("utf8");
    expect(text.includes("\r")).toBe(false);
    expect(text.split("\n")[0]).toBe('"Region","Civilstand","Alder","Kon","BE0101N1 2023","BE0101N1 2024"');
    // 4 civilstånd × 101 ages (0 … 100+) × 2 sexes, one region.
    expect(text.trimEnd().split("\n")).toHaveLength(1 + 4 * 101 * 2);
    expect(text).toContain('"2514","ÄNKL","100+","2",3,6\n');
  });

  it("2023: the bands add up to the figures Regionfakta publishes", async () => {
    const read = await readScbPopulation(TAB638, 2023);
    expect(read.year).toBe(2023);
    expect(read.rows.every((r) => r.kommunkod === "2514" && r.år === "2023")).toBe(true);
    // 0-64 = 0-15 + 16-24 + 25-44 + 45-64 = 2 354 + 1 324 + 3 175 + 4 088 = 10 941.
    expect(band(read.rows, "0-64")).toBe(KALIX_2023.age0to15 + KALIX_2023.age16to24 + KALIX_2023.age25to44 + KALIX_2023.age45to64);
    expect(band(read.rows, "0-64")).toBe(10941);
    // 65-79 + 80+ = the published 65- = 4 606; all three = the published total 15 547.
    expect(band(read.rows, "65-79") + band(read.rows, "80+")).toBe(KALIX_2023.age65plus);
    expect(read.rows.reduce((s, r) => s + Number(r.antal), 0)).toBe(KALIX_2023.total);
    expect(read.notes).toEqual([]);
  });

  it("2024: the total is the 15 391 SCB published for 2024-12-31", async () => {
    const read = await readScbPopulation(TAB638, 2024);
    expect(read.rows.reduce((s, r) => s + Number(r.antal), 0)).toBe(KALIX_2024_TOTAL);
  });

  it("two years in the file and no --year: refuses to guess", async () => {
    await expect(readScbPopulation(TAB638)).rejects.toThrow(/flera år \(2023, 2024\)\. Ange vilket med --year/);
  });
});

/**
 * A folder of real public data: kommuner.csv gains Kalix (SCB's codes and names, real), befolkning.csv
 * is exactly what `samverkan import scb` writes from the real TAB638 file (real, 2023). Every other
 * required file is the demo folder's filler (kosts, factors, indices: Demodata, labelled so by
 * parametrar.json), untouched. test/fixtures/real/README.md says which part is which.
 */
function realFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-real-"));
  cpSync(DATA, dir, {recursive: true});
  rmSync(join(dir, "befolkning.csv"));
  appendFileSync(join(dir, "kommuner.csv"), "25;Norrbottens län;Region Norrbotten;2514;Kalix\n");
  return dir;
}

describe("a data folder whose population is real (Kalix 2023 from SCB)", () => {
  it("import scb writes befolkning.csv; `samverkan check` exits 0; the report's 65+ share is Regionfakta's 29,6 %", async () => {
    const dir = realFolder();
    const {written} = await importScb(dir, TAB638, 2023);
    expect(written.map((w) => [w.file, w.added, w.replaced])).toEqual([["befolkning.csv", 3, 0]]);
    expect(readFileSync(join(dir, "befolkning.csv"), "utf8")).toBe("kommunkod;år;åldersgrupp;antal\n2514;2023;0-64;10941\n2514;2023;65-79;3235\n2514;2023;80+;1371\n");

    const report = await checkFolder(dir);
    expect(report.totals.rejected).toBe(0);
    const bef = report.files.find((f) => f.file === "befolkning.csv")!;
    expect([bef.read, bef.accepted, bef.rejected]).toEqual([3, 3, 0]);
    // The command itself, as a user runs it: exit 0.
    const out = execFileSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "check", "--data", dir], {cwd: ROOT, encoding: "utf8"});
    expect(out).toMatch(/avvisade 0\./);

    const wh = await openWarehouse(dir);
    try {
      const r = await comparisonReportFrom(wh);
      expect(r.structureYear).toBe(2023);
      const kalix = r.municipalities.find((m) => m.code === "2514")!;
      expect(kalix.population).toBe(KALIX_2023.total);
      // 4 606 / 15 547 = 0,29626… → 29,6 % (Regionfakta's counts; Kolada's N01813-style rounding to 0,1).
      expect(kalix.share65).toBe(0.296);
      // The demo municipalities have no population in this folder: missing, never 0.
      expect(r.municipalities.find((m) => m.code === "2380")!.population).toBeNull();
    } finally {
      wh.close();
    }
  }, 180_000);
});

describe("published-statistics symbols and numbers as SCB writes them (real cells)", () => {
  // SCB, "Folkmängd i riket, län och kommuner 31 december 2024 och befolkningsförändringar 2024", row
  // Riket, as the stored copy of the page shows it: folkmängd "10 587 710", inflyttade från egna länet
  // "." (cannot occur for the whole country), justeringar "‑928" (minus written as U+2011).
  const RIKET = {population: "10 587 710", fromOwnCounty: ".", adjustments: "\u2011928"};

  it("'.' is a symbol (missing, never 0); '10 587 710' and '‑928' are numbers", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const int = (t: string) => `CAST(${columnSql({type: "integer"}, lit(t)).value} AS VARCHAR)`;
      const dec = (t: string) => `CAST(${columnSql({type: "decimal", scale: 2}, lit(t)).value} AS VARCHAR)`;
      const [row] = await queryRows<Record<string, string | boolean | null>>(
        conn,
        `SELECT ${int(RIKET.population)} AS population, ${int(RIKET.adjustments)} AS adjustments, ${dec(RIKET.adjustments)} AS adjustments_dec,
          ${symbolSql(lit(RIKET.fromOwnCounty))} AS dot_is_symbol, ${int(RIKET.fromOwnCounty)} AS dot_value, ${symbolSql(lit(RIKET.adjustments))} AS minus_is_symbol`
      );
      expect(row).toEqual({population: "10587710", adjustments: "-928", adjustments_dec: "-928.00", dot_is_symbol: true, dot_value: null, minus_is_symbol: false});
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});

describe("Kolada's shape with published values (constructed framing, see test/fixtures/import/README.md)", () => {
  const PUBLISHED = join(resolve(import.meta.dirname, "..", "fixtures", "import"), "kolada-v3-n01951-publicerade-varden.json");

  it("N01951 lands in kolada.csv with its KPI id; Riket and the region kept as references; Kolada and SCB agree on Kalix", async () => {
    const dir = realFolder();
    await importScb(dir, TAB638, 2023);
    const {written, notes} = await importKolada(dir, [PUBLISHED]);
    // Only N01951 is in the file: no population bands from Kolada (65-79 and 80+ missing), said in a note.
    expect(written.map((w) => w.file)).toEqual(["kolada.csv"]);
    expect(notes.join("\n")).toMatch(/2514 2023: N01956, N01957 saknas/);
    const rows = readFileSync(join(dir, "kolada.csv"), "utf8").trim().split("\n").map((l) => l.split(";"));
    expect(rows[0]).toEqual(["nyckeltal", "område", "nivå", "år", "kön", "värde", "status", "antal"]);
    // Regionfakta (SCB), 2023-12-31: Riket 10 551 707, Norrbottens län 248 480, Kalix 15 547; Newsworthy: Kalix 2024 15 391.
    expect(rows).toContainEqual(["N01951", "0000", "riket", "2023", "T", "10551707", "", "1"]);
    expect(rows).toContainEqual(["N01951", "0025", "lan", "2023", "T", "248480", "", "1"]);
    expect(rows).toContainEqual(["N01951", "2514", "kommun", "2023", "T", "15547", "", "1"]);
    expect(rows).toContainEqual(["N01951", "2514", "kommun", "2024", "T", "15391", "", "1"]);
    // The two importers agree: SCB's bands for Kalix 2023 add up to Kolada's total.
    const bef = readFileSync(join(dir, "befolkning.csv"), "utf8").trim().split("\n").slice(1).map((l) => Number(l.split(";")[3]));
    expect(bef.reduce((a, b) => a + b, 0)).toBe(15547);
    const report = await checkFolder(dir);
    expect(report.totals.rejected).toBe(0);
    expect(report.files.find((f) => f.file === "kolada.csv")!.accepted).toBe(8);
  }, 120_000);
});
