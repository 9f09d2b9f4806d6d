/**
 * Reads one input file into DuckDB and validates it in bulk: every row read is either accepted into
 * the clean table or reported (file, line, column, value, rule). accepted + rejected = read, always.
 */
import {join, basename} from "node:path";
import {writeFile} from "node:fs/promises";
import type {DuckDBConnection} from "@duckdb/node-api";
import {INPUTS, type InputSpec} from "../schemas/inputs.ts";
import {blankSql, columnSql, duckdbType, isNumericKind, normalizeHeader, rangeSql, symbolSql, type ColumnSpec} from "../schemas/columns.ts";
import {findEncodingProblems, inspectTextFile, normalizeTextFile, recordStartLines, transcodeWindows1252, type Encoding, type TextFileInfo} from "./text-file.ts";
import {IngestFatalError} from "./errors.ts";
import {findInputFile} from "./xlsx.ts";
import {RULES} from "./messages.ts";
import {ident, lit, queryRows, queryValue} from "./sql.ts";

export interface FileReport {
  file: string;
  table: string;
  title: string;
  required: boolean;
  present: boolean;
  encoding?: Encoding;
  delimiter?: string;
  read: number;
  accepted: number;
  rejected: number;
  /** Issues per rule, most frequent first. */
  rules: {rule: string; message: string; count: number}[];
  warnings: string[];
  /** Statistics symbols read as missing values ("..", "x"), per column: accepted rows, values kept in value_symbols. */
  symbols: {column: string; symbol: string; count: number}[];
}

const DELIMITER_NAMES: Record<string, string> = {";": "semikolon", ",": "komma", "\t": "tabb"};

/** Which spec columns sit at which position of the header; fatal when a required column is missing. */
export function matchHeader(spec: InputSpec, header: string[], file: string): {positions: Map<string, number>; warnings: string[]} {
  const normalized = header.map(normalizeHeader);
  const positions = new Map<string, number>();
  const warnings: string[] = [];
  const missing: ColumnSpec[] = [];
  for (const col of spec.columns) {
    const idx = normalized.indexOf(normalizeHeader(col.header));
    if (idx >= 0) positions.set(col.field, idx);
    else if (!col.optionalColumn) missing.push(col);
    // The same column twice: which one holds the right figures cannot be known, so neither is used.
    const again = idx >= 0 ? normalized.indexOf(normalizeHeader(col.header), idx + 1) : -1;
    if (again >= 0)
      throw new IngestFatalError(
        file,
        `kolumnen "${col.header}" finns två gånger i rubrikraden (kolumn ${idx + 1}, "${printable(header[idx])}", och kolumn ${again + 1}, "${printable(header[again])}"). Ta bort eller byt namn på den som inte ska användas.`
      );
  }
  if (missing.length) {
    // A file of another family in this place? Say so: it is the likeliest mistake.
    const other = INPUTS.filter((s) => s !== spec)
      .map((s) => ({s, hits: s.columns.filter((c) => normalized.includes(normalizeHeader(c.header))).length, need: s.columns.filter((c) => !c.optionalColumn).length}))
      .filter(({s, hits, need}) => hits === need && hits > positions.size && s.family !== "reference")
      .sort((a, b) => b.hits - a.hits)[0];
    const expected = spec.columns.filter((c) => !c.optionalColumn).map((c) => c.header).join(spec.columns.length ? ";" : "");
    if (other)
      throw new IngestFatalError(
        file,
        `filen ser ut att innehålla ${other.s.title.toLowerCase()} (kolumnerna passar ${other.s.file}), inte ${spec.title.toLowerCase()}. Byt namn på filen eller lägg rätt fil här. Förväntade kolumner: ${expected}.`
      );
    throw new IngestFatalError(
      file,
      `kolumn${missing.length > 1 ? "erna" : "en"} ${missing.map((c) => `"${c.header}"`).join(", ")} saknas. Första raden ska vara rubrikraden: ${expected}. Hittade: ${printable(header.join(";")) || "(ingenting)"}.`
    );
  }
  header.forEach((h, i) => {
    const used = [...positions.values()].includes(i);
    if (!used && h.trim() !== "") warnings.push(`Kolumnen "${printable(h)}" används inte och hoppas över.`);
  });
  return {positions, warnings};
}

/** Text from a file as a message may quote it: control characters (NUL and the like) shown as "�", at most 300 characters. */
export function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "�");
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

const lineList = (lines: number[]) => (lines.length > 1 ? `raderna ${lines.slice(0, -1).join(", ")} och ${lines.at(-1)}` : `rad ${lines[0]}`);

/** `scan`: the file's inspectTextFile, if the caller started it already (see ingestFolder). */
export async function ingestFile(conn: DuckDBConnection, spec: InputSpec, dataDir: string, tmpDir: string, scan?: Promise<TextFileInfo>): Promise<FileReport> {
  // name.xlsx in place of name.csv: the sheet as CSV text, with the sheet's row numbers (./xlsx.ts).
  const input = await findInputFile(dataDir, spec.file, tmpDir);
  const file = input.file;
  if (input.converted) scan = undefined;
  const report: FileReport = {file, table: spec.table, title: spec.title, required: spec.required, present: false, read: 0, accepted: 0, rejected: 0, rules: [], warnings: [...input.warnings], symbols: []};
  if (!input.path) {
    if (spec.required) throw new IngestFatalError(file, `filen saknas i datamappen ${dataDir}. Lägg dit den (se data/README.md för kolumnerna).`);
    await createEmptyTable(conn, spec);
    return report;
  }
  const path = input.path;
  report.present = true;
  if (input.name !== file) report.warnings.push(`Filen heter ${input.name} i datamappen och läses som ${file}.`);
  let info = await (scan ?? inspectTextFile(path));
  report.encoding = info.encoding;
  report.delimiter = input.converted ? "Excel-blad" : DELIMITER_NAMES[info.delimiter];
  if (info.bytes === 0) throw new IngestFatalError(file, "filen är tom. Den ska börja med en rubrikrad (se data/README.md).");
  if (info.utf16)
    throw new IngestFatalError(file, "filen är sparad som UTF-16 (i Excel \"Unicode-text\"). Spara den som \"CSV UTF-8 (kommaavgränsad)\" och försök igen.");
  if (info.nulLines.length)
    throw new IngestFatalError(file, `${lineList(info.nulLines)} innehåller ett NUL-tecken (byte 0), som inte hör hemma i en textfil: filen är skadad eller sparad i ett annat format. Spara den som CSV UTF-8 och försök igen.`);
  // Windows-1252 without a byte 0x80–0x9F is Latin-1, which DuckDB reads itself: no converted copy.
  let latin1 = false;
  if (info.encoding === "windows-1252") {
    // Windows-1252 throughout is fine; UTF-8 with some lines in Windows-1252 is not (which is right?).
    const {utf8Characters, badLines, c1} = await findEncodingProblems(path);
    latin1 = !c1;
    if (utf8Characters > 0)
      throw new IngestFatalError(
        file,
        `${lineList(badLines)} har fel teckenkodning: filen är i övrigt UTF-8, men ${badLines.length > 1 ? "de raderna" : "den raden"} är sparad${badLines.length > 1 ? "e" : ""} som Windows-1252 (ANSI), så å, ä och ö blir fel. Skriv om ${badLines.length > 1 ? "raderna" : "raden"} eller spara hela filen som CSV UTF-8.`
      );
  }
  if (info.header.length === 0) throw new IngestFatalError(file, "första raden är tom. Den ska vara rubrikraden (se data/README.md).");
  const {positions, warnings} = matchHeader(spec, info.header, file);
  report.warnings.push(...warnings);
  if (info.header.length === 1 && spec.columns.length > 1)
    throw new IngestFatalError(file, "hittade bara en kolumn. Fälten ska skiljas åt med semikolon, komma eller tabb.");

  let source = path;
  const {lineEnds} = info;
  const mixedEnds = lineEnds.crlf > 0 && lineEnds.lf > 0;
  if (mixedEnds || lineEnds.crOnly) {
    // DuckDB's reader cannot read line ends that change halfway, nor CR alone: one kind (LF), lines kept.
    source = join(tmpDir, `${spec.table}.lf.csv`);
    await normalizeTextFile(path, source, {windows1252: info.encoding === "windows-1252", crOnly: lineEnds.crOnly});
    info = {...(await inspectTextFile(source)), encoding: info.encoding};
    report.warnings.push(
      lineEnds.crOnly
        ? "Raderna slutar med bara CR (gammalt Mac-format); filen har lästs med vanliga radslut."
        : `Filen blandar radslut: ${lineEnds.firstLf! < lineEnds.firstCrlf! ? `rad ${lineEnds.firstLf} slutar med LF och rad ${lineEnds.firstCrlf} med CRLF` : `rad ${lineEnds.firstCrlf} slutar med CRLF och rad ${lineEnds.firstLf} med LF`}. Den har lästs som om alla rader slutade lika.`
    );
    if (report.encoding === "windows-1252") report.warnings.push("Filen är sparad som Windows-1252 (ANSI) och har lästs om till UTF-8.");
  } else if (info.encoding === "windows-1252") {
    if (!latin1) {
      source = join(tmpDir, `${spec.table}.utf8.csv`);
      await transcodeWindows1252(path, source);
    }
    report.warnings.push("Filen är sparad som Windows-1252 (ANSI) och har lästs om till UTF-8.");
  }

  // One pass over the file: DuckDB reads every field as text, types it and flags the row in the same
  // statement, and writes the typed rows in file order (preserve_insertion_order), so that row k of
  // the stage table is the k-th record read. The text of a field is kept only on flagged rows (the
  // report quotes it); the clean rows are typed once and never read as text again.
  const stage = `stage_${spec.table}`;
  const n = info.header.length;
  const columns = `{${Array.from({length: n}, (_, i) => `'c${i}': 'VARCHAR'`).join(", ")}}`;
  const rawOf = (c: ColumnSpec) => (positions.has(c.field) ? `c${positions.get(c.field)}` : "CAST(NULL AS VARCHAR)");
  const checkKnown = (c: ColumnSpec) => c.kind.type === "municipality" && spec.checkMunicipality === true;
  // Known municipality codes as an ENUM cast, not `IN (SELECT …)`: a join in the reading statement
  // would cost DuckDB its ordered (batch) insert, and with it the line numbers.
  const codes = spec.columns.some(checkKnown)
    ? (await queryRows<{c: string}>(conn, "SELECT DISTINCT municipality_code AS c FROM municipalities WHERE municipality_code IS NOT NULL ORDER BY 1")).map((r) => lit(r.c))
    : [];
  const known = (text: string) => (codes.length ? `(TRY_CAST(${text} AS ENUM(${codes.join(", ")})) IS NOT NULL)` : "false");

  // The checks of a row, on its raw text (r_<field>) and its typed values (<field>), as the report
  // names them; `flag` is the same test for the whole row in fewer terms (a typed field is NULL
  // when its text is missing or unreadable), for every row of the file. A row flagged without an
  // issue, or the other way round, would break accepted + rejected = read, which is checked below.
  const checks: {cond: string; col: ColumnSpec; rule: string; value: string; message: string}[] = [];
  const flag: string[] = [];
  for (const c of spec.columns) {
    const r = `r_${c.field}`;
    const f = ident(c.field);
    // A text of only white space is no text: missing (an error where the value is required, empty where
    // it is optional). A statistics symbol ("..", "x") in a numeric column is a missing value, kept.
    const blank = c.kind.type === "text" ? ` AND NOT ${blankSql(r)}` : isNumericKind(c.kind) ? ` AND NOT ${symbolSql(r)}` : "";
    if (!c.optional) checks.push({cond: blank ? `${r} IS NULL OR ${blankSql(r)}` : `${r} IS NULL`, col: c, rule: "saknat_varde", value: r, message: RULES.saknat_varde});
    // A value that was written but could not be read as its kind: the typed field is NULL.
    const rule = columnSql(c.kind, r).rule;
    const allowed = c.kind.type === "enum" ? ` Tillåtna värden: ${c.kind.values.join(", ")}${c.kind.aliases ? ` (även ${Object.keys(c.kind.aliases).join(", ")})` : ""}.` : "";
    checks.push({cond: `${r} IS NOT NULL AND ${f} IS NULL${blank}`, col: c, rule, value: r, message: RULES[rule] + allowed});
    flag.push(c.optional ? `(${r} IS NOT NULL AND ${f} IS NULL${blank})` : isNumericKind(c.kind) ? `(${f} IS NULL AND NOT coalesce(${symbolSql(r)}, false))` : `${f} IS NULL`);
    for (const range of rangeSql(c.kind, f)) {
      checks.push({cond: `${f} IS NOT NULL AND ${range.invalid}`, col: c, rule: range.rule, value: r, message: `${RULES[range.rule]} (${range.text})`});
      flag.push(range.invalid);
    }
    if (checkKnown(c)) {
      checks.push({cond: `${f} IS NOT NULL AND NOT ${known(f)}`, col: c, rule: "okand_kommun", value: r, message: RULES.okand_kommun});
      flag.push(`NOT ${known(f)}`);
    }
  }
  for (const check of spec.checks ?? []) {
    const col = spec.columns.find((c) => c.header === check.column) ?? spec.columns[0];
    checks.push({cond: check.invalid, col, rule: check.rule, value: `r_${col.field}`, message: check.message});
    flag.push(`(${check.invalid})`);
  }
  // NULL terms (a NULL field in a comparison) count as false, as in coalesce(term, false).
  const bad = `coalesce(${flag.join(" OR ")}, false)`;
  const fields = spec.columns.map((c) => ident(c.field)).join(", ");
  const key = spec.key.map(ident).join(", ");
  // The key's hash, for the duplicate check below: computed here, where the values are at hand.
  const stageSql = `CREATE OR REPLACE TEMP TABLE ${stage} AS
    SELECT ${fields}, _broken, ${spec.columns.map((c) => `CASE WHEN _broken${isNumericKind(c.kind) ? ` OR ${ident(c.field)} IS NULL` : ""} THEN r_${c.field} END AS r_${c.field}`).join(", ")}${key ? `, hash(${key}) AS _h` : ""}
    FROM (SELECT *, (${bad}) AS _broken
      FROM (SELECT ${spec.columns.map((c) => `r_${c.field}, CAST(${columnSql(c.kind, `r_${c.field}`, checkKnown(c) ? known : undefined).value} AS ${duckdbType(c.kind)}) AS ${ident(c.field)}`).join(", ")}
        FROM (SELECT ${spec.columns.map((c) => `${rawOf(c)} AS r_${c.field}`).join(", ")}
          FROM read_csv(${lit(source)},
            header = false, skip = ${info.skip}, delim = ${lit(info.delimiter)}, quote = '"', escape = '"',${source === path && latin1 ? " encoding = 'latin-1'," : ""}
            columns = ${columns}, auto_detect = false, store_rejects = true, strict_mode = true,
            rejects_table = ${lit(`rej_${spec.table}`)}, rejects_scan = ${lit(`rejscan_${spec.table}`)}))))`;
  // Row k of the stage is the k-th record of the file only if DuckDB inserts in batch order. Planning
  // is cheap: check that it does, rather than number lines wrongly.
  const plan = (await queryRows<{explain_value: string}>(conn, `EXPLAIN ${stageSql}`)).map((r) => r.explain_value).join("\n");
  if (!plan.includes("BATCH_CREATE_TABLE_AS")) throw new Error(`internal: ${file}: the reading statement would not keep the file's order`);
  await conn.run(stageSql);
  await conn.run(`CREATE OR REPLACE TEMP TABLE bad_${spec.table} AS SELECT line, any_value(csv_line) AS csv_line FROM rej_${spec.table} GROUP BY line`);
  const [readRows, brokenRows] = (await queryRows<{n: string; b: string}>(conn, `SELECT count(*) AS n, count(*) FILTER (WHERE _broken) AS b FROM ${stage}`)).map((x) => [Number(x.n), Number(x.b)])[0];
  const structural = Number(await queryValue(conn, `SELECT count(*) FROM bad_${spec.table}`));
  report.read = readRows + structural;

  // Line numbers: DuckDB keeps file order (preserve_insertion_order), so row k is the k-th data line
  // that is neither blank, nor a continuation of a quoted field, nor rejected. Those "gaps" are few.
  const dataLines = info.lines - info.skip - info.blankLines.length;
  let gaps: number[] = info.blankLines;
  if (dataLines !== report.read) {
    const starts = await recordStartLines(source, info.skip, info.delimiter);
    const startSet = new Set(starts);
    // The rows DuckDB rejected carry its record count as "line": after a field over several lines
    // that is not the physical line. Renumber them (they are few).
    if (structural) {
      const rejected = (await queryRows<{line: string}>(conn, `SELECT line FROM bad_${spec.table}`)).map((r) => Number(r.line));
      const moved = rejected.filter((l) => starts.all[l - 1] != null && starts.all[l - 1] !== l);
      if (moved.length)
        await conn.run(`UPDATE bad_${spec.table} SET line = m.physical FROM (VALUES ${moved.map((l) => `(${l}, ${starts.all[l - 1]})`).join(", ")}) AS m(record, physical) WHERE line = m.record`);
    }
    gaps = [];
    for (let l = info.skip + 1; l <= info.lines; l++) if (!startSet.has(l)) gaps.push(l);
  }
  const lineSql = await lineNumbers(conn, spec.table, gaps, info.skip, tmpDir);
  // The clean table gets the line numbers; the flagged rows (usually none) are looked at again, with
  // their text, to say what is wrong with them. Each row carries its line, so the clean table's own
  // order does not matter (every reader orders by what it needs): written unordered, DuckDB compresses
  // the rows to disk as it goes, where an ordered write leaves them for the checkpoint (about 3 s
  // more for the 10 M doses, bench/README.md).
  await conn.run(`SET preserve_insertion_order = false`);
  try {
    await conn.run(`CREATE OR REPLACE TABLE ${ident(spec.table)} AS SELECT line, ${fields} FROM ${lineSql}${brokenRows ? " WHERE NOT _broken" : ""}`);
  } finally {
    await conn.run(`SET preserve_insertion_order = true`);
  }
  // Statistics symbols in numeric columns: the value is missing (NULL) in the table, the symbol is kept
  // beside it in value_symbols (table, line, column), and counted in the report.
  const numeric = spec.columns.filter((c) => isNumericKind(c.kind));
  let symbolRows = 0;
  const anySymbol = numeric.length
    ? Number(await queryValue(conn, `SELECT count(*) FROM ${stage} WHERE NOT _broken AND (${numeric.map((c) => `r_${c.field} IS NOT NULL AND ${ident(c.field)} IS NULL`).join(" OR ")})`))
    : 0;
  if (anySymbol) {
    await conn.run(`INSERT INTO value_symbols
      ${numeric.map((c) => `SELECT ${lit(spec.table)}, line, ${lit(c.field)}, ${lit(c.header)}, trim(r_${c.field}) FROM ${lineSql} WHERE NOT _broken AND ${ident(c.field)} IS NULL AND r_${c.field} IS NOT NULL`).join("\nUNION ALL ")}`);
    report.symbols = (
      await queryRows<{column: string; symbol: string; count: string}>(conn, `SELECT header AS "column", symbol, count(*) AS count FROM value_symbols WHERE table_name = ${lit(spec.table)} GROUP BY ALL ORDER BY count DESC, "column", symbol`)
    ).map((r) => ({column: r.column, symbol: r.symbol, count: Number(r.count)}));
    // A row whose required figure is a symbol has no figure: the models see no row for that key (the
    // figure is missing, never 0), and the row stays accepted, with its symbol, in value_symbols.
    // Files whose readers handle the missing value themselves keep the row (population: a year with a
    // band missing has no population at all).
    const required = numeric.filter((c) => !c.optional);
    if (required.length && !spec.keepSymbolRows) {
      symbolRows = Number(await queryValue(conn, `SELECT count(*) FROM ${ident(spec.table)} WHERE ${required.map((c) => `${ident(c.field)} IS NULL`).join(" OR ")}`));
      if (symbolRows) await conn.run(`DELETE FROM ${ident(spec.table)} WHERE ${required.map((c) => `${ident(c.field)} IS NULL`).join(" OR ")}`);
    }
  }
  const broken = `broken_${spec.table}`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${broken} AS SELECT * EXCLUDE (_broken${key ? ", _h" : ""}) FROM ${lineSql} WHERE _broken`);
  const issues = `issues_${spec.table}`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${issues} AS
    SELECT line, 'rad' AS col, csv_line AS value, 'fel_antal_kolumner' AS rule, ${lit(RULES.fel_antal_kolumner)} AS message FROM bad_${spec.table}
    ${checks.map((k) => `UNION ALL SELECT line, ${lit(k.col.header)}, CAST(${k.value} AS VARCHAR), ${lit(k.rule)}, ${lit(k.message)} FROM ${broken} WHERE coalesce(${k.cond}, false)`).join("\n")}`);

  if (key) {
    // Duplicates: usually there are none. Sorting the accepted rows' key hashes and comparing each
    // with the one before tells (a hash collision only makes a false alarm, settled below); only when
    // some hash occurs twice are the rows of those hashes compared by their real key and ranked, and
    // all but the first (by line) leave the clean table for the report.
    const twice = Number(
      await queryValue(conn, `SELECT count(*) FILTER (WHERE same) FROM (SELECT _h = lag(_h) OVER (ORDER BY _h) AS same FROM ${stage} WHERE NOT _broken)`)
    );
    if (twice > 0) {
      const keyCol = spec.columns.find((c) => c.field === spec.key[spec.key.length - 1])!;
      const candidates = `dupcand_${spec.table}`;
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${candidates} AS
        SELECT * FROM ${ident(spec.table)} WHERE hash(${key}) IN (SELECT _h FROM ${stage} WHERE NOT _broken GROUP BY _h HAVING count(*) > 1)`);
      await conn.run(`CREATE OR REPLACE TEMP TABLE dup_${spec.table} AS
        SELECT line, ${key}, first_value(line) OVER w AS first_line, row_number() OVER w AS rn
        FROM ${candidates} SEMI JOIN (SELECT ${key} FROM ${candidates} GROUP BY ALL HAVING count(*) > 1) USING (${key})
        WINDOW w AS (PARTITION BY ${key} ORDER BY line)`);
      await conn.run(`INSERT INTO ${issues}
        SELECT line, ${lit(keyCol.header)}, concat_ws(';', ${spec.key.map((k) => `CAST(${ident(k)} AS VARCHAR)`).join(", ")}), 'dubblett',
          ${lit(RULES.dubblett)} || ' (rad ' || first_line || ')'
        FROM dup_${spec.table} WHERE rn > 1`);
      await conn.run(`DELETE FROM ${ident(spec.table)} WHERE line IN (SELECT line FROM dup_${spec.table} WHERE rn > 1)`);
      await conn.run(`DROP TABLE dup_${spec.table}`);
      await conn.run(`DROP TABLE ${candidates}`);
    }
  }
  await conn.run(`DROP TABLE ${stage}`);
  await conn.run(`INSERT INTO ingest_issues SELECT ${lit(file)}, line, col, left(value, 200), rule, message FROM ${issues}`);

  report.accepted = Number(await queryValue(conn, `SELECT count(*) FROM ${ident(spec.table)}`)) + symbolRows;
  report.rejected = Number(await queryValue(conn, `SELECT count(DISTINCT line) FROM ${issues}`));
  if (report.accepted + report.rejected !== report.read)
    throw new Error(`internal: ${file}: accepted ${report.accepted} + rejected ${report.rejected} ≠ read ${report.read}`);
  report.rules = (await queryRows<{rule: string; message: string; count: string}>(conn, `SELECT rule, any_value(message) AS message, count(*) AS count FROM ${issues} GROUP BY rule ORDER BY count DESC, rule`)).map((r) => ({...r, message: RULES[r.rule] ?? r.message, count: Number(r.count)}));
  if (report.read === 0) {
    // A required file without rows leaves every page that needs it empty: stop, as for a missing file.
    if (spec.required) throw new IngestFatalError(file, "filen har bara en rubrikrad och inga datarader. Lägg till raderna (se data/README.md).");
    report.warnings.push("Filen har bara en rubrikrad och inga datarader.");
  }
  for (const t of [broken, issues, `bad_${spec.table}`, `gaps_${spec.table}`, `gapadj_${spec.table}`, `rej_${spec.table}`, `rejscan_${spec.table}`])
    await conn.run(`DROP TABLE IF EXISTS ${t}`);
  void basename;
  return report;
}

async function createEmptyTable(conn: DuckDBConnection, spec: InputSpec): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE ${ident(spec.table)} (line BIGINT, ${spec.columns.map((c) => `${ident(c.field)} ${duckdbType(c.kind)}`).join(", ")})`);
}

/**
 * The FROM clause that numbers the stage rows with their physical lines. For sorted gaps g_j (blank
 * lines, continuation lines of quoted fields, rejected lines; j = 1…), the p-th row read is on line
 * p' + #{j : g_j − j + 1 ≤ p'} with p' = skip + p. Without gaps that is just p'.
 */
async function lineNumbers(conn: DuckDBConnection, table: string, gaps: number[], skip: number, tmpDir: string): Promise<string> {
  const bad = `bad_${table}`;
  const structural = Number(await queryValue(conn, `SELECT count(*) FROM ${bad}`));
  if (!gaps.length && !structural) return `(SELECT rowid + 1 + ${skip} AS line, * FROM stage_${table})`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE gaps_${table} (line BIGINT)`);
  if (gaps.length) {
    const gapFile = join(tmpDir, `${table}.gaps.csv`);
    await writeFile(gapFile, "line\n" + gaps.join("\n") + "\n");
    await conn.run(`INSERT INTO gaps_${table} SELECT line FROM read_csv(${lit(gapFile)}, header = true, columns = {'line': 'BIGINT'})`);
  }
  await conn.run(`INSERT INTO gaps_${table} SELECT line FROM ${bad}`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE gapadj_${table} AS
    SELECT line - j + 1 AS a, max(j) AS j FROM (SELECT line, row_number() OVER (ORDER BY line) AS j FROM (SELECT DISTINCT line FROM gaps_${table})) GROUP BY 1`);
  return `(SELECT r.p + coalesce(g.j, 0) AS line, r.* EXCLUDE (p)
    FROM (SELECT rowid + 1 + ${skip} AS p, * FROM stage_${table}) r ASOF LEFT JOIN gapadj_${table} g ON r.p >= g.a)`;
}
