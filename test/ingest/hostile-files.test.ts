// Hostile files that are not one broken file in its place (those are in test/fixtures/bad/): a folder
// where a file is expected, a file name in upper case, a misspelled optional file, parameters that
// contradict themselves or the data. Each gives a Swedish sentence naming the file (exit 1 from
// `samverkan check`), never a stack trace, and nothing is ignored silently.
import {describe, expect, it, vi} from "vitest";
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {checkFolder, renderReport, runCheck} from "../../loaders/cli/check.ts";
import {dataFolder} from "./helpers.ts";

/** Runs `samverkan check` on the folder: exit code and what it wrote. */
async function check(dir: string): Promise<{code: number; out: string; err: string}> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await runCheck(dir, false);
    return {code, out, err};
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("hostile data folders", () => {
  it("a folder where a data file is expected: the file named, no stack trace", async () => {
    const dir = dataFolder();
    rmSync(join(dir, "vaccination.csv"));
    mkdirSync(join(dir, "vaccination.csv"));
    await expect(checkFolder(dir)).rejects.toThrow("vaccination.csv: vaccination.csv i datamappen");
    const {code, err} = await check(dir);
    expect(code).toBe(1);
    expect(err).toContain("är en mapp, inte en fil");
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("a required data file in a folder of its name is reported the same way", async () => {
    const dir = dataFolder();
    rmSync(join(dir, "kommuner.csv"));
    mkdirSync(join(dir, "kommuner.csv"));
    await expect(checkFolder(dir)).rejects.toThrow("kommuner.csv i datamappen");
  });

  it("VACCINATION.CSV is read as vaccination.csv, and the report says so", async () => {
    const dir = dataFolder();
    const rows = readFileSync(join(dir, "vaccination.csv"), "utf8").trim().split("\n").length - 1;
    renameSync(join(dir, "vaccination.csv"), join(dir, "VACCINATION.CSV"));
    const report = await checkFolder(dir);
    const f = report.files.find((x) => x.file === "vaccination.csv")!;
    expect(f.present).toBe(true);
    expect(f.read).toBe(rows);
    expect(f.warnings).toContain("Filen heter VACCINATION.CSV i datamappen och läses som vaccination.csv.");
    expect(report.unusedFiles).toEqual([]);
  });

  it("a misspelled optional file is named with the file it was meant to be, and check exits 1", async () => {
    const dir = dataFolder();
    renameSync(join(dir, "vaccination.csv"), join(dir, "vacination.csv"));
    writeFileSync(join(dir, "anteckningar.txt"), "inte data\n");
    const report = await checkFolder(dir);
    expect(report.files.find((x) => x.file === "vaccination.csv")!.present).toBe(false);
    expect(report.unusedFiles).toEqual([
      {name: "anteckningar.txt", meant: null},
      {name: "vacination.csv", meant: "vaccination.csv"}
    ]);
    expect(renderReport(report)).toContain("OBS vacination.csv läses inte: ingen indatafil heter så. Menade du vaccination.csv? Byt namn på filen.");
    expect(renderReport(report)).toContain("OBS anteckningar.txt läses inte");
    expect((await check(dir)).code).toBe(1);
  });

  it("the demo folder itself has no unused files and passes", async () => {
    const {code, out} = await check(dataFolder());
    expect(out).not.toContain("läses inte");
    expect(code).toBe(0);
  });

  const withParameters = (edit: (p: any) => void) => {
    const dir = dataFolder();
    const p = JSON.parse(readFileSync(join(dir, "parametrar.json"), "utf8"));
    edit(p);
    writeFileSync(join(dir, "parametrar.json"), JSON.stringify(p, null, 2));
    return dir;
  };

  it("parameters whose years run backwards", async () => {
    const dir = withParameters((p) => ((p.years.from = 2025), (p.years.to = 2013)));
    await expect(checkFolder(dir)).rejects.toThrow('parametrar.json: fältet "years.to" är före years.from: åren går baklänges');
    expect((await check(dir)).code).toBe(1);
  });

  it("an agreement whose county is not in the data", async () => {
    const dir = dataFolder();
    const file = join(dir, "avtal", "23-2026.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"countyCode": "23"', '"countyCode": "99"'));
    rmSync(join(dir, "avtal", "24-2013.json"));
    const message = await checkFolder(dir).then(() => "", (e: Error) => e.message);
    expect(message).toMatch(/99/);
    const {code, err} = await check(dir);
    expect(code).toBe(1);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

it("a suppressed count (.., x) is accepted and kept as a symbol; the models see no row for it, never 0", async () => {
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const {ingestFolder} = await import("../../loaders/ingest/ingest.ts");
  const dir = dataFolder({"vaccination.csv": readFileSync(join(import.meta.dirname, "..", "fixtures", "bad", "43-suppressed-count-in-vaccination", "vaccination.csv"))});
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  await ingestFolder(conn, dir, join(dir, ".work"));
  const rows = (await conn.runAndReadAll("SELECT line, municipality_code, target_group, vaccinated FROM vaccination ORDER BY line")).getRows().map((r) => [Number(r[0]), r[1], r[2], Number(r[3])]);
  expect(rows).toEqual([[2, "2303", "sabo", 98], [5, "2305", "hemsjukvard", 136]]);
  const kept = (await conn.runAndReadAll("SELECT line, header, symbol FROM value_symbols WHERE table_name = 'vaccination' ORDER BY line, header")).getRows();
  expect(kept).toEqual([[3n, "målgrupp_antal", ".."], [3n, "vaccinerade", ".."], [4n, "vaccinerade", "x"]]);
  conn.closeSync();
  instance.closeSync();
});
