/**
 * `npx tsx bench/build-steps.ts [DIR]`: the incremental build on one data set, side by side with the
 * bare DuckDB floor measured in the same run (issue 18). DIR defaults to SAMVERKAN_BENCH_DATA or
 * /tmp/samverkan-national (make it with `npx tsx bench/generate-national.ts --messy`).
 *
 * Measures, each as its own process tree, with wall time and the peak memory of the whole tree (the
 * sum of the resident memory of the process and every descendant, sampled every 200 ms from /proc):
 *   floor       bare read_csv of every file + the derived tables in plain SQL (bench/ingest-once.ts floor)
 *   ingest      the project's ingest alone (bench/ingest-once.ts validate)
 *   scratch     npm run build with no warehouse and no loader cache
 *   append      npm run build after one row appended to mt-uppdrag.csv (the row is removed afterwards)
 *   unchanged   npm run build with nothing changed
 *   check       samverkan check after the build (the warehouse is reused)
 * The machine's load average is printed before and after: the figures depend on the neighbours.
 */
import {spawn} from "node:child_process";
import {appendFileSync, closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, truncateSync} from "node:fs";
import {cpus, loadavg, totalmem} from "node:os";
import {join, resolve} from "node:path";
import {ROOT} from "../loaders/warehouse.ts";

const dir = resolve(process.argv[2] ?? process.env.SAMVERKAN_BENCH_DATA ?? "/tmp/samverkan-national");
const warehouse = process.env.SAMVERKAN_WAREHOUSE ?? "/tmp/samverkan-bench-warehouse";
const dist = "/tmp/samverkan-bench-dist";

/** Resident memory (kB) of pid and all its descendants, from /proc. */
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const pid = Number(p);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(pid);
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      rss.set(pid, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // gone meanwhile
    }
  }
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    sum += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

async function measure(args: string[], env: Record<string, string> = {}): Promise<{s: number; peakMiB: number; stdout: string; stderr: string; code: number | null}> {
  const started = performance.now();
  // As `npm run build` starts the build: Node with tsx's loader (not the tsx command, a second process).
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {cwd: ROOT, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1", SAMVERKAN_WAREHOUSE: warehouse, ...env}});
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 200);
  const code = await new Promise<number | null>((r) => child.on("close", r));
  clearInterval(timer);
  return {s: (performance.now() - started) / 1000, peakMiB: peak / 1024, stdout, stderr, code};
}

const fmt = (x: number, d = 1) => x.toFixed(d).replace(".", ",");
const mb = readdirSync(dir).filter((f) => f.endsWith(".csv")).reduce((t, f) => t + statSync(join(dir, f)).size, 0) / 2 ** 20;
console.log(`# Incremental build, ${new Date().toISOString()}`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average before ${loadavg().map((l) => fmt(l, 2)).join(" ")}.`);
console.log(`Data: ${dir} (${fmt(mb, 0)} MB of CSV). DuckDB: SAMVERKAN_DUCKDB=${process.env.SAMVERKAN_DUCKDB ?? "(default: memory_limit=800MB)"}.`);
console.log("");
const rows: [string, Awaited<ReturnType<typeof measure>>][] = [];
// `samverkan check` exits 1 when it rejected rows: the messy set has rejects on purpose, so 1 is its success.
const step = async (name: string, args: string[], env: Record<string, string> = {}, ok: number[] = [0]) => {
  const r = await measure(args, env);
  if (!ok.includes(r.code ?? -1)) throw new Error(`${name} failed (${r.code}):\n${r.stderr.slice(-3000)}`);
  rows.push([name, r]);
  console.error(`${name}: ${fmt(r.s)} s, ${fmt(r.peakMiB, 0)} MiB`);
  return r;
};
// Read every input once first, so that the floor (measured first) and the ingest both read from the
// page cache: a floor read from disk made the ratio look better than it is.
for (const f of readdirSync(dir).filter((f) => f.endsWith(".csv"))) {
  const fd = openSync(join(dir, f), "r");
  const buf = Buffer.allocUnsafe(1 << 24);
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd);
}
const floor = await step("floor: bare read_csv + derived tables in SQL", ["bench/ingest-once.ts", "floor", dir]);
await step("project ingest alone (every rule + derived tables)", ["bench/ingest-once.ts", "validate", dir]);
rmSync(warehouse, {recursive: true, force: true});
rmSync(join(ROOT, "src", ".observablehq", "cache"), {recursive: true, force: true});
const build = ["scripts/build.ts", "build"];
const env = {SAMVERKAN_DATA: dir, SAMVERKAN_OUT: dist};
const scratch = await step("build from scratch (no warehouse, no loader cache)", build, env);
const jobs = join(dir, "mt-uppdrag.csv");
const size = statSync(jobs).size;
const crlf = readFileSync(jobs).subarray(0, 4096).includes("\r\n");
const code = readFileSync(join(dir, "kommuner.csv"), "utf8").split(/\r?\n/)[1].split(";")[3];
appendFileSync(jobs, `${code};2025-12-17;2,00;100,00;0,00${crlf ? "\r\n" : "\n"}`);
let append;
try {
  append = await step("rebuild after one row appended to mt-uppdrag.csv", build, env);
} finally {
  truncateSync(jobs, size);
}
// The row is gone again: one more incremental build to get back to the data set's own warehouse.
await measure(build, env);
const unchanged = await step("rebuild with nothing changed", build, env);
const check = await step("samverkan check after the build", ["bin/samverkan.js", "check", "--data", dir], {}, [0, 1]);
void check;
console.log("| step | time | × floor | % of build from scratch | peak memory, process tree |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const [name, r] of rows) console.log(`| ${name} | ${fmt(r.s)} s | ${fmt(r.s / floor.s, 2)} × | ${fmt((100 * r.s) / scratch.s, 0)} % | ${fmt(r.peakMiB, 0)} MiB |`);
console.log("");
const said = (r: typeof scratch) => r.stderr.split("\n").filter((l) => /^Data:|^Laddare/.test(l)).concat(r.stdout.split("\n").filter((l) => /^(Inget har ändrats|Renderar|Renderade)/.test(l)));
console.log("What the builds said:");
for (const [name, r] of [["scratch", scratch], ["append", append], ["unchanged", unchanged]] as const) for (const l of said(r)) console.log(`- ${name}: ${l}`);
console.log(`\nLoad average after: ${loadavg().map((l) => fmt(l, 2)).join(" ")}.`);
void existsSync;
