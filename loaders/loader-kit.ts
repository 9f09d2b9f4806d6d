/**
 * What every data loader in src/data/ does around its one query: open the build's warehouse, write
 * JSON to stdout (stdout is the file), log to stderr, and stop with a readable message on bad inputs.
 */
import {openWarehouse, type Warehouse} from "./warehouse.ts";
import {IngestFatalError} from "./ingest/errors.ts";
import type {Parameters} from "./schemas/parameters.ts";
import {queryRows} from "./ingest/sql.ts";
import {tarArchive} from "./tar.ts";
import {readCounties, type County} from "./counties.ts";

export type {County} from "./counties.ts";

export interface Municipality {
  code: string;
  name: string;
  countyCode: string;
}

/** What every page needs: the data set label (demo or not), the counties and municipalities. */
export interface SiteInfo {
  dataset: Parameters["dataset"];
  counties: County[];
  municipalities: Municipality[];
  years: {from: number; to: number};
  suppressionThreshold: number;
  /** The agreement's county (parametrar.json): where a page with no choice made starts. */
  homeCounty: string;
}

export async function siteInfo(wh: Warehouse): Promise<SiteInfo> {
  const counties = await readCounties(wh.connection);
  const municipalities = await queryRows<Municipality>(wh.connection, `SELECT municipality_code AS code, municipality_name AS name, county_code AS countyCode FROM municipalities ORDER BY municipality_name COLLATE NOCASE`);
  return {dataset: wh.parameters.dataset, counties, municipalities, years: wh.parameters.years, suppressionThreshold: wh.parameters.suppressionThreshold, homeCounty: wh.parameters.supplementaryAmount.countyCode};
}

/**
 * Where a loader's output goes: stdout when the loader's file is run (Framework: stdout is the
 * file), or the function of a host that runs several loaders in one process (scripts/loader-host.ts).
 */
let hostOutput: ((data: string | Uint8Array) => Promise<void>) | null = null;

/** Set by scripts/loader-host.ts before it imports a loader; null: stdout again. */
export function setLoaderOutput(write: ((data: string | Uint8Array) => Promise<void>) | null): void {
  hostOutput = write;
}

async function emit(data: string | Uint8Array): Promise<void> {
  if (hostOutput) await hostOutput(data);
  else process.stdout.write(data);
}

export async function runLoader(body: (wh: Warehouse) => Promise<unknown>): Promise<void> {
  await withWarehouse(async (wh) => emit(JSON.stringify(await body(wh))));
}

/**
 * A loader whose output is a .tar of JSON files (`src/data/<name>.tar.ts`): one run of the report gives
 * one file per county or municipality, and each page fetches only its own (`data/<name>/<member>`).
 */
export async function runArchiveLoader(body: (wh: Warehouse) => Promise<Record<string, unknown>>): Promise<void> {
  await withWarehouse(async (wh) => {
    const files = await body(wh);
    const names = Object.keys(files).sort();
    await emit(tarArchive(names.map((name) => ({name, data: JSON.stringify(files[name])}))));
  });
}

async function withWarehouse(body: (wh: Warehouse) => Promise<unknown>): Promise<void> {
  let wh: Warehouse | undefined;
  try {
    wh = await openWarehouse();
    await body(wh);
  } catch (e) {
    // In a host the error is the host's to report (it runs other loaders too).
    if (e instanceof IngestFatalError && !hostOutput) {
      process.stderr.write(`Kan inte läsa datamappen: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  } finally {
    wh?.close();
  }
}
