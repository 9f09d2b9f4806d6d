/**
 * What a Swedish Excel export looks like on disk: UTF-8 with or without BOM, or Windows-1252; `;`, `,`
 * or tab between fields; CRLF or LF. This module finds out which, converts Windows-1252 to UTF-8 once
 * (line numbers are kept), and reads the header. It works on bytes in large chunks, never row by row.
 */
import {open, stat} from "node:fs/promises";
import {createReadStream, createWriteStream} from "node:fs";
import {isUtf8} from "node:buffer";
import {pipeline} from "node:stream/promises";
import {Transform} from "node:stream";

export type Encoding = "utf-8" | "utf-8-bom" | "windows-1252";

export interface TextFileInfo {
  encoding: Encoding;
  delimiter: ";" | "," | "\t";
  /** Header cells as written (BOM and quotes removed). */
  header: string[];
  /** Lines before the first data line (header, and an Excel "sep=;" line if present). */
  skip: number;
  /** Physical lines in the file (a last line without newline counts). */
  lines: number;
  /** Empty lines after the header (DuckDB skips them): their line numbers. */
  blankLines: number[];
  /** A quote character occurs: a field may span lines. */
  hasQuotes: boolean;
  bytes: number;
}

const CHUNK = 16 * 1024 * 1024;

/** Scans the file once: encoding, line count, blank lines, quotes. */
export async function inspectTextFile(path: string): Promise<TextFileInfo> {
  const {size} = await stat(path);
  const fh = await open(path, "r");
  try {
    let utf8 = true;
    let bom = false;
    let lines = 0;
    const blankLines: number[] = [];
    let hasQuotes = false;
    let first: Buffer | null = null;
    let lastByte = -1;
    let lineHasContent = false;
    let lineNo = 1;
    // One buffer for the whole file. The few bytes of a character cut in two at the end of a chunk
    // are moved to its start and checked with the next chunk; nothing else is copied.
    const buf = Buffer.allocUnsafeSlow(Math.min(CHUNK, size) + 4);
    let carry = 0;
    for (let pos = 0; pos < size; ) {
      const {bytesRead} = await fh.read(buf, carry, Math.min(CHUNK, size - pos), pos);
      if (bytesRead === 0) break;
      const end = carry + bytesRead;
      const chunk = buf.subarray(carry, end);
      if (pos === 0) {
        first = Buffer.from(chunk.subarray(0, Math.min(chunk.length, 65536)));
        bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      }
      pos += bytesRead;
      // Count lines and find the empty ones (line 1 is the header), with indexOf: a native scan.
      for (let start = 0; ; ) {
        const nl = chunk.indexOf(10, start);
        if (nl < 0) {
          if (start < chunk.length && !(chunk.length - start === 1 && chunk[start] === 13)) lineHasContent = true;
          break;
        }
        const len = nl - start;
        if (len > 1 || (len === 1 && chunk[start] !== 13)) lineHasContent = true;
        lines++;
        if (!lineHasContent && lineNo > 1) blankLines.push(lineNo);
        lineHasContent = false;
        lineNo++;
        start = nl + 1;
      }
      if (!hasQuotes && chunk.indexOf(34) >= 0) hasQuotes = true;
      lastByte = chunk[chunk.length - 1];
      if (utf8) {
        // Cut after the last whole character, unless the file ends here: no character is checked
        // in two halves (a lead byte and what follows it wait for the next chunk).
        let cut = end;
        if (pos < size) {
          cut = Math.max(0, end - 4);
          for (let i = end - 1; i >= Math.max(0, end - 4); i--)
            if ((buf[i] & 0xc0) !== 0x80) {
              cut = buf[i] < 0x80 ? i + 1 : i;
              break;
            }
        }
        if (!isUtf8(buf.subarray(0, cut))) utf8 = false;
        buf.copy(buf, 0, cut, end);
        carry = utf8 ? end - cut : 0;
      }
    }
    if (lastByte !== 10 && lastByte !== -1) {
      lines++;
      if (!lineHasContent && lineNo > 1) blankLines.push(lineNo);
    }
    const encoding: Encoding = !utf8 ? "windows-1252" : bom ? "utf-8-bom" : "utf-8";
    const text = first ? decode(first, encoding) : "";
    const rawLines = text.split(/\r?\n/);
    let skip = 1;
    let headerLine = rawLines[0] ?? "";
    let delimiter = detectDelimiter(headerLine);
    const sep = /^sep=(.)\s*$/i.exec(headerLine);
    if (sep) {
      delimiter = (sep[1] === "\t" ? "\t" : sep[1]) as TextFileInfo["delimiter"];
      headerLine = rawLines[1] ?? "";
      skip = 2;
    }
    const header = headerLine.trim() === "" ? [] : splitCsvLine(headerLine, delimiter);
    return {encoding, delimiter, header, skip, lines, blankLines, hasQuotes, bytes: size};
  } finally {
    await fh.close();
  }
}

function decode(buf: Buffer, encoding: Encoding): string {
  return new TextDecoder(encoding === "windows-1252" ? "windows-1252" : "utf-8").decode(buf).replace(/^\uFEFF/, "");
}

/** The separator that occurs most often in the header (headers never contain one). */
export function detectDelimiter(line: string): TextFileInfo["delimiter"] {
  const outside = line.replace(/"[^"]*"/g, "");
  const count = (c: string) => outside.split(c).length - 1;
  const candidates: TextFileInfo["delimiter"][] = [";", ",", "\t"];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ";");
}

export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) out.push(cur), (cur = "");
    else if (ch !== "\r") cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

/** Writes a UTF-8 copy of a Windows-1252 file; every byte is one character, so lines stay put. */
export async function transcodeWindows1252(from: string, to: string): Promise<void> {
  const decoder = new TextDecoder("windows-1252");
  await pipeline(
    createReadStream(from, {highWaterMark: CHUNK}),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        done(null, Buffer.from(decoder.decode(chunk, {stream: true}), "utf8"));
      }
    }),
    createWriteStream(to)
  );
}

/**
 * Physical line number of each record that DuckDB reads, in order, for files where a quoted field
 * spans lines or blank lines occur (rare: the fast path needs no such list). Blank lines are not
 * records. Runs over the text once.
 */
export async function recordStartLines(path: string, skip: number): Promise<number[]> {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atRecordStart = true;
  let recordHasContent = false;
  let recordStart = 1;
  for await (const chunk of createReadStream(path, {highWaterMark: CHUNK}) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (atRecordStart) {
        recordStart = line;
        atRecordStart = false;
        recordHasContent = false;
      }
      if (b === 34) quoted = !quoted;
      if (b === 10) {
        if (!quoted) {
          if (recordHasContent && recordStart > skip) starts.push(recordStart);
          atRecordStart = true;
        }
        line++;
      } else if (b !== 13) recordHasContent = true;
    }
  }
  if (!atRecordStart && recordHasContent && recordStart > skip) starts.push(recordStart);
  return starts;
}
