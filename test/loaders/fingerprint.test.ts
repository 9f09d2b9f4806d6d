// No stale data with linked files: a data file that is a symbolic link is fingerprinted by its target
// (the warehouse's input stamps, loaders/warehouse.ts, which decide what the build reads again).
import {expect, it} from "vitest";
import {mkdirSync, mkdtempSync, symlinkSync, unlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {changedInputs, inputStamps} from "../../loaders/warehouse.ts";

it("changes when the target of a linked data file changes, or the link points elsewhere", async () => {
  const root = mkdtempSync(join(tmpdir(), "samverkan-fp-"));
  const data = join(root, "data");
  const elsewhere = join(root, "exports");
  mkdirSync(data);
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, "vaccination.csv"), "kommunkod;säsong\n2380;2023/24\n");
  writeFileSync(join(elsewhere, "other.csv"), "kommunkod;säsong\n2380;2022/23\n");
  symlinkSync(join(elsewhere, "vaccination.csv"), join(data, "vaccination.csv"));
  symlinkSync(elsewhere, join(data, "linked-folder"));
  const before = await inputStamps(data);
  expect(before.vaccination.real).toBe(join(elsewhere, "vaccination.csv"));
  expect([...changedInputs(before, await inputStamps(data, before))]).toEqual([]);
  writeFileSync(join(elsewhere, "vaccination.csv"), "kommunkod;säsong\n2380;2023/24\n2321;2023/24\n");
  const edited = await inputStamps(data, before);
  expect([...changedInputs(before, edited)]).toEqual(["vaccination"]);
  unlinkSync(join(data, "vaccination.csv"));
  symlinkSync(join(elsewhere, "other.csv"), join(data, "vaccination.csv"));
  expect([...changedInputs(edited, await inputStamps(data, edited))]).toEqual(["vaccination"]);
  // A link back up the tree does not loop.
  symlinkSync(data, join(data, "loop"));
  await expect(inputStamps(data)).resolves.toHaveProperty("vaccination");
});
