/**
 * Excel input: `name.xlsx` in place of `name.csv`. The sheet is written out as the CSV text the
 * ingest already reads (";" between fields, UTF-8), one line per sheet row, so every rule, message
 * and line number stays the same: sheet row N is reported as line N. Empty rows become empty lines
 * (skipped and counted like blank CSV lines).
 *
 * Cells are written as the spreadsheet shows them: numbers with a decimal point and at most 15
 * significant digits (Excel's own precision: 0.1 + 0.2 is 0.3), a percent-formatted cell as its
 * percent (0.413 shown as 41,3 % is 41.3), dates as ÅÅÅÅ-MM-DD, formulas by their cached result,
 * rich text and links by their text, empty cells empty.
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
// Types only here: the library itself (half a second to load) is imported when a workbook is read,
// not by every loader and command that imports the ingest.
import type ExcelJS from "exceljs";
import {IngestFatalError} from "./errors.ts";
import {findDataFile} from "./find-file.ts";

export interface FoundInput {
  /** The name the report uses (befolkning.csv or befolkning.xlsx). */
  file: string;
  /** The name as it is in the folder (any case: find-file.ts). */
  name: string;
  /** What the CSV reader reads: the file itself, or the sheet written out as CSV; null when neither is there. */
  path: string | null;
  /** True when path is a sheet written out as CSV. */
  converted: boolean;
  warnings: string[];
}

/**
 * Where the ingest finds a data file: `name.csv`, or `name.xlsx` (converted), never both; either in
 * any case of its name (findDataFile). `file` is the CSV name from the schema.
 */
export async function findInputFile(dataDir: string, file: string, tmpDir: string): Promise<FoundInput> {
  const csv = findDataFile(dataDir, file);
  const xlsxName = file.replace(/\.csv$/i, ".xlsx");
  const xlsx = xlsxName === file ? null : findDataFile(dataDir, xlsxName);
  if (!xlsx) return {file, name: csv?.name ?? file, path: csv?.path ?? null, converted: false, warnings: []};
  if (csv) throw new IngestFatalError(file, `både ${csv.name} och ${xlsx.name} finns i ${dataDir}. Ta bort den ena, så att det är klart vilken som gäller.`);
  await mkdir(tmpDir, {recursive: true});
  const out = join(tmpDir, `${file}.from-xlsx.csv`);
  const {text, warnings} = await xlsxToCsv(xlsx.path, xlsxName, file.replace(/\.csv$/i, ""));
  await writeFile(out, text);
  return {file: xlsxName, name: xlsx.name, path: out, converted: true, warnings};
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A number as plain decimal text with at most 15 significant digits, never an exponent. */
export function excelNumberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(15));
  let s = String(rounded);
  if (/e/i.test(s)) {
    s = Math.abs(rounded) >= 1 ? BigInt(Math.round(rounded)).toString() : rounded.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  }
  return s;
}

function dateText(d: Date): string {
  // exceljs gives dates as UTC instants of the serial day; a time of day is kept so that the date
  // rule reports it rather than losing it.
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return secs ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}

type CellValue = ExcelJS.CellValue;

/** A cell's text as the ingest should read it; `note` when something was changed or is missing. */
export function cellText(value: CellValue, numFmt: string | undefined): {text: string; note?: string} {
  if (value == null) return {text: ""};
  if (typeof value === "number") return {text: excelNumberText(/%/.test(numFmt ?? "") && !/"[^"]*%[^"]*"/.test(numFmt ?? "") ? value * 100 : value)};
  if (typeof value === "string") return {text: value};
  if (typeof value === "boolean") return {text: value ? "true" : "false"};
  if (value instanceof Date) return {text: dateText(value)};
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined) return {text: "", note: "formel utan sparat resultat (spara om filen i Excel)"};
      if (result && typeof result === "object" && "error" in result) return {text: String(result.error)};
      return cellText(result as CellValue, numFmt);
    }
    if ("richText" in value) return {text: value.richText.map((r) => r.text).join("")};
    if ("hyperlink" in value) return {text: String((value as ExcelJS.CellHyperlinkValue).text ?? "")};
    if ("error" in value) return {text: String(value.error)};
  }
  return {text: String(value)};
}

const field = (s: string) => (/[;"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function xlsxToCsv(path: string, name: string, sheetName: string): Promise<{text: string; warnings: string[]; sheet: string}> {
  const {default: Excel} = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    throw new IngestFatalError(name, `filen går inte att läsa som Excel-arbetsbok (.xlsx) (${(e as Error).message.slice(0, 120)}). Spara den i Excel som "Excel-arbetsbok" eller som CSV.`);
  }
  const sheets = workbook.worksheets;
  if (!sheets.length) throw new IngestFatalError(name, "arbetsboken har inga blad.");
  const sheet = sheets.find((s) => s.name.trim().toLowerCase() === sheetName.toLowerCase()) ?? sheets[0];
  const warnings: string[] = [`Läst från Excel, bladet "${sheet.name}"; radnumren är bladets.`];
  const lines: string[] = [];
  const notes = new Map<string, string[]>();
  let joinedLines = 0;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // A merged cell's value is in its master; the others read as empty.
      const value = cell.isMerged && cell.master !== cell ? null : cell.value;
      const {text, note} = cellText(value, cell.numFmt);
      if (note) (notes.get(note) ?? notes.set(note, []).get(note)!).push(cell.address);
      // A line break inside a cell would shift every later line number: it becomes a space.
      let t = text;
      if (/[\r\n]/.test(t)) {
        t = t.replace(/\r\n|\r|\n/g, " ");
        joinedLines++;
      }
      cells.push(field(t));
    }
    while (cells.length && cells[cells.length - 1] === "") cells.pop();
    lines.push(cells.join(";"));
  }
  // The header decides the number of fields; rows are padded so that a short row is not a CSV error.
  const width = lines.length ? lines[0].split(";").length : 0;
  const text = lines.map((l) => (l === "" ? l : l + ";".repeat(Math.max(0, width - splitCount(l))))).join("\n") + "\n";
  for (const [note, cells] of notes) warnings.push(`${cells.length} ${cells.length === 1 ? "cell" : "celler"} med ${note}: ${cells.slice(0, 10).join(", ")}${cells.length > 10 ? " …" : ""}.`);
  if (joinedLines) warnings.push(`${joinedLines} celler hade radbrytningar; de lästes som mellanslag.`);
  if (sheets.length > 1) warnings.push(`Arbetsboken har ${sheets.length} blad; bara "${sheet.name}" lästes.`);
  return {text, warnings, sheet: sheet.name};
}

/** Fields in a line written by `field` (quotes only around whole fields). */
function splitCount(line: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ";" && !quoted) n++;
  }
  return n;
}
