import type {DuckDBConnection} from "@duckdb/node-api";

/** SQL string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
/** SQL identifier. */
export const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Runs a query and returns its rows as plain JSON-safe objects (BIGINT and DECIMAL as strings). */
export async function queryRows<T = Record<string, unknown>>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson() as T[];
}

export async function queryValue<T = unknown>(conn: DuckDBConnection, sql: string): Promise<T> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRows()[0]?.[0] as T;
}
