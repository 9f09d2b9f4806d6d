/**
 * Browser tests run against the built site in dist/: a static server on 127.0.0.1, Debian's Chromium
 * driven by playwright-core, and a page wrapper that records console errors, page errors and every
 * request that would leave 127.0.0.1 (those are blocked and reported).
 */
import {readdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {CHROMIUM_FLAGS, launchChromium, serveStatic} from "../../loaders/pdf.ts";

export const DIST = resolve(import.meta.dirname, "..", "..", process.env.SAMVERKAN_OUT || "dist");

/** The static server and Chromium of the shipped PDF printer (loaders/pdf.ts), on the built site. */
export const serve = (root = DIST) => serveStatic(root);
export {CHROMIUM_FLAGS};
export const launch = (): Promise<Browser> => launchChromium();

export interface Watched {
  page: Page;
  errors: string[];
  external: string[];
}

/** Opens a page and records what must never happen: console errors and requests off 127.0.0.1. */
export async function open(
  browser: Browser,
  origin: string,
  path: string,
  {viewport = {width: 1280, height: 900}, deviceScaleFactor, isMobile, hasTouch, timezoneId, fixedTime}: {viewport?: {width: number; height: number}; deviceScaleFactor?: number; isMobile?: boolean; hasTouch?: boolean; timezoneId?: string; fixedTime?: Date} = {}
): Promise<Watched> {
  const context = await browser.newContext({viewport, deviceScaleFactor, isMobile, hasTouch, timezoneId, acceptDownloads: true, locale: "sv-SE"});
  const page = await context.newPage();
  // The reader's clock, for pages that count days from today.
  if (fixedTime) await page.clock.setFixedTime(fixedTime);
  const errors: string[] = [];
  const external: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1") return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  await page.goto(origin + path, {waitUntil: "networkidle"});
  // Framework renders cells asynchronously: wait until no cell is still pending or in error.
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, {timeout: 30_000});
  return {page, errors, external};
}

/** Every page of the built site, as paths ("/", "/datakvalitet", "/kommun/2380"). */
export function sitePages(dir = DIST, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    if (e.isDirectory() && !e.name.startsWith("_")) out.push(...sitePages(join(dir, e.name), `${prefix}/${e.name}`));
    else if (e.name.endsWith(".html")) out.push(e.name === "index.html" ? `${prefix}/` : `${prefix}/${e.name.slice(0, -5)}`);
  }
  return out.sort();
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page, as "rule: target" lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const {createRequire} = await import("node:module");
  const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({content: source});
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (ctx: unknown, opts: unknown) => Promise<{violations: {id: string; impact: string; nodes: {target: string[]}[]}[]}>}}).axe;
    return axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(" ")}`));
}

