// The incremental warehouse (loaders/warehouse.ts): a changed file is read again with what derives
// from it, and nothing else; no change reads nothing; another folder or another code version is
// another warehouse. "Read" is what the ingest records (WarehouseUpdate.tables), not a timing.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {codeVersion, openWarehouse, updateWarehouse, lookAtWarehouse, warehousePath, ROOT} from "../../loaders/warehouse.ts";
import {checkFolder, checkFolderFresh} from "../../loaders/cli/check.ts";
import {derivedToMake, tablesToIngest, DERIVED, SETTINGS} from "../../loaders/ingest/ingest.ts";
import {INPUTS} from "../../loaders/schemas/inputs.ts";
import {queryRows} from "../../loaders/ingest/sql.ts";

let root: string;
let data: string;
const previousWarehouse = process.env.SAMVERKAN_WAREHOUSE;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "samverkan-incr-"));
  data = join(root, "data");
  cpSync(join(ROOT, "data"), data, {recursive: true});
  // A warehouse folder of its own: the test never touches the project's .cache.
  process.env.SAMVERKAN_WAREHOUSE = join(root, "warehouse");
});
afterAll(() => {
  if (previousWarehouse == null) delete process.env.SAMVERKAN_WAREHOUSE;
  else process.env.SAMVERKAN_WAREHOUSE = previousWarehouse;
  rmSync(root, {recursive: true, force: true});
});

async function count(path: string, sql: string): Promise<number> {
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const conn = await instance.connect();
  try {
    return Number((await queryRows<{n: string}>(conn, sql))[0].n);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe("the dependency map", () => {
  it("names every table a derived table is made of, and the tables checked against kommuner.csv", () => {
    const tables = new Set([...INPUTS.map((i) => i.table), SETTINGS]);
    for (const from of Object.values(DERIVED)) for (const t of from) expect(tables.has(t)).toBe(true);
    expect([...derivedToMake(new Set(["ledger"]))]).toEqual(["cost_summary"]);
    expect([...derivedToMake(new Set(["medtech_jobs"]))]).toEqual([]);
    expect([...tablesToIngest(new Set(["medtech_jobs"]))]).toEqual(["medtech_jobs"]);
    // kommuner.csv: every file whose municipality codes are checked against it is read again.
    expect(tablesToIngest(new Set(["municipalities"])).has("vaccination")).toBe(true);
  });
});

describe("the warehouse between builds", () => {
  it("reads everything the first time, nothing when nothing changed, only the changed file and what derives from it after an edit", async () => {
    // No warehouse yet: the build's look says "read" without hashing or reading anything.
    expect(await lookAtWarehouse(data)).toEqual({unchanged: null, stamps: null});
    const first = await updateWarehouse(data);
    expect(first.kind).toBe("fresh");
    expect(first.tables).toContain("medtech_jobs");
    const jobs = await count(first.path, "SELECT count(*) AS n FROM medtech_jobs");

    const again = await updateWarehouse(data);
    expect(again).toMatchObject({kind: "unchanged", tables: [], disclosure: false, path: first.path});
    expect(await lookAtWarehouse(data)).toEqual({unchanged: again, stamps: again.stamps});

    // Touched, same content: the SHA-256 says so, nothing is read.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(data, "mt-uppdrag.csv"), later, later);
    expect(await updateWarehouse(data)).toMatchObject({kind: "unchanged", tables: []});

    // One row appended to mt-uppdrag.csv: only medtech_jobs is read; nothing derives from it.
    appendFileSync(join(data, "mt-uppdrag.csv"), "2380;2025-12-17;2,00;100,00;0,00\n");
    // The build looks first, then hands the fingerprints it took to the update (no file hashed twice).
    const look = await lookAtWarehouse(data);
    expect(look.unchanged).toBeNull();
    expect(look.stamps!.medtech_jobs.sha256).not.toBe(again.stamps.medtech_jobs.sha256);
    const appended = await updateWarehouse(data, look.stamps);
    expect(appended).toMatchObject({kind: "incremental", tables: ["medtech_jobs"], disclosure: false, changed: ["medtech_jobs"]});
    expect(await count(appended.path, "SELECT count(*) AS n FROM medtech_jobs")).toBe(jobs + 1);
    expect(await count(appended.path, "SELECT count(*) AS n FROM medtech_jobs WHERE date = DATE '2025-12-17' AND municipality_code = '2380'")).toBe(1);
    // The report has the new row too.
    const wh = await openWarehouse(data);
    try {
      expect(wh.report.files.find((f) => f.table === "medtech_jobs")!.read).toBe(jobs + 1);
    } finally {
      wh.close();
    }

    // vaccination.csv: its table and the disclosure pass over it, nothing else.
    const vacc = readFileSync(join(data, "vaccination.csv"), "utf8");
    writeFileSync(join(data, "vaccination.csv"), vacc.replace(/\r?\n$/, "") + "\n");
    appendFileSync(join(data, "vaccination.csv"), "\n");
    const vaccination = await updateWarehouse(data);
    expect(vaccination.tables).toEqual(["vaccination"]);
    expect(vaccination.disclosure).toBe(true);

    // inskrivningar.csv: the episodes, the enrolment made from them, and the disclosure pass.
    appendFileSync(join(data, "inskrivningar.csv"), "");
    const episodes = readFileSync(join(data, "inskrivningar.csv"), "utf8").split(/\r?\n/).filter(Boolean);
    writeFileSync(join(data, "inskrivningar.csv"), episodes.join("\n") + "\n" + episodes[episodes.length - 1] + "\n");
    const enrol = await updateWarehouse(data);
    expect(enrol.tables).toEqual(["enrolment_episodes", "enrolment"]);
    expect(enrol.disclosure).toBe(true);

    // After these edits the warehouse holds what a fresh ingest of the same files holds, table by table.
    const copy = join(root, "copy");
    cpSync(data, copy, {recursive: true});
    const fresh = await updateWarehouse(copy);
    expect(fresh.kind).toBe("fresh");
    const tables = async (path: string) => {
      const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
      const conn = await instance.connect();
      try {
        const names = (await queryRows<{t: string}>(conn, "SELECT table_name AS t FROM information_schema.tables WHERE table_name <> 'meta' ORDER BY 1")).map((r) => r.t);
        const out: Record<string, string> = {};
        for (const t of names)
          out[t] = (await queryRows<{h: string}>(conn, `SELECT count(*) || ':' || coalesce(md5(string_agg(CAST(x AS VARCHAR), '|' ORDER BY CAST(x AS VARCHAR))), '') AS h FROM "${t}" x`))[0].h;
        return out;
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    };
    expect(await tables(enrol.path)).toEqual(await tables(fresh.path));
  }, 120_000);

  it("is another warehouse for another folder, or when the ingest code changes", async () => {
    const here = await warehousePath(data);
    const other = join(root, "other");
    cpSync(data, other, {recursive: true});
    expect(await warehousePath(other)).not.toBe(here);
    // The code version is part of the name: a change to a file of the ingest (here in a copy of
    // loaders/) gives another version, so another warehouse.
    const copy = join(root, "project");
    cpSync(join(ROOT, "loaders"), join(copy, "loaders"), {recursive: true});
    const before = await codeVersion(copy);
    expect(before).toBe(await codeVersion(ROOT));
    appendFileSync(join(copy, "loaders", "ingest", "messages.ts"), "\n// another version\n");
    expect(await codeVersion(copy)).not.toBe(before);
    expect(await warehousePath(data)).toBe(here);
  });

  it("check reads the warehouse when it is there, re-reads a changed file, and says the same as a fresh ingest", async () => {
    await updateWarehouse(data);
    // A row that breaks two rules, in a file read again by check only.
    appendFileSync(join(data, "mt-uppdrag.csv"), "9999;2025-13-01;x;100,00;0,00\n");
    const fromWarehouse = await checkFolder(data);
    const fresh = await checkFolderFresh(data);
    const strip = (r: typeof fresh) => ({...r, timings: null});
    expect(strip(fromWarehouse)).toEqual(strip(fresh));
    expect(fromWarehouse.totals.rejected).toBeGreaterThan(0);
    expect(fromWarehouse.issues.some((i) => i.file === "mt-uppdrag.csv" && i.rule === "okand_kommun")).toBe(true);
    // The check brought the warehouse up to date: the build after it reads nothing.
    expect((await updateWarehouse(data)).kind).toBe("unchanged");
  }, 120_000);

  it("keeps the last good warehouse when an update stops half-way", async () => {
    const good = await updateWarehouse(data);
    const before = statSync(good.path).mtimeMs;
    const kommuner = readFileSync(join(data, "kommuner.csv"), "utf8");
    try {
      // A structurally unusable kommuner.csv stops the ingest after the copy was opened.
      writeFileSync(join(data, "kommuner.csv"), "fel;rubrik\n1;2\n");
      await expect(updateWarehouse(data)).rejects.toThrow(/kommuner\.csv/);
      expect(statSync(good.path).mtimeMs).toBe(before);
      expect(readdirSync(dirname(good.path)).filter((f) => f.includes(".tmp"))).toEqual([]);
    } finally {
      writeFileSync(join(data, "kommuner.csv"), kommuner);
    }
    // The same content as before: nothing to read.
    expect((await updateWarehouse(data)).kind).toBe("unchanged");
  }, 120_000);
});
