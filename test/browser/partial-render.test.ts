// The partial render end to end (scripts/build.ts, scripts/partial-render.ts): on a copy of data/,
// with its own warehouse and output folders, a full build; a rebuild with nothing changed renders
// nothing; one row appended to mt-uppdrag.csv renders only the pages whose data files changed; and
// the result is the dist/ a full build of the same data gives, as does a full render in several
// processes; and when a render process or the partial render dies, the build falls back to
// Framework's own render of every page. Here (not in test/build) because it runs Framework, whose
// cache the other builds of this folder share: one file at a time.
// When a page source, a component or the config changed, everything is rendered: test/build/partial-render.test.ts.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {execFileSync, spawnSync} from "node:child_process";
import {appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..");
let root: string;
let data: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "samverkan-partial-e2e-"));
  data = join(root, "data");
  cpSync(join(ROOT, "data"), data, {recursive: true});
});
afterAll(() => rmSync(root, {recursive: true, force: true}));

/** What the build said on stdout (which pages it rendered). */
function build(out: string, env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "build"], {
    cwd: ROOT,
    env: {...process.env, SAMVERKAN_DATA: data, SAMVERKAN_OUT: out, SAMVERKAN_WAREHOUSE: join(root, "warehouse"), ...env},
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20
  });
}

/**
 * A build in which every render process of scripts/partial-render.ts dies at its start (a preload
 * that exits in that script only): what it said on stdout and stderr, and its exit code.
 */
function buildWithRenderFailing(out: string, env: Record<string, string> = {}): {log: string; status: number | null} {
  const preload = join(root, "fail-partial-render.cjs");
  writeFileSync(preload, `if (process.argv.some((a) => a.endsWith("partial-render.ts"))) process.exit(3);\n`);
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "build"], {
    cwd: ROOT,
    env: {...process.env, SAMVERKAN_DATA: data, SAMVERKAN_OUT: out, SAMVERKAN_WAREHOUSE: join(root, "warehouse"), NODE_OPTIONS: `--require ${preload}`, ...env},
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20
  });
  return {log: `${r.stdout}\n${r.stderr}`, status: r.status};
}

/** The same files, byte for byte but for registerFile's lastModified in the HTML. */
function expectSameSite(dir: string, reference: string): void {
  expect(files(dir)).toEqual(files(reference));
  for (const f of files(reference)) {
    const a = readFileSync(join(dir, f));
    const b = readFileSync(join(reference, f));
    if (f.endsWith(".html")) expect(withoutTimes(a.toString("utf8")), f).toBe(withoutTimes(b.toString("utf8")));
    else expect(a.equals(b), f).toBe(true);
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, {recursive: true})
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}
const pages = (dir: string) => files(dir).filter((f) => f.endsWith(".html"));
const mtimes = (dir: string) => Object.fromEntries(pages(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
/** The data files a page names (`_file/data/...` with their content hash). */
const refs = (dir: string, page: string) => [...readFileSync(join(dir, page), "utf8").matchAll(/_file\/(data\/[^"]+)/g)].map((m) => m[1]).sort();
// registerFile's lastModified is the time the loader wrote the file: a full build after the partial one may differ there only.
const withoutTimes = (html: string) => html.replace(/"lastModified":\d+/g, '"lastModified":0');

describe("a rebuild after loader output changed renders only the pages whose data changed", () => {
  it("renders nothing when nothing changed, some pages after an appended row, gives the dist/ of a full build, and falls back to a full render when a render dies", () => {
    const out = join(root, "out");
    expect(build(out)).toMatch(/Renderar alla sidor/);
    const all = pages(out);
    expect(all.length).toBeGreaterThan(40);

    // Nothing changed: no page is written again.
    const before = mtimes(out);
    const refsBefore = Object.fromEntries(all.map((p) => [p, refs(out, p)]));
    const again = build(out);
    expect(again).toMatch(/Inget har ändrats sedan förra bygget|Renderar om 0 av/);
    expect(mtimes(out)).toEqual(before);

    // One row appended to mt-uppdrag.csv (Östersund, county 23, the MT agreement's county): the loaders
    // that read the file run again (medicinteknik, the seminar reports, the data quality report, which
    // names every file) and only the pages naming a data file with other content are rendered.
    appendFileSync(join(data, "mt-uppdrag.csv"), "2380;2025-12-17;2,00;100,00;0,00\n");
    const log = build(out);
    const said = /Renderar om (\d+) av (\d+) sidor \(data ändrad: ([^)]*)\)/.exec(log);
    expect(said, log.slice(-3000)).not.toBeNull();
    expect(Number(said![2])).toBe(all.length);
    expect(said![3]).toContain("medicinteknik.tar");
    const after = mtimes(out);
    const rendered = Object.keys(after).filter((p) => after[p] !== before[p]).sort();
    expect(rendered.length).toBe(Number(said![1]));
    expect(rendered).toContain("medicinteknik/23.html");
    expect(rendered).toContain("datakvalitet.html");
    expect(rendered.length).toBeLessThan(all.length / 4);
    // Every page rendered names a file of a loader that reads mt-uppdrag.csv, and it is exactly the
    // pages whose named files changed.
    for (const p of rendered) expect(refs(out, p).some((r) => /^data\/(medicinteknik\/|seminarium\/|datakvalitet\.)/.test(r)), p).toBe(true);
    expect(all.filter((p) => refs(out, p).join() !== refsBefore[p].join())).toEqual(rendered);
    expect(pages(out)).toEqual(all);

    // A full build of the same data into another folder gives the same files and the same pages.
    const full = join(root, "full");
    expect(build(full)).toMatch(/Renderar alla sidor/);
    expectSameSite(out, full);

    // The same site rendered in three processes side by side (a national site renders in one per
    // core): byte for byte Framework's own build, and the same build manifest.
    const manifest = join(ROOT, "src", ".observablehq", "cache", "_build.json");
    const frameworks = readFileSync(manifest, "utf8");
    const sideBySide = join(root, "side-by-side");
    expect(build(sideBySide, {SAMVERKAN_RENDER_PROCESSES: "3"})).toMatch(new RegExp(`Renderade ${all.length} sidor i 3 processer sida vid sida`));
    expect(files(sideBySide)).toEqual(files(full));
    for (const f of files(full)) expect(readFileSync(join(sideBySide, f)).equals(readFileSync(join(full, f))), f).toBe(true);
    expect(JSON.parse(readFileSync(manifest, "utf8"))).toEqual(JSON.parse(frameworks));

    // A partial render that dies (one more row appended; the side-by-side folder holds the last
    // build): every page is rendered again.
    appendFileSync(join(data, "mt-uppdrag.csv"), "2380;2025-12-18;1,00;50,00;0,00\n");
    const partialFailed = buildWithRenderFailing(sideBySide);
    expect(partialFailed.status, partialFailed.log.slice(-3000)).toBe(0);
    expect(partialFailed.log).toMatch(/Renderar om \d+ av \d+ sidor/);
    expect(partialFailed.log).toMatch(/Renderar alla sidor: den partiella renderingen misslyckades/);

    // A render process that dies: the build says so and lets Framework render every page itself.
    const fellBack = join(root, "fell-back");
    const failed = buildWithRenderFailing(fellBack, {SAMVERKAN_RENDER_PROCESSES: "2"});
    expect(failed.status, failed.log.slice(-3000)).toBe(0);
    expect(failed.log).toMatch(/Renderingen avbröts \(en av 2 renderingsprocesser misslyckades\): Framework renderar om alla sidor/);
    expect(failed.log).not.toMatch(/Renderade \d+ sidor i 2 processer/);

    // Both give what a full build of the same data gives.
    const fullAgain = join(root, "full-again");
    expect(build(fullAgain)).toMatch(/Renderar alla sidor/);
    expect(refs(fullAgain, "medicinteknik/23.html")).not.toEqual(refs(full, "medicinteknik/23.html"));
    expectSameSite(sideBySide, fullAgain);
    expectSameSite(fellBack, fullAgain);
  }, 900_000);
});
