// The partial render (scripts/partial-render.ts): which pages are stale after loader output changed,
// when everything must be rendered instead, and the data files a full build would not have.
// The end-to-end run (a build, one appended row, a rebuild that renders only some pages, the same
// dist/ as a full build) is test/browser/partial-render.test.ts: it runs Framework, which shares its
// cache with the other builds there.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {applyHash, distManifest, fullRenderReason, parseAlias, pruneFiles, sourcesFingerprint, stalePages} from "../../scripts/partial-render.ts";
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
