/**
 * Renders only the pages whose data changed (issue 18): scripts/build.ts decides when this may be
 * done (nothing but loader output changed since the last build, and dist/ is as that build left it);
 * this module finds the pages, renders them with Framework into a folder of their own and merges
 * them into dist/.
 *
 * Which pages: every page's HTML names the data files it uses by their content hash
 * (`"path":"../_file/data/medicinteknik/23.8a9f0c1e.json"`, Framework's alias: the first 8 hex of the
 * file's SHA-256). A page is stale when one of its files has other content in Framework's cache now,
 * so the dist itself says what it was built from; a loader that ran again but wrote the same bytes
 * changes no page. A module under _import/ that names a changed data file would change the alias of
 * the module too (and of every page importing it): then this gives up and the whole site is rendered.
 *
 * Run as a script (`node --import tsx scripts/partial-render.ts OUT (PAGES.json | I/N) REPORT.json`),
 * it builds the listed pages, or every N-th page of the site from the I-th, with Framework 1.13's own
 * build() into OUT, with the same config as `observable build` but only those paths, and writes what
 * it rendered (RenderReport) to REPORT.json; scripts/build.ts then merges OUT into dist/. A large
 * site's full render is N such processes side by side (mergeRenders).
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {copyFile, mkdir, readdir, readFile, rm, rmdir, stat, writeFile} from "node:fs/promises";
import {createRequire, syncBuiltinESMExports} from "node:module";
import {basename, dirname, extname, join, relative} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

/** Every file under dir, sorted (none when dir does not exist). */
export async function walk(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of await readdir(dir, {withFileTypes: true})) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out.sort();
}

/**
 * What the pages are made of besides the loaders' output: the page sources and components (src/,
 * loaders included), the library under loaders/, the config, the routes, scripts/build.ts, this
 * file and scripts/page-chrome.ts, the dependencies, the data folder's path and dist/'s. When only the loaders' output changed
 * since the last build, only the pages using it are rendered again; any change here renders all.
 */
export async function sourcesFingerprint(root: string, {routes, dist, data}: {routes: string; dist: string; data: string}): Promise<string> {
  const h = createHash("sha256").update(dist).update("\n").update(data);
  const sources = (await walk(join(root, "src"))).filter((f) => !f.startsWith(join(root, "src", ".observablehq")));
  const library = (await walk(join(root, "loaders"))).filter((f) => f.endsWith(".ts"));
  const own = [join(root, "observablehq.config.ts"), join(root, "package-lock.json"), join(root, "scripts", "build.ts"), join(root, "scripts", "partial-render.ts"), join(root, "scripts", "page-chrome.ts"), routes];
  for (const f of [...sources, ...library, ...own]) if (existsSync(f)) h.update(`\n${relative(root, f)}\n`).update(await readFile(f));
  return h.digest("hex");
}

/** What src/.observablehq/cache/.samverkan-site.json holds: the fingerprint of the last successful build, of its sources, and dist/ as it left it. */
export interface SiteRecord {
  stamp: string;
  sources: string;
  dist: string;
  manifest: string;
}

/** dist/'s files as the last build left them (name, size, time). */
export async function distManifest(distDir: string): Promise<string> {
  const lines: string[] = [];
  for (const f of await walk(distDir)) {
    const s = await stat(f);
    lines.push(`${relative(distDir, f)}\t${s.size}\t${s.mtimeMs}`);
  }
  return lines.join("\n");
}

/** Why every page must be rendered (a Swedish phrase), or "" when only the pages whose data changed need be. */
export async function fullRenderReason(last: Partial<SiteRecord> | null, now: {sources: string; dist: string; forced?: boolean}): Promise<string> {
  if (now.forced) return "SAMVERKAN_FULL_RENDER=1";
  if (!last || !existsSync(now.dist)) return "inget tidigare bygge att utgå från";
  if (last.dist !== now.dist) return "en annan utmapp än förra bygget";
  if (last.sources !== now.sources) return "sidor, komponenter, inställningar, kod eller kommunlistan har ändrats";
  if (last.manifest !== (await distManifest(now.dist))) return `${now.dist} har ändrats sedan förra bygget`;
  return "";
}

/** Framework's name for a file with this content hash (build.js, applyHash). */
export function applyHash(path: string, hash: string): string {
  const ext = extname(path);
  const name = basename(path, ext);
  const dir = dirname(path);
  return `${dir === "." ? "" : `${dir}/`}${name && `${name}.`}${hash}${ext}`;
}

/** `data/x/23.8a9f0c1e.json` → the source file `data/x/23.json` and the hash `8a9f0c1e`; null when it is not such a name. */
export function parseAlias(alias: string): {source: string; hash: string} | null {
  const m = /^(.*?)\.?([0-9a-f]{8})(\.[^./]*)?$/.exec(alias);
  if (!m) return null;
  const source = `${m[1]}${m[3] ?? ""}`;
  return applyHash(source, m[2]) === alias ? {source, hash: m[2]} : null;
}

/** The files under _file/ that a page or module names (relative to _file/). */
export function fileRefs(text: string): Set<string> {
  return new Set([...text.matchAll(/_file\/([^"'`\s\\)?#]+)/g)].map((m) => m[1]));
}

/** The page path Framework builds `dist/<path>.html` from (`/medicinteknik/23`, `/index`, `/jamfor/index`). */
export const pageOf = (distDir: string, html: string) => `/${relative(distDir, html).split("\\").join("/").replace(/\.html$/, "")}`;

const sha8 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex").slice(0, 8);

export interface Plan {
  /** The pages to render again (Framework paths, sorted). */
  pages: string[];
  /** Every page of dist/. */
  total: number;
  /** The data files whose content changed (relative to src/, e.g. data/medicinteknik/23.json). */
  changed: string[];
}

/**
 * The pages of distDir whose data files have other content in Framework's cache (cacheDir) now.
 * Throws, with a Swedish reason, when that cannot be said for certain: a file missing from the cache,
 * or a module that names a changed file.
 */
export async function stalePages(distDir: string, srcDir: string, cacheDir: string): Promise<Plan> {
  const current = new Map<string, boolean>(); // alias → still current
  const changed = new Set<string>();
  const isCurrent = async (alias: string): Promise<boolean> => {
    const known = current.get(alias);
    if (known !== undefined) return known;
    const parsed = parseAlias(alias);
    if (!parsed) throw new Error(`okänt filnamn i ${relative(process.cwd(), distDir) || distDir}: _file/${alias}`);
    let ok: boolean;
    // A file of the page sources (not a loader's output): covered by the fingerprint of the sources.
    if (existsSync(join(srcDir, parsed.source))) ok = true;
    else {
      const cached = join(cacheDir, parsed.source);
      if (!existsSync(cached)) throw new Error(`${parsed.source} saknas i Frameworks cache`);
      ok = (await sha8(cached)) === parsed.hash;
    }
    if (!ok) changed.add(parsed.source);
    current.set(alias, ok);
    return ok;
  };
  const files = await walk(distDir);
  for (const module of files.filter((f) => f.endsWith(".js") && relative(distDir, f).startsWith(`_import`)))
    for (const alias of fileRefs(await readFile(module, "utf8")))
      if (!(await isCurrent(alias))) throw new Error(`modulen ${relative(distDir, module)} läser den ändrade filen ${parseAlias(alias)!.source}`);
  const pages: string[] = [];
  const html = files.filter((f) => f.endsWith(".html"));
  for (const file of html) {
    let stale = false;
    for (const alias of fileRefs(await readFile(file, "utf8"))) if (!(await isCurrent(alias))) stale = true;
    if (stale) pages.push(pageOf(distDir, file));
  }
  return {pages: pages.sort(), total: html.length, changed: [...changed].sort()};
}

/** Copies every file of `from` over `to` (the pages rendered again and the files they use). */
export async function mergeInto(from: string, to: string): Promise<void> {
  for (const file of await walk(from)) {
    const target = join(to, relative(from, file));
    await mkdir(dirname(target), {recursive: true});
    await copyFile(file, target);
  }
}

/** Removes the files under _file/ that no page and no module names any more (a full build would not have them). */
export async function pruneFiles(distDir: string): Promise<string[]> {
  const files = await walk(distDir);
  const used = new Set<string>();
  for (const f of files.filter((f) => f.endsWith(".html") || f.endsWith(".js"))) for (const r of fileRefs(await readFile(f, "utf8"))) used.add(r);
  const root = join(distDir, "_file");
  const removed: string[] = [];
  for (const f of files.filter((f) => f.startsWith(`${root}/`))) {
    const name = relative(root, f).split("\\").join("/");
    if (used.has(name)) continue;
    await rm(f);
    removed.push(name);
    // Folders left empty go too.
    for (let d = dirname(f); d.startsWith(`${root}/`) && !(await readdir(d)).length; d = dirname(d)) await rmdir(d);
  }
  return removed;
}

/**
 * Merges the folders that several render processes wrote into `to` (a new, empty folder). A file two
 * processes both wrote (Framework's client, a shared module, a data file two pages use) is named by
 * its content hash and must have the same bytes in both: otherwise this throws.
 */
export async function mergeRenders(froms: string[], to: string): Promise<void> {
  const seen = new Map<string, number>(); // file → size
  for (const from of froms)
    for (const file of await walk(from)) {
      const name = relative(from, file);
      const target = join(to, name);
      const size = (await stat(file)).size;
      if (seen.has(name)) {
        if (seen.get(name) !== size || !(await readFile(file)).equals(await readFile(target))) throw new Error(`två renderingar skrev olika innehåll i ${name}`);
        continue;
      }
      await mkdir(dirname(target), {recursive: true});
      await copyFile(file, target);
      seen.set(name, size);
    }
}

const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The links (`[page, target]`, as Framework gives them: `/kommun/0110`, `/metod-sekretess#troskel`)
 * that no page of the finished site resolves: neither a page of distDir nor an id or name on it.
 */
export async function brokenLinks(distDir: string, links: [string, string][]): Promise<[string, string][]> {
  const broken: [string, string][] = [];
  for (const [page, target] of links) {
    const [path, anchor] = target.split("#", 2);
    const file = join(distDir, `${path.endsWith("/") ? `${path}index` : path}.html`);
    let ok = existsSync(file);
    if (ok && anchor !== undefined) {
      const id = escapeAttribute(decodeURIComponent(anchor));
      ok = new RegExp(`\\s(?:id|name)="${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`).test(await readFile(file, "utf8"));
    }
    if (!ok) broken.push([page, target]);
  }
  return broken;
}

/** The build manifest of a site rendered by several processes: their pages in Framework's order, modules and files once each. */
export function mergeManifests(reports: RenderReport[]): BuildManifest {
  const first = reports.find((r) => r.manifest.title !== undefined)?.manifest;
  const order = new Map<string, number>();
  for (const r of reports) r.manifest.pages.forEach((p, k) => order.set(p.path, r.pages[k]?.index ?? Infinity));
  const once = <T extends {path: string}>(items: T[]) => [...new Map(items.map((i) => [i.path, i])).values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    ...(first ? {title: first.title} : {}),
    config: reports[0]?.manifest.config ?? {root: "src"},
    pages: reports.flatMap((r) => r.manifest.pages).sort((a, b) => order.get(a.path)! - order.get(b.path)! || (a.path < b.path ? -1 : 1)),
    modules: once(reports.flatMap((r) => r.manifest.modules)),
    files: once(reports.flatMap((r) => r.manifest.files))
  };
}

/** Framework's record of a build (build.js, buildManifest): what it writes to src/.observablehq/cache/_build.json. */
export interface BuildManifest {
  title?: string;
  config: {root: string};
  pages: {path: string; source: string; title?: string}[];
  modules: {path: string; source: string}[];
  files: {path: string; source: string}[];
}

/** What a render process reports beside the pages it wrote (the JSON of its report file). */
export interface RenderReport {
  /** The pages it rendered, each with its place in Framework's order of every page (-1: not a page of the config). */
  pages: {index: number; path: string}[];
  manifest: BuildManifest;
  /** Links among its pages that Framework could not resolve, [page, target]: the target may be a page another process rendered. */
  links: [string, string][];
}

/** Which pages a render process renders: a list (the stale ones), or every n-th page of the site (one of n processes). */
export type Selection = {pages: string[]} | {shard: number; of: number};

/** The pages of `all` (Framework's order) a selection takes. Shards take every n-th page, so that each gets a like mix of page kinds. */
export function selectPages(all: string[], which: Selection): {index: number; path: string}[] {
  if ("pages" in which) return which.pages.map((path) => ({index: all.indexOf(path), path}));
  return all.map((path, index) => ({index, path})).filter(({index}) => index % which.of === which.shard);
}

/**
 * Framework writes the client bundles (`_observablehq/*.js`) and the node_modules bundles (`_node/`)
 * into its cache with a plain writeFile, and reads them back: two render processes side by side
 * could read a file the other is half-way through writing. In a render process every write of a
 * file goes to a temporary name first and is renamed into place, which is atomic.
 */
export function atomicWrites(): void {
  const require = createRequire(import.meta.url);
  const fsp = require("node:fs/promises") as typeof import("node:fs/promises");
  const {writeFile, copyFile, rename, unlink} = fsp;
  let n = 0;
  const atomically = async (target: unknown, write: (tmp: string) => Promise<void>) => {
    const tmp = `${String(target)}.${process.pid}.${++n}.tmp`;
    try {
      await write(tmp);
      await rename(tmp, String(target));
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw e;
    }
  };
  fsp.writeFile = (async (file: Parameters<typeof writeFile>[0], data: Parameters<typeof writeFile>[1], options?: Parameters<typeof writeFile>[2]) =>
    typeof file === "string" || file instanceof URL ? atomically(file instanceof URL ? fileURLToPath(file) : file, (tmp) => writeFile(tmp, data, options)) : writeFile(file, data, options)) as typeof writeFile;
  fsp.copyFile = (async (src: Parameters<typeof copyFile>[0], dest: Parameters<typeof copyFile>[1], mode?: number) =>
    mode ? copyFile(src, dest, mode) : atomically(dest instanceof URL ? fileURLToPath(dest) : dest, (tmp) => copyFile(src, tmp))) as typeof copyFile;
  // Framework imports these by name (`import {writeFile} from "node:fs/promises"`): update those bindings too.
  syncBuiltinESMExports();
}

/**
 * Renders the selected pages into `out` with the project's config and Framework 1.13's own build():
 * run from the project root. Framework's running commentary is left out (the caller says what was
 * rendered); warnings and errors are shown. Writes a RenderReport to `reportFile`.
 */
async function renderPages(out: string, which: Selection, reportFile: string): Promise<void> {
  const framework = join(process.cwd(), "node_modules", "@observablehq", "framework", "dist");
  const {readConfig} = await import(pathToFileURL(join(framework, "config.js")).href);
  type Logger = Pick<Console, "log" | "warn" | "error">;
  const {build, FileBuildEffects} = (await import(pathToFileURL(join(framework, "build.js")).href)) as {
    build(options: {config: unknown}, effects: unknown): Promise<void>;
    FileBuildEffects: new (outputRoot: string, cacheDir: string, options: {logger: Logger; output: {write(s: string): boolean}}) => object;
  };
  // Framework looks for the loader of a file (find: src/data/x.json, x.json.ts, [param].json, an
  // archive in a parent folder, …) by reading the folders of src/ again for every page that names
  // it: a sixth of a national render. The answer depends on src/ only (not on the cache), and no
  // file of src/ comes or goes while the pages render, so it is remembered per path.
  const {LoaderResolver} = (await import(pathToFileURL(join(framework, "loader.js")).href)) as {LoaderResolver: {prototype: {find(path: string): unknown}}};
  const find = LoaderResolver.prototype.find;
  const found = new Map<string, unknown>();
  LoaderResolver.prototype.find = function (this: {root: string}, path: string) {
    const key = `${this.root}\0${path}`;
    if (!found.has(key)) found.set(key, find.call(this, path));
    return found.get(key);
  };
  const config = await readConfig(undefined, undefined);
  const all: string[] = [];
  for await (const path of config.paths()) all.push(path);
  const pages = selectPages(all, which);
  const report: RenderReport = {pages, manifest: {config: {root: config.root}, pages: [], modules: [], files: []}, links: []};
  // A link to a page this process does not render looks broken to Framework: the caller checks the links against every page.
  const plain = (a: unknown[]) => a.map(String).join(" ").replace(/\x1b\[[0-9;]*m/g, "");
  // SAMVERKAN_RENDER_VERBOSE=1 shows the commentary too (what Framework does, page by page).
  const verbose = process.env.SAMVERKAN_RENDER_VERBOSE === "1";
  const logger: Logger = {
    log: (...a: unknown[]) => {
      const link = /^\u21B3 (\S+) \u2192 (\S+)$/.exec(plain(a).trim());
      if (link) report.links.push([link[1], link[2]]);
      else if (verbose) console.log(...a);
    },
    warn: (...a: unknown[]) => (/broken links?\b/.test(plain(a)) ? undefined : console.warn(...a)),
    error: (...a: unknown[]) => console.error(...a)
  };
  class PartialEffects extends FileBuildEffects {
    // `out` is a new empty folder (outside the project, where Framework would not clear it).
    async prepare(): Promise<void> {}
    // The caller writes the manifest: src/.observablehq/cache/_build.json lists every page of the site.
    async writeBuildManifest(manifest: BuildManifest): Promise<void> {
      report.manifest = manifest;
    }
  }
  const partial = {
    ...config,
    output: out,
    async *paths() {
      for (const {path} of pages) yield path;
    }
  };
  if (pages.length) await build({config: partial}, new PartialEffects(out, join(config.root, ".observablehq", "cache"), {logger, output: verbose ? process.stdout : {write: () => true}}));
  await writeFile(reportFile, JSON.stringify(report));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, what, reportFile] = process.argv.slice(2);
  const shard = /^(\d+)\/(\d+)$/.exec(what ?? "");
  if (!out || !what || !reportFile || (shard && !(Number(shard[1]) < Number(shard[2])))) {
    console.error("Användning: tsx scripts/partial-render.ts UTMAPP (SIDOR.json | I/N) RAPPORT.json");
    process.exit(2);
  }
  atomicWrites();
  await renderPages(out, shard ? {shard: Number(shard[1]), of: Number(shard[2])} : {pages: JSON.parse(await readFile(what, "utf8"))}, reportFile);
}
