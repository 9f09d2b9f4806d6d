import {cpSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import iconvLite from "./windows-1252.ts";

export const DATA = resolve(import.meta.dirname, "..", "..", "data");

/** A copy of the demo data folder with some files replaced. */
export function dataFolder(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-test-"));
  cpSync(DATA, dir, {recursive: true});
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export const windows1252 = iconvLite;
