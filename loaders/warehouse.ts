/**
 * The warehouse: one DuckDB file per set of inputs. The first process that needs it (the build's
 * prepare step, or a loader in `npm run dev`) ingests; every other process opens it read-only.
 * Its name is a fingerprint of the data folder and of the ingest code, so a changed input or
 * another SAMVERKAN_DATA always gives a fresh ingest, never stale figures.
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, rename, rm, stat} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {ingestFolder, type IngestReport} from "./ingest/ingest.ts";
import type {Parameters} from "./schemas/parameters.ts";
import type {Agreement} from "./agreements.ts";
import {queryRows} from "./ingest/sql.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function dataDir(dir = process.env.SAMVERKAN_DATA): string {
  return resolve(dir && dir.trim() ? dir : join(ROOT, "data"));
}

async function filesBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, {withFileTypes: true})) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesBelow(p)));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** Fingerprint of the inputs (path, size, modification time) and of the code that reads them. */
export async function fingerprint(dir: string): Promise<string> {
  const h = createHash("sha256");
  h.update(dir);
  for (const f of (await filesBelow(dir)).filter((f) => /\.(csv|json|txt|xlsx)$/i.test(f))) {
    const s = await stat(f);
    h.update(`\n${f}\t${s.size}\t${s.mtimeMs}`);
  }
  for (const f of await filesBelow(join(ROOT, "loaders"))) {
    if (/\/(ingest|schemas)\/|\/agreements\.ts$/.test(f)) h.update(await readFile(f));
  }
  return h.digest("hex").slice(0, 16);
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

export async function warehousePath(dir = dataDir()): Promise<string> {
  return join(ROOT, ".cache", "warehouse", `${await fingerprint(dir)}.duckdb`);
}

/** Ingests the folder into the warehouse file if that is not done yet; returns its path. */
export async function ensureWarehouse(dir = dataDir()): Promise<string> {
  const path = await warehousePath(dir);
  if (existsSync(path)) return path;
  await mkdir(dirname(path), {recursive: true});
  const tmp = `${path}.${process.pid}.tmp`;
  const instance = await DuckDBInstance.create(tmp);
  const connection = await instance.connect();
  try {
    await ingestFolder(connection, dir, `${tmp}.d`);
  } catch (e) {
    connection.closeSync();
    instance.closeSync();
    await rm(tmp, {force: true});
    await rm(`${tmp}.wal`, {force: true});
    await rm(`${tmp}.d`, {recursive: true, force: true});
    throw e;
  }
  await connection.run("CHECKPOINT");
  connection.closeSync();
  instance.closeSync();
  await rm(`${tmp}.d`, {recursive: true, force: true});
  await rename(tmp, path); // atomic: a concurrent reader sees the whole file or none
  await prune(dirname(path), 6);
  return path;
}

export async function openWarehouse(dir = dataDir()): Promise<Warehouse> {
  const path = await ensureWarehouse(dir);
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
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
  }
}
