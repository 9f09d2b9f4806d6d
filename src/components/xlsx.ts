/**
 * A small .xlsx writer for the tables' Excel download: one sheet, a bold and frozen header row,
 * numbers as numbers with a number format (kronor, percent, integers, decimals) and text as inline
 * strings, which Excel never runs as formulas; text that starts like a formula (=, +, -, @, tab, CR)
 * also gets Excel's "quote prefix", so that editing the cell does not turn it into one.
 *
 * Hand-written (about 5 kB) rather than exceljs (about 900 kB minified for the browser), and loaded
 * only when someone clicks the button. The zip is stored without compression: tables are small.
 */
import {downloadBlob} from "./csv.js";

export type XlsxCell = string | number | null | undefined;

export interface XlsxColumn {
  label: string;
  /** Excel number format for numeric cells ("#,##0", "#,##0.00 \"kr\"", "0.0%", …); none = General. */
  numFmt?: string;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Text for XML: escaped, without the control characters XML cannot hold, without soft hyphens. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Starts like a formula in a spreadsheet (OWASP's list for CSV injection). */
export const looksLikeFormula = (s: string): boolean => /^[=+\-@\t\r]/.test(s);

function columnName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The workbook's bytes: header row, then the rows; `formats` per column (numeric cells only). */
export function xlsxBytes(columns: readonly XlsxColumn[], rows: readonly (readonly XlsxCell[])[], sheetName = "Tabell"): Uint8Array {
  // Styles: 0 default, 1 header (bold), 2 text with quote prefix, 3… one per number format.
  const formats = [...new Set(columns.map((c) => c.numFmt).filter((f): f is string => !!f))];
  const numFmtId = (f: string) => 164 + formats.indexOf(f);
  const styleOf = (f: string | undefined) => (f ? 3 + formats.indexOf(f) : 0);
  const styles =
    XML_HEAD +
    `<styleSheet xmlns="${NS}">` +
    (formats.length ? `<numFmts count="${formats.length}">${formats.map((f) => `<numFmt numFmtId="${numFmtId(f)}" formatCode="${xmlText(f)}"/>`).join("")}</numFmts>` : "") +
    `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${3 + formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
    `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>` +
    formats.map((f) => `<xf numFmtId="${numFmtId(f)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("") +
    `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

  const text = (ref: string, s: string, style = 0) => {
    const st = looksLikeFormula(s) ? 2 : style;
    return `<c r="${ref}" t="inlineStr"${st ? ` s="${st}"` : ""}><is><t xml:space="preserve">${xmlText(s)}</t></is></c>`;
  };
  const cell = (ref: string, v: XlsxCell, numFmt?: string) => {
    if (v == null || v === "") return "";
    if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${numFmt ? ` s="${styleOf(numFmt)}"` : ""}><v>${v}</v></c>` : "";
    return text(ref, v);
  };
  const header = `<row r="1">${columns.map((c, i) => text(`${columnName(i)}1`, c.label.replace(/\u00ad/g, ""), 1)).join("")}</row>`;
  const body = rows.map((r, ri) => `<row r="${ri + 2}">${columns.map((c, i) => cell(`${columnName(i)}${ri + 2}`, r[i], c.numFmt)).join("")}</row>`).join("");
  const widths = columns.map((c, i) => {
    const longest = Math.max(c.label.length, ...rows.slice(0, 200).map((r) => String(r[i] ?? "").length + 4));
    return `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(8, longest + 2))}" customWidth="1"/>`;
  });
  const sheet =
    XML_HEAD +
    `<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    (widths.length ? `<cols>${widths.join("")}</cols>` : "") +
    `<sheetData>${header}${body}</sheetData></worksheet>`;
  const name = xmlText(sheetName.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Tabell");
  const files: [string, string][] = [
    [
      "[Content_Types].xml",
      XML_HEAD +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
    ],
    ["_rels/.rels", XML_HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", XML_HEAD + `<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      "xl/_rels/workbook.xml.rels",
      XML_HEAD +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
    ],
    ["xl/styles.xml", styles],
    ["xl/worksheets/sheet1.xml", sheet]
  ];
  return zipStored(files.map(([n, s]) => [n, new TextEncoder().encode(s)]));
}

let crcTable: Uint32Array | null = null;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive with the files stored (method 0), as the xlsx container. */
function zipStored(files: [string, Uint8Array][]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const DOS_DATE = (1 << 5) | 1; // 1980-01-01: the same bytes for the same table
  for (const [name, data] of files) {
    const nameBytes = new TextEncoder().encode(name);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 0, true);
    local.setUint16(10, 0, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(8, 0x0800, true);
    dir.setUint16(10, 0, true);
    dir.setUint16(12, 0, true);
    dir.setUint16(14, DOS_DATE, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, data.length, true);
    dir.setUint32(24, data.length, true);
    dir.setUint16(28, nameBytes.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) out.set(p, at), (at += p.length);
  return out;
}

/** Starts the browser's download of the workbook. */
export function downloadXlsx(columns: readonly XlsxColumn[], rows: readonly (readonly XlsxCell[])[], filename: string, sheetName?: string): void {
  downloadBlob(new Blob([xlsxBytes(columns, rows, sheetName) as BlobPart], {type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}), filename);
}
