/**
 * What every browser-test file sets up: the built site served on 127.0.0.1 and Chromium, and the data
 * files of the build; and how the tests read a page: its text, its tables, its CSV downloads, and
 * waiting for it to settle. Kept apart from harness.ts, which scripts and the CLI use outside vitest.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Server} from "node:http";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, expect} from "vitest";
import {DIST, launch, open, serve, type Watched} from "./harness.ts";
import {formatKronor} from "../../src/components/format.ts";

/**
 * The server on 127.0.0.1 and the Chromium of one browser-test file, started before its tests and
 * closed after them: `const site = useSite(); … open(site.browser, site.origin, "/jamfor")`.
 */
export function useSite(dist = DIST): {browser: Browser; origin: string} {
  const site = {} as {browser: Browser; origin: string; server?: Server};
  beforeAll(async () => {
    if (!existsSync(dist)) throw new Error(`${dist} saknas: kör npm run build först`);
    const {server, origin} = await serve(dist);
    Object.assign(site, {server, origin, browser: await launch()});
  });
  afterAll(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

/** A data file of the built site by its loader's name ("medicinteknik" → _file/data/medicinteknik.<hash>.json). */
export function builtData<T = unknown>(name: string, dist = DIST): T {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`${name}.json saknas i ${dir}: kör npm run build först`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}

/**
 * A member of an archive loader's output as the build copied it ("skattevaxling", "24.json" →
 * _file/data/skattevaxling/24.<hash>.json). Only members that a page references are in dist.
 */
export function builtMember<T = unknown>(archive: string, member: string, dist = DIST): T {
  const dir = join(dist, "_file", "data", archive);
  const dot = member.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [member.slice(0, dot), member.slice(dot)] : [member, ""];
  const file = (existsSync(dir) ? readdirSync(dir) : []).find((f) => f.startsWith(`${stem}.`) && f.endsWith(ext) && /^[0-9a-f]+$/.test(f.slice(stem.length + 1, f.length - ext.length)));
  if (!file) throw new Error(`${archive}/${member} saknas i ${dir}: kör npm run build först`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}

/** Text as the tests compare it: every run of white space (no-break and narrow no-break spaces too) one space, trimmed. */
export const text = (s: string): string => s.replace(/[\u00a0\u202f\s]+/g, " ").trim();

/** An amount in whole kronor as the pages show it, with the unit: "122 662 kr". */
export const kr = (ore: number): string => text(formatKronor(ore));

/** An amount in kronor with öre as the tables show it, without the unit: "471 214,00". */
export const krOre = (ore: number): string => text(formatKronor(ore, {ore: true}).replace(/\u00a0kr$/, ""));

/** What a rendered table shows, every cell as `text()`: caption, headers, body rows, the body rows keyed by their first cell, and the foot row. */
export interface ShownTable {
  caption: string;
  headers: string[];
  body: string[][];
  rows: Map<string, string[]>;
  /** The foot's (first) row, the total; [] when the table has no foot. */
  foot: string[];
}

/** Reads the first table that `selector` matches (e.g. "#laget table.data-table"), waiting for it to be there. */
export async function readTable(page: Page, selector: string): Promise<ShownTable> {
  const shown = await page
    .locator(selector)
    .first()
    .evaluate((table) => {
      const cells = (rows: Iterable<Element>) => [...rows].map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c as HTMLElement).innerText));
      return {
        caption: (table.querySelector("caption") as HTMLElement | null)?.innerText ?? "",
        headers: [...table.querySelectorAll("thead th")].map((c) => (c as HTMLElement).innerText),
        body: cells(table.querySelectorAll("tbody tr")),
        foot: cells(table.querySelectorAll("tfoot tr"))
      };
    });
  const body = shown.body.map((r) => r.map(text));
  return {caption: text(shown.caption), headers: shown.headers.map(text), body, rows: new Map(body.map((r) => [r[0], r])), foot: (shown.foot[0] ?? []).map(text)};
}

/** Parses a downloaded CSV into rows of cells, asserting its form: a BOM, CRLF line ends, ";" between fields, quotes removed. */
export function parseCsv(raw: string): string[][] {
  expect(raw.startsWith("\uFEFF"), "the CSV starts with a BOM").toBe(true);
  expect(raw, "the CSV has CRLF line ends").toContain("\r\n");
  return raw
    .slice(1)
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(";").map((c) => c.replace(/^"(.*)"$/, "$1")));
}

/**
 * Clicks a CSV button and reads the file it downloads: a button's text ("fördelningen", the first
 * button.csv-download that holds it) or the button itself. Returns the file name, its text and its rows.
 */
export async function downloadCsv(page: Page, button: string | Locator): Promise<{name: string; raw: string; rows: string[][]}> {
  const target = typeof button === "string" ? page.locator("button.csv-download", {hasText: button}).first() : button;
  const [d] = await Promise.all([page.waitForEvent("download"), target.click()]);
  const raw = readFileSync((await d.path())!, "utf8");
  return {name: d.suggestedFilename(), raw, rows: parseCsv(raw)};
}

/** After a navigation, a reload or a choice: waits until the page shows `selector` (when given) and no cell is still loading. */
export async function settled(page: Page, selector?: string): Promise<void> {
  if (selector) await page.waitForSelector(selector);
  await page.waitForFunction((s) => !document.querySelector(".observablehq--loading") && (!s || !!document.querySelector(s)), selector ?? null);
}

/** After a choice that goes into the URL: waits until the parameter `key` is `value` and the page has settled. */
export async function settledAt(page: Page, key: string, value: string): Promise<void> {
  await page.waitForFunction(([k, v]) => new URL(location.href).searchParams.get(k) === v, [key, value]);
  await settled(page);
}

/**
 * Opens an entry page ("/skattevaxling/", or an old link with ?lan=), waits for its move to the county
 * page `pathname` and for that page to show `selector` and settle.
 */
export async function landed(site: {browser: Browser; origin: string}, from: string, pathname: string, selector: string): Promise<Watched> {
  const w = await open(site.browser, site.origin, from);
  await w.page.waitForURL((u) => u.pathname === pathname);
  await settled(w.page, selector);
  return w;
}
