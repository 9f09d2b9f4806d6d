// The partial render (scripts/partial-render.ts): which pages are stale after loader output changed,
// when everything must be rendered instead, and the data files a full build would not have.
// The end-to-end run (a build, one appended row, a rebuild that renders only some pages, the same
// dist/ as a full build) is test/browser/partial-render.test.ts: it runs Framework, which shares its
// cache with the other builds there; so is the full render in several processes against Framework's own.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {execFileSync} from "node:child_process";
import {applyHash, brokenLinks, distManifest, fullRenderReason, mergeManifests, mergeRenders, parseAlias, pruneFiles, selectPages, sourcesFingerprint, stalePages, type RenderReport} from "../../scripts/partial-render.ts";
import {ROOT} from "../../loaders/warehouse.ts";

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "samverkan-partial-test-"));
});
afterAll(() => rmSync(root, {recursive: true, force: true}));

function write(path: string, text: string): void {
  mkdirSync(dirname(path), {recursive: true});
  writeFileSync(path, text);
}
// Framework's alias of a data file: the first 8 hex digits of the SHA-256 of its bytes before the extension (build.js, applyHash).
const sha8 = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 8);

describe("Framework's file names", () => {
  it("puts the content hash before the extension, and reads it back", () => {
    expect(applyHash("data/medicinteknik/23.json", "8a9f0c1e")).toBe("data/medicinteknik/23.8a9f0c1e.json");
    expect(applyHash("data/kommun-0110.json", "0123abcd")).toBe("data/kommun-0110.0123abcd.json");
    expect(parseAlias("data/medicinteknik/23.8a9f0c1e.json")).toEqual({source: "data/medicinteknik/23.json", hash: "8a9f0c1e"});
    expect(parseAlias("data/jamfor/14/meta.0123abcd.json")).toEqual({source: "data/jamfor/14/meta.json", hash: "0123abcd"});
    expect(parseAlias("data/site.json")).toBeNull();
    expect(parseAlias("data/site.12345.json")).toBeNull();
  });
});

describe("the stale pages", () => {
  it("are the pages naming a data file whose content changed; a file with the same bytes changes nothing", async () => {
    const dir = join(root, "stale");
    const dist = join(dir, "dist");
    const cache = join(dir, "cache");
    const src = join(dir, "src");
    // The last build: two county pages and the start page, each naming its files as Framework does.
    const site = '{"title":"x"}';
    const mt23old = '{"jobs":1}';
    const mt24 = '{"jobs":0}';
    const ref = (depth: number, file: string, text: string) => `registerFile("${"../".repeat(depth)}${file}", {"path":"${"../".repeat(depth)}_file/${applyHash(file, sha8(text))}","lastModified":1});`;
    write(join(dist, "index.html"), `<script>${ref(0, "data/site.json", site)}</script>`);
    write(join(dist, "medicinteknik", "23.html"), `<script>${ref(1, "data/site.json", site)}${ref(1, "data/medicinteknik/23.json", mt23old)}</script>`);
    write(join(dist, "medicinteknik", "24.html"), `<script>${ref(1, "data/site.json", site)}${ref(1, "data/medicinteknik/24.json", mt24)}</script>`);
    // Now: 23.json has one more job; site.json and 24.json were written again with the same bytes.
    write(join(cache, "data", "site.json"), site);
    write(join(cache, "data", "medicinteknik", "23.json"), '{"jobs":2}');
    write(join(cache, "data", "medicinteknik", "24.json"), mt24);
    mkdirSync(src, {recursive: true});
    expect(await stalePages(dist, src, cache)).toEqual({pages: ["/medicinteknik/23"], total: 3, changed: ["data/medicinteknik/23.json"]});

    // A file the cache does not have: no certain answer, so the caller renders everything.
    rmSync(join(cache, "data", "medicinteknik", "24.json"));
    await expect(stalePages(dist, src, cache)).rejects.toThrow(/data\/medicinteknik\/24\.json saknas/);
    write(join(cache, "data", "medicinteknik", "24.json"), mt24);

    // A module that names a changed file changes its own alias and every page importing it: no partial render.
    write(join(dist, "_import", "components", "x.0123abcd.js"), `const f = "../../_file/${applyHash("data/medicinteknik/23.json", sha8(mt23old))}";`);
    await expect(stalePages(dist, src, cache)).rejects.toThrow(/modulen _import\/components\/x\.0123abcd\.js/);
  });

  it("drops the data files no page or module names any more, and the folders left empty", async () => {
    const dist = join(root, "prune");
    write(join(dist, "a.html"), `"path":"./_file/data/a.11111111.json"`);
    write(join(dist, "_import", "m.22222222.js"), `"../_file/data/m.33333333.json"`);
    for (const f of ["data/a.11111111.json", "data/a.44444444.json", "data/m.33333333.json", "data/old/23.55555555.json"]) write(join(dist, "_file", f), "{}");
    expect((await pruneFiles(dist)).sort()).toEqual(["data/a.44444444.json", "data/old/23.55555555.json"]);
    expect(readdirSync(join(dist, "_file", "data")).sort()).toEqual(["a.11111111.json", "m.33333333.json"]);
    expect(existsSync(join(dist, "_file", "data", "old"))).toBe(false);
  });
});

describe("when every page is rendered", () => {
  it("after a change of a page source, a component, the config, the library or the routes; not after a change in Framework's cache", async () => {
    const project = join(root, "project");
    for (const p of ["src", "loaders", "observablehq.config.ts", "package-lock.json", join("scripts", "build.ts"), join("scripts", "partial-render.ts"), join("scripts", "page-chrome.ts")])
      cpSync(join(ROOT, p), join(project, p), {recursive: true, filter: (f) => !f.includes(".observablehq")});
    const routes = join(project, "routes.json");
    write(routes, '{"counties":["23","24"]}');
    const args = {routes, dist: join(project, "dist"), data: join(project, "data")};
    const base = await sourcesFingerprint(project, args);
    const changed = async (edit: () => void) => {
      edit();
      const now = await sourcesFingerprint(project, args);
      return now !== base;
    };
    // Loader output in Framework's cache is not a source.
    expect(await changed(() => write(join(project, "src", ".observablehq", "cache", "data", "site.json"), "{}"))).toBe(false);
    expect(await sourcesFingerprint(project, {...args, dist: join(project, "other")})).not.toBe(base);
    expect(await sourcesFingerprint(project, {...args, data: join(project, "other")})).not.toBe(base);
    let last = base;
    for (const file of [join("src", "medicinteknik", "[lan].md"), join("src", "components", "palette.ts"), join("src", "data", "medicinteknik.tar.ts"), "observablehq.config.ts", join("loaders", "format.ts"), "package-lock.json", join("scripts", "build.ts"), join("scripts", "page-chrome.ts"), "routes.json"]) {
      appendFileSync(join(project, file), "\n");
      const now = await sourcesFingerprint(project, args);
      expect(now, file).not.toBe(last);
      last = now;
    }

    // The decision, from the record of the last build.
    const dist = args.dist;
    write(join(dist, "index.html"), "<p>");
    const record = {stamp: "x", sources: last, dist, manifest: await distManifest(dist)};
    expect(await fullRenderReason(record, {sources: last, dist})).toBe("");
    expect(await fullRenderReason(record, {sources: base, dist})).toMatch(/sidor, komponenter/);
    expect(await fullRenderReason(null, {sources: last, dist})).toMatch(/inget tidigare bygge/);
    expect(await fullRenderReason({...record, dist: join(project, "other")}, {sources: last, dist})).toMatch(/annan utmapp/);
    expect(await fullRenderReason(record, {sources: last, dist, forced: true})).toMatch(/SAMVERKAN_FULL_RENDER/);
    // dist/ touched since the last build (a file added): it cannot be patched.
    write(join(dist, "extra.html"), "<p>");
    expect(await fullRenderReason(record, {sources: last, dist})).toMatch(/har ändrats sedan förra bygget/);
  });
});

describe("rendering in several processes", () => {
  it("gives each process every n-th page: together every page once, in like mixes", () => {
    const all = ["/index", "/jamfor/01", "/jamfor/03", "/kommun/0114", "/kommun/0115", "/kommun/0117", "/seminarium/01/2025"];
    const shards = [0, 1, 2].map((shard) => selectPages(all, {shard, of: 3}));
    expect(shards[0]).toEqual([{index: 0, path: "/index"}, {index: 3, path: "/kommun/0114"}, {index: 6, path: "/seminarium/01/2025"}]);
    expect(shards[1].map((p) => p.index)).toEqual([1, 4]);
    expect(shards[2].map((p) => p.index)).toEqual([2, 5]);
    expect(shards.flat().map((p) => p.path).sort()).toEqual([...all].sort());
    // A list (the stale pages) keeps its own order; a page the config does not have is -1.
    expect(selectPages(all, {pages: ["/kommun/0115", "/gone"]})).toEqual([{index: 4, path: "/kommun/0115"}, {index: -1, path: "/gone"}]);
  });

  it("merges the folders: a file both wrote must have the same bytes", async () => {
    const dir = join(root, "merge");
    write(join(dir, "a", "index.html"), "<p>a</p>");
    write(join(dir, "a", "_observablehq", "client.d10d8454.js"), "client");
    write(join(dir, "b", "kommun", "0114.html"), "<p>b</p>");
    write(join(dir, "b", "_observablehq", "client.d10d8454.js"), "client");
    await mergeRenders([join(dir, "a"), join(dir, "b")], join(dir, "out"));
    expect(readdirSync(join(dir, "out"), {recursive: true}).map(String).sort()).toEqual(["_observablehq", "_observablehq/client.d10d8454.js", "index.html", "kommun", "kommun/0114.html"]);
    // Same size, other bytes: a torn or diverging write, never silently one of them.
    write(join(dir, "c", "_observablehq", "client.d10d8454.js"), "CLIENT");
    await expect(mergeRenders([join(dir, "a"), join(dir, "c")], join(dir, "out2"))).rejects.toThrow(/olika innehåll i _observablehq\/client\.d10d8454\.js/);
  });

  it("checks the links among pages two processes rendered against the whole site", async () => {
    const dir = join(root, "links");
    write(join(dir, "metod-sekretess.html"), '<h2 id="troskel">Tröskel</h2><h2 id="sm&aring;-tal">x</h2><a name="gammal"></a>');
    write(join(dir, "jamfor", "index.html"), "<p>jämför</p>");
    write(join(dir, "kommun", "0114.html"), "<p>Upplands Väsby</p>");
    const links: [string, string][] = [
      ["/index", "/kommun/0114"],
      ["/index", "/jamfor/"],
      ["/index", "/metod-sekretess#troskel"],
      ["/index", "/metod-sekretess#gammal"],
      ["/index", "/metod-sekretess#saknas"],
      ["/index", "/kommun/9999"],
      ["/kommun/0114", "/metod-sekretess"]
    ];
    expect(await brokenLinks(dir, links)).toEqual([
      ["/index", "/metod-sekretess#saknas"],
      ["/index", "/kommun/9999"]
    ]);
  });

  it("writes one build manifest: the pages in Framework's order, each module and file once", () => {
    const report = (pages: [number, string][], files: string[]): RenderReport => ({
      pages: pages.map(([index, path]) => ({index, path})),
      manifest: {title: "Samverkan i siffror", config: {root: "src"}, pages: pages.map(([, path]) => ({path, source: `${path}.md`})), modules: [], files: files.map((f) => ({path: f, source: f}))},
      links: []
    });
    const merged = mergeManifests([report([[0, "/index"], [2, "/kommun/0114"]], ["/data/site.json", "/data/a.json"]), report([[1, "/jamfor/"], [3, "/kommun/0115"]], ["/data/site.json"])]);
    expect(merged.title).toBe("Samverkan i siffror");
    expect(merged.pages.map((p) => p.path)).toEqual(["/index", "/jamfor/", "/kommun/0114", "/kommun/0115"]);
    expect(merged.files.map((f) => f.path)).toEqual(["/data/a.json", "/data/site.json"]);
  });

  it("writes Framework's cache files by renaming a whole file into place (a second process never reads half a file)", () => {
    // In a process of its own: the change is to node:fs/promises for the whole process.
    const script = join(root, "atomic.mts");
    const file = join(root, "atomic.txt");
    writeFileSync(
      script,
      `import {atomicWrites} from ${JSON.stringify(join(ROOT, "scripts", "partial-render.ts"))};
import {writeFile, copyFile} from "node:fs/promises";
import {statSync} from "node:fs";
const f = ${JSON.stringify(file)};
await writeFile(f, "first");
const before = statSync(f).ino;
await writeFile(f, "plain");
const plain = statSync(f).ino;
atomicWrites();
await writeFile(f, "second");
const written = statSync(f).ino;
await copyFile(f, f + ".copy");
await copyFile(f, f + ".copy");
console.log(JSON.stringify({same: before === plain, replaced: written !== plain}));
`
    );
    const out = execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), script], {cwd: ROOT, encoding: "utf8"});
    // A plain writeFile truncates the same file (same inode): what a reader can catch half-way.
    expect(JSON.parse(out)).toEqual({same: true, replaced: true});
    expect(readFileSync(file, "utf8")).toBe("second");
    expect(readFileSync(`${file}.copy`, "utf8")).toBe("second");
    expect(readdirSync(root).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
