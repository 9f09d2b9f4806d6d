import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {extract} from "tar-stream";
import {describe, expect, it} from "vitest";
import {tarArchive, tarMembers} from "../../loaders/tar.ts";

async function members(buf: Buffer): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const ex = extract();
  const done = (async () => {
    for await (const entry of ex) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      out[entry.header.name] = Buffer.concat(chunks).toString("utf8");
    }
  })();
  ex.end(buf);
  await done;
  return out;
}

describe("tarArchive", () => {
  const files = [
    {name: "23/meta.json", data: '{"län":"Jämtlands län"}'},
    {name: "kommun-2380.json", data: "x".repeat(512)},
    {name: "tom.json", data: ""}
  ];

  it("is read back by Framework's extractor (tar-stream) member for member", async () => {
    expect(await members(tarArchive(files))).toEqual(Object.fromEntries(files.map((f) => [f.name, f.data])));
  });

  it("is a valid archive for GNU tar, in whole 512-byte blocks", () => {
    const buf = tarArchive(files);
    expect(buf.length % 512).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "tar-test-"));
    writeFileSync(join(dir, "a.tar"), buf);
    expect(execFileSync("tar", ["-tf", join(dir, "a.tar")], {encoding: "utf8"}).trim().split("\n")).toEqual(files.map((f) => f.name));
    execFileSync("tar", ["-xf", join(dir, "a.tar"), "-C", dir]);
    expect(readFileSync(join(dir, "23", "meta.json"), "utf8")).toBe(files[0].data);
  });

  it("gives the same bytes twice and refuses unsafe or repeated names", () => {
    expect(tarArchive(files).equals(tarArchive(files))).toBe(true);
    expect(() => tarArchive([{name: "../x.json", data: ""}])).toThrow(/invalid/);
    expect(() => tarArchive([{name: "a", data: ""}, {name: "a", data: ""}])).toThrow(/duplicate/);
  });

  it("is read back member for member by tarMembers, and by tarMembers from GNU tar's own archive", () => {
    expect(tarMembers(tarArchive(files)).map((m) => ({name: m.name, data: m.data.toString("utf8")}))).toEqual(files);
    const dir = mkdtempSync(join(tmpdir(), "tar-test-"));
    writeFileSync(join(dir, "a.json"), "å".repeat(700));
    execFileSync("tar", ["--format=ustar", "-cf", join(dir, "g.tar"), "-C", dir, "a.json"]);
    expect(tarMembers(readFileSync(join(dir, "g.tar")))).toEqual([{name: "a.json", data: Buffer.from("å".repeat(700))}]);
  });
});
