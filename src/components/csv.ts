/**
 * CSV that Swedish Excel opens right: UTF-8 with BOM, ";" between fields, decimal comma, CRLF.
 */
import {excelNumber} from "./format.js";

export interface CsvColumn<T> {
  label: string;
  value: (row: T) => string | number | null | undefined;
  /** Decimals for numbers (default: as is). */
  digits?: number;
}

function cell(v: string | number | null | undefined, digits?: number): string {
  if (v == null) return "";
  const s = typeof v === "number" ? excelNumber(v, digits) : v;
  return /[";\r\n]/.test(s) || /^[=+\-@]/.test(s) && typeof v === "string" ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.label)).join(";")];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r), c.digits)).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** A button that downloads the rows as CSV. */
export function csvButton<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], filename: string, label = "Ladda ner CSV"): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "csv-download";
  button.textContent = `${label} (${filename})`;
  button.addEventListener("click", () => {
    const blob = new Blob([toCsv(rows, columns)], {type: "text/csv;charset=utf-8"});
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  return button;
}
