// The Excel download beside each table: a real workbook (opened here with exceljs) with the same rows
// and figures as the CSV, number formats for kronor and percent, and the writer loaded only on click.
import {describe, expect, it} from "vitest";
import ExcelJS from "exceljs";
import {readFileSync} from "node:fs";
import {open} from "./harness.ts";
import {downloadCsv, useSite} from "./site-fixture.ts";

const site = useSite();

describe("Excel download of a table", () => {
  it("gives the table's rows as numbers with formats, the same figures as the CSV", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/ersattningar/23");
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.waitForSelector("#timpriser table");
    const button = page.locator("#timpriser button.xlsx-download").first();
    expect(await button.innerText()).toMatch(/^Ladda ner Excel \([a-z0-9._-]+\.xlsx\)$/);
    expect(requested.filter((u) => /\/xlsx\.[^/]*js/.test(u))).toEqual([]); // not loaded before the click

    const [d] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(d.suggestedFilename()).toMatch(/^[a-z0-9._-]+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await d.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(requested.some((u) => /\/xlsx\.[^/]*js/.test(u))).toBe(true);

    const csv = await downloadCsv(page, page.locator("#timpriser button.csv-download").first());
    const [csvHeader, ...csvRows] = csv.rows;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(csvHeader);
    expect(csvHeader).toContain("Medicinteknisk support (kr/h)");
    expect(ws.rowCount).toBe(csvRows.length + 1);
    // Every cell: a number where the CSV has a number (decimal comma), else the same text.
    csvRows.forEach((row, i) =>
      row.forEach((text, j) => {
        const cell = ws.getCell(i + 2, j + 1);
        if (/^-?\d+(,\d+)?$/.test(text)) {
          expect(cell.type, `${cell.address} ${text}`).toBe(ExcelJS.ValueType.Number);
          expect(cell.value).toBe(Number(text.replace(",", ".")));
        } else expect(cell.value ?? "", cell.address).toBe(text);
        expect(cell.formula).toBeUndefined();
      })
    );
    const col = (label: string) => csvHeader.indexOf(label) + 1;
    const base = csvRows.findIndex((r) => r[0].startsWith("2025")) + 2;
    expect(ws.getCell(base, col("Medicinteknisk support (kr/h)")).value).toBe(1123);
    expect(ws.getCell(base, col("Medicinteknisk support (kr/h)")).numFmt).toBe('#,##0 "kr/h"');
    expect(ws.getCell(base, col("VPI året före (%)")).numFmt).toMatch(/^0\.0" %"$/);
    expect(ws.getCell(base, col("VPI året före (%)")).value).toBe(3.2);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
