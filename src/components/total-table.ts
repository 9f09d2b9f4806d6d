/**
 * A DataTable with a total row that stays at the foot (<tfoot>) however the body is sorted, and a CSV
 * download that holds the body rows and then the total row, as the table shows them.
 */
import {DataTable, type TableColumn, type TableOptions} from "./table.js";
import {csvButton} from "./csv.js";
import {el} from "./dom.js";

export interface TotalTableOptions extends TableOptions {
  /** Label of the CSV button (default "Ladda ner CSV"). */
  csvLabel?: string;
  /** Columns of the CSV when they differ from the shown ones (e.g. with codes). */
  csvColumns?: readonly TableColumn<any>[];
}

export function TotalTable<T>(rows: readonly T[], total: T | null, columns: readonly TableColumn<T>[], options: TotalTableOptions): HTMLElement {
  const wrapper = DataTable(rows, columns, {...options, csv: undefined});
  if (total) {
    const table = wrapper.querySelector("table")!;
    const header = options.rowHeader ?? -1;
    const cells = columns.map((c, i) => {
      const shown = c.format ? c.format(total) : String(c.value(total) ?? "–");
      const attrs = {class: c.numeric ? "num" : undefined};
      return i === header ? el("th", {...attrs, scope: "row"}, shown) : el("td", attrs, shown);
    });
    table.append(el("tfoot", {}, el("tr", {class: "total"}, ...cells)));
  }
  if (options.csv) {
    const all = total ? [...rows, total] : [...rows];
    const csvColumns = (options.csvColumns ?? columns) as readonly TableColumn<T>[];
    wrapper.append(csvButton(all, csvColumns.map((c) => ({label: c.label, value: c.value, digits: c.digits})), options.csv, options.csvLabel));
  }
  return wrapper;
}
