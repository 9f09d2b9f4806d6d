/**
 * `npm run build` / `npm run dev`: the one ingest of the build, then Observable Framework.
 *
 * Framework reuses a cached loader output as long as the loader file itself is older than the cache,
 * even when an input changed. So before Framework runs, this script drops every cached output whose
 * dependencies changed: the inputs (through the warehouse fingerprint, which covers SAMVERKAN_DATA and
 * every file in it), the loader's own source and the library under loaders/ that it imports.
 *
 * The warehouse is kept between builds and brought up to date file by file (loaders/warehouse.ts);
 * a loader whose declared inputs (by content), source and library did not change keeps its output;
 * and when nothing at all changed and dist/ is as the last build left it, Framework is not run.
 */
import {fork, spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {cpus, tmpdir} from "node:os";
import {basename, dirname, join, relative} from "node:path";
import {pathToFileURL} from "node:url";
import {build as esbuild} from "esbuild";
import {openWarehouse, dataDir, lookAtWarehouse, ROOT, type InputStamps, type WarehouseUpdate} from "../loaders/warehouse.ts";
import {INPUTS} from "../loaders/schemas/inputs.ts";
import {SETTINGS} from "../loaders/ingest/ingest.ts";
import {siteInfo} from "../loaders/loader-kit.ts";
import {tarMembers} from "../loaders/tar.ts";
import {addPageChrome} from "./page-chrome.ts";
import type {HostReply, HostRequest} from "./loader-host.ts";
import type {UpdateReply} from "./warehouse-update.ts";
import {duckdbLimits, duckdbShare} from "../loaders/duckdb-settings.ts";
import {brokenLinks, distManifest, fullRenderReason, mergeInto, mergeManifests, mergeRenders, pruneFiles, sourcesFingerprint, stalePages, walk, type Plan, type RenderReport, type SiteRecord} from "./partial-render.ts";

process.env.OBSERVABLE_TELEMETRY_DISABLE = "1";
const mode = process.argv[2] === "preview" ? "preview" : "build";
const CACHE = join(ROOT, "src", ".observablehq", "cache");
const STAMP = join(CACHE, ".samverkan-stamps.json");
// The fingerprint of the last successful build and of the dist/ it left (see the end of this script).
const SITE_STAMP = join(CACHE, ".samverkan-site.json");
const ARCHIVE = /^(.+)\.(?:tar|tar\.gz|tgz|zip)$/;
/** Node's arguments for a TypeScript script: tsx's loader in the same process (the tsx command would keep a second Node process beside it). */
const WITH_TSX = ["--import", "tsx"];
/** Pages per render process: each process costs about 4 s of its own (Framework's client bundles, start-up), a page about 80 ms. */
const PAGES_PER_PROCESS = 150;
/** The heap of each render process when several run side by side (MB): two stay within the build's 1,5 GiB. */
const RENDER_HEAP_MB = 400;

/** A data loader (src/data/x.json.ts); not a type declaration (the bundles' x.d.ts), not Framework's cache. */
const isLoader = (f: string) => /\.[a-z]+\.ts$/.test(f) && !f.endsWith(".d.ts") && !f.includes(".observablehq");
/** The file a loader writes, relative to src/ and to Framework's cache (src/data/jamfor.tar.ts → data/jamfor.tar). */
const targetOf = (loader: string) => relative(join(ROOT, "src"), loader).replace(/\.ts$/, "");

async function hashFiles(files: string[]): Promise<string> {
  const h = createHash("sha256");
  for (const f of files) h.update(relative(ROOT, f)).update(await readFile(f));
  return h.digest("hex").slice(0, 16);
}

/**
 * A loader may declare the input files it reads in a comment, `// inputs: kommuner.csv, befolkning.csv`;
 * then only a change in those files (or in parametrar.json, avtal/*.json, the loader or the library) re-runs it.
 * A loader without the comment depends on every input.
 */
async function declaredInputs(loader: string): Promise<string[] | null> {
  const m = /^\/\/\s*inputs:\s*(.+)$/m.exec(await readFile(loader, "utf8"));
  return m ? m[1].split(/[,\s]+/).filter(Boolean) : null;
}

async function inputStamp(dir: string, files: string[] | null, stamps: InputStamps): Promise<string> {
  const h = createHash("sha256").update(dir);
  if (!files) {
    // Undeclared: every file of the folder, by size and time (any file there may be read).
    for (const path of await walk(dir)) {
      const s = await stat(path);
      h.update(`\n${relative(dir, path)}\t${s.size}\t${s.mtimeMs}`);
    }
    return h.digest("hex").slice(0, 16);
  }
  // Declared: by content, as the warehouse fingerprinted it (loaders/warehouse.ts), so that a file
  // touched but unchanged re-runs nothing. A declared file counts under any spelling the ingest
  // accepts (VACCINATION.CSV, vaccination.xlsx): the stamp is the input's, whatever its spelling.
  // Every loader depends on the settings and on the agreement files (wh.parameters comes from both).
  const stem = (f: string) => f.toLowerCase().replace(/\.[a-z]+$/, "");
  h.update(`\nsettings\t${stamps[SETTINGS]?.sha256}`);
  for (const name of [...new Set(files)].sort()) {
    const spec = INPUTS.find((i) => stem(i.file) === stem(name));
    const st = spec ? stamps[spec.table] : undefined;
    if (st) h.update(`\n${name}\t${st.name}\t${st.sha256}`);
    else {
      const path = join(dir, name);
      const s = existsSync(path) ? await stat(path) : null;
      h.update(`\n${name}\t${s ? `${s.size}\t${s.mtimeMs}` : "missing"}`);
    }
  }
  return h.digest("hex").slice(0, 16);
}

/** Drops the cached output of every loader whose inputs, own source or library changed. */
async function invalidateLoaderCache(dir: string, inputs: InputStamps): Promise<{dropped: string[]; kept: string[]; stamps: Record<string, string>}> {
  // Loaders import the library (loaders/); src/components is hashed too, for any helper a loader may share with a page.
  // Not src/components/generated: those are bundles of loaders/browser (hashed above), written after
  // this hash is taken, so a fresh clone's second build would otherwise re-run every loader once.
  const generated = join(ROOT, "src", "components", "generated");
  const sources = [...(await walk(join(ROOT, "loaders"))), ...(await walk(join(ROOT, "src", "components"))).filter((f) => !f.startsWith(generated))];
  const library = await hashFiles(sources.filter((f) => f.endsWith(".ts")));
  const stamps: Record<string, string> = existsSync(STAMP) ? JSON.parse(await readFile(STAMP, "utf8")) : {};
  const next: Record<string, string> = {};
  const dropped: string[] = [];
  const kept: string[] = [];
  for (const loader of (await walk(join(ROOT, "src"))).filter(isLoader)) {
    const target = targetOf(loader);
    const stamp = createHash("sha256").update(await inputStamp(dir, await declaredInputs(loader), inputs)).update(library).update(await readFile(loader)).digest("hex").slice(0, 16);
    next[target] = stamp;
    // The files Framework extracted from an archive (data/jamfor.tar → data/jamfor/23/meta.json) are
    // cached beside it and count as fresh as long as they are newer than the loader: they go with it,
    // and without their archive nothing vouches for them.
    const members = ARCHIVE.exec(target)?.[1];
    const archived = existsSync(join(CACHE, target));
    if (!archived && !(members && existsSync(join(CACHE, members)))) continue;
    if (stamps[target] !== stamp || !archived) {
      await rm(join(CACHE, target), {force: true});
      if (members) await rm(join(CACHE, members), {recursive: true, force: true});
      dropped.push(target);
    } else kept.push(target);
  }
  await mkdir(CACHE, {recursive: true});
  await writeFile(STAMP, JSON.stringify(next, null, 2));
  return {dropped, kept, stamps: next};
}

/**
 * Framework runs the data loaders one after the other, each in a process of its own. Every loader
 * only reads the warehouse, so this runs the ones without cached output side by side (one host
 * process per core, scripts/loader-host.ts, each taking the next loader when it is done) into
 * Framework's cache, where it then finds them fresh; an archive's members are extracted in one pass,
 * not one scan of the archive per member. A loader that fails here is left to Framework, which runs
 * it again and shows its message.
 */
async function prerunLoaders(): Promise<string[]> {
  const loaders = (await walk(join(ROOT, "src"))).filter(isLoader);
  const todo = loaders
    .map((loader) => ({loader, target: targetOf(loader)}))
    .filter(({target}) => !existsSync(join(CACHE, target)))
    // Archives first: they are the slow ones (a report over every county).
    .sort((a, b) => Number(!!ARCHIVE.exec(b.target)) - Number(!!ARCHIVE.exec(a.target)));
  const ran: string[] = [];
  // Side by side, the loaders share the one DuckDB limit (SAMVERKAN_DUCKDB): each host gets its part.
  const parallel = Math.max(1, Math.min(cpus().length, todo.length));
  const share = duckdbShare(parallel, duckdbLimits(), cpus().length);
  const finish = async ({target}: {target: string}, tmp: string, ok: boolean) => {
    const out = join(CACHE, target);
    if (!ok) return void (await rm(tmp, {force: true}));
    const members = ARCHIVE.exec(target)?.[1];
    if (members && target.endsWith(".tar")) {
      for (const m of tarMembers(await readFile(tmp))) {
        const file = join(CACHE, members, m.name);
        await mkdir(dirname(file), {recursive: true});
        await writeFile(file, m.data);
      }
    }
    await rename(tmp, out);
    ran.push(target);
  };
  const queue = [...todo];
  await Promise.all(
    Array.from({length: parallel}, async () => {
      if (!queue.length) return;
      const host = fork(join(ROOT, "scripts", "loader-host.ts"), [], {cwd: ROOT, execArgv: WITH_TSX, stdio: ["ignore", "ignore", "pipe", "ipc"], env: {...process.env, SAMVERKAN_DATA: dir, SAMVERKAN_DUCKDB: share}});
      host.stderr?.resume();
      let pending: ((reply: HostReply | null) => void) | null = null;
      host.on("message", (reply: HostReply) => pending?.(reply));
      host.on("exit", () => pending?.(null));
      host.on("error", () => pending?.(null));
      try {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const tmp = `${join(CACHE, next.target)}.pre${process.pid}`;
          await mkdir(dirname(tmp), {recursive: true});
          const reply = await new Promise<HostReply | null>((resolve) => {
            pending = resolve;
            if (!host.connected) return resolve(null);
            host.send({loader: next!.loader, out: tmp} satisfies HostRequest, (e) => e && resolve(null));
          });
          pending = null;
          await finish(next, tmp, !!reply?.ok);
          // A host that died leaves the rest of the queue to the others (or to Framework).
          if (!reply) break;
        }
      } finally {
        host.disconnect?.();
        host.kill();
      }
    })
  );
  return ran.sort();
}

/**
 * The codes of the per-county and per-municipality pages (observablehq.config.ts, dynamicPaths), from
 * the ingested data rather than a second reading of kommuner.csv: written beside the warehouse.
 */
async function writeRoutes(update: WarehouseUpdate): Promise<string> {
  const path = update.path.replace(/\.duckdb$/, ".routes.json");
  if (existsSync(path) && update.kind === "unchanged") return path;
  const wh = await openWarehouse(dir);
  try {
    const info = await siteInfo(wh);
    const years = wh.parameters.years;
    const reportYears: number[] = [];
    for (let y = years.to; y >= Math.max(years.from + 1, years.to - 4); y--) reportYears.push(y);
    const routes = JSON.stringify({counties: info.counties.map((c) => c.code), municipalities: info.municipalities.map((m) => m.code).sort(), reportYears});
    // Written only when it changed: its time is part of what Framework sees.
    if (!existsSync(path) || (await readFile(path, "utf8")) !== routes) await writeFile(path, routes);
  } finally {
    wh.close();
  }
  return path;
}

/**
 * The models the pages run in the browser (what-if, calculators) are the same code as the loaders':
 * each loaders/browser/<name>.ts is bundled to src/components/generated/<name>.js.
 */
async function bundleBrowserModels(): Promise<void> {
  const entries = (await walk(join(ROOT, "loaders", "browser"))).filter((f) => f.endsWith(".ts"));
  if (!entries.length) return;
  const outdir = join(ROOT, "src", "components", "generated");
  await esbuild({entryPoints: entries, bundle: true, format: "esm", target: "es2022", outdir, logLevel: "warning", legalComments: "none"});
  // The types of each bundle are its source's: the type check reads these once the bundles exist
  // (before, tsconfig's rootDirs leads it to loaders/browser/ itself).
  for (const entry of entries) {
    const name = relative(join(ROOT, "loaders", "browser"), entry).replace(/\.ts$/, "");
    await writeFile(join(outdir, `${name}.d.ts`), `export * from "${relative(dirname(join(outdir, name)), entry).split("\\").join("/")}";\n`);
  }
}

/** A file the ingest cannot use: its message is for the reader (IngestFatalError in the ingest's process). */
class IngestStopped extends Error {}

/** The warehouse brought up to date in a process of its own (scripts/warehouse-update.ts), which hands back its memory when done. */
function updateWarehouseApart(dir: string, taken: InputStamps | null): Promise<WarehouseUpdate> {
  return new Promise((resolve, reject) => {
    const child = fork(join(ROOT, "scripts", "warehouse-update.ts"), [dir, JSON.stringify(taken)], {cwd: ROOT, execArgv: WITH_TSX, stdio: "inherit"});
    let reply: UpdateReply | null = null;
    child.on("message", (r: UpdateReply) => (reply = r));
    child.on("error", reject);
    child.on("exit", (code) => {
      const r = reply as UpdateReply | null;
      if (r && "update" in r) resolve(r.update);
      else if (r && "fatal" in r) reject(new IngestStopped(r.fatal));
      else reject(new Error(r && "error" in r ? r.error : `inläsningen avbröts (kod ${code})`));
    });
  });
}

const dir = dataDir();
let update: WarehouseUpdate;
try {
  const started = Date.now();
  const look = await lookAtWarehouse(dir);
  update = look.unchanged ?? (await updateWarehouseApart(dir, look.stamps));
  const what =
    update.kind === "unchanged"
      ? "oförändrad, inget läst"
      : update.kind === "fresh"
        ? "allt inläst"
        : `läste om ${update.tables.join(", ")}${update.disclosure ? " och röjandeskyddet" : ""} (ändrat: ${update.changed.join(", ")})`;
  console.error(`Data: ${dir} → ${relative(ROOT, update.path)}: ${what} (${Date.now() - started} ms)`);
} catch (e) {
  if (e instanceof IngestStopped) {
    console.error(`\nBygget stoppades: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
const routes = await writeRoutes(update);
const {dropped, kept, stamps} = await invalidateLoaderCache(dir, update.stamps);
console.error(`Laddare som körs om: ${dropped.length ? dropped.join(", ") : "inga cachade"}; oförändrade (återanvänds): ${kept.length}.`);
let ran: string[] = [];
if (mode === "build") {
  const started = Date.now();
  ran = await prerunLoaders();
  if (ran.length) console.error(`Laddare körda i förväg, ${cpus().length} åt gången: ${ran.length} (${Date.now() - started} ms)`);
}
await bundleBrowserModels();

// Framework clears its output folder only inside the project; clear an outside one (SAMVERKAN_OUT)
// ourselves, but only when it holds a previous build, never an arbitrary folder.
const out = process.env.SAMVERKAN_OUT;
const dist = out || join(ROOT, "dist");

// Nothing changed since the last successful build (inputs, loader outputs, pages, components,
// config, this script) and dist/ is as that build left it: Framework would render the same pages.
const sourceStamp = mode === "build" ? await sourcesFingerprint(ROOT, {routes, dist, data: dir}) : "";
const siteStamp = mode === "build" ? createHash("sha256").update(JSON.stringify(stamps)).update(sourceStamp).digest("hex") : "";
const lastBuild = mode === "build" && existsSync(SITE_STAMP) ? (JSON.parse(await readFile(SITE_STAMP, "utf8")) as Partial<SiteRecord>) : null;
if (mode === "build" && !dropped.length && !ran.length && lastBuild?.stamp === siteStamp && !(await fullRenderReason(lastBuild, {sources: sourceStamp, dist}))) {
  console.log(`Inget har ändrats sedan förra bygget (data, laddare, sidor, inställningar): sidorna renderas inte om, ${relative(ROOT, dist) || dist} är oförändrad.`);
  process.exit(0);
}

// Only loader output changed since the last build, and dist/ is as that build left it: only the
// pages whose data files have other content now are rendered again (scripts/partial-render.ts).
let plan: Plan | null = null;
let whyFull = "";
if (mode === "build") {
  whyFull = await fullRenderReason(lastBuild, {sources: sourceStamp, dist, forced: process.env.SAMVERKAN_FULL_RENDER === "1"});
  if (!whyFull) {
    try {
      plan = await stalePages(dist, join(ROOT, "src"), CACHE);
    } catch (e) {
      whyFull = `kunde inte avgöra vilka sidor som ändrats (${(e as Error).message})`;
    }
  }
}
// A build that fails half-way must not leave a record saying dist/ is whole.
await rm(SITE_STAMP, {force: true});

// Framework runs the .ts loaders with `tsx` from PATH, which outside npm scripts may lack node_modules/.bin.
const PATH = `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`;
const frameworkEnv = {...process.env, PATH, OBSERVABLE_TELEMETRY_DISABLE: "1", SAMVERKAN_DATA: dir, SAMVERKAN_ROUTES: routes, ...(mode === "build" ? {SAMVERKAN_PAGE_CHROME: "after-build"} : {})};

if (plan) {
  const loadersOf = [...new Set(plan.changed.map(loaderOf))].join(", ");
  if (!plan.pages.length) {
    console.log(`Renderar om 0 av ${plan.total} sidor: laddarna skrev samma innehåll som förra gången.`);
    await recordDist(siteStamp, sourceStamp, dist);
    process.exit(0);
  }
  console.log(`Renderar om ${plan.pages.length} av ${plan.total} sidor (data ändrad: ${loadersOf}).`);
  if (await renderPartly(plan.pages)) {
    await recordDist(siteStamp, sourceStamp, dist);
    process.exit(0);
  }
  whyFull = "den partiella renderingen misslyckades";
}
if (mode === "build") console.log(`Renderar alla sidor: ${whyFull}.`);

if (mode === "build" && out && existsSync(join(out, "_observablehq"))) await rm(out, {recursive: true, force: true});
// A small site renders fastest in Framework's own build (below); a large one in several processes.
const processes = mode === "build" ? await renderProcesses() : 1;
if (processes > 1 && (await renderAll(processes))) {
  await recordDist(siteStamp, sourceStamp, dist);
  process.exit(0);
}

const bin = join(ROOT, "node_modules", ".bin", "observable");
const args = mode === "build" ? ["build"] : ["preview", ...process.argv.slice(3)];
const child = spawn(bin, args, {stdio: "inherit", cwd: ROOT, env: frameworkEnv});
child.on("exit", async (code) => {
  if (code === 0 && mode === "build") {
    await finishHtml(dist);
    await recordDist(siteStamp, sourceStamp, dist);
  }
  process.exit(code ?? 1);
});

/** The loader a cached data file comes from: `data/medicinteknik/23.json` → medicinteknik.tar. */
function loaderOf(file: string): string {
  for (const target of Object.keys(stamps)) {
    const members = ARCHIVE.exec(target)?.[1];
    if (target === file || (members && file.startsWith(`${members}/`))) return basename(target);
  }
  return basename(file);
}

/**
 * How many processes render the pages side by side: SAMVERKAN_RENDER_PROCESSES, else one per 150
 * pages, at most one per core. Framework renders one page after the other on one core (a national
 * site: 559 pages, about 50 s).
 */
async function renderProcesses(): Promise<number> {
  const set = process.env.SAMVERKAN_RENDER_PROCESSES;
  if (set !== undefined && set !== "") {
    if (/^[1-9]\d*$/.test(set)) return Number(set);
    console.error(`SAMVERKAN_RENDER_PROCESSES ska vara ett heltal från 1 (nu: ${set}); renderar i en process.`);
    return 1;
  }
  const framework = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "config.js");
  // The config reads the routes and the data folder from the environment and the pages from src/, as Framework's run of it does.
  Object.assign(process.env, {SAMVERKAN_DATA: dir, SAMVERKAN_ROUTES: routes});
  process.chdir(ROOT);
  let pages = 0;
  try {
    const {readConfig} = (await import(pathToFileURL(framework).href)) as {readConfig(): Promise<{paths(): AsyncIterable<string>}>};
    for await (const _ of (await readConfig()).paths()) pages++;
  } catch {
    return 1; // Framework's own build says what is wrong with the config.
  }
  return Math.max(1, Math.min(cpus().length, Math.floor(pages / PAGES_PER_PROCESS)));
}

/** Runs scripts/partial-render.ts: `what` is a file listing pages or `i/n` (every n-th page from the i-th). */
function runRender(out: string, what: string, report: string, heapMB?: number): Promise<number | null> {
  const args = [...(heapMB ? [`--max-old-space-size=${heapMB}`] : []), ...WITH_TSX, join(ROOT, "scripts", "partial-render.ts"), out, what, report];
  return new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, args, {stdio: "inherit", cwd: ROOT, env: frameworkEnv});
    child.on("exit", resolve);
    child.on("error", () => resolve(null));
  });
}

/** Says which links no page resolves (Framework's warning, which each render process left to this script). */
async function warnBrokenLinks(links: [string, string][]): Promise<void> {
  const broken = await brokenLinks(dist, links);
  if (!broken.length) return;
  console.warn(`Varning: ${broken.length} länk${broken.length === 1 ? "" : "ar"} leder ingenstans:`);
  for (const [page, target] of broken) console.warn(`  ${page} → ${target}`);
}

/**
 * Renders every page in `n` processes side by side, each every n-th page into a folder of its own,
 * and merges them into dist/: the same files as Framework's own build (test/browser/partial-render.test.ts).
 * Only when every loader's output is in the cache, so that the processes only read it (a loader that
 * failed is left to Framework's own build, which shows its message). False when a process or the
 * merge failed: the caller then lets Framework render everything.
 */
async function renderAll(n: number): Promise<boolean> {
  const loaders = (await walk(join(ROOT, "src"))).filter(isLoader);
  if (loaders.some((l) => !existsSync(join(CACHE, targetOf(l))))) return false;
  // Framework clears its output folder when it lies in the project; an outside one was cleared above
  // if it held a build. Any other folder with files in it is left to Framework (which refuses it).
  const inside = !relative(ROOT, dist).startsWith("..");
  if (!inside && existsSync(dist) && (await walk(dist)).length) return false;
  const started = Date.now();
  const tmp = await mkdtemp(join(tmpdir(), "samverkan-render-"));
  try {
    const runs = Array.from({length: n}, (_, i) => ({out: join(tmp, `out${i}`), report: join(tmp, `report${i}.json`)}));
    const codes = await Promise.all(runs.map(({out, report}, i) => runRender(out, `${i}/${n}`, report, RENDER_HEAP_MB)));
    if (codes.some((c) => c !== 0)) throw new Error(`en av ${n} renderingsprocesser misslyckades`);
    const reports = await Promise.all(runs.map(async (r) => JSON.parse(await readFile(r.report, "utf8")) as RenderReport));
    const missing = runs.flatMap((r, i) => reports[i].pages.filter((p) => !existsSync(join(r.out, `${p.path}.html`))).map((p) => p.path));
    if (missing.length) throw new Error(`sidor saknas i renderingen: ${missing.slice(0, 5).join(", ")}`);
    await rm(dist, {recursive: true, force: true});
    await mergeRenders(runs.map((r) => r.out), dist);
    await finishHtml(dist);
    await warnBrokenLinks(reports.flatMap((r) => r.links));
    await writeFile(join(CACHE, "_build.json"), JSON.stringify(mergeManifests(reports)));
    const pages = reports.reduce((t, r) => t + r.pages.length, 0);
    console.log(`Renderade ${pages} sidor i ${n} processer sida vid sida (${Date.now() - started} ms) till ${relative(ROOT, dist) || dist}.`);
    return true;
  } catch (e) {
    console.error(`Renderingen avbröts (${(e as Error).message}): Framework renderar om alla sidor på sitt eget sätt.`);
    await rm(dist, {recursive: true, force: true});
    return false;
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}

/**
 * Renders `pages` with Framework into a folder of their own, then merges them into dist/: the new
 * HTML (finished first, so dist/ never holds unfinished HTML) and the files it uses, and removes the
 * data files no page uses any more. False when the render or the merge failed: the caller then
 * renders everything, which overwrites dist/ (and the record of the last build is already gone).
 */
async function renderPartly(pages: string[]): Promise<boolean> {
  const tmp = await mkdtemp(join(tmpdir(), "samverkan-partial-"));
  try {
    const list = join(tmp, "pages.json");
    const rendered = join(tmp, "out");
    const report = join(tmp, "report.json");
    await writeFile(list, JSON.stringify(pages));
    const code = await runRender(rendered, list, report);
    if (code !== 0 || pages.some((p) => !existsSync(join(rendered, `${p}.html`)))) return false;
    await finishHtml(rendered);
    await mergeInto(rendered, dist);
    await pruneFiles(dist);
    await warnBrokenLinks((JSON.parse(await readFile(report, "utf8")) as RenderReport).links);
    return true;
  } catch (e) {
    console.error(`Den partiella renderingen avbröts: ${(e as Error).message}`);
    return false;
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}

async function recordDist(stamp: string, sources: string, distDir: string): Promise<void> {
  const record: SiteRecord = {stamp, sources, dist: distDir, manifest: await distManifest(distDir)};
  await writeFile(SITE_STAMP, JSON.stringify(record));
}

/**
 * Fixes to Framework's HTML that accessibility checkers (and screen readers) need: the page's
 * language; the sidebar's close control, which Framework puts directly inside an <ol>; zoom, which
 * Framework's viewport blocks (maximum-scale=1, WCAG 1.4.4); a skip link first on the page, to the
 * main content; and a Swedish name for the sidebar toggle (Framework's title is "Toggle sidebar").
 * First the head script, header and footer that Framework was told to leave out (scripts/page-chrome.ts).
 */
async function finishHtml(dist: string): Promise<void> {
  for (const file of (await walk(dist)).filter((f) => f.endsWith(".html"))) {
    const html = await readFile(file, "utf8");
    const fixed = addPageChrome(html)
      .replace(/^(<!DOCTYPE html>\s*)<html>/i, '$1<html lang="sv">')
      .replace(/<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2$1<ol>")
      .replace(/<meta name="viewport" content="[^"]*">/, '<meta name="viewport" content="width=device-width, initial-scale=1">')
      .replace(/<body>(?!\s*<a class="skip-link")/, '<body>\n<a class="skip-link" href="#observablehq-main">Hoppa till innehållet</a>')
      .replace(/<main id="observablehq-main"(?![^>]*tabindex)/, '<main id="observablehq-main" tabindex="-1"')
      .replace(/(<input id="observablehq-sidebar-toggle" type="checkbox") title="Toggle sidebar">/, '$1 title="Visa eller dölj menyn" aria-label="Meny">')
      .replace(/(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle")><\/label>/, '$1 title="Stäng menyn"></label>');
    if (fixed !== html) await writeFile(file, fixed);
  }
}
