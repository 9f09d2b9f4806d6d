/**
 * Writes data/README.md from the input schemas (loaders/schemas), so the documentation of every
 * input file cannot drift from what the ingest accepts. `--check` exits 1 when the file is stale.
 *
 *   npx tsx scripts/data-readme.ts [--check]
 */
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {renderDataReadme} from "../loaders/schemas/readme.ts";
import {ROOT} from "../loaders/warehouse.ts";

const path = join(ROOT, "data", "README.md");
const text = renderDataReadme();
if (process.argv.includes("--check")) {
  const current = await readFile(path, "utf8").catch(() => "");
  if (current !== text) {
    console.error("data/README.md är inaktuell: kör npx tsx scripts/data-readme.ts");
    process.exit(1);
  }
} else {
  await writeFile(path, text);
  console.error(`Skrev ${path}`);
}
