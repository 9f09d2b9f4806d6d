/**
 * DuckDB's limits, one setting for every process that opens DuckDB (the ingest, `samverkan check`,
 * the data loaders): SAMVERKAN_DUCKDB, e.g. `memory_limit=800MB,threads=2`. Both are optional:
 * memory_limit defaults to 800MB (past it DuckDB spills to temp_directory on disk), threads to
 * DuckDB's own default (the number of cores). On a bigger machine: SAMVERKAN_DUCKDB=memory_limit=16GB,threads=16.
 * (SAMVERKAN_MEMORY_LIMIT, the older name of the memory part, still counts when SAMVERKAN_DUCKDB has no memory_limit.)
 */
import type {DuckDBConnection} from "@duckdb/node-api";

export interface DuckdbLimits {
  memoryLimit: string;
  threads: number | null;
}

/** A size as DuckDB reads one ("800MB", "1.5 GiB"): its number and its unit (bytes in UNITS). */
const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)$/i;
const UNITS: Record<string, number> = {b: 1, kb: 1e3, kib: 2 ** 10, mb: 1e6, mib: 2 ** 20, gb: 1e9, gib: 2 ** 30, tb: 1e12, tib: 2 ** 40};
const notASize = (value: string) => new Error(`SAMVERKAN_DUCKDB: memory_limit "${value}" ska vara en storlek, t.ex. 1200MB eller 8GB.`);

export function duckdbLimits(env: NodeJS.ProcessEnv = process.env): DuckdbLimits {
  const parts = new Map<string, string>();
  for (const part of (env.SAMVERKAN_DUCKDB ?? "").split(/[,;\s]+/).filter(Boolean)) {
    const m = /^([a-z_]+)\s*=\s*(.+)$/i.exec(part);
    if (!m) throw new Error(`SAMVERKAN_DUCKDB: "${part}" ska skrivas namn=värde, t.ex. memory_limit=800MB,threads=2.`);
    parts.set(m[1].toLowerCase(), m[2].trim());
  }
  for (const k of parts.keys())
    if (k !== "memory_limit" && k !== "threads") throw new Error(`SAMVERKAN_DUCKDB: okänd inställning "${k}" (möjliga: memory_limit, threads).`);
  const memoryLimit = parts.get("memory_limit") ?? env.SAMVERKAN_MEMORY_LIMIT ?? "800MB";
  if (!SIZE.test(memoryLimit)) throw notASize(memoryLimit);
  const t = parts.get("threads");
  if (t != null && !/^[1-9]\d{0,3}$/.test(t)) throw new Error(`SAMVERKAN_DUCKDB: threads "${t}" ska vara ett heltal ≥ 1.`);
  return {memoryLimit, threads: t == null ? null : Number(t)};
}

/**
 * The limits for one of `n` processes that run side by side (the build's data loaders, one per core):
 * each gets its share of the memory and of the threads, so that together they stay within the one
 * setting. As a SAMVERKAN_DUCKDB value for the child's environment.
 */
export function duckdbShare(n: number, limits: DuckdbLimits = duckdbLimits(), cores = 1): string {
  const m = SIZE.exec(limits.memoryLimit);
  if (!m) throw notASize(limits.memoryLimit);
  const bytes = Number(m[1]) * UNITS[m[2].toLowerCase()];
  const share = Math.max(64, Math.floor(bytes / n / 1e6));
  const threads = Math.max(1, Math.floor((limits.threads ?? cores) / n));
  return `memory_limit=${share}MB,threads=${threads}`;
}

/** Sets the limits on a connection; `spill` is the folder DuckDB may spill large scans and sorts to. */
export async function applyDuckdbSettings(conn: DuckDBConnection, spill?: string): Promise<void> {
  const {memoryLimit, threads} = duckdbLimits();
  await conn.run(`SET memory_limit = '${memoryLimit}'`);
  if (threads != null) await conn.run(`SET threads = ${threads}`);
  if (spill) await conn.run(`SET temp_directory = '${spill.replace(/'/g, "''")}'`);
}
