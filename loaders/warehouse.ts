/**
 * The warehouse: one DuckDB file per data folder (SAMVERKAN_DATA) and version of the code that reads
 * it (ingest, schemas, disclosure), kept between builds. Beside the tables it holds a fingerprint of
 * every input file (size, modification time and a SHA-256 of the content). A build compares them
 * with the folder: when nothing changed the file is used as it is; when some files changed, only
 * their tables are read again, with the tables derived from them (DERIVED in ingest/ingest.ts), the
 * disclosure pass when its sources changed, and their rows of the report; a changed SAMVERKAN_DATA or
 * code is another file, so never stale figures. A file whose time changed but not its content (a
 * SHA-256 compare tells) is not read again.
 *
 * An update is made in a copy of the file, which then replaces the file in one rename: a crash
 * mid-ingest leaves the last good warehouse, and a process reading it (a data loader) keeps reading
 * the file it opened. SAMVERKAN_WAREHOUSE moves the folder (a bigger disk); see README.md.
 */
import {createHash} from "node:crypto";
import {createReadStream, existsSync} from "node:fs";
import {copyFile, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {derivedToMake, ingestFolder, PARAMETERS_FILE, SETTINGS, tablesToIngest, type IngestReport} from "./ingest/ingest.ts";
import {INPUTS} from "./schemas/inputs.ts";
import {findDataFile} from "./ingest/find-file.ts";
import {applyDuckdbSettings} from "./duckdb-settings.ts";
import type {Parameters} from "./schemas/parameters.ts";
import type {Agreement} from "./agreements.ts";
import {lit, queryRows} from "./ingest/sql.ts";
import {createProtectedTables} from "./disclosure/tables.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function dataDir(dir = process.env.SAMVERKAN_DATA): string {
  return resolve(dir && dir.trim() ? dir : join(ROOT, "data"));
}

/**
 * The files below a folder. A symbolic link counts as what it points to (a file or a folder); a link
 * that leads back up the tree, or nowhere, is skipped.
 */
async function filesBelow(dir: string, seen = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out: string[] = [];
  for (const e of await readdir(dir, {withFileTypes: true})) {
    const p = join(dir, e.name);
    const kind = e.isSymbolicLink() ? await stat(p).catch(() => null) : e;
    if (kind?.isDirectory()) out.push(...(await filesBelow(p, seen)));
    else if (kind?.isFile()) out.push(p);
  }
  return out.sort();
}

export interface Warehouse {
  connection: DuckDBConnection;
  parameters: Parameters;
  /** The agreement files (avtal/*.json), with every value's kind and source (loaders/agreements.ts). */
  agreements: Agreement[];
  report: IngestReport;
  path: string;
  close(): void;
}

/** The folder of the warehouses: SAMVERKAN_WAREHOUSE, else .cache/warehouse in the project. */
export function warehouseDir(): string {
  const d = process.env.SAMVERKAN_WAREHOUSE;
  return d && d.trim() ? resolve(d) : join(ROOT, ".cache", "warehouse");
}

/** The code that decides what the warehouse holds: a change to it makes another warehouse. */
export async function codeVersion(root = ROOT): Promise<string> {
  const h = createHash("sha256");
  for (const f of await filesBelow(join(root, "loaders"))) {
    // The disclosure pass (and the suppression it builds on) writes tables into the warehouse too.
    if (/\/(ingest|schemas|disclosure)\/|\/(agreements|warehouse)\.ts$/.test(f) || f.endsWith("/models/small-counts.ts")) h.update(f.slice(root.length)).update(await readFile(f));
  }
  return h.digest("hex");
}

export async function warehousePath(dir = dataDir()): Promise<string> {
  const key = createHash("sha256").update(dir).update("\0").update(await codeVersion()).digest("hex").slice(0, 16);
  return join(warehouseDir(), `${key}.duckdb`);
}

/** One input's fingerprint: which file (name, where a link leads), its size and time, and its content's SHA-256. */
export interface InputStamp {
  name: string | null;
  real: string | null;
  size: number;
  mtimeMs: number;
  sha256: string | null;
}
/** Per input table, plus SETTINGS (parametrar.json and avtal/*.json) and "listing" (the folder's file names, for the report's "did you mean"). */
export type InputStamps = Record<string, InputStamp>;

async function sha256(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest("hex");
}

/**
 * The fingerprint of every input now. A file whose size and time are those of `known` keeps its known
 * SHA-256 (not read); any other file is read once to hash it.
 */
export async function inputStamps(dir: string, known: InputStamps = {}): Promise<InputStamps> {
  const out: InputStamps = {};
  const stampFile = async (key: string, path: string | null, name: string | null) => {
    if (!path) return void (out[key] = {name: null, real: null, size: -1, mtimeMs: -1, sha256: null});
    const s = await stat(path);
    const real = await realpath(path);
    const k = known[key];
    const same = k && k.name === name && k.real === real && k.size === s.size && k.mtimeMs === s.mtimeMs && k.sha256;
    out[key] = {name, real, size: s.size, mtimeMs: s.mtimeMs, sha256: same ? k.sha256 : await sha256(path)};
  };
  for (const spec of INPUTS) {
    // name.xlsx stands in for name.csv (ingest/xlsx.ts); both present is an error the ingest reports.
    const csv = findDataFile(dir, spec.file);
    const xlsxName = spec.file.replace(/\.csv$/i, ".xlsx");
    const xlsx = xlsxName === spec.file ? null : findDataFile(dir, xlsxName);
    const found = csv && xlsx ? null : (csv ?? xlsx);
    if (csv && xlsx) out[spec.table] = {name: `${csv.name}+${xlsx.name}`, real: null, size: -2, mtimeMs: -2, sha256: null};
    else await stampFile(spec.table, found?.path ?? null, found?.name ?? null);
  }
  // The settings: small files, hashed together every time.
  const h = createHash("sha256");
  for (const f of [join(dir, PARAMETERS_FILE), ...(existsSync(join(dir, "avtal")) ? await filesBelow(join(dir, "avtal")) : [])])
    h.update(`\n${f}\n`).update(existsSync(f) ? await readFile(f) : "missing");
  out[SETTINGS] = {name: PARAMETERS_FILE, real: null, size: 0, mtimeMs: 0, sha256: h.digest("hex")};
  const listing = existsSync(dir) ? (await readdir(dir)).sort().join("\n") : "";
  out.listing = {name: null, real: null, size: 0, mtimeMs: 0, sha256: createHash("sha256").update(listing).digest("hex")};
  return out;
}

/** The keys whose content differs between two sets of stamps. */
export function changedInputs(before: InputStamps, now: InputStamps): Set<string> {
  const keys = new Set([...Object.keys(before), ...Object.keys(now)]);
  return new Set([...keys].filter((k) => !before[k] || !now[k] || before[k].sha256 !== now[k].sha256 || before[k].name !== now[k].name || before[k].size !== now[k].size || now[k].size === -2));
}

/** What one ensureWarehouse did: the marker the tests and the build's message read. */
export interface WarehouseUpdate {
  path: string;
  /** "fresh": read everything; "incremental": only what changed; "unchanged": nothing read. */
  kind: "fresh" | "incremental" | "unchanged";
  /** Input tables read and derived tables made, in order. */
  tables: string[];
  /** Whether the disclosure pass ran. */
  disclosure: boolean;
  /** The inputs whose content changed (keys of InputStamps). */
  changed: string[];
  stamps: InputStamps;
}

async function readStamps(path: string): Promise<{stamps: InputStamps; report: IngestReport} | null> {
  try {
    const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
    const connection = await instance.connect();
    try {
      const meta = await queryRows<{key: string; value: string}>(connection, "SELECT key, CAST(value AS VARCHAR) AS value FROM meta WHERE key IN ('inputs', 'report')");
      const get = (k: string) => meta.find((m) => m.key === k)?.value;
      const inputs = get("inputs");
      const report = get("report");
      if (!inputs || !report) return null;
      // Files touched since, with the same content: their new times (the SHA-256 vouches), kept beside the file.
      const stamps: InputStamps = JSON.parse(inputs);
      const touched = touchedPath(path);
      if (existsSync(touched)) {
        const t: InputStamps = JSON.parse(await readFile(touched, "utf8"));
        for (const [k, v] of Object.entries(t)) if (stamps[k] && stamps[k].sha256 === v.sha256 && stamps[k].name === v.name) stamps[k] = v;
      }
      return {stamps, report: JSON.parse(report)};
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  } catch {
    return null; // unreadable: made again
  }
}

const touchedPath = (path: string) => path.replace(/\.duckdb$/, ".touched.json");

/** Ingests the folder into the warehouse file if that is not done yet; returns its path. */
export async function ensureWarehouse(dir = dataDir()): Promise<string> {
  return (await updateWarehouse(dir)).path;
}

/**
 * What the warehouse of `dir` holds against the files now: the inputs whose content changed (null:
 * read everything). `taken`: fingerprints of the files just taken (lookAtWarehouse), not taken again.
 */
async function compareInputs(dir: string, taken?: InputStamps) {
  const path = await warehousePath(dir);
  const old = existsSync(path) ? await readStamps(path) : null;
  let stamps: InputStamps;
  try {
    stamps = taken ?? (await inputStamps(dir, old?.stamps));
  } catch {
    // A file the ingest cannot find as it should (a broken link, a folder): a full ingest says what is wrong.
    stamps = {};
  }
  const changed = old && Object.keys(stamps).length ? changedInputs(old.stamps, stamps) : null;
  return {path, old, stamps, changed};
}

/** The "unchanged" answer, when no input's content changed; the new times of touched files are remembered so that they are not hashed again. */
async function unchanged({path, old, stamps, changed}: Awaited<ReturnType<typeof compareInputs>>): Promise<WarehouseUpdate | null> {
  if (!(old && changed && changed.size === 0)) return null;
  const touched = Object.fromEntries(Object.entries(stamps).filter(([k, v]) => old.stamps[k] && old.stamps[k].mtimeMs !== v.mtimeMs));
  if (Object.keys(touched).length) await writeFile(touchedPath(path), JSON.stringify({...(existsSync(touchedPath(path)) ? JSON.parse(await readFile(touchedPath(path), "utf8")) : {}), ...touched}));
  return {path, kind: "unchanged", tables: [], disclosure: false, changed: [], stamps};
}

/** What lookAtWarehouse saw: the warehouse when it is up to date, else the fingerprints it took (null: none, there is no warehouse yet). */
export interface WarehouseLook {
  unchanged: WarehouseUpdate | null;
  stamps: InputStamps | null;
}

/**
 * Whether the warehouse of `dir` is up to date, without reading any input into it: scripts/build.ts
 * runs updateWarehouse in a process of its own only when it is not, and hands it the fingerprints
 * taken here so that no file is hashed twice. With no warehouse yet, nothing is hashed here.
 */
export async function lookAtWarehouse(dir = dataDir()): Promise<WarehouseLook> {
  if (!existsSync(await warehousePath(dir))) return {unchanged: null, stamps: null};
  const compared = await compareInputs(dir);
  return {unchanged: await unchanged(compared), stamps: compared.stamps};
}

/**
 * Brings the warehouse of `dir` up to date with its files, reading only what changed (see the top of
 * this file). `taken`: the fingerprints lookAtWarehouse just took of the same folder.
 */
export async function updateWarehouse(dir = dataDir(), taken?: InputStamps | null): Promise<WarehouseUpdate> {
  const compared = await compareInputs(dir, taken ?? undefined);
  const same = await unchanged(compared);
  if (same) return same;
  const {path, old, changed} = compared;
  let {stamps} = compared;
  await mkdir(dirname(path), {recursive: true});
  const tmp = `${path}.${process.pid}.tmp`;
  const incremental = !!(old && changed);
  // The update is made in a copy: the warehouse stays whole until the rename below.
  if (incremental) await copyFile(path, tmp);
  const log: string[] = [];
  let disclosure = false;
  const instance = await DuckDBInstance.create(tmp);
  const connection = await instance.connect();
  try {
    if (incremental) {
      const only = tablesToIngest(changed!);
      const derive = derivedToMake(new Set([...changed!, ...only]));
      await ingestFolder(connection, dir, `${tmp}.d`, {only, derive, previous: old!.report, log});
      disclosure = DISCLOSURE_SOURCES.some((t) => changed!.has(t) || only.has(t) || derive.has(t));
    } else {
      await ingestFolder(connection, dir, `${tmp}.d`, {log});
      disclosure = true;
    }
    if (disclosure) {
      // Disclosure control once, before any report reads a count of persons (loaders/disclosure/).
      const meta = await queryRows<{value: string}>(connection, "SELECT CAST(value AS VARCHAR) AS value FROM meta WHERE key = 'parameters'");
      await connection.run("SET preserve_insertion_order = false");
      await createProtectedTables(connection, JSON.parse(meta[0].value));
    }
    if (Object.keys(stamps).length === 0) stamps = await inputStamps(dir);
    await connection.run(`INSERT OR REPLACE INTO meta VALUES ('inputs', ${lit(JSON.stringify(stamps))})`);
    await connection.run("CHECKPOINT");
  } catch (e) {
    connection.closeSync();
    instance.closeSync();
    await rm(tmp, {force: true});
    await rm(`${tmp}.wal`, {force: true});
    await rm(`${tmp}.d`, {recursive: true, force: true});
    throw e;
  }
  connection.closeSync();
  instance.closeSync();
  await rm(`${tmp}.d`, {recursive: true, force: true});
  await rm(touchedPath(path), {force: true});
  await rename(tmp, path); // atomic: a concurrent reader sees the whole file or none
  await prune(dirname(path), 6);
  return {path, kind: incremental ? "incremental" : "fresh", tables: log, disclosure, changed: changed ? [...changed].sort() : [], stamps};
}

/** What the disclosure pass (loaders/disclosure/tables.ts) reads: it runs again when one of them changed. */
export const DISCLOSURE_SOURCES: readonly string[] = ["municipalities", "vaccination", "dose_summary", "enrolment", SETTINGS];

export async function openWarehouse(dir = dataDir()): Promise<Warehouse> {
  const path = await ensureWarehouse(dir);
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  await applyDuckdbSettings(connection);
  const meta = await queryRows<{key: string; value: string}>(connection, "SELECT key, CAST(value AS VARCHAR) AS value FROM meta");
  const get = (k: string) => JSON.parse(meta.find((m) => m.key === k)!.value);
  return {
    connection,
    parameters: get("parameters"),
    agreements: get("agreements"),
    report: get("report"),
    path,
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}

/** Keeps the newest few warehouses (other data folders, recent edits) and removes the rest. */
async function prune(dir: string, keep: number): Promise<void> {
  const files = await Promise.all(
    (await readdir(dir)).filter((f) => f.endsWith(".duckdb")).map(async (f) => ({f, t: (await stat(join(dir, f))).mtimeMs}))
  );
  for (const {f} of files.sort((a, b) => b.t - a.t).slice(keep)) {
    await rm(join(dir, f), {force: true}).catch(() => {});
    await rm(join(dir, f.replace(/\.duckdb$/, ".routes.json")), {force: true}).catch(() => {});
    await rm(join(dir, f.replace(/\.duckdb$/, ".touched.json")), {force: true}).catch(() => {});
  }
}
