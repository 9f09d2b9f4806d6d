// No stale data: Framework reuses cached loader output even after an input changed; our build must not.
// Builds the site twice into a scratch folder: once after editing an input file, once with another
// SAMVERKAN_DATA, and checks that the new figures are in the result.
import {describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {dataFolder} from "../ingest/helpers.ts";
import {builtMember} from "./site-fixture.ts";
import type {ComparisonProfile} from "../../loaders/reports/comparison.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");

function build(dataDir: string, out: string): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "build"], {
    cwd: ROOT,
    env: {...process.env, SAMVERKAN_DATA: dataDir, SAMVERKAN_OUT: out},
    stdio: "pipe"
  });
}

function siteJson(out: string): {municipalities: {code: string; name: string}[]} {
  const dir = join(out, "_file", "data");
  const file = readdirSync(dir).find((f) => /^site\.[0-9a-f]+\.json$/.test(f))!;
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

describe("a build after a change shows the change", () => {
  it("after editing an input file, and with another SAMVERKAN_DATA", () => {
    const out = mkdtempSync(join(tmpdir(), "samverkan-dist-"));
    const data = dataFolder();
    build(data, out);
    expect(siteJson(out).municipalities.find((m) => m.code === "2321")?.name).toBe("Åre");
    // A file from an archive loader (data/jamfor.tar → data/jamfor/kommun-2321.json) is fresh too.
    const profileName = () => builtMember<ComparisonProfile>("jamfor", "kommun-2321.json", out).municipality.name;
    expect(profileName()).toBe("Åre");

    const kommuner = join(data, "kommuner.csv");
    writeFileSync(kommuner, readFileSync(kommuner, "utf8").replace(";2321;Åre", ";2321;Åre (ändrad)"));
    build(data, out);
    expect(siteJson(out).municipalities.find((m) => m.code === "2321")?.name).toBe("Åre (ändrad)");
    expect(profileName()).toBe("Åre (ändrad)");

    const other = dataFolder({"kommuner.csv": readFileSync(join(ROOT, "data", "kommuner.csv"), "utf8").replace(";2380;Östersund", ";2380;Östersund (annan mapp)")});
    build(other, out);
    const site = siteJson(out);
    expect(site.municipalities.find((m) => m.code === "2380")?.name).toBe("Östersund (annan mapp)");
    expect(site.municipalities.find((m) => m.code === "2321")?.name).toBe("Åre");
  }, 300_000);
});
