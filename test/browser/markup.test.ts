// Names with markup in the inputs are shown as text in the site, never run (test/fixtures/bad/19-…).
import {beforeAll, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {open} from "./harness.ts";
import {useSite} from "./site-fixture.ts";
import {dataFolder} from "../ingest/helpers.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const FIXTURE = join(ROOT, "test", "fixtures", "bad", "19-markup-in-a-name", "utvecklingsmedel.csv");
const out = mkdtempSync(join(tmpdir(), "samverkan-markup-"));

beforeAll(() => {
  const data = dataFolder({"utvecklingsmedel.csv": readFileSync(FIXTURE)});
  execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "build"], {cwd: ROOT, env: {...process.env, SAMVERKAN_DATA: data, SAMVERKAN_OUT: out}, stdio: "pipe"});
}, 300_000);
const site = useSite(out);

it("shows a project name with <img onerror> and <script> as text", async () => {
  const {page, errors} = await open(site.browser, site.origin, "/seminarium/23/2025");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.waitForTimeout(300);
  const name = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  expect(await page.locator("#utvecklingsmedel").innerText()).toContain(name);
  expect(await page.locator("#utvecklingsmedel img").count()).toBe(0);
  expect(await page.locator("#utvecklingsmedel script").count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});
