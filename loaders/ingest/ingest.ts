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

export async function ingestFolder(conn: DuckDBConnection, dataDir: string, tmpDir: string, {issuesPerFile = 500} = {}): Promise<IngestReport> {
  await mkdir(tmpDir, {recursive: true});
  const {parameters, agreements} = await readParametersAndAgreements(dataDir);
  // Large files must not take the machine: DuckDB spills to disk past this limit.
  await conn.run(`SET memory_limit = '${process.env.SAMVERKAN_MEMORY_LIMIT ?? "1200MB"}'`);
  await conn.run(`SET temp_directory = ${lit(join(tmpDir, "spill"))}`);
  await conn.run(`SET preserve_insertion_order = true`);
  await conn.run(`CREATE OR REPLACE TABLE ingest_issues (file VARCHAR, line BIGINT, col VARCHAR, value VARCHAR, rule VARCHAR, message VARCHAR)`);
  // Published statistics' symbols in numeric columns ("..", ".", "-", "–", "x"): the value is NULL in its table, the symbol here.
  await conn.run(`CREATE OR REPLACE TABLE value_symbols (table_name VARCHAR, line BIGINT, field VARCHAR, header VARCHAR, symbol VARCHAR)`);
  const files: FileReport[] = [];
  const started = performance.now();
  // Node scans the next file (encoding, lines) while DuckDB reads this one.
  const scan = (i: number) => {
    let path = "";
    try {
      path = i < INPUTS.length ? (findDataFile(dataDir, INPUTS[i].file)?.path ?? "") : "";
    } catch {
      return undefined; // ingestFile finds it again and says what is wrong
    }
    if (!path) return undefined;
    const p = inspectTextFile(path);
    p.catch(() => {}); // its error, if any, is thrown when that file's turn comes
    return p;
  };
  let next = scan(0);
  for (let i = 0; i < INPUTS.length; i++) {
    const current = next;
    next = scan(i + 1);
    files.push(await ingestFile(conn, INPUTS[i], dataDir, tmpDir, current));
  }
  const validated = performance.now();
  await checkParameterCounties(conn, parameters);
  await deriveTables(conn, parameters);
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
async function deriveTables(conn: DuckDBConnection, parameters: Parameters): Promise<void> {
  const lastYear = parameters.years.to;
  await conn.run(`CREATE OR REPLACE TABLE enrolment AS
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
  await conn.run(`CREATE OR REPLACE TABLE cost_summary AS
    SELECT municipality_code, year, category, principal, amount, 'kostnader' AS source FROM costs
    UNION ALL
    SELECT l.municipality_code, l.year, l.category, l.principal, l.amount, 'huvudbok' AS source
    FROM (SELECT municipality_code, year, category, principal, CAST(sum(amount) AS DECIMAL(18, 2)) AS amount FROM ledger GROUP BY ALL) l
    ANTI JOIN costs c USING (municipality_code, year, category, principal)`);
  // Season 1 July – 30 June: a dose on 2023-10-05 belongs to 2023/24.
  // Grouped by the season's first year (a number), written as text once per group, not once per dose.
  await conn.run(`CREATE OR REPLACE TABLE dose_summary AS
    SELECT municipality_code, CAST(first_year AS VARCHAR) || '/' || right(CAST(first_year + 1 AS VARCHAR), 2) AS season,
      target_group, vaccine, count(DISTINCT person_id) AS vaccinated, count(*) AS doses
    FROM (SELECT municipality_code, year(date) - CASE WHEN month(date) < 7 THEN 1 ELSE 0 END AS first_year, target_group, vaccine, person_id
          FROM vaccination_doses)
    GROUP BY municipality_code, first_year, target_group, vaccine`);
}
