/**
 * Writes imported rows into a data folder's CSV file: a row whose key (the file's key columns, as in
 * loaders/schemas/inputs.ts) is already there is replaced in place, new rows are appended, every other
 * row and column stays as it was. Written as UTF-8 with ";" and LF, which the ingest reads.
 */
import {existsSync} from "node:fs";
import {readFile, rename, writeFile} from "node:fs/promises";
import {isUtf8} from "node:buffer";
import {join} from "node:path";
import {INPUTS, type InputSpec} from "../schemas/inputs.ts";
import {normalizeHeader} from "../schemas/columns.ts";
import {detectDelimiter} from "../ingest/text-file.ts";
import {ImportError} from "./errors.ts";

export interface Table {
  header: string[];
  rows: string[][];
}

/** RFC 4180 with a chosen delimiter: quoted fields may hold the delimiter, quotes and line breaks. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) row.push(cur), (cur = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = "";
    } else cur += ch;
  }
  if (cur !== "" || row.length) row.push(cur), rows.push(row);
  return rows;
}

const field = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toDataCsv(table: Table): string {
  return [table.header, ...table.rows].map((r) => r.map(field).join(";")).join("\n") + "\n";
}

export async function readDataCsv(path: string): Promise<Table | null> {
  if (!existsSync(path)) return null;
  const bytes = await readFile(path);
  const text = new TextDecoder(isUtf8(bytes) ? "utf-8" : "windows-1252").decode(bytes).replace(/^\uFEFF/, "");
  let lines = text.split(/\r?\n/);
  if (/^sep=.\s*$/i.test(lines[0] ?? "")) lines = lines.slice(1);
  const body = lines.join("\n");
  if (!body.trim()) return null;
  const rows = parseCsv(body, detectDelimiter(lines[0])).filter((r) => r.some((c) => c.trim() !== ""));
  const [header, ...data] = rows;
  return {header: header.map((h) => h.trim()), rows: data};
}

const spec = (file: string): InputSpec => {
  const s = INPUTS.find((i) => i.file === file);
  if (!s) throw new Error(`internal: no input spec for ${file}`);
  return s;
};

/** The key of a row as the ingest compares it (codes padded, case and spaces ignored). */
function keyText(spec: InputSpec, positions: number[], row: string[]): string {
  return positions
    .map((p, i) => {
      const v = (row[p] ?? "").trim().toLowerCase();
      const kind = spec.columns.find((c) => c.field === spec.key[i])!.kind;
      return kind.type === "municipality" && /^\d{3}$/.test(v) ? `0${v}` : v;
    })
    .join("\u0000");
}

/**
 * Merges `rows` (keyed by the spec's headers) into the data folder's `file`; returns counts. Refuses a
 * folder that holds the file as .xlsx (the import writes CSV and both at once would be ambiguous).
 */
export async function upsertDataFile(dir: string, file: string, rows: Record<string, string>[]): Promise<{added: number; replaced: number; path: string}> {
  const s = spec(file);
  const path = join(dir, file);
  const xlsx = path.replace(/\.csv$/, ".xlsx");
  if (existsSync(xlsx)) throw new ImportError(file.replace(/\.csv$/, ".xlsx"), `datamappen har filen som Excel-fil. Importen skriver ${file}; flytta eller spara om ${file.replace(/\.csv$/, ".xlsx")} som CSV först.`);
  const existing = await readDataCsv(path);
  const table: Table = existing ?? {header: s.columns.filter((c) => !c.optionalColumn || rows.some((r) => r[c.header] !== undefined)).map((c) => c.header), rows: []};
  const norm = table.header.map(normalizeHeader);
  // A column the import fills that the file lacks is added at the end (old rows get it empty).
  for (const c of s.columns) {
    if (!norm.includes(normalizeHeader(c.header)) && rows.some((r) => r[c.header] !== undefined && r[c.header] !== "")) {
      if (!c.optional && !c.optionalColumn) throw new ImportError(file, `filen saknar kolumnen "${c.header}"; rätta rubrikraden först (se data/README.md).`);
      table.header.push(c.header);
      norm.push(normalizeHeader(c.header));
      for (const r of table.rows) r.push("");
    }
  }
  const keyPositions = s.key.map((k) => {
    const h = s.columns.find((c) => c.field === k)!.header;
    const p = norm.indexOf(normalizeHeader(h));
    if (p < 0) throw new ImportError(file, `filen saknar kolumnen "${h}"; rätta rubrikraden först (se data/README.md).`);
    return p;
  });
  const index = new Map<string, number>();
  table.rows.forEach((r, i) => index.set(keyText(s, keyPositions, r), i));
  let added = 0;
  let replaced = 0;
  for (const r of rows) {
    const cells = table.header.map((h, i) => {
      const c = s.columns.find((col) => normalizeHeader(col.header) === norm[i]);
      return c && r[c.header] !== undefined ? r[c.header] : "";
    });
    const k = keyText(s, keyPositions, cells);
    const at = index.get(k);
    if (at === undefined) {
      index.set(k, table.rows.length);
      table.rows.push(cells);
      added++;
    } else {
      // Columns the import does not fill keep their old value.
      table.rows[at] = cells.map((v, i) => (s.columns.some((col) => normalizeHeader(col.header) === norm[i] && r[col.header] !== undefined) ? v : table.rows[at][i] ?? ""));
      replaced++;
    }
  }
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, toDataCsv(table));
  await rename(tmp, path);
  return {added, replaced, path};
}
