// Many free-text cost categories (a ledger's accounts): a build of the demo data with 30 more accounts
// per municipality and year shows the 12 largest pairs one by one and the rest as "övriga kostnadsslag",
// whose contents /jamfor/<lan> fetches only when that indicator is picked.
import {execFileSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import type {Server} from "node:http";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launch, open, serve} from "./harness.ts";
import {text} from "./site-fixture.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
let out = "";
let origin = "";
let server: Server | undefined;
let browser: Browser | undefined;

/** The demo folder with accounts konto_001 … konto_030 (kommun) added for every municipality and year of kostnader.csv, account k costing k × 1 000 kr. */
function manyAccounts(): string {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-konton-"));
  cpSync(join(ROOT, "data"), dir, {recursive: true});
  const lines = readFileSync(join(dir, "kostnader.csv"), "utf8").trimEnd().split("\n");
  const keys = [...new Set(lines.slice(1).map((l) => l.split(";").slice(0, 2).join(";")))];
  const extra = keys.flatMap((k) => Array.from({length: 30}, (_, i) => `${k};konto_${String(i + 1).padStart(3, "0")};kommun;${(i + 1) * 1000},00`));
  writeFileSync(join(dir, "kostnader.csv"), [...lines, ...extra].join("\n") + "\n");
  return dir;
}

beforeAll(async () => {
  const data = manyAccounts();
  out = mkdtempSync(join(tmpdir(), "samverkan-dist-konton-"));
  execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "build"], {cwd: ROOT, env: {...process.env, SAMVERKAN_DATA: data, SAMVERKAN_OUT: out}, stdio: "pipe"});
  ({server, origin} = await serve(out));
  browser = await launch();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("Jämför kommuner with 35 cost categories", () => {
  it("offers 12 categories and övriga kostnadsslag, and lists what övriga holds only when it is picked", async () => {
    const {page, errors, external} = await open(browser!, origin, "/jamfor/23");
    const options = await page.locator("select[name=indikator] option").allInnerTexts();
    const costOptions = options.filter((o) => o.startsWith("Kostnader: Kostnad: "));
    // 12 own categories and one "övriga" (the region's only category is among the 12 largest).
    expect(costOptions.length).toBe(13);
    expect(costOptions).toContain("Kostnader: Kostnad: övriga kostnadsslag (kommunen)");
    const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.includes("ovriga-kostnadsslag")));
    expect(await fetched()).toEqual([]);
    await page.selectOption("select[name=indikator]", "kostnad-ovriga-kommun");
    await page.waitForSelector("#ovriga-kostnadsslag table");
    expect((await fetched()).length).toBe(1);
    const names = (await page.locator("#ovriga-kostnadsslag tbody th").allInnerTexts()).map(text);
    // Accounts 1 … k cost the least: the 12 largest pairs are taken by the five demo categories and the
    // largest accounts, so the smallest accounts are the ones summed.
    expect(names[0]).toBe("konto_001");
    expect(names.length).toBe(23); // 35 pairs − 12 shown
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
