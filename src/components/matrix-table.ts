/**
 * A table with one measure per row and a value per column (e.g. the years of a period and its total):
 * caption, column and row headers with scope, numbers right-aligned, and a CSV download of the same
 * numbers (Swedish Excel: BOM, ";", decimal comma).
 */
import {el} from "./dom.js";
import {csvButton} from "./csv.js";

export interface MatrixTableRow {
  label: string;
  values: readonly (number | null)[];
  texts: readonly string[];
}

export function MatrixTable(
  {headers, rows}: {headers: readonly string[]; rows: readonly MatrixTableRow[]},
  {caption, csv, csvLabel, className, note}: {caption: string; csv?: string; csvLabel?: string; className?: string; note?: string}
): HTMLElement {
  const table = el(
    "table",
    {class: `data-table matrix-table ${className ?? ""}`.trim()},
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...headers.map((h, i) => el("th", {scope: "col", class: i ? "num" : undefined}, h)))),
    el("tbody", {}, ...rows.map((r) => el("tr", {}, el("th", {scope: "row"}, r.label), ...r.texts.map((t) => el("td", {class: "num"}, t || "")))))
  );
  const wrapper = el("div", {class: "table-wrap"}, el("div", {class: "table-scroll", tabindex: 0, role: "region", "aria-label": caption}, table));
  if (note) wrapper.append(el("p", {class: "table-note"}, note));
  if (csv) {
    const columns = headers.map((h, i) => ({label: h, value: (r: MatrixTableRow) => (i === 0 ? r.label : r.values[i - 1])}));
    wrapper.append(csvButton(rows, columns, csv, csvLabel));
  }
  return wrapper;
}
