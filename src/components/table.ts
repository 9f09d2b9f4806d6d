/**
 * An accessible data table: caption, column headers with scope, sortable by keyboard (buttons in the
 * headers, aria-sort, one tab stop per table with arrow keys between the columns), numbers right-aligned, and a CSV and an Excel download of the same rows beside it. An optional
 * total row stays at the foot (<tfoot>) however the body is sorted, and comes last in the CSV.
 */
import {el} from "./dom.js";
import {csvButton, type CsvColumn} from "./csv.js";
import {xlsxButton} from "./xlsx-button.js";
import {MY_MARK, myMunicipality} from "./my-municipality.js";

export interface TableColumn<T> {
  label: string;
  /** Sort value and CSV value. */
  value: (row: T) => string | number | null | undefined;
  /** Text shown (default: the value). */
  format?: (row: T) => string | Node;
  numeric?: boolean;
  /** Decimals in the CSV. */
  digits?: number;
  /** Optional link target for the cell. */
  href?: (row: T) => string | null;
}

export interface TableOptions<T = any> {
  caption: string;
  /** File name of the CSV download; none when omitted. */
  csv?: string;
  /** Label of the CSV button (default "Ladda ner CSV"). */
  csvLabel?: string;
  /** Columns of the CSV when they differ from the shown ones (e.g. with codes). */
  csvColumns?: readonly CsvColumn<T>[];
  /** The total row: shown in the table's foot, unsorted and without links, and last in the CSV. */
  total?: T | null;
  sort?: {column: number; descending?: boolean};
  /** Row header column index (read first by screen readers). */
  rowHeader?: number;
  className?: string;
  /** Rows whose class should mark them (e.g. the county total). */
  rowClass?: (row: any) => string | undefined;
  /** A row's municipality code: the reader's own municipality ("Min kommun") is then bold, outlined and marked in its row header. */
  municipality?: (row: T) => string | null | undefined;
}

export function DataTable<T>(rows: readonly T[], columns: readonly TableColumn<T>[], options: TableOptions<T>): HTMLElement {
  const total = options.total ?? null;
  const shown = (c: TableColumn<T>, r: T) => (c.format ? c.format(r) : String(c.value(r) ?? "–"));
  let sortColumn = options.sort?.column ?? -1;
  let descending = options.sort?.descending ?? false;
  const tbody = el("tbody");
  const mine = options.municipality ? myMunicipality() : null;
  const isMine = (r: T) => !!mine && options.municipality?.(r) === mine;
  // One tab stop per table: the header buttons form one group (roving tabindex); the arrow keys, Home
  // and End move between them, Enter or Space sorts.
  const buttons: HTMLButtonElement[] = [];
  const rove = (to: number) => {
    buttons.forEach((b, j) => b.setAttribute("tabindex", j === to ? "0" : "-1"));
    buttons[to]?.focus();
  };
  const headers = columns.map((c, i) => {
    const button = el("button", {type: "button", class: "sort", tabindex: i === Math.max(0, sortColumn) ? 0 : -1}, c.label) as HTMLButtonElement;
    buttons.push(button);
    const th = el("th", {scope: "col", class: c.numeric ? "num" : undefined}, button);
    button.addEventListener("click", () => {
      descending = sortColumn === i ? !descending : !!c.numeric;
      sortColumn = i;
      render();
      rove(i);
    });
    button.addEventListener("keydown", (event) => {
      const to = {ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: columns.length - 1}[event.key];
      if (to === undefined) return;
      event.preventDefault();
      rove(Math.min(columns.length - 1, Math.max(0, to)));
    });
    return th;
  });
  function render() {
    const sorted = [...rows];
    if (sortColumn >= 0) {
      const {value: v, numeric} = columns[sortColumn];
      // In a numeric column a text value ("..", suppressed; "–", missing) sorts last, like a missing one.
      const key = (r: T) => {
        const x = v(r);
        return numeric && typeof x !== "number" ? null : x;
      };
      sorted.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (x == null) return y == null ? 0 : 1;
        if (y == null) return -1;
        const d = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "sv");
        return descending ? -d : d;
      });
    }
    headers.forEach((th, i) => th.setAttribute("aria-sort", i === sortColumn ? (descending ? "descending" : "ascending") : "none"));
    tbody.replaceChildren(
      ...sorted.map((r) =>
        el(
          "tr",
          {class: [options.rowClass?.(r), isMine(r) ? "my-municipality" : undefined].filter(Boolean).join(" ") || undefined},
          ...columns.map((c, i) => {
            const href = c.href?.(r);
            const link = href ? el("a", {href}, shown(c, r)) : shown(c, r);
            const content = isMine(r) && i === (options.rowHeader ?? 0) ? el("span", {}, link, " ", el("span", {class: "my-mark"}, `(${MY_MARK})`)) : link;
            return i === (options.rowHeader ?? -1) ? el("th", {scope: "row", class: c.numeric ? "num" : undefined}, content) : el("td", {class: c.numeric ? "num" : undefined}, content);
          })
        )
      )
    );
  }
  render();
  const table = el("table", {class: `data-table ${options.className ?? ""}`.trim()}, el("caption", {}, options.caption), el("thead", {}, el("tr", {}, ...headers)), tbody);
  if (total) {
    const cells = columns.map((c, i) => {
      const attrs = {class: c.numeric ? "num" : undefined};
      return i === (options.rowHeader ?? -1) ? el("th", {...attrs, scope: "row"}, shown(c, total)) : el("td", attrs, shown(c, total));
    });
    table.append(el("tfoot", {}, el("tr", {class: "total"}, ...cells)));
  }
  // The scrolling box is a named region; it is no tab stop of its own, since the header buttons inside
  // it already are one (focusing a header scrolls the box to it).
  const wrapper = el("div", {class: "table-wrap"}, el("div", {class: "table-scroll", role: "region", "aria-label": options.caption}, table));
  if (options.csv) {
    const csvColumns: CsvColumn<T>[] = (options.csvColumns ?? columns).map((c) => ({label: c.label.replace(/\u00ad/g, ""), value: c.value, digits: c.digits}));
    wrapper.append(csvButton(total ? [...rows, total] : rows, csvColumns, options.csv, options.csvLabel));
    // The same rows as an Excel workbook; a column's shown format (when it has one) tells its unit.
    const shownFormat = (label: string) => columns.find((c) => c.label === label)?.format;
    wrapper.append(xlsxButton(total ? [...rows, total] : rows, csvColumns.map((c) => ({...c, format: shownFormat(c.label)})), options.csv));
  }
  return wrapper;
}
