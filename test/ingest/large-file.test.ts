// A 200 MB file with one bad line at its very end (generated here, never committed): the bad line is
// found with its exact line number, and accepted + rejected = read.
import {expect, it} from "vitest";
import {createWriteStream} from "node:fs";
import {join} from "node:path";
import {once} from "node:events";
import {checkFolder} from "../../loaders/cli/check.ts";
import {dataFolder} from "./helpers.ts";

it("finds the one bad line at the end of a 200 MB file", async () => {
  const dir = dataFolder();
  const out = createWriteStream(join(dir, "mt-uppdrag.csv"));
  out.write("kommunkod;datum;timmar;resekostnad_kr;material_kr\n");
  const codes = ["2303", "2305", "2309", "2313", "2321", "2326", "2361", "2380"];
  let lines = 1;
  let bytes = 0;
  const block: string[] = [];
  for (let i = 0; bytes < 200 * 1024 * 1024; i++) {
    const line = `${codes[i % 8]};2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")};${1 + (i % 7)},${i % 4}5;${i % 900},00;${i % 3500},50\n`;
    block.push(line);
    bytes += line.length;
    lines++;
    if (block.length === 10_000) {
      if (!out.write(block.join(""))) await once(out, "drain");
      block.length = 0;
    }
  }
  block.push("2380;2025-13-01;1;0;0\n");
  lines++;
  out.end(block.join(""));
  await once(out, "finish");

  const report = await checkFolder(dir);
  const f = report.files.find((x) => x.file === "mt-uppdrag.csv")!;
  expect(f.read).toBe(lines - 1);
  expect([f.accepted, f.rejected]).toEqual([lines - 2, 1]);
  expect(report.issues.filter((i) => i.file === "mt-uppdrag.csv")).toEqual([
    {file: "mt-uppdrag.csv", line: lines, column: "datum", value: "2025-13-01", rule: "ogiltigt_datum", message: expect.any(String)}
  ]);
}, 180_000);
