// Every data loader that declares its inputs (`// inputs: a.csv, b.csv`, scripts/build.ts) declares
// every input file whose tables its code reads: otherwise an edit of that file would leave the
// loader's cached output stale. The tables are found in the SQL of the modules the loader imports
// (FROM/JOIN <table>); derived and protected tables count as the files they are made from.
import {expect, it} from "vitest";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {ROOT} from "../../loaders/warehouse.ts";
import {DERIVED, SETTINGS} from "../../loaders/ingest/ingest.ts";
import {INPUTS} from "../../loaders/schemas/inputs.ts";

// Modules that name every table (the ingest and its schemas, the warehouse, the disclosure pass that
// makes the protected tables) are not followed: their tables are accounted for by the maps below.
const NOT_FOLLOWED = /loaders\/(ingest|schemas|cli|import)\/|loaders\/warehouse\.ts$|loaders\/disclosure\/(tables|protect|policy|work-lines)\.ts$/;

function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || NOT_FOLLOWED.test(file)) return seen;
  seen.add(file);
  for (const m of readFileSync(file, "utf8").matchAll(/(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+\.ts)"/g)) {
    const next = resolve(dirname(file), m[1]);
    if (existsSync(next)) closure(next, seen);
  }
  return seen;
}

/** The input files a table is made of. */
function filesOf(table: string): string[] {
  const input = INPUTS.find((i) => i.table === table);
  if (input) return [input.file];
  if (DERIVED[table]) return DERIVED[table].filter((t) => t !== SETTINGS).flatMap(filesOf);
  // The disclosure pass (loaders/disclosure/tables.ts): vaccination from the counts and the doses, enrolment from the merged enrolment.
  if (table.startsWith("protected_vaccination")) return ["municipalities", "vaccination", "dose_summary"].flatMap(filesOf);
  if (table.startsWith("protected_enrolment")) return ["municipalities", "enrolment"].flatMap(filesOf);
  return [];
}

// Where a module imports only helpers of another that also reads a table, the regular expression
// sees the table though the loader never reads it: each such case, with why.
const NOT_READ: Record<string, string> = {
  "src/data/medicinteknik.json.ts insatser.csv": "loaders/reports/medtech.ts takes rate definitions and index series from rates.ts, not readRatesInputs (work_hours)",
  "src/data/medicinteknik.tar.ts insatser.csv": "as above (the loader as one archive per county)",
  "src/data/tillaggsbelopp.json.ts kostnader.csv": "loaders/reports/supplementary-amount.ts takes the band helpers of normal-variation.ts, not readNormalVariationInputs (cost_summary)",
  "src/data/tillaggsbelopp.json.ts kostnader-huvudbok.csv": "as above",
  "src/data/avtal.json.ts kostnader.csv": "as above (through agreement-findings.ts → supplementary-amount.ts)",
  "src/data/avtal.json.ts kostnader-huvudbok.csv": "as above"
};

it("declares every input file whose tables a loader reads", () => {
  const loaders = readdirSync(join(ROOT, "src", "data"), {recursive: true})
    .map(String)
    .filter((f) => /\.[a-z]+\.ts$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => join(ROOT, "src", "data", f));
  const missing: string[] = [];
  let checked = 0;
  for (const loader of loaders) {
    const declared = /^\/\/\s*inputs:\s*(.+)$/m.exec(readFileSync(loader, "utf8"))?.[1].split(/[,\s]+/).filter(Boolean);
    if (!declared) continue; // undeclared: depends on every file
    checked++;
    for (const module of closure(loader)) {
      const tables = new Set([...readFileSync(module, "utf8").matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)/g)].map((m) => m[1]));
      for (const t of tables) for (const f of filesOf(t)) if (!declared.includes(f) && !NOT_READ[`${relative(ROOT, loader)} ${f}`]) missing.push(`${relative(ROOT, loader)} does not declare ${f} (${relative(ROOT, module)} reads ${t})`);
    }
  }
  expect(checked).toBeGreaterThan(5);
  expect([...new Set(missing)]).toEqual([]);
});

// A loader without the comment is re-run on any change of any file of the folder: only where it
// really reads every file, each with why.
const UNDECLARED: Record<string, string> = {
  "src/data/datakvalitet.json.ts": "the ingest report (wh.report) names every file of the folder, its rows read and rejected, and unknown file names"
};

it("leaves undeclared only the loaders that read every file of the folder", () => {
  const undeclared = readdirSync(join(ROOT, "src", "data"), {recursive: true})
    .map(String)
    .filter((f) => /\.[a-z]+\.ts$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => join("src", "data", f))
    .filter((f) => !/^\/\/\s*inputs:/m.test(readFileSync(join(ROOT, f), "utf8")))
    .sort();
  expect(undeclared).toEqual(Object.keys(UNDECLARED).sort());
  // The ingest report is what makes datakvalitet depend on every file.
  expect(readFileSync(join(ROOT, "src", "data", "datakvalitet.json.ts"), "utf8")).toMatch(/wh\.report/);
});
