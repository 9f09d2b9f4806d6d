// The partial render end to end (scripts/build.ts, scripts/partial-render.ts): on a copy of data/,
// with its own warehouse and output folders, a full build; a rebuild with nothing changed renders
// nothing; one row appended to mt-uppdrag.csv renders only the pages whose data files changed; and
// the result is the dist/ a full build of the same data gives, as does a full render in several
// processes. Here (not in test/build) because it runs Framework, whose cache the other builds of
// this folder share: one file at a time.
// When a page source, a component or the config changed, everything is rendered: test/build/partial-render.test.ts.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative, resolve} from "node:path";

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
  it("renders nothing when nothing changed, some pages after an appended row, and gives the dist/ of a full build", () => {
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
    expect(files(out)).toEqual(files(full));
    for (const f of files(full)) {
      const a = readFileSync(join(out, f));
      const b = readFileSync(join(full, f));
      if (f.endsWith(".html")) expect(withoutTimes(a.toString("utf8")), f).toBe(withoutTimes(b.toString("utf8")));
      else expect(a.equals(b), relative(root, join(out, f))).toBe(true);
    }

    // The same site rendered in three processes side by side (a national site renders in one per
    // core): byte for byte Framework's own build, and the same build manifest.
    const manifest = join(ROOT, "src", ".observablehq", "cache", "_build.json");
    const frameworks = readFileSync(manifest, "utf8");
    const sideBySide = join(root, "side-by-side");
    expect(build(sideBySide, {SAMVERKAN_RENDER_PROCESSES: "3"})).toMatch(new RegExp(`Renderade ${all.length} sidor i 3 processer sida vid sida`));
    expect(files(sideBySide)).toEqual(files(full));
    for (const f of files(full)) expect(readFileSync(join(sideBySide, f)).equals(readFileSync(join(full, f))), f).toBe(true);
    expect(JSON.parse(readFileSync(manifest, "utf8"))).toEqual(JSON.parse(frameworks));
  }, 600_000);
});
