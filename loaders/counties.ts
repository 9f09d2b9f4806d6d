/** The counties of the ingested data, as every report and page names them. */
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "./ingest/sql.ts";

export interface County {
  code: string;
  name: string;
  /** The region (the county council), or the county's name when kommuner.csv gives none. */
  region: string;
}

/** Every county with at least one municipality, by code. */
export function readCounties(conn: DuckDBConnection): Promise<County[]> {
  return queryRows<County>(
    conn,
    `SELECT county_code AS code, any_value(county_name) AS name, coalesce(any_value(region_name), any_value(county_name)) AS region FROM municipalities GROUP BY 1 ORDER BY 1`
  );
}
