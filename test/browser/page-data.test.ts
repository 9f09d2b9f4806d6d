// What each page of the built site fetches: every data file a page can fetch (the files its HTML
// registers for FileAttachment: what it draws first and the parts it fetches on demand), gzipped, is
// at most 300 kB on the demo data; and a page of one county never fetches another county's file
// (statically for every per-county page, and in the browser for /vaccination/<lan>).
import {existsSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {DIST, open, sitePages} from "./harness.ts";
import {useSite} from "./site-fixture.ts";

const site = useSite();
const LIMIT = 300_000;

/** The page's HTML file for a path ("/vaccination/24" → dist/vaccination/24.html, "/jamfor/" → dist/jamfor/index.html). */
const htmlOf = (path: string) => join(DIST, path.endsWith("/") ? `${path}index.html` : `${path}.html`);

/** The data files a page registers (Framework writes each FileAttachment's path into the page's HTML), resolved to dist paths. */
export function pageDataFiles(path: string): string[] {
  const file = htmlOf(path);
  const html = readFileSync(file, "utf8");
  return [...new Set([...html.matchAll(/"path":"([^"]+)"/g)].map((m) => resolve(join(file, ".."), m[1].split("?")[0])))].filter((f) => f.includes(`${join(DIST, "_file")}/`));
}

const gz = (file: string) => (existsSync(file) ? gzipSync(readFileSync(file)).length : 0);

/** Pages with one page per county: the folder and where the county code sits in the path. */
const PER_COUNTY = /^\/(vaccination|ersattningar|medicinteknik|jamfor|normalvariation|skattevaxling|avtal)\/(\d{2})$|^\/seminarium\/(\d{2})\/\d{4}$/;

describe("data per page", () => {
  const pages = sitePages();

  it("finds the pages and their data (the check itself)", () => {
    expect(pages).toEqual(expect.arrayContaining(["/vaccination/23", "/vaccination/24", "/ersattningar/23", "/medicinteknik/23", "/seminarium/23/2025", "/vaccination/", "/seminarium/2025"]));
    const files = pageDataFiles("/vaccination/24").map((f) => f.slice(DIST.length));
    expect(files.some((f) => /^\/_file\/data\/vaccination\/24\.[0-9a-f]+\.json$/.test(f))).toBe(true);
    expect(files.every((f) => existsSync(join(DIST, f)))).toBe(true);
  });

  it("every page's data files, gzipped, add up to at most 300 kB", () => {
    const over = pages
      .map((p) => ({p, bytes: pageDataFiles(p).reduce((t, f) => t + gz(f), 0)}))
      .filter((x) => x.bytes > LIMIT)
      .map((x) => `${x.p}: ${Math.round(x.bytes / 1000)} kB`);
    expect(over).toEqual([]);
  });

  it("a county's page registers no file of another county", () => {
    const foreign: string[] = [];
    for (const p of pages) {
      const m = PER_COUNTY.exec(p);
      if (!m) continue;
      const county = m[2] ?? m[3];
      for (const f of pageDataFiles(p)) {
        const rel = f.slice(join(DIST, "_file", "data").length);
        // A county's file is named by its code: <folder>/<lan>.json, <folder>/<lan>/…, seminarium/<lan>/<year>.json.
        const code = /^\/[^/]+\/(\d{2})(?:[./])/.exec(rel)?.[1];
        if (code && code !== county) foreign.push(`${p} → ${rel}`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it("/vaccination/24 requests only Västerbotten's file of the vaccination data, and no other county's", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/vaccination/24");
    const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    const data = fetched.filter((f) => f.startsWith("/_file/data/"));
    expect(data.some((f) => /^\/_file\/data\/vaccination\/24\.[0-9a-f]+\.json$/.test(f))).toBe(true);
    // Any file named by a county code (<folder>/<lan>.json, <folder>/<lan>/…) is Västerbotten's.
    const countyOf = (f: string) => /^\/_file\/data\/[^/]+\/(\d{2})[./]/.exec(f)?.[1];
    expect(data.filter((f) => countyOf(f) != null && countyOf(f) !== "24")).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
