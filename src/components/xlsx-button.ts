/**
 * The Excel download beside a table's CSV download: the same rows and columns as a real workbook
 * (numbers as numbers with kronor, percent and integer formats; text never a formula). The writer
 * (./xlsx.ts) is loaded only when the button is clicked, so a page does not carry it.
 */
import type {XlsxCell, XlsxColumn} from "./xlsx.js";

export interface XlsxSourceColumn<T> {
  label: string;
  value: (row: T) => string | number | null | undefined;
  digits?: number;
  format?: (row: T) => string | Node;
}

const zeros = (n: number) => (n > 0 ? "." + "0".repeat(n) : "");
const shownNumber = (s: string): number | null => {
  const t = s.replace(/[\s\u00a0\u202f]/g, "").replace(/−/g, "-").replace(",", ".");
  const m = /^-?\d+(\.\d+)?/.exec(t);
  return m ? Number(m[0]) : null;
};

/**
 * The number format of a column, from its unit in the label ("Belopp (kr)", "Andel (%)",
 * "Timpris (kr/h)"), else from what the table shows ("63,0 %" for 0.63 is a share, "12 kr" kronor),
 * else from its decimals (0: integers with a thousands separator).
 */
export function xlsxNumberFormat<T>(column: XlsxSourceColumn<T>, rows: readonly T[]): string | undefined {
  const d = column.digits;
  const unit = /\(([^()]*)\)\s*$/.exec(column.label)?.[1]?.trim();
  if (unit === "%") return `0${zeros(d ?? 1)}" %"`;
  if (unit && /^(kr|kronor|tkr|mnkr|kr\/.+)$/.test(unit)) return `#,##0${zeros(d ?? 0)} "${unit}"`;
  if (column.format) {
    for (const r of rows.slice(0, 50)) {
      const v = column.value(r);
      const shown = column.format(r);
      if (typeof v !== "number" || typeof shown !== "string") continue;
      const n = shownNumber(shown);
      if (/%\s*$/.test(shown) && n != null) {
        // A share written as a percent: the value is the fraction.
        if (Math.abs(n - v * 100) < Math.abs(n - v)) return `0${zeros(Math.max(0, (d ?? 3) - 2))}%`;
        return `0${zeros(d ?? 1)}" %"`;
      }
      if (/kr\s*$/.test(shown)) return `#,##0${zeros(d ?? 0)} "kr"`;
      break;
    }
  }
  if (d === 0) return "#,##0";
  if (d != null) return `#,##0${zeros(d)}`;
  return rows.some((r) => typeof column.value(r) === "number" && !Number.isInteger(column.value(r))) ? undefined : "#,##0";
}

/** A download name from codes and safe words: lower case a–z, digits, "-", "_" and ".". */
export function safeXlsxName(csvName: string): string {
  const stem = csvName
    .replace(/\.csv$/i, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  return `${stem || "tabell"}.xlsx`;
}

export function xlsxButton<T>(rows: readonly T[], columns: readonly XlsxSourceColumn<T>[], csvName: string, sheetName?: string): HTMLButtonElement {
  const filename = safeXlsxName(csvName);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "xlsx-download";
  button.textContent = `Ladda ner Excel (${filename})`;
  button.addEventListener("click", async () => {
    const {downloadXlsx} = await import("./xlsx.js");
    const specs: XlsxColumn[] = columns.map((c) => ({label: c.label, numFmt: xlsxNumberFormat(c, rows)}));
    const cells: XlsxCell[][] = rows.map((r) =>
      columns.map((c) => {
        const v = c.value(r);
        // The same rounding as the CSV: a figure has the decimals the table gives it.
        return typeof v === "number" && c.digits != null ? Number(v.toFixed(c.digits)) : v;
      })
    );
    downloadXlsx(specs, cells, filename, sheetName);
  });
  return button;
}
