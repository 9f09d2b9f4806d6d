// No stale data with linked files: a data file that is a symbolic link is fingerprinted by its target.
import {expect, it} from "vitest";
import {mkdirSync, mkdtempSync, symlinkSync, unlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fingerprint} from "../../loaders/warehouse.ts";

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
  const before = await fingerprint(data);
  expect(await fingerprint(data)).toBe(before);
  writeFileSync(join(elsewhere, "vaccination.csv"), "kommunkod;säsong\n2380;2023/24\n2321;2023/24\n");
  const edited = await fingerprint(data);
  expect(edited).not.toBe(before);
  unlinkSync(join(data, "vaccination.csv"));
  symlinkSync(join(elsewhere, "other.csv"), join(data, "vaccination.csv"));
  expect(await fingerprint(data)).not.toBe(edited);
  // A link back up the tree does not loop.
  symlinkSync(data, join(data, "loop"));
  await expect(fingerprint(data)).resolves.toMatch(/^[0-9a-f]{16}$/);
});
