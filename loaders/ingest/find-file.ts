/**
 * Where the input files of a data folder are. A file is found under its name in any case
 * (`VACCINATION.CSV` is vaccination.csv: Windows does not tell them apart, and Excel may write either);
 * a folder or anything else that is not a file in its place stops the build with a sentence; a file in
 * the folder that is no input is named in the report, with the input it was probably meant to be.
 */
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {IngestFatalError} from "./errors.ts";

export interface FoundFile {
  path: string;
  /** The name as it is in the folder. */
  name: string;
}

function entries(dataDir: string): string[] {
  try {
    return readdirSync(dataDir);
  } catch {
    return [];
  }
}

/** The input `file` in `dataDir` (exact name first, else the one name that differs only in case), or null. */
export function findDataFile(dataDir: string, file: string): FoundFile | null {
  const names = entries(dataDir);
  const name = names.includes(file) ? file : names.find((n) => n.toLowerCase() === file.toLowerCase());
  if (!name) return null;
  const path = join(dataDir, name);
  let kind;
  try {
    kind = statSync(path); // follows a symbolic link to its target
  } catch {
    throw new IngestFatalError(file, `${name} är en länk till en fil som inte finns. Lägg filen själv i datamappen ${dataDir}.`);
  }
  if (kind.isDirectory()) throw new IngestFatalError(file, `${name} i datamappen ${dataDir} är en mapp, inte en fil. Lägg filen där i stället för mappen (se data/README.md).`);
  if (!kind.isFile()) throw new IngestFatalError(file, `${name} i datamappen ${dataDir} är ingen vanlig fil. Lägg filen där (se data/README.md).`);
  return {path, name};
}

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

const DATA_EXTENSIONS = /\.(csv|tsv|txt|xlsx|xls)$/i;

/**
 * Data files in the folder that are no input (`known`: the input file names; a name that differs only
 * in case or extension is the input). Each with the input it most likely was meant to be, if any:
 * "vacination.csv" → vaccination.csv.
 */
export function unknownDataFiles(dataDir: string, known: readonly string[]): {name: string; meant: string | null}[] {
  const stem = (f: string) => f.toLowerCase().replace(DATA_EXTENSIONS, "");
  const stems = new Set(known.map(stem));
  return entries(dataDir)
    .filter((n) => DATA_EXTENSIONS.test(n) && !n.startsWith(".") && !stems.has(stem(n)))
    .sort()
    .map((name) => {
      const s = stem(name).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      const best = known
        .map((k) => ({k, d: editDistance(s, stem(k).normalize("NFD").replace(/[\u0300-\u036f]/g, ""))}))
        .sort((a, b) => a.d - b.d)[0];
      return {name, meant: best && best.d <= Math.max(2, Math.floor(stem(best.k).length / 5)) ? best.k : null};
    });
}
