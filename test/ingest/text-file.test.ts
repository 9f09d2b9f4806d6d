// The file scan reads 16 MiB at a time: a character, or an empty line, cut in two by a chunk's end
// must be seen whole.
import {afterAll, describe, expect, it} from "vitest";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {inspectTextFile} from "../../loaders/ingest/text-file.ts";

const CHUNK = 16 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), "samverkan-text-"));
afterAll(() => rmSync(dir, {recursive: true, force: true})); // 16 MB files

/** A file whose byte `CHUNK` falls `offset` bytes into `middle`. */
function fileAround(name: string, middle: Buffer, offset: number): {path: string; lines: number} {
  const header = Buffer.from("kommunkod;kommun\n");
  const row = Buffer.from("2380;Östersund\n");
  const rows = Math.floor((CHUNK - header.length - offset) / row.length);
  const pad = Buffer.alloc(CHUNK - header.length - offset - rows * row.length, "x");
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([header, Buffer.concat(Array(rows).fill(row)), pad, middle, Buffer.from(";a\n2380;Åre\n")]));
  return {path, lines: 1 + rows + [...middle].filter((b) => b === 10).length + 2};
}

describe("inspectTextFile at a chunk boundary", () => {
  for (const [what, middle] of [
    ["a two-byte character", Buffer.from("å")],
    ["a three-byte character", Buffer.from("€")],
    ["a four-byte character", Buffer.from("😀")]
  ] as const) {
    for (let offset = 1; offset < middle.length; offset++) {
      it(`keeps UTF-8 for ${what} cut after ${offset} byte(s)`, async () => {
        const {path, lines} = fileAround(`utf8-${middle.length}-${offset}.csv`, middle, offset);
        const info = await inspectTextFile(path);
        expect([info.encoding, info.lines, info.blankLines]).toEqual(["utf-8", lines, []]);
      });
    }
  }

  it("finds a Windows-1252 byte past the first chunk", async () => {
    const {path} = fileAround("latin1.csv", Buffer.from([0xe5]), 0);
    expect((await inspectTextFile(path)).encoding).toBe("windows-1252");
  });

  for (const offset of [1, 2, 3]) {
    it(`numbers empty lines whose newlines sit in two chunks (cut after ${offset} byte(s))`, async () => {
      const {path, lines} = fileAround(`blank-${offset}.csv`, Buffer.from("y\n\r\n\n"), offset);
      const info = await inspectTextFile(path);
      // The pad line "xx…y" is line lines − 4; the two empty lines follow it.
      expect(info.lines).toBe(lines);
      expect(info.blankLines).toEqual([lines - 3, lines - 2]);
    });
  }
});
