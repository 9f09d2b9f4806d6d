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
  /** Line ends: how many lines end with CRLF and with LF alone, and the first line of each. */
  lineEnds: {crlf: number; lf: number; firstCrlf: number | null; firstLf: number | null; crOnly: boolean};
  /** UTF-16 (a BOM FF FE or FE FF, or NUL bytes between the letters). */
  utf16: boolean;
  /** Lines holding a NUL byte (the first few). */
  nulLines: number[];
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
    const lineEnds: TextFileInfo["lineEnds"] = {crlf: 0, lf: 0, firstCrlf: null, firstLf: null, crOnly: false};
    let hasCr = false;
    const nulLines: number[] = [];
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
        if (nl > 0 ? chunk[nl - 1] === 13 : lastByte === 13) {
          if (lineEnds.crlf++ === 0) lineEnds.firstCrlf = lineNo;
        } else if (lineEnds.lf++ === 0) lineEnds.firstLf = lineNo;
        lines++;
        if (!lineHasContent && lineNo > 1) blankLines.push(lineNo);
        lineHasContent = false;
        lineNo++;
        start = nl + 1;
      }
      if (!hasQuotes && chunk.indexOf(34) >= 0) hasQuotes = true;
      if (!hasCr && chunk.indexOf(13) >= 0) hasCr = true;
      // A NUL byte has no place in a text file (rare: find its lines only then).
      for (let z = chunk.indexOf(0); z >= 0 && nulLines.length < 5; z = chunk.indexOf(0, z + 1)) {
        let line = lineNo;
        for (let k = chunk.indexOf(10, z); k >= 0; k = chunk.indexOf(10, k + 1)) line--;
        if (nulLines.at(-1) !== line) nulLines.push(line);
      }
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
    lineEnds.crOnly = hasCr && lines <= 1 && lineEnds.lf + lineEnds.crlf === 0;
    const head = first ?? Buffer.alloc(0);
    const zeros = head.subarray(0, 512).reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || zeros > Math.min(head.length, 512) / 4;
    const text = first ? decode(first, encoding) : "";
    const rawLines = text.split(lineEnds.crOnly ? /\r/ : /\r?\n/);
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
    return {encoding, delimiter, header, skip, lines, blankLines, hasQuotes, bytes: size, lineEnds, utf16, nulLines: utf16 ? [] : nulLines};
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
 * records. Runs over the text once. As DuckDB does, a quote opens a quoted field only at the start of
 * a field (a stray `5"` inside an unquoted field is a character like any other), and `""` inside a
 * quoted field is an escaped quote.
 *
 * `all` is the start line of every record DuckDB counts, blank ones and the header included: DuckDB
 * numbers the rows it rejects by that count (record k is on "line" k), not by physical line, so the
 * physical line of its "line" L is `all[L - 1]`.
 */
export async function recordStartLines(path: string, skip: number, delimiter = ";"): Promise<number[] & {all: number[]}> {
  const starts: number[] = [];
  const all: number[] = [];
  const delim = delimiter.charCodeAt(0);
  let line = 1;
  let quoted = false;
  let justClosed = false;
  let fieldStart = true;
  let atRecordStart = true;
  let recordHasContent = false;
  let recordStart = 1;
  for await (const chunk of createReadStream(path, {highWaterMark: CHUNK}) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (atRecordStart) {
        recordStart = line;
        all.push(line);
        atRecordStart = false;
        recordHasContent = false;
        fieldStart = true;
      }
      if (b === 34) {
        if (quoted) (quoted = false), (justClosed = true);
        else if (fieldStart || justClosed) (quoted = true), (justClosed = false);
        fieldStart = false;
        recordHasContent = true;
        continue;
      }
      justClosed = false;
      if (b === 10) {
        if (!quoted) {
          if (recordHasContent && recordStart > skip) starts.push(recordStart);
          atRecordStart = true;
        }
        line++;
      } else if (b !== 13) {
        recordHasContent = true;
        fieldStart = !quoted && b === delim;
      }
    }
  }
  if (!atRecordStart && recordHasContent && recordStart > skip) starts.push(recordStart);
  return Object.assign(starts, {all});
}

/**
 * A file that is not valid UTF-8 may be Windows-1252 throughout, or UTF-8 with some lines saved in
 * Windows-1252 (a row appended in another program). Tells them apart: `utf8Characters` counts the
 * well-formed multi-byte UTF-8 characters, `badLines` lists the first lines with bytes that are not
 * UTF-8. Runs only on files that failed the UTF-8 test.
 */
export async function findEncodingProblems(path: string): Promise<{utf8Characters: number; badLines: number[]; c1: boolean}> {
  let utf8Characters = 0;
  // A byte 0x80–0x9F: where Windows-1252 (€, ”, –) and Latin-1 (control characters) differ.
  let c1 = false;
  const badLines: number[] = [];
  let line = 1;
  let pending = Buffer.alloc(0);
  const cont = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;
  for await (const piece of createReadStream(path, {highWaterMark: CHUNK}) as AsyncIterable<Buffer>) {
    const chunk = pending.length ? Buffer.concat([pending, piece]) : piece;
    pending = Buffer.alloc(0);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 10) line++;
      if (b < 0x80) continue;
      if (b <= 0x9f) c1 = true;
      const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
      if (need && i + need >= chunk.length) {
        pending = Buffer.from(chunk.subarray(i));
        break;
      }
      let ok = need > 0;
      for (let k = 1; ok && k <= need; k++) ok = cont(chunk[i + k]);
      if (ok) {
        utf8Characters++;
        i += need;
      } else if (badLines.at(-1) !== line && badLines.length < 5) badLines.push(line);
    }
  }
  if (pending.length && badLines.at(-1) !== line && badLines.length < 5) badLines.push(line);
  return {utf8Characters, badLines, c1};
}

/**
 * Writes a copy with one kind of line end (LF) where the file mixes CRLF and LF, or uses CR alone
 * (old Mac): DuckDB's reader stops on a file whose line ends change halfway. Windows-1252 is
 * converted to UTF-8 in the same pass. Every line stays on its line.
 */
export async function normalizeTextFile(from: string, to: string, {windows1252 = false, crOnly = false} = {}): Promise<void> {
  const decoder = new TextDecoder(windows1252 ? "windows-1252" : "utf-8");
  let crPending = false;
  await pipeline(
    createReadStream(from, {highWaterMark: CHUNK}),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        let text = (crPending ? "\r" : "") + decoder.decode(chunk, {stream: true});
        crPending = text.endsWith("\r");
        if (crPending) text = text.slice(0, -1);
        done(null, Buffer.from(crOnly ? text.replace(/\r\n?/g, "\n") : text.replace(/\r\n/g, "\n"), "utf8"));
      },
      flush(done) {
        done(null, Buffer.from(decoder.decode() + (crPending ? (crOnly ? "\n" : "\r") : ""), "utf8"));
      }
    }),
    createWriteStream(to)
  );
}
