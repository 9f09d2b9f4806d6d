/**
 * One measured ingest, in its own process so that its peak memory is its own:
 *   tsx bench/ingest-once.ts validate DIR   – the project's ingest with every rule
 *   tsx bench/ingest-once.ts bare DIR       – DuckDB's plain read_csv of the same files
 * Prints {ms, cpuMs, maxRssMb, rows}: cpuMs (all threads) is steadier than ms on a shared machine.
 */
import {mkdtemp, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {ingestFolder} from "../loaders/ingest/ingest.ts";

const [mode, dir] = process.argv.slice(2);
const work = await mkdtemp(join(tmpdir(), "samverkan-bench-"));
const instance = await DuckDBInstance.create(join(work, "bench.duckdb"));
const conn = await instance.connect();
const started = performance.now();
const cpuStart = process.cpuUsage();
let rows = 0;
let timings: {validateMs: number; deriveMs: number} | undefined;
if (mode === "bare") {
  await conn.run(`SET memory_limit = '${process.env.SAMVERKAN_MEMORY_LIMIT ?? "1200MB"}'`);
  for (const f of (await readdir(dir)).filter((f) => f.endsWith(".csv")).sort()) {
    await conn.run(`CREATE TABLE "${f}" AS SELECT * FROM read_csv('${join(dir, f)}')`);
    rows += Number((await conn.runAndReadAll(`SELECT count(*) FROM "${f}"`)).getRows()[0][0]);
  }
} else {
  const report = await ingestFolder(conn, dir, join(work, "tmp"));
  rows = report.totals.read;
  timings = report.timings;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
conn.closeSync();
instance.closeSync();
await rm(work, {recursive: true, force: true});
console.log(JSON.stringify({ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows, ...timings}));
