/**
 * Excel input: name.xlsx instead of name.csv, with the same rules and the spreadsheet's own row
 * numbers. The workbooks are made here with exceljs, cell by cell, so each row's number is known.
 */
import {describe, expect, it, beforeAll} from "vitest";
import {rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import ExcelJS from "exceljs";
import {checkFolder} from "../../loaders/cli/check.ts";
import type {IngestReport} from "../../loaders/ingest/ingest.ts";
import {cellText, excelNumberText} from "../../loaders/ingest/xlsx.ts";
import {dataFolder} from "./helpers.ts";

const issuesOf = (r: IngestReport, file: string) => r.issues.filter((i) => i.file === file).map((i) => ({line: i.line, column: i.column, value: i.value, rule: i.rule}));

async function workbook(sheets: {name: string; rows: (ExcelJS.CellValue | {value: ExcelJS.CellValue; numFmt: string})[][]}[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = ws.getCell(i + 1, j + 1);
        if (v && typeof v === "object" && "numFmt" in v) {
          cell.value = v.value;
          cell.numFmt = v.numFmt;
        } else cell.value = v as ExcelJS.CellValue;
      })
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("cells as the spreadsheet shows them", () => {
  it("numbers, percent, dates, formulas, rich text", () => {
    expect(excelNumberText(0.1 + 0.2)).toBe("0.3"); // Excel's 15 significant digits
    expect(excelNumberText(1234.5)).toBe("1234.5");
    expect(excelNumberText(1e21)).toBe("1000000000000000000000");
    expect(cellText(0.413, "0.0%").text).toBe("41.3");
    expect(cellText(new Date(Date.UTC(2024, 1, 29)), "yyyy-mm-dd").text).toBe("2024-02-29");
    expect(cellText({formula: "A1*2", result: 84} as ExcelJS.CellFormulaValue, undefined).text).toBe("84");
    expect(cellText({formula: "A1*2"} as ExcelJS.CellFormulaValue, undefined)).toEqual({text: "", note: "formel utan sparat resultat (spara om filen i Excel)"});
    expect(cellText({richText: [{text: "Trygg "}, {text: "hemgång"}]}, undefined).text).toBe("Trygg hemgång");
    expect(cellText(null, undefined).text).toBe("");
  });
});

describe("a data folder with .xlsx files", () => {
  let report: IngestReport;
  beforeAll(async () => {
    const dir = dataFolder();
    // vaccination: an info sheet first, the data on the sheet named like the file.
    writeFileSync(
      join(dir, "vaccination.xlsx"),
      await workbook([
        {name: "Info", rows: [["Exporterad ur verksamhetssystemet"]]},
        {
          name: "Vaccination",
          rows: [
            ["kommunkod", "säsong", "målgrupp", "vaccin", "vaccinerade", "målgrupp_antal"],
            [2380, "2023/24", "sabo", "covid-19", 100, 120], // 2 ok (code as a number)
            [], // 3 empty row: skipped, numbering goes on
            [9999, "2023/24", "sabo", "covid-19", 90, 120], // 4 unknown municipality
            [2380, "2023/24", "hemtjanst", "covid-19", {formula: "E2+30", result: 130}, 120], // 5 formula result 130 > 120
            [2380, "2023/24", "lss", "covid-19", 2.5, 120], // 6 not an integer
            [2380, "2023/24", "hemsjukvard", "covid-19", {formula: "E2*2"}, 220], // 7 formula without cached result: missing
            [2380, "2023/24", "hemsjukvard", "influensa", 10, 20] // 8 ok
          ]
        }
      ])
    );
    rmSync(join(dir, "vaccination.csv"));
    // inskrivningar: real dates, one with a time of day.
    writeFileSync(
      join(dir, "inskrivningar.xlsx"),
      await workbook([
        {
          name: "Blad1",
          rows: [
            ["person_id", "kommunkod", "tjänst", "start", "slut"],
            ["A1", "2480", "korttid", {value: new Date(Date.UTC(2024, 0, 10)), numFmt: "yyyy-mm-dd"}, {value: new Date(Date.UTC(2024, 1, 1)), numFmt: "yyyy-mm-dd"}], // 2 ok
            ["A2", "2480", "korttid", {value: new Date(Date.UTC(2024, 2, 1, 14, 30)), numFmt: "yyyy-mm-dd hh:mm"}, null], // 3 a time of day: not a date
            ["A3", "2480", "korttid", "2024-03-10", null] // 4 ok (date as text)
          ]
        }
      ])
    );
    rmSync(join(dir, "inskrivningar.csv"));
    // utvecklingsmedel: amounts with decimals, shares formatted as percent.
    const pct = (v: number) => ({value: v, numFmt: "0%"});
    writeFileSync(
      join(dir, "utvecklingsmedel.xlsx"),
      await workbook([
        {
          name: "Blad1",
          rows: [
            ["länskod", "projekt", "år", "budget_kr", "utfall_kr", "regionens_andel_procent", "kommunernas_andel_procent"],
            ["23", "Trygg hemgång", 2021, 400000.5, {value: 321467.25, numFmt: '#,##0.00 "kr"'}, pct(0.5), pct(0.5)], // 2 ok: 50 + 50
            ["23", "Hemgång; steg två", 2022, 1000, 900, pct(0.6), pct(0.5)] // 3 shares 60 + 50 ≠ 100
          ]
        }
      ])
    );
    rmSync(join(dir, "utvecklingsmedel.csv"));
    report = await checkFolder(dir);
  }, 120_000);

  it("reports each broken row with the sheet's row number", () => {
    expect(issuesOf(report, "vaccination.xlsx")).toEqual([
      {line: 4, column: "kommunkod", value: "9999", rule: "okand_kommun"},
      {line: 5, column: "vaccinerade", value: "130", rule: "fler_vaccinerade_an_malgrupp"},
      {line: 6, column: "vaccinerade", value: "2.5", rule: "ogiltigt_heltal"},
      {line: 7, column: "vaccinerade", value: null, rule: "saknat_varde"}
    ]);
    const v = report.files.find((f) => f.file === "vaccination.xlsx")!;
    expect([v.read, v.accepted, v.rejected]).toEqual([6, 2, 4]);
    expect(v.warnings.join("\n")).toMatch(/bladet "Vaccination"/);
    expect(v.warnings.join("\n")).toMatch(/1 cell med formel utan sparat resultat.*: E7/);
    expect(v.warnings.join("\n")).toMatch(/Arbetsboken har 2 blad/);
  });

  it("dates from date cells; a date with a time of day is reported, not truncated", () => {
    expect(issuesOf(report, "inskrivningar.xlsx")).toEqual([{line: 3, column: "start", value: "2024-03-01 14:30", rule: "ogiltigt_datum"}]);
    expect(report.files.find((f) => f.file === "inskrivningar.xlsx")!.accepted).toBe(2);
  });

  it("decimals and percent cells read as shown", () => {
    expect(issuesOf(report, "utvecklingsmedel.xlsx")).toEqual([{line: 3, column: "kommunernas_andel_procent", value: "50", rule: "andelar_summerar_inte"}]);
    expect(report.files.find((f) => f.file === "utvecklingsmedel.xlsx")!.accepted).toBe(1);
  });

  it("name.csv and name.xlsx both present: a clear error", async () => {
    const dir = dataFolder({"kostnader.xlsx": await workbook([{name: "Blad1", rows: [["kommunkod"]]}])});
    await expect(checkFolder(dir)).rejects.toThrow(/både kostnader\.csv och kostnader\.xlsx finns/);
  });

  it("a file that is not a workbook: a clear error", async () => {
    const dir = dataFolder({"inskrivna.xlsx": "kommunkod;period;tjänst;antal\n"});
    rmSync(join(dir, "inskrivna.csv"));
    await expect(checkFolder(dir)).rejects.toThrow(/inskrivna\.xlsx: filen går inte att läsa som Excel-arbetsbok/);
  });
});
