/**
 * The tables' Excel download: the hand-written writer (src/components/xlsx.ts) read back with exceljs,
 * cell by cell: numbers with their formats, text that looks like a formula kept as text, headers
 * without soft hyphens; and the number format each kind of column gets.
 */
import {describe, expect, it} from "vitest";
import ExcelJS from "exceljs";
import {xlsxBytes} from "../../src/components/xlsx.ts";
import {safeXlsxName, xlsxNumberFormat} from "../../src/components/xlsx-button.ts";

async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe("xlsx writer", () => {
  it("writes a workbook exceljs opens: header, numbers with formats, text never a formula", async () => {
    const evil = ["=HYPERLINK(\"http://x\",\"klick\")", "-2+3+cmd|' /C calc'!A0", "@SUM(1)", "+1", "\tTab", "Östersund & <Åre>"];
    const bytes = xlsxBytes(
      [{label: "Kom\u00admun"}, {label: "Kostnad (kr)", numFmt: '#,##0 "kr"'}, {label: "Andel", numFmt: "0.0%"}, {label: "Antal", numFmt: "#,##0"}],
      [
        ...evil.map((name, i) => [name, 3735428 + i, 0.413, 12]),
        ["Bräcke", "..", null, 0] // suppressed: text in a numeric column; missing: empty
      ],
      "Kostnader [2024]"
    );
    const ws = await read(bytes);
    expect(ws.name).toBe("Kostnader  2024 ");
    expect(ws.getRow(1).values).toEqual([undefined, "Kommun", "Kostnad (kr)", "Andel", "Antal"]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    for (let i = 0; i < evil.length; i++) {
      const cell = ws.getCell(`A${i + 2}`);
      expect(cell.value).toBe(evil[i]);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    // Formula-looking text also carries Excel's quote prefix (it stays text when edited).
    const styles = new TextDecoder().decode(bytes);
    expect(styles).toContain('quotePrefix="1"');
    expect(styles).not.toMatch(/<f>/);
    expect(ws.getCell("B2").value).toBe(3735428);
    expect(ws.getCell("B2").numFmt).toBe('#,##0 "kr"');
    expect(ws.getCell("C2").value).toBe(0.413);
    expect(ws.getCell("C2").numFmt).toBe("0.0%");
    expect(ws.getCell("D2").numFmt).toBe("#,##0");
    expect(ws.getCell("B8").value).toBe("..");
    expect(ws.getCell("C8").value).toBeNull();
    expect(ws.getCell("D8").value).toBe(0);
    expect(ws.rowCount).toBe(8);
  });

  it("the same table gives the same bytes (no timestamps)", () => {
    const a = xlsxBytes([{label: "x"}], [[1]]);
    const b = xlsxBytes([{label: "x"}], [[1]]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("number formats and file names", () => {
  type R = {v: number};
  const rows: R[] = [{v: 0.63}, {v: 0.7}];
  it("from the label's unit, the shown text, or the decimals", () => {
    expect(xlsxNumberFormat({label: "Faktura (kr)", value: (r: R) => r.v, digits: 2}, rows)).toBe('#,##0.00 "kr"');
    expect(xlsxNumberFormat({label: "Timpris (kr/h)", value: (r: R) => r.v, digits: 0}, rows)).toBe('#,##0 "kr/h"');
    expect(xlsxNumberFormat({label: "Andel (%)", value: (r: R) => r.v, digits: 1}, rows)).toBe('0.0" %"');
    // Shown "63,0 %" for the value 0.63: a share, so Excel's percent format on the fraction.
    expect(xlsxNumberFormat({label: "Riket", value: (r: R) => r.v, digits: 3, format: (r: R) => `${(r.v * 100).toFixed(1).replace(".", ",")}\u00a0%`}, rows)).toBe("0.0%");
    expect(xlsxNumberFormat({label: "Folkmängd", value: () => 3735428, digits: 0}, rows)).toBe("#,##0");
    expect(xlsxNumberFormat({label: "Index", value: (r: R) => r.v, digits: 4}, rows)).toBe("#,##0.0000");
  });
  it("file names from codes and safe words", () => {
    expect(safeXlsxName("vaccination-23-influensa-65.csv")).toBe("vaccination-23-influensa-65.xlsx");
    expect(safeXlsxName("jämför Östersund/=cmd|.csv")).toBe("jamfor-ostersund-cmd.xlsx");
    expect(safeXlsxName("..csv")).toBe("tabell.xlsx");
  });
});
