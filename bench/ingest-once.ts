/**
 * One measured ingest, in its own process so that its peak memory is its own:
 *   tsx bench/ingest-once.ts validate DIR   – the project's ingest with every rule
 *   tsx bench/ingest-once.ts bare DIR       – DuckDB's plain read_csv of the same files
 *   tsx bench/ingest-once.ts floor DIR      – the floor: bare read_csv (told the encoding and the
 *                                             decimal comma where a file has them) plus the derived
 *                                             tables in plain SQL, no checks
 *   tsx bench/ingest-once.ts floor-unordered DIR – the same with preserve_insertion_order = false
 * Prints {ms, beforeCheckpointMs, cpuMs, maxRssMb, rows}: ms runs until the data is in the database
 * file (a CHECKPOINT), beforeCheckpointMs until the last statement; cpuMs (all threads) is steadier
 * than ms on a shared machine.
 */
import {mkdtemp, readdir, rm} from "node:fs/promises";
import {readFileSync} from "node:fs";
import {isUtf8} from "node:buffer";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {ingestFolder} from "../loaders/ingest/ingest.ts";
import {applyDuckdbSettings} from "../loaders/duckdb-settings.ts";

const [mode, dir] = process.argv.slice(2);
const work = await mkdtemp(join(tmpdir(), "samverkan-bench-"));
const instance = await DuckDBInstance.create(join(work, "bench.duckdb"));
const conn = await instance.connect();
const started = performance.now();
const t0 = started;
const cpuStart = process.cpuUsage();
let rows = 0;
let timings: {validateMs: number; deriveMs: number} | undefined;
if (mode === "bare") {
  // The same limits as the project's ingest (SAMVERKAN_DUCKDB), so that the ratio compares like with like.
  await applyDuckdbSettings(conn, join(work, "spill"));
  for (const f of (await readdir(dir)).filter((f) => f.endsWith(".csv")).sort()) {
    await conn.run(`CREATE TABLE "${f}" AS SELECT * FROM read_csv('${join(dir, f)}')`);
    rows += Number((await conn.runAndReadAll(`SELECT count(*) FROM "${f}"`)).getRows()[0][0]);
  }
} else if (mode === "floor" || mode === "floor-unordered") {
  // The same limits as the project's ingest (SAMVERKAN_DUCKDB), so that the ratio compares like with like.
  await applyDuckdbSettings(conn, join(work, "spill"));
  // floor-unordered: DuckDB told that the order of rows does not matter, its fastest plain write.
  if (mode === "floor-unordered") await conn.run("SET preserve_insertion_order = false");
  for (const f of (await readdir(dir)).filter((f) => f.endsWith(".csv")).sort()) {
    // What a hand-written read would be told after a look at the file: its encoding and decimal mark.
    const head = readFileSync(join(dir, f)).subarray(0, 1 << 16);
    const latin1 = !isUtf8(head.subarray(0, head.lastIndexOf(10) + 1));
    const comma = /;-?\d+,\d+(;|\r?\n)/.test(head.toString("latin1"));
    const opts = `${latin1 ? ", encoding = 'latin-1'" : ""}${comma ? ", decimal_separator = ','" : ""}`;
    await conn.run(`CREATE TABLE "${f}" AS SELECT * FROM read_csv('${join(dir, f)}'${opts})`);
    rows += Number((await conn.runAndReadAll(`SELECT count(*) FROM "${f}"`)).getRows()[0][0]);
  }
  const started = performance.now();
  const tables = await readdir(dir);
  if (tables.includes("inskrivningar.csv"))
    await conn.run(`CREATE TABLE enrolment AS SELECT kommunkod, y, "tjänst", count(DISTINCT person_id) AS n
      FROM (SELECT kommunkod, "tjänst", person_id, unnest(range(year(start), least(year(coalesce(slut, DATE '2025-12-31')), 2025) + 1)) AS y FROM "inskrivningar.csv") GROUP BY ALL`);
  if (tables.includes("kostnader-huvudbok.csv"))
    await conn.run(`CREATE TABLE cost_summary AS SELECT kommunkod, "år", konto, huvudman, sum(belopp_kr) AS amount FROM "kostnader-huvudbok.csv" GROUP BY ALL`);
  if (tables.includes("vaccinationsdoser.csv"))
    await conn.run(`CREATE TABLE dose_summary AS SELECT kommunkod, year(datum) - CASE WHEN month(datum) < 7 THEN 1 ELSE 0 END AS first_year, "målgrupp", vaccin,
      count(DISTINCT person_id) AS vaccinated, count(*) AS doses FROM "vaccinationsdoser.csv" GROUP BY ALL`);
  timings = {validateMs: Math.round(started - t0), deriveMs: Math.round(performance.now() - started)};
} else {
  const report = await ingestFolder(conn, dir, join(work, "tmp"));
  rows = report.totals.read;
  timings = report.timings;
}
// Until the data is in the database file: DuckDB may leave the compression of what a statement
// wrote to the next checkpoint (an ordered write of 10 M rows leaves about 4 s), which the build
// pays when it closes the warehouse. Both the floor and the ingest are timed to the same point.
const beforeCheckpointMs = Math.round(performance.now() - started);
await conn.run("CHECKPOINT");
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
conn.closeSync();
instance.closeSync();
await rm(work, {recursive: true, force: true});
console.log(JSON.stringify({ms: Math.round(ms), beforeCheckpointMs, cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows, ...timings}));
