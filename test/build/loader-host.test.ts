// The loader host (scripts/loader-host.ts): several loaders in one process, each one's output in the
// file the parent named, a failing loader answered as failed without stopping the others.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {fork} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {ROOT} from "../../loaders/warehouse.ts";
import type {HostReply, HostRequest} from "../../scripts/loader-host.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "samverkan-host-test-"));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const kit = JSON.stringify(join(ROOT, "loaders", "loader-kit.ts"));

describe("the loader host", () => {
  it("runs loaders one after the other into their files; a failing one is reported and the next still runs", async () => {
    writeFileSync(join(dir, "package.json"), '{"type": "module"}');
    // Two loaders as src/data/ has them (runLoader, runArchiveLoader) and one that fails inside its query.
    writeFileSync(join(dir, "counties.json.ts"), `import {runLoader} from ${kit};\nawait runLoader(async (wh) => ({years: wh.parameters.years, n: 3}));\n`);
    writeFileSync(join(dir, "fails.json.ts"), `import {runLoader} from ${kit};\nawait runLoader(async () => { throw new Error("ingen sådan tabell"); });\n`);
    writeFileSync(join(dir, "archive.tar.ts"), `import {runArchiveLoader} from ${kit};\nawait runArchiveLoader(async () => ({"23.json": {a: 1}}));\n`);
    const host = fork(join(ROOT, "scripts", "loader-host.ts"), [], {cwd: ROOT, execArgv: ["--import", "tsx"], stdio: ["ignore", "pipe", "pipe", "ipc"]});
    let stdout = "";
    host.stdout!.on("data", (d) => (stdout += d));
    host.stderr!.resume();
    const ask = (loader: string) =>
      new Promise<HostReply>((resolve) => {
        host.once("message", (r: HostReply) => resolve(r));
        host.send({loader: join(dir, loader), out: join(dir, `${loader}.out`)} satisfies HostRequest);
      });
    try {
      expect(await ask("counties.json.ts")).toEqual({loader: join(dir, "counties.json.ts"), ok: true});
      const failed = await ask("fails.json.ts");
      expect(failed.ok).toBe(false);
      expect(failed.error).toContain("ingen sådan tabell");
      expect((await ask("archive.tar.ts")).ok).toBe(true);
    } finally {
      host.disconnect();
    }
    await new Promise((r) => host.once("exit", r));
    const out = JSON.parse(readFileSync(join(dir, "counties.json.ts.out"), "utf8"));
    expect(out.n).toBe(3);
    expect(out.years.to).toBeGreaterThanOrEqual(out.years.from);
    // A tar: the member's name at the start of its 512-byte header, its JSON in the next block.
    const tar = readFileSync(join(dir, "archive.tar.ts.out"));
    expect(tar.subarray(0, 7).toString()).toBe("23.json");
    expect(tar.subarray(512, 519).toString()).toBe('{"a":1}');
    // Nothing on the host's stdout: the output went to the files.
    expect(stdout).toBe("");
  }, 60_000);
});
