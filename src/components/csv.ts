/**
 * CSV that Swedish Excel opens right: UTF-8 with BOM, ";" between fields, decimal comma, CRLF.
 *
 * Safe to open (OWASP, "CSV Injection"): a text cell that begins with =, +, -, @, a tab or a carriage
 * return (or their full-width forms) would be run by Excel or LibreOffice as a formula, so it gets a
 * leading apostrophe and is quoted: `=HYPERLINK(…)` is written `"'=HYPERLINK(…)"`, and reads as the
 * text it was. Quoting alone does not help: Excel strips the quotes and still runs the formula.
 * Numbers are not text: a value the site passes as a number (a negative balance, −25 940) is written
 * as a number ("-25940") and stays one. A text cell that is only a plain number ("-12", "-3,5",
 * "-3,5 %") cannot start a formula either and is left as it is, so that figures the site formats as
 * text are not mangled; anything else that begins with one of those characters is neutralised.
 * File names of downloads are made from safe characters only (`safeFileName`).
 */
import {excelNumber} from "./format.js";

export interface CsvColumn<T> {
  label: string;
  value: (row: T) => string | number | null | undefined;
  /** Decimals for numbers (default: as is). */
  digits?: number;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP), with their full-width forms. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain number as text: sign, digits (with space or no-break-space groups), decimal comma or point, optional per cent. */
const PLAIN_NUMBER = /^[-+\u2212]?\d{1,3}([ \u00a0\u202f]?\d{3})*([.,]\d+)?( ?%)?$|^[-+\u2212]?\d+([.,]\d+)?( ?%)?$/;

/** The text of a cell as written into the CSV: neutralised if it could start a formula, quoted if needed. */
export function csvCell(v: string | number | null | undefined, digits?: number): string {
  if (v == null) return "";
  if (typeof v === "number") return excelNumber(v, digits);
  let s = String(v);
  // Leading spaces do not protect a formula in every program: look past them.
  const risky = (FORMULA_START.test(s) || FORMULA_START.test(s.trimStart())) && !PLAIN_NUMBER.test(s.trim());
  if (risky) s = `'${s}`;
  return risky || /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(";")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r), c.digits)).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

const LETTERS: Record<string, string> = {å: "a", ä: "a", ö: "o", é: "e", ü: "u", Å: "A", Ä: "A", Ö: "O", É: "E", Ü: "U"};

/**
 * A download's file name from codes and safe words only: letters a–z, digits, "-", "_" and one "."
 * before the extension; å, ä, ö become a, a, o; anything else (slashes, quotes, spaces, formula
 * characters, control characters) becomes "-". Never empty, never hidden (no leading dot or dash),
 * at most 120 characters, and it ends in `.ext`.
 */
export function safeFileName(name: string, ext = "csv"): string {
  const stem = String(name)
    .replace(new RegExp(`\\.${ext}$`, "i"), "")
    .replace(/[åäöéüÅÄÖÉÜ]/g, (c) => LETTERS[c])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 120 - ext.length - 1)
    .replace(/[-_]+$/, "");
  return `${stem || "tabell"}.${ext}`;
}

/** A button that downloads the rows as CSV. */
export function csvButton<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], filename: string, label = "Ladda ner CSV"): HTMLButtonElement {
  const name = safeFileName(filename);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "csv-download";
  button.textContent = `${label} (${name})`;
  button.addEventListener("click", () => {
    downloadBlob(new Blob([toCsv(rows, columns)], {type: "text/csv;charset=utf-8"}), name);
  });
  return button;
}

/** Starts the browser's download of a file made in the page (a CSV, an Excel workbook). */
export function downloadBlob(blob: Blob, filename: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
