// The national generator's messy files (bench/generate-national.ts --messy: CRLF, BOM, decimal
// commas, Windows-1252, quoted fields with ";" and line breaks) give the same tables as its plain
// files, row for row, with no row lost: correctness on the slow paths, on a small scale, not timed.
import {afterAll, beforeAll, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {ROOT, updateWarehouse} from "../../loaders/warehouse.ts";
import {queryRows} from "../../loaders/ingest/sql.ts";

let root: string;
const previous = process.env.SAMVERKAN_WAREHOUSE;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "samverkan-messy-"));
  process.env.SAMVERKAN_WAREHOUSE = join(root, "warehouse");
  const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  for (const [name, flags] of [["plain", []], ["messy", ["--messy"]]] as const)
    execFileSync(process.execPath, [tsx, "bench/generate-national.ts", join(root, name), ...flags], {cwd: ROOT, env: {...process.env, BENCH_SCALE: "0.001"}, stdio: "ignore"});
});
afterAll(() => {
  if (previous == null) delete process.env.SAMVERKAN_WAREHOUSE;
  else process.env.SAMVERKAN_WAREHOUSE = previous;
  rmSync(root, {recursive: true, force: true});
});

async function tables(path: string): Promise<Record<string, string>> {
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const conn = await instance.connect();
  try {
    const out: Record<string, string> = {};
    for (const {t} of await queryRows<{t: string}>(conn, "SELECT table_name AS t FROM information_schema.tables WHERE table_name NOT IN ('meta', 'development_funds') ORDER BY 1"))
      out[t] = (await queryRows<{h: string}>(conn, `SELECT count(*) || ':' || coalesce(md5(string_agg(CAST(x AS VARCHAR), '|' ORDER BY CAST(x AS VARCHAR))), '') AS h FROM "${t}" x`))[0].h;
    // The project names differ on purpose (quoted, with ";" and a line break): the figures may not.
    out.development_funds = (await queryRows<{h: string}>(conn, "SELECT count(*) || ':' || sum(budget) || ':' || sum(spent) AS h FROM development_funds"))[0].h;
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

it("reads the messy files into the same tables as the plain ones, every row accepted", async () => {
  const plain = await updateWarehouse(join(root, "plain"));
  const messy = await updateWarehouse(join(root, "messy"));
  expect(await tables(messy.path)).toEqual(await tables(plain.path));
  const instance = await DuckDBInstance.create(messy.path, {access_mode: "READ_ONLY"});
  const conn = await instance.connect();
  try {
    const report = JSON.parse((await queryRows<{v: string}>(conn, "SELECT CAST(value AS VARCHAR) AS v FROM meta WHERE key = 'report'"))[0].v);
    expect(report.totals.rejected).toBe(0);
    expect(report.totals.accepted).toBe(report.totals.read);
    // The generator's row counts at this scale (BENCH_SCALE=0.001): 10 000 doses, 2 000 episodes, 5 000 ledger lines, 200 jobs.
    const read = Object.fromEntries(report.files.map((f: {file: string; read: number}) => [f.file, f.read]));
    expect(read).toMatchObject({"vaccinationsdoser.csv": 10_000, "inskrivningar.csv": 2_000, "kostnader-huvudbok.csv": 5_000, "mt-uppdrag.csv": 200, "utvecklingsmedel.csv": 315, "kommuner.csv": 290});
    // The project names kept their ";" and line break.
    expect((await queryRows<{n: string}>(conn, "SELECT count(*) AS n FROM development_funds WHERE project LIKE 'Projekt 1; hemsjukvård' || chr(10) || 'fas \"1\"'"))[0].n).toBe("21");
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}, 180_000);
