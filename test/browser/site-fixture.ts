/**
 * What every browser-test file sets up: the built site served on 127.0.0.1 and Chromium, and the data
 * files of the build. Kept apart from harness.ts, which scripts and the CLI use outside vitest.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Server} from "node:http";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {DIST, launch, serve} from "./harness.ts";

/**
 * The server on 127.0.0.1 and the Chromium of one browser-test file, started before its tests and
 * closed after them: `const site = useSite(); … open(site.browser, site.origin, "/jamfor")`.
 */
export function useSite(dist = DIST): {browser: Browser; origin: string} {
  const site = {} as {browser: Browser; origin: string; server?: Server};
  beforeAll(async () => {
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
