/** `samverkan check`: validates a data folder and prints the report; exit 1 when rows were rejected. */
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {existsSync} from "node:fs";
import {DuckDBInstance} from "@duckdb/node-api";
import {dataDir, openWarehouse, warehousePath} from "../warehouse.ts";
import {ingestFolder, unusedFileNotes, type IngestReport} from "../ingest/ingest.ts";
import {IngestFatalError} from "../ingest/errors.ts";
import {formatInteger} from "../format.ts";
import {STATISTICS_SYMBOLS} from "../schemas/columns.ts";

/**
 * The report of the folder: from its warehouse when a build made one (brought up to date first,
 * reading only the files that changed since, loaders/warehouse.ts), else from an ingest in memory
 * that leaves nothing behind. Both give the same report (test/build/incremental.test.ts).
 */
export async function checkFolder(dir: string): Promise<IngestReport> {
  const folder = dataDir(dir);
  if (existsSync(await warehousePath(folder))) {
    const wh = await openWarehouse(folder);
    try {
      return wh.report;
    } finally {
      wh.close();
    }
  }
  return checkFolderFresh(folder);
}

/** The report of an ingest in memory, every file read. */
export async function checkFolderFresh(dir: string): Promise<IngestReport> {
  const tmp = await mkdtemp(join(tmpdir(), "samverkan-check-"));
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await ingestFolder(connection, dir, join(tmp, "work"));
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(tmp, {recursive: true, force: true});
  }
}

export function renderReport(report: IngestReport, {maxIssues = 50} = {}): string {
  const lines: string[] = [];
  lines.push(`Datakvalitet för ${report.dataDir} (${report.dataset.label})`);
  lines.push("");
  const width = Math.max(...report.files.map((f) => f.file.length));
  for (const f of report.files) {
    if (!f.present) {
      lines.push(`  ${f.file.padEnd(width)}  saknas (valfri fil)`);
      continue;
    }
    const status = f.rejected ? "FEL " : f.warnings.length ? "OBS " : "OK  ";
    lines.push(
      `${status}${f.file.padEnd(width)}  lästa ${formatInteger(f.read).padStart(9)}  godkända ${formatInteger(f.accepted).padStart(9)}  avvisade ${formatInteger(f.rejected).padStart(7)}  (${f.encoding}, ${f.delimiter})`
    );
    for (const w of f.warnings) lines.push(`      obs: ${w}`);
    for (const r of f.rules) lines.push(`      ${formatInteger(r.count)} × ${r.rule}: ${r.message}`);
    for (const s of f.symbols ?? []) lines.push(`      ${formatInteger(s.count)} × "${s.symbol}" i ${s.column}: ${STATISTICS_SYMBOLS[s.symbol] ?? "symbol"}, läst som saknat värde`);
  }
  const notes = unusedFileNotes(report);
  if (notes.length) {
    lines.push("");
    for (const n of notes) lines.push(`OBS ${n}`);
  }
  lines.push("");
  lines.push(`Totalt: lästa ${formatInteger(report.totals.read)}, godkända ${formatInteger(report.totals.accepted)}, avvisade ${formatInteger(report.totals.rejected)}.`);
  if (report.issues.length) {
    lines.push("");
    lines.push(`Avvisade rader (de första ${Math.min(maxIssues, report.issues.length)} av ${formatInteger(report.issuesTotal)} fel):`);
    for (const i of report.issues.slice(0, maxIssues)) lines.push(`  ${i.file}:${i.line}  kolumn ${i.column}  värde ${JSON.stringify(i.value)}  ${i.rule}: ${i.message}`);
  }
  return lines.join("\n");
}

export async function runCheck(dir: string, json: boolean): Promise<number> {
  try {
    const report = await checkFolder(dir);
    process.stdout.write(json ? JSON.stringify(report, null, 2) + "\n" : renderReport(report) + "\n");
    // A misspelled file name is an error: the data the user meant to give is not read.
    return report.totals.rejected > 0 || report.unusedFiles.some((u) => u.meant) ? 1 : 0;
  } catch (e) {
    if (e instanceof IngestFatalError) {
      if (json) process.stdout.write(JSON.stringify({fatal: e.message}) + "\n");
      else process.stderr.write(`Kan inte läsa datamappen: ${e.message}\n`);
      return 1;
    }
    // Anything else is a fault of ours or of the reader, not of the data; still a sentence, not a
    // stack trace (SAMVERKAN_DEBUG=1 shows it).
    if (process.env.SAMVERKAN_DEBUG) throw e;
    const first = String((e as Error)?.message ?? e).split("\n")[0].slice(0, 300);
    if (json) process.stdout.write(JSON.stringify({fatal: `oväntat fel: ${first}`}) + "\n");
    else process.stderr.write(`Kan inte läsa datamappen ${dir}: oväntat fel när filerna lästes (${first}). Kör igen med SAMVERKAN_DEBUG=1 för detaljer och rapportera felet.\n`);
    return 1;
  }
}
