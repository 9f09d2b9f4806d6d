/**
 * What every data loader in src/data/ does around its one query: open the build's warehouse, write
 * JSON to stdout (stdout is the file), log to stderr, and stop with a readable message on bad inputs.
 */
import {openWarehouse, type Warehouse} from "./warehouse.ts";
import {IngestFatalError} from "./ingest/errors.ts";
import type {Parameters} from "./schemas/parameters.ts";
import {queryRows} from "./ingest/sql.ts";

export interface County {
  code: string;
  name: string;
  region: string;
}

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
}

export async function siteInfo(wh: Warehouse): Promise<SiteInfo> {
  const counties = await queryRows<County>(
    wh.connection,
    `SELECT county_code AS code, any_value(county_name) AS name, coalesce(any_value(region_name), any_value(county_name)) AS region FROM municipalities GROUP BY 1 ORDER BY 1`
  );
  const municipalities = await queryRows<Municipality>(wh.connection, `SELECT municipality_code AS code, municipality_name AS name, county_code AS countyCode FROM municipalities ORDER BY municipality_name COLLATE NOCASE`);
  return {dataset: wh.parameters.dataset, counties, municipalities, years: wh.parameters.years, suppressionThreshold: wh.parameters.suppressionThreshold};
}

export async function runLoader(body: (wh: Warehouse) => Promise<unknown>): Promise<void> {
  let wh: Warehouse | undefined;
  try {
    wh = await openWarehouse();
    const data = await body(wh);
    process.stdout.write(JSON.stringify(data));
  } catch (e) {
    if (e instanceof IngestFatalError) {
      process.stderr.write(`Kan inte läsa datamappen: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  } finally {
    wh?.close();
  }
}
