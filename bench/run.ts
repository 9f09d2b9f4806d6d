/**
 * `npm run bench`: the measurements of issue "National scale, speed and robustness" on this machine.
 * Prints a Markdown report (paste it into bench/README.md with the machine and the date).
 *
 *   npm run bench:data            # once: the national synthetic data set in /tmp/samverkan-national
 *   npm run bench                 # ingest vs bare DuckDB, builds, page weight, time to first chart
 *   npm run bench -- --quick      # skip the national builds
 *   npm run bench -- --pages DIST # only page weights and time to first chart of a site built in DIST
 */
import {execFileSync, spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, statSync, utimesSync} from "node:fs";
import {cpus, totalmem} from "node:os";
import {join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {ROOT} from "../loaders/warehouse.ts";
import {launch, serve} from "../test/browser/harness.ts";

const national = resolve(process.env.SAMVERKAN_BENCH_DATA ?? "/tmp/samverkan-national");
const quick = process.argv.includes("--quick");
const pagesOnly = process.argv.includes("--pages") ? resolve(process.argv[process.argv.indexOf("--pages") + 1] ?? "dist") : null;
const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const out: string[] = [];
const say = (line = "") => {
  out.push(line);
  console.log(line);
};

function run(args: string[], env: Record<string, string> = {}): {ms: number; stdout: string; stderr: string} {
  const t = performance.now();
  const r = spawnSync(process.execPath, [tsx, ...args], {cwd: ROOT, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1", ...env}, encoding: "utf8", maxBuffer: 1 << 28});
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr.slice(-2000)}`);
  return {ms: performance.now() - t, stdout: r.stdout, stderr: r.stderr};
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (n: number) => (n / 1024).toFixed(1).replace(".", ",");
const s = (ms: number) => (ms / 1000).toFixed(1).replace(".", ",");

say(`# Bench ${new Date().toISOString().slice(0, 10)}`);
say();
say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`);
say();

if (!pagesOnly) {
  if (!existsSync(join(national, "kommuner.csv"))) run(["bench/generate-national.ts", national]);
  const sizes = readdirSync(national).filter((f) => f.endsWith(".csv")).map((f) => statSync(join(national, f)).size);
  say(`## Ingest (${national}: ${(sizes.reduce((a, b) => a + b, 0) / 2 ** 20).toFixed(0)} MB of CSV)`);
  say();
  const bare = JSON.parse(run(["bench/ingest-once.ts", "bare", national]).stdout);
  const validated = JSON.parse(run(["bench/ingest-once.ts", "validate", national]).stdout);
  say("| | time | peak memory | rows |");
  say("| --- | ---: | ---: | ---: |");
  say(`| DuckDB read_csv, no checks | ${s(bare.ms)} s | ${bare.maxRssMb} MB | ${bare.rows} |`);
  say(`| project ingest, every rule + derived tables | ${s(validated.ms)} s | ${validated.maxRssMb} MB | ${validated.rows} |`);
  say(`| of which reading and validating the files | ${s(validated.validateMs)} s | | |`);
  say(`| of which derived tables (persons per year from episodes, doses per season, ledger sums) | ${s(validated.deriveMs)} s | | |`);
  say(`| ratio, whole ingest / bare | ${(validated.ms / bare.ms).toFixed(1).replace(".", ",")} × | | |`);
  say(`| ratio, validation only / bare | ${(validated.validateMs / bare.ms).toFixed(1).replace(".", ",")} × | | |`);
  // On a shared machine wall time depends on who else runs; CPU time (all threads) much less.
  say(`| ratio of CPU time (all threads), whole ingest / bare | ${(validated.cpuMs / bare.cpuMs).toFixed(1).replace(".", ",")} × | | |`);
  say();
}

function pageWeights(dist: string): {page: string; html: number; js: number; css: number; data: number}[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      if (e.isDirectory() && !e.name.startsWith("_")) walk(join(d, e.name));
      else if (e.name.endsWith(".html")) pages.push(join(d, e.name));
    }
  };
  walk(dist);
  return pages.sort().map((p) => {
    const html = readFileSync(p, "utf8");
    const base = join(p, "..");
    const gz = (ref: string) => {
      const f = resolve(base, ref.split("?")[0]);
      return existsSync(f) ? gzipSync(readFileSync(f)).length : 0;
    };
    const js = [...html.matchAll(/rel="modulepreload" href="([^"]+)"/g)].reduce((t, m) => t + gz(m[1]), 0);
    const css = [...html.matchAll(/rel="stylesheet" type="text\/css" href="([^"]+)"/g)].reduce((t, m) => t + gz(m[1]), 0);
    const data = [...html.matchAll(/"path":"([^"]+)"/g)].reduce((t, m) => t + gz(m[1]), 0);
    return {page: p.slice(dist.length).replace(/\.html$/, "").replace(/\/index$/, "/"), html: gzipSync(html).length, js, css, data};
  });
}

/**
 * Per page, the median of 5 loads to the first chart or table in headless Chromium, and the data the
 * page fetched by then and by the end of its loading (gzipped): a per-county page fetches one part of
 * its county's data at a time, so this is less than all the files it may fetch (`data` of pageWeights).
 * A page that shows neither (a county without an agreement shows a note) gives up after 10 s: "–".
 */
async function firstChart(dist: string, paths: string[]): Promise<Map<string, {ms: number; fetched: number}>> {
  process.env.SAMVERKAN_OUT = dist;
  const {server, origin} = await serve(dist);
  const out = new Map<string, {ms: number; fetched: number}>();
  for (const path of paths) {
    // A browser per page: one browser for all of them died part-way through the national pages.
    const browser = await launch();
    const samples: number[] = [];
    let fetched = 0;
    for (let k = 0; k < 5; k++) {
      const page = await browser.newPage();
      await page.goto(origin + path, {waitUntil: "commit"});
      const t = await page
        .waitForFunction(() => (document.querySelector("main svg, main table") ? performance.now() : 0), null, {timeout: 10_000, polling: 10})
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => Infinity);
      // A load that timed out is slower than any that drew: the median sorts it last, not anywhere.
      samples.push(t);
      if (k === 0) {
        await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, {timeout: 10_000}).catch(() => {});
        const files = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
        for (const f of new Set(files.filter((f) => f.startsWith("/_file/")))) {
          const file = join(dist, decodeURIComponent(f));
          if (existsSync(file)) fetched += gzipSync(readFileSync(file)).length;
        }
      }
      await page.close();
    }
    out.set(path, {ms: median(samples), fetched});
    await browser.close();
  }
  server.close();
  return out;
}

/** Pages that exist once per county (/skattevaxling/14, /seminarium/14/2025), with an entry page (/skattevaxling/) that only opens one of them. */
const PER_COUNTY = ["jamfor", "skattevaxling", "normalvariation", "vaccination", "medicinteknik", "ersattningar", "seminarium", "avtal"];

/**
 * The pages to measure: one municipality profile stands for all of them (290 at national scale), and
 * of a page per county the one with the most data (the target holds for every county if it holds for
 * that one); the entry pages, which fetch only site.json and open a county's page, are left out.
 */
function representativePages(all: ReturnType<typeof pageWeights>): (ReturnType<typeof pageWeights>[number] & {label: string})[] {
  const folder = (page: string) => /^\/([^/]+)\/./.exec(page)?.[1];
  const entry = (page: string) => PER_COUNTY.some((f) => page === `/${f}/`);
  return all
    .filter((w) => !entry(w.page))
    .filter((w, i, rest) => {
      const f = folder(w.page);
      if (f === "kommun") return rest.findIndex((x) => folder(x.page) === f) === i;
      if (!f || !PER_COUNTY.includes(f)) return true;
      const same = rest.filter((x) => folder(x.page) === f);
      return same.reduce((a, b) => (b.data > a.data ? b : a)) === w;
    })
    .map((w) => {
      const f = folder(w.page);
      const n = all.filter((x) => folder(x.page) === f && !entry(x.page)).length;
      return {...w, label: f && PER_COUNTY.includes(f) ? `${w.page} (most data of ${n} pages)` : w.page};
    });
}

async function pageReport(dist: string, title: string): Promise<void> {
  const weights = representativePages(pageWeights(dist));
  const times = await firstChart(dist, weights.map((w) => w.page));
  say(`## ${title}`);
  say();
  say("Gzipped bytes of each page, and the median of 5 loads to its first chart or table in headless Chromium (targets: data < 300 kB, JavaScript < 400 kB). *Data fetched*: what the page fetched on opening; *data, all parts*: every data file it may fetch as the reader changes the choices (one part at a time).");
  say();
  say("| page | HTML kB | JavaScript kB | CSS kB | data fetched kB | data, all parts kB | first chart, ms |");
  say("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const w of weights) {
    const t = times.get(w.page);
    say(`| ${w.label} | ${kB(w.html)} | ${kB(w.js)} | ${kB(w.css)} | ${kB(t?.fetched ?? NaN)} | ${kB(w.data)} | ${Number.isFinite(t?.ms) ? Math.round(t!.ms) : "–"} |`);
  }
  say();
}

function dataHash(dist: string): string {
  const h = createHash("sha256");
  const dir = join(dist, "_file");
  const walk = (d: string) => {
    for (const e of readdirSync(d, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else h.update(e.name).update(readFileSync(join(d, e.name)));
    }
  };
  if (existsSync(dir)) walk(dir);
  return h.digest("hex").slice(0, 16);
}

if (pagesOnly) {
  await pageReport(pagesOnly, `Pages (${pagesOnly})`);
  process.exit(0);
}

// The demo site as it ships.
run(["scripts/build.ts", "build"], {SAMVERKAN_OUT: "/tmp/bench-dist-demo"});
await pageReport("/tmp/bench-dist-demo", "Pages (demo data)");

if (!quick) {
  say("## Full build on the national data set");
  say();
  execFileSync("rm", ["-rf", join(ROOT, "src", ".observablehq", "cache")]);
  const first = run(["scripts/build.ts", "build"], {SAMVERKAN_DATA: national, SAMVERKAN_OUT: "/tmp/bench-dist-a"});
  const touched = join(national, "vaccination.csv");
  const now = new Date();
  utimesSync(touched, now, now);
  const second = run(["scripts/build.ts", "build"], {SAMVERKAN_DATA: national, SAMVERKAN_OUT: "/tmp/bench-dist-b"});
  const rerun = /Laddare som körs om: ([^;]*);/.exec(second.stderr)?.[1] ?? "?";
  execFileSync("rm", ["-rf", join(ROOT, "src", ".observablehq", "cache"), join(ROOT, ".cache", "warehouse")]);
  const third = run(["scripts/build.ts", "build"], {SAMVERKAN_DATA: national, SAMVERKAN_OUT: "/tmp/bench-dist-c"});
  say("| build | time |");
  say("| --- | ---: |");
  say(`| from scratch (ingest + every loader + pages) | ${s(first.ms)} s |`);
  say(`| after touching vaccination.csv (re-ran: ${rerun}) | ${s(second.ms)} s |`);
  say(`| from scratch again (no warehouse, no loader cache) | ${s(third.ms)} s |`);
  say();
  const [a, c] = [dataHash("/tmp/bench-dist-a"), dataHash("/tmp/bench-dist-c")];
  say(`Two builds from the same inputs give ${a === c ? "byte-identical" : "DIFFERENT"} data files (sha256 ${a}${a === c ? "" : ` vs ${c}`}).`);
  say();
  await pageReport("/tmp/bench-dist-a", "Pages (national data set)");
}
