/**
 * `samverkan import kolada|scb`: saved Kolada responses (v3 paged, v2's shape) and a Statistikdatabasen
 * CSV export into a data folder, then `samverkan check` on that folder. The fixtures are constructed in
 * the published formats (test/fixtures/import/README.md); every expected figure below is added up by
 * hand from them. No test touches the network.
 */
import {describe, expect, it} from "vitest";
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {readKoladaFiles, populationRows, fetchKolada, plainNumber} from "../../loaders/import/kolada.ts";
import {readScbPopulation, parseAge} from "../../loaders/import/scb.ts";
import {importKolada, importScb} from "../../loaders/cli/commands/import.ts";
import {ImportError} from "../../loaders/import/errors.ts";
import {checkFolder} from "../../loaders/cli/check.ts";
import {DATA} from "../ingest/helpers.ts";

const FIX = resolve(import.meta.dirname, "..", "fixtures", "import");
const f = (name: string) => join(FIX, name);
const PAGES = [f("kolada-v3-page1.json"), f("kolada-v3-page2.json")];
const copyOfDemo = () => {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-import-"));
  cpSync(DATA, dir, {recursive: true});
  return dir;
};
const csvRows = (path: string) => readFileSync(path, "utf8").trim().split("\n").map((l) => l.split(";"));

describe("Kolada responses", () => {
  it("reads both pages of a v3 download: every gender, null kept with its status, region and Riket as references", async () => {
    const read = await readKoladaFiles(PAGES);
    // Page 1: 2380 N01951 T/K/M (3) + N01956 + N01957 + 2303 N01951 + N01956 = 7; page 2: 5.
    expect(read.values).toHaveLength(12);
    expect(read.pagesMissing).toBe(false);
    const ragunda80 = read.values.find((v) => v.kpi === "N01957" && v.area === "2303")!;
    expect(ragunda80.value).toBeNull();
    expect(ragunda80.status).toBe("Missing");
    expect(read.values.filter((v) => v.level === "lan").map((v) => v.area)).toEqual(["0023", "0023"]);
    expect(read.values.filter((v) => v.level === "riket").map((v) => v.value)).toEqual(["10500000", "600000"]);
    expect(read.values.filter((v) => v.area === "2380" && v.kpi === "N01951").map((v) => `${v.gender}=${v.value}`)).toEqual(["K=32100", "M=31900", "T=64000"]);
  });

  it("population bands: 0-64 = total − 65-79 − 80+; a year with a null gives no rows and a note", async () => {
    const {rows, notes} = populationRows((await readKoladaFiles(PAGES)).values);
    // Östersund 2023: 64 000 − 9 000 − 3 500 = 51 500.
    expect(rows).toEqual([
      {kommunkod: "2380", år: "2023", åldersgrupp: "0-64", antal: "51500"},
      {kommunkod: "2380", år: "2023", åldersgrupp: "65-79", antal: "9000"},
      {kommunkod: "2380", år: "2023", åldersgrupp: "80+", antal: "3500"}
    ]);
    expect(notes.join("\n")).toMatch(/2303 2023: N01957 saknas eller är tomt/);
  });

  it("one page alone: says the last page is missing", async () => {
    const read = await readKoladaFiles([PAGES[0]]);
    expect(read.pagesMissing).toBe(true);
    expect(read.notes.join("\n")).toMatch(/sista sidan saknas/);
  });

  it("v2's shape (next_page) reads the same; decimals as published", async () => {
    const read = await readKoladaFiles([f("kolada-v2.json")]);
    expect(read.values.map((v) => [v.kpi, v.area, v.level, v.value])).toEqual([
      ["N00901", "0000", "riket", "20.74"],
      ["N00901", "2380", "kommun", "22.54"]
    ]);
    expect(plainNumber(1e-7)).toBe("0.0000001");
    expect(plainNumber(1.5e21)).toBe("1500000000000000000000");
  });

  it("a file that is not a Kolada response stops with a Swedish sentence", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samverkan-kolada-"));
    writeFileSync(join(dir, "x.json"), JSON.stringify({data: []}));
    await expect(readKoladaFiles([join(dir, "x.json")])).rejects.toThrow(/x\.json: filen har ingen lista "values"/);
    writeFileSync(join(dir, "y.json"), "{");
    await expect(readKoladaFiles([join(dir, "y.json")])).rejects.toThrow(/inte giltig JSON/);
  });

  it("--fetch follows next_url page by page (offline: the saved pages stand for the API)", async () => {
    const asked: string[] = [];
    const pages = await fetchKolada(["N01951"], [2023], async (url) => {
      asked.push(url);
      return readFileSync(asked.length === 1 ? PAGES[0] : PAGES[1], "utf8");
    });
    expect(asked).toEqual([
      "https://api.kolada.se/v3/data/kpi/N01951/year/2023?per_page=5000",
      "https://api.kolada.se/v3/data/kpi/N01951,N01956,N01957/year/2023?page=2&per_page=5"
    ]);
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    await expect(fetchKolada(["befolkning"], [2023], async () => "{}")).rejects.toThrow(ImportError);
  });

  it("writes befolkning.csv and kolada.csv into a folder that `check` then accepts", async () => {
    const dir = copyOfDemo();
    const before = csvRows(join(dir, "befolkning.csv"));
    const {written} = await importKolada(dir, PAGES);
    expect(written.map((w) => [w.file, w.added, w.replaced])).toEqual([
      ["befolkning.csv", 0, 3], // the demo folder has Östersund 2023 already: replaced in place
      ["kolada.csv", 12, 0]
    ]);
    const after = csvRows(join(dir, "befolkning.csv"));
    expect(after).toHaveLength(before.length);
    expect(after.filter((r) => r[0] === "2380" && r[1] === "2023")).toEqual([
      ["2380", "2023", "0-64", "51500"],
      ["2380", "2023", "65-79", "9000"],
      ["2380", "2023", "80+", "3500"]
    ]);
    const kolada = csvRows(join(dir, "kolada.csv"));
    expect(kolada[0]).toEqual(["nyckeltal", "område", "nivå", "år", "kön", "värde", "status", "antal"]);
    expect(kolada).toContainEqual(["N01957", "2303", "kommun", "2023", "T", "", "Missing", "1"]);
    // Again: same keys, nothing added.
    expect((await importKolada(dir, PAGES)).written.map((w) => w.added)).toEqual([0, 0]);
    const report = await checkFolder(dir);
    const k = report.files.find((x) => x.file === "kolada.csv")!;
    expect([k.read, k.accepted, k.rejected]).toEqual([12, 12, 0]);
    expect(report.files.find((x) => x.file === "befolkning.csv")!.rejected).toBe(0);
  }, 120_000);
});

describe("SCB Statistikdatabasen export", () => {
  it("ages as SCB writes them", () => {
    expect(parseAge("0 år")).toEqual({from: 0, to: 0});
    expect(parseAge("65-69 år")).toEqual({from: 65, to: 69});
    expect(parseAge("100+ år")).toEqual({from: 100, to: Infinity});
    expect(parseAge("totalt ålder")).toBe("total");
  });

  it("BOM, CRLF, title, '2380 Östersund', sex and year in the headers, footnotes: bands summed by hand", async () => {
    const read = await readScbPopulation(f("scb-befolkning-2023.csv"));
    expect(read.year).toBe(2023);
    // Östersund: 100 men + 110 women = 210 in each five-year group. 0-64: 13 groups = 2 730;
    // 65-79: 3 groups = 630; 80+: 80-84 … 95-99 and 100+ = 5 groups = 1 050.
    // Ragunda: 10 + 11 = 21 per group: 0-64 = 273, 65-79 = 63; 80+ has ".." (women 85-89): no row.
    expect(read.rows).toEqual([
      {kommunkod: "2303", år: "2023", åldersgrupp: "0-64", antal: "273"},
      {kommunkod: "2303", år: "2023", åldersgrupp: "65-79", antal: "63"},
      {kommunkod: "2380", år: "2023", åldersgrupp: "0-64", antal: "2730"},
      {kommunkod: "2380", år: "2023", åldersgrupp: "65-79", antal: "630"},
      {kommunkod: "2380", år: "2023", åldersgrupp: "80+", antal: "1050"}
    ]);
    expect(read.names.get("2380")).toBe("Östersund");
    const notes = read.notes.join("\n");
    expect(notes).toMatch(/2 rader under tabellen \(fotnoter\)/);
    expect(notes).toMatch(/2303 Ragunda 2023 80\+: ett värde saknas/);
    expect(notes).toMatch(/1 rader för län eller riket/);
  });

  it("a file that names no year: refuses without --year, reads with it", async () => {
    await expect(readScbPopulation(f("scb-befolkning-utan-ar.csv"))).rejects.toThrow(/säger inte vilket år.*--year ÅÅÅÅ.*gissar inte/);
    const read = await readScbPopulation(f("scb-befolkning-utan-ar.csv"), 2024);
    expect(read.rows.filter((r) => r.kommunkod === "2380").map((r) => [r.år, r.åldersgrupp, r.antal])).toEqual([
      ["2024", "0-64", "2730"],
      ["2024", "65-79", "630"],
      ["2024", "80+", "1050"]
    ]);
    // --year must agree with a year the file names.
    await expect(readScbPopulation(f("scb-befolkning-2023.csv"), 2022)).rejects.toThrow(/har år 2023, inte 2022/);
  });

  it("an age band across 65 or 80, or a gap in the ages, stops the import", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samverkan-scb-"));
    writeFileSync(join(dir, "a.csv"), '"region","ålder","2023"\r\n"2380 Östersund","0-59 år",1\r\n"2380 Östersund","60-69 år",1\r\n"2380 Östersund","70+ år",1\r\n');
    await expect(readScbPopulation(join(dir, "a.csv"))).rejects.toThrow(/60-69 år.*går över gränserna/);
    writeFileSync(join(dir, "b.csv"), '"region","ålder","2023"\r\n"2380 Östersund","0-59 år",1\r\n"2380 Östersund","65-79 år",1\r\n"2380 Östersund","80+ år",1\r\n');
    await expect(readScbPopulation(join(dir, "b.csv"))).rejects.toThrow(/hoppar från 60 till 65 år/);
  });

  it("writes befolkning.csv rows that `check` accepts", async () => {
    const dir = copyOfDemo();
    const {written} = await importScb(dir, f("scb-befolkning-utan-ar.csv"), 2024);
    expect(written[0].file).toBe("befolkning.csv");
    expect(written[0].added + written[0].replaced).toBe(5); // Ragunda 80+ has ".." in the file: 2 × 3 − 1
    const report = await checkFolder(dir);
    expect(report.files.find((x) => x.file === "befolkning.csv")!.rejected).toBe(0);
  }, 120_000);
});
