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
 * Run as a script (`tsx scripts/partial-render.ts OUT PAGES.json`), it builds the listed pages with
 * Framework 1.13's own build() into OUT, with the same config as `observable build` but only those
 * paths; scripts/build.ts then merges OUT into dist/.
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {copyFile, mkdir, readdir, readFile, rm, rmdir, stat} from "node:fs/promises";
import {basename, dirname, extname, join, relative} from "node:path";
import {pathToFileURL} from "node:url";

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

/** Renders `pages` (Framework paths) into `out` with the project's config: run from the project root. */
async function renderPages(out: string, pages: string[]): Promise<void> {
  const framework = join(process.cwd(), "node_modules", "@observablehq", "framework", "dist");
  const {readConfig} = await import(pathToFileURL(join(framework, "config.js")).href);
  type Logger = Pick<Console, "log" | "warn" | "error">;
  const {build, FileBuildEffects} = (await import(pathToFileURL(join(framework, "build.js")).href)) as {
    build(options: {config: unknown}, effects: unknown): Promise<void>;
    FileBuildEffects: new (outputRoot: string, cacheDir: string, options: {logger: Logger}) => object;
  };
  const config = await readConfig(undefined, undefined);
  // Links to pages that are not rendered this time are not broken: Framework's warning about them is left out.
  let broken = false;
  const logger: Logger = {
    log: (...a: unknown[]) => (broken && String(a[0]).includes("\u21B3") ? undefined : console.log(...a)),
    warn: (...a: unknown[]) => ((broken = String(a[0]).includes("broken link")) ? undefined : console.warn(...a)),
    error: (...a: unknown[]) => console.error(...a)
  };
  class PartialEffects extends FileBuildEffects {
    // `out` is a new empty folder (outside the project, where Framework would not clear it).
    async prepare(): Promise<void> {}
    // The full build's manifest (src/.observablehq/cache/_build.json) lists every page: it stays.
    async writeBuildManifest(): Promise<void> {}
  }
  const partial = {
    ...config,
    output: out,
    async *paths() {
      yield* pages;
    }
  };
  await build({config: partial}, new PartialEffects(out, join(config.root, ".observablehq", "cache"), {logger}));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, list] = process.argv.slice(2);
  if (!out || !list) {
    console.error("Användning: tsx scripts/partial-render.ts UTMAPP SIDOR.json");
    process.exit(2);
  }
  await renderPages(out, JSON.parse(await readFile(list, "utf8")));
}
