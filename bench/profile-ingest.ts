/**
 * Where the ingest's time goes: every SQL statement of one ingest with its milliseconds (slowest first).
 *   tsx bench/profile-ingest.ts DIR
 */
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {appendFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBConnection, DuckDBInstance} from "@duckdb/node-api";
import {ingestFolder} from "../loaders/ingest/ingest.ts";

const [dir] = process.argv.slice(2);
const work = await mkdtemp(join(tmpdir(), "samverkan-profile-"));
// PROFILE_KEEP=file.duckdb keeps the warehouse for experiments.
const instance = await DuckDBInstance.create(process.env.PROFILE_KEEP ?? join(work, "bench.duckdb"));
const conn = await instance.connect();
// CPU time (all threads of this process) is steadier than wall time on a shared machine.
const spent: {ms: number; cpuMs: number; sql: string}[] = [];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let depth = 0; // runAndReadAll calls run: count the outer call only
for (const name of ["run", "runAndReadAll"] as const) {
  const original = DuckDBConnection.prototype[name] as (...args: unknown[]) => Promise<unknown>;
  (DuckDBConnection.prototype as unknown as Record<string, unknown>)[name] = async function (this: DuckDBConnection, ...args: unknown[]) {
    if (depth > 0) return original.apply(this, args);
    const t = performance.now();
    const c = cpuMs();
    depth++;
    try {
      return await original.apply(this, args);
    } finally {
      depth--;
      spent.push({ms: performance.now() - t, cpuMs: cpuMs() - c, sql: String(args[0]).replace(/\s+/g, " ").slice(0, 140)});
      if (process.env.PROFILE_SQL_LOG) appendFileSync(process.env.PROFILE_SQL_LOG, String(args[0]) + ";\n");
    }
  };
}
const t = performance.now();
const c0 = cpuMs();
const report = await ingestFolder(conn, dir, join(work, "tmp"));
const total = performance.now() - t;
const totalCpu = cpuMs() - c0;
conn.closeSync();
instance.closeSync();
await rm(work, {recursive: true, force: true});
const sqlMs = spent.reduce((s, x) => s + x.ms, 0);
const sqlCpu = spent.reduce((s, x) => s + x.cpuMs, 0);
const pad = (x: number) => Math.round(x).toString().padStart(6);
for (const s of [...spent].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 25)) console.log(`${pad(s.ms)} ms ${pad(s.cpuMs)} ms cpu  ${s.sql}`);
console.log(JSON.stringify({totalMs: Math.round(total), totalCpuMs: Math.round(totalCpu), sqlMs: Math.round(sqlMs), sqlCpuMs: Math.round(sqlCpu), outsideSqlMs: Math.round(total - sqlMs), ...report.timings}));
