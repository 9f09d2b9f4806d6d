/**
 * The one ingest of a build: reads every input file of a data folder into one DuckDB database,
 * validates it in bulk and writes the report beside the clean tables.
 */
import {readFile, mkdir} from "node:fs/promises";
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {INPUTS} from "../schemas/inputs.ts";
import {SettingsSchema, describeParameterErrors, type Parameters} from "../schemas/parameters.ts";
import {parametersFromAgreements, readAgreements, type Agreement} from "../agreements.ts";
import {ingestFile, type FileReport} from "./ingest-file.ts";
import {inspectTextFile} from "./text-file.ts";
import {findDataFile, unknownDataFiles} from "./find-file.ts";
import {IngestFatalError} from "./errors.ts";
import {lit, queryRows} from "./sql.ts";
import {applyDuckdbSettings} from "../duckdb-settings.ts";

export const PARAMETERS_FILE = "parametrar.json";

export interface Issue {
  file: string;
  line: number;
  column: string;
  value: string | null;
  rule: string;
  message: string;
}

export interface IngestReport {
  dataDir: string;
  dataset: Parameters["dataset"];
  files: FileReport[];
  totals: {read: number; accepted: number; rejected: number};
  /** The first issues of each file (all of them are in the ingest_issues table). */
  issues: Issue[];
  issuesShown: number;
  issuesTotal: number;
  /** Data files in the folder that are no input, each with the input it was probably meant to be. */
  unusedFiles: {name: string; meant: string | null}[];
  /** Milliseconds: reading and validating the files, and making the derived tables (for npm run bench). */
  timings: {validateMs: number; deriveMs: number};
}

/** parametrar.json (the data set's settings) and the agreement files (avtal/*.json), as wh.parameters. */
export async function readParameters(dataDir: string): Promise<Parameters> {
  return (await readParametersAndAgreements(dataDir)).parameters;
}

export async function readParametersAndAgreements(dataDir: string): Promise<{parameters: Parameters; agreements: Agreement[]}> {
  const path = join(dataDir, PARAMETERS_FILE);
  if (!existsSync(path)) throw new IngestFatalError(PARAMETERS_FILE, `filen saknas i ${dataDir}. Kopiera data/${PARAMETERS_FILE} dit och ändra värdena.`);
  let json: unknown;
  try {
    json = JSON.parse((await readFile(path, "utf8")).replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new IngestFatalError(PARAMETERS_FILE, `filen är inte giltig JSON (${(e as Error).message}).`);
  }
  const parsed = SettingsSchema.safeParse(json);
  if (!parsed.success) throw new IngestFatalError(PARAMETERS_FILE, `fel i parametrarna:\n${describeParameterErrors(parsed.error, PARAMETERS_FILE)}`);
  const agreements = await readAgreements(dataDir);
  return {parameters: parametersFromAgreements(parsed.data, agreements), agreements};
}

/**
 * Which tables come from which: the derived tables and what they are made of (input tables, and
 * SETTINGS for parametrar.json + avtal/*.json). The incremental build (loaders/warehouse.ts) remakes
 * a derived table only when one of its sources changed.
 */
export const SETTINGS = "settings";
export const DERIVED: Record<string, readonly string[]> = {
  enrolment: ["enrolment_counts", "enrolment_episodes", SETTINGS],
  cost_summary: ["costs", "ledger"],
  dose_summary: ["vaccination_doses"]
};

/**
 * The input tables to read again when `changed` (input tables or SETTINGS) changed: those, and every
 * table whose municipality codes are checked against kommuner.csv when that changed.
 */
export function tablesToIngest(changed: ReadonlySet<string>): Set<string> {
  const out = new Set(INPUTS.filter((i) => changed.has(i.table)).map((i) => i.table));
  if (changed.has("municipalities")) for (const i of INPUTS) if (i.checkMunicipality) out.add(i.table);
  return out;
}

/** The derived tables to remake when `changed` (tables, including re-read ones, or SETTINGS) changed. */
export function derivedToMake(changed: ReadonlySet<string>): Set<string> {
  return new Set(Object.entries(DERIVED).filter(([, from]) => from.some((f) => changed.has(f))).map(([t]) => t));
}

export interface IngestOptions {
  issuesPerFile?: number;
  /**
   * Incremental: read only these input tables again, keep the others (their rows, issues, symbols and
   * their part of `previous`, the report of the last ingest), and remake only the derived tables in
   * `derive`. Without it every file is read and every derived table made.
   */
  only?: ReadonlySet<string>;
  derive?: ReadonlySet<string>;
  previous?: IngestReport;
  /** Gets the name of every table written, input (`table`) or derived (`table`), in order: the build's record of its work. */
  log?: string[];
}

export async function ingestFolder(conn: DuckDBConnection, dataDir: string, tmpDir: string, {issuesPerFile = 500, only, derive, previous, log}: IngestOptions = {}): Promise<IngestReport> {
  await mkdir(tmpDir, {recursive: true});
  const {parameters, agreements} = await readParametersAndAgreements(dataDir);
  // Large files must not take the machine: DuckDB spills to disk past this limit (loaders/duckdb-settings.ts).
  await applyDuckdbSettings(conn, join(tmpDir, "spill"));
  // The reading statement numbers lines by the order rows are written in: keep it (ingest-file.ts).
  await conn.run(`SET preserve_insertion_order = true`);
  const incremental = !!(only && previous);
  if (!incremental) {
    await conn.run(`CREATE OR REPLACE TABLE ingest_issues (file VARCHAR, line BIGINT, col VARCHAR, value VARCHAR, rule VARCHAR, message VARCHAR)`);
    // Published statistics' symbols in numeric columns ("..", ".", "-", "–", "x"): the value is NULL in its table, the symbol here.
    await conn.run(`CREATE OR REPLACE TABLE value_symbols (table_name VARCHAR, line BIGINT, field VARCHAR, header VARCHAR, symbol VARCHAR)`);
  }
  const todo = INPUTS.filter((i) => !incremental || only!.has(i.table));
  const files: FileReport[] = [];
  const started = performance.now();
  // Node scans the next file (encoding, lines) while DuckDB reads this one.
  const scan = (i: number) => {
    let path = "";
    try {
      path = i < todo.length ? (findDataFile(dataDir, todo[i].file)?.path ?? "") : "";
    } catch {
      return undefined; // ingestFile finds it again and says what is wrong
    }
    if (!path) return undefined;
    const p = inspectTextFile(path);
    p.catch(() => {}); // its error, if any, is thrown when that file's turn comes
    return p;
  };
  let next = scan(0);
  const fresh = new Map<string, FileReport>();
  for (let i = 0; i < todo.length; i++) {
    const current = next;
    next = scan(i + 1);
    if (incremental) {
      // This file's earlier issues and symbols go with its earlier rows (under either name it had).
      const names = [todo[i].file, todo[i].file.replace(/\.csv$/i, ".xlsx"), ...previous!.files.filter((f) => f.table === todo[i].table).map((f) => f.file)];
      await conn.run(`DELETE FROM ingest_issues WHERE file IN (${[...new Set(names)].map(lit).join(", ")})`);
      await conn.run(`DELETE FROM value_symbols WHERE table_name = ${lit(todo[i].table)}`);
    }
    log?.push(todo[i].table);
    fresh.set(todo[i].table, await ingestFile(conn, todo[i], dataDir, tmpDir, current));
  }
  for (const spec of INPUTS) {
    const report = fresh.get(spec.table) ?? previous?.files.find((f) => f.table === spec.table);
    if (!report) throw new Error(`internal: no report for ${spec.table}`);
    files.push(report);
  }
  const validated = performance.now();
  await checkParameterCounties(conn, parameters);
  // The derived tables are aggregations: the order rows are written in does not matter there.
  await conn.run(`SET preserve_insertion_order = false`);
  await deriveTables(conn, parameters, incremental ? derive : undefined, log);
  await conn.run(`SET preserve_insertion_order = true`);
  const timings = {validateMs: Math.round(validated - started), deriveMs: Math.round(performance.now() - validated)};

  const issues = (
    await queryRows<{file: string; line: string; col: string; value: string | null; rule: string; message: string}>(
      conn,
      `SELECT file, line, col, value, rule, message FROM (
         SELECT *, row_number() OVER (PARTITION BY file ORDER BY line, col) AS k FROM ingest_issues)
       WHERE k <= ${issuesPerFile} ORDER BY file, line, col`
    )
  ).map((i) => ({file: i.file, line: Number(i.line), column: i.col, value: i.value, rule: i.rule, message: i.message}));
  const issuesTotal = Number((await queryRows<{n: string}>(conn, "SELECT count(*) AS n FROM ingest_issues"))[0].n);
  const totals = files.reduce((t, f) => ({read: t.read + f.read, accepted: t.accepted + f.accepted, rejected: t.rejected + f.rejected}), {read: 0, accepted: 0, rejected: 0});
  const unusedFiles = unknownDataFiles(dataDir, INPUTS.map((i) => i.file));
  const report: IngestReport = {dataDir, dataset: parameters.dataset, files, totals, issues, issuesShown: issues.length, issuesTotal, unusedFiles, timings};
  await conn.run(`CREATE OR REPLACE TABLE meta (key VARCHAR PRIMARY KEY, value JSON)`);
  await conn.run(`INSERT INTO meta VALUES ('parameters', ${lit(JSON.stringify(parameters))}), ('agreements', ${lit(JSON.stringify(agreements))}), ('report', ${lit(JSON.stringify(report))})`);
  // tmpDir also holds DuckDB's spill files until the database is closed: the caller removes it.
  return report;
}

/** The agreement's counties in the parameters must be in kommuner.csv: a county without data would show empty pages. */
async function checkParameterCounties(conn: DuckDBConnection, parameters: Parameters): Promise<void> {
  const counties = (await queryRows<{c: string}>(conn, "SELECT DISTINCT county_code AS c FROM municipalities ORDER BY 1")).map((r) => r.c);
  const named: [string, string][] = [
    ["supplementaryAmount.countyCode", parameters.supplementaryAmount.countyCode],
    ["medtech.countyCode", parameters.medtech.countyCode]
  ];
  // (taxSwap.countyCode only picks where /skattevaxling/ starts; a folder of another county may lack it.)
  for (const [field, code] of named)
    if (!counties.includes(code))
      throw new IngestFatalError(PARAMETERS_FILE, `fältet "${field}" är länskod ${code}, men det länet finns inte i kommuner.csv (där finns ${counties.join(", ") || "inga län"}). Rätta länskoden.`);
}

/** "Did you mean": data files in the folder that are read by no input, as the report words them. */
export function unusedFileNotes(report: Pick<IngestReport, "unusedFiles">): string[] {
  return report.unusedFiles.map((u) =>
    u.meant ? `${u.name} läses inte: ingen indatafil heter så. Menade du ${u.meant}? Byt namn på filen.` : `${u.name} läses inte: ingen indatafil heter så (se data/README.md för filnamnen).`
  );
}

/**
 * Tables made from others: enrolment from counts and from episodes (a person once per year); costs
 * from the summary file and from ledger lines; dose records summed per season.
 */
async function deriveTables(conn: DuckDBConnection, parameters: Parameters, only?: ReadonlySet<string>, log?: string[]): Promise<void> {
  const lastYear = parameters.years.to;
  const make = (t: string) => {
    if (only && !only.has(t)) return false;
    log?.push(t);
    return true;
  };
  if (make("enrolment")) await conn.run(`CREATE OR REPLACE TABLE enrolment AS
    WITH episodes AS (
      SELECT municipality_code, CAST(y AS VARCHAR) AS period, service, count(DISTINCT person_id) AS enrolled
      -- unnest of a list is cheaper than a lateral join with the range table function
      FROM (SELECT municipality_code, service, person_id,
              unnest(range(year(start_date), least(year(coalesce(end_date, DATE '${lastYear}-12-31')), ${lastYear}) + 1)) AS y
            FROM enrolment_episodes)
      GROUP BY municipality_code, y, service
    )
    SELECT municipality_code, period, service, enrolled, 'antal' AS source FROM enrolment_counts
    UNION ALL
    SELECT e.municipality_code, e.period, e.service, e.enrolled, 'episoder' AS source FROM episodes e
    ANTI JOIN enrolment_counts c USING (municipality_code, period, service)`);
  if (make("cost_summary")) await conn.run(`CREATE OR REPLACE TABLE cost_summary AS
    SELECT municipality_code, year, category, principal, amount, 'kostnader' AS source FROM costs
    UNION ALL
    SELECT l.municipality_code, l.year, l.category, l.principal, l.amount, 'huvudbok' AS source
    FROM (SELECT municipality_code, year, category, principal, CAST(sum(amount) AS DECIMAL(18, 2)) AS amount FROM ledger GROUP BY ALL) l
    ANTI JOIN costs c USING (municipality_code, year, category, principal)`);
  // Season 1 July – 30 June: a dose on 2023-10-05 belongs to 2023/24.
  // Grouped by the season's first year (a number), written as text once per group, not once per dose.
  if (make("dose_summary")) await conn.run(`CREATE OR REPLACE TABLE dose_summary AS
    SELECT municipality_code, CAST(first_year AS VARCHAR) || '/' || right(CAST(first_year + 1 AS VARCHAR), 2) AS season,
      target_group, vaccine, count(DISTINCT person_id) AS vaccinated, count(*) AS doses
    FROM (SELECT municipality_code, year(date) - CASE WHEN month(date) < 7 THEN 1 ELSE 0 END AS first_year, target_group, vaccine, person_id
          FROM vaccination_doses)
    GROUP BY municipality_code, first_year, target_group, vaccine`);
}
