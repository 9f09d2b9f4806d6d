// The fast paths of columnSql (cheap tests for text written exactly as the rule wants it) must give
// the same typed value as the exact rule, on every kind of text: here a list of awkward ones.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {columnSql, type ColumnKind} from "../../loaders/schemas/columns.ts";
import {lit, queryRows} from "../../loaders/ingest/sql.ts";

const NUMBERS = ["0", "7", "-0", "-7", "007", "+5", " 5", "5 ", "2.5", "2,5", ".5", "-.5", "5.", "1.", "1.2.3", "1..2", "1_000", "1e3", "0x1F", "0b11", "--1", "-", "1-", "1-1",
  "1 234", "1\u00a0234", "1\u202f234,50", "12,345", "1.234", "1.2345", "1.23456", "-1.5", "99999999999999", "999999999999999", "9999999999999999", "-999999999999999",
  "999999999999999.99", "999999999999999.9999", "٣", "１２", "12\t", "\t12", "NaN", "inf", "1.0_5",
  "\u2011928", "\u2011928,5", "\u2212928", "\u2011 1 234,5", "\u2011", "9\u2011",
  "-2,5", "0,05", "28505,95", "-28505,95", ",5", "-,5", "5,", "1,", "1,2,3", "1,,2", "1,234", "1,2345", "12,3 ", " 12,3", "999999999999999,99", "9999999999999999,9", "1,2.3", "1.2,3", "--1,5", "1,5e2"];
const YEARS = ["1989", "1990", "2023", "2100", "2101", "0202", "202", " 2023", "2023 ", "+2023", "2023.0", "20x0", "2_023", "02023", "1990\r"];
const DATES = ["2023-01-05", "2023-1-05", "2023-01-5", "2023-1-5", " 2023-01-05", "2023-01-05 ", "2023/01/05", "2023-02-30", "2023-02-29", "2024-02-29", "2023-13-01",
  "2023-00-10", "2023-01-00", "1989-12-31", "1990-01-01", "2100-12-31", "2101-01-01", "0000-01-01", "2023-01-05x", "2023-1-5xx", "02023-1-5", "2023-01- 5", "2023-+1-05",
  "+2023-01-05", "2023-01-05 BC", "2023-01-05 00:00:00", "20230105", "05.01.2023", "2023-01-0a", "2023-01-5 ", "２０２３-01-05",
  "2023-01-05\r", "2023-01-05\n", "2023-02-28", "2023-04-31", "2100-12-32", "1990-01-00", "2023-01-٠٥", "2023-01-05T00:00", "202३-01-05"];
const CODES = ["2380", "0110", "110", "23800", "2x80", " 2380", "2380 ", "+238", "-238", "238.", "9999", "0000", "23", "2", "٢٣٨٠", "2380\t"];
const TEXTS = ["a", "abc", " a", "a ", " a ", "\u00a0a", "a\u00a0", "a\u3000", "\u2009a", "\ta", "a\t", "Åre", " Åre", "Åre ", "x".repeat(10), "x".repeat(11), "å".repeat(10), "å".repeat(11),
  " " + "x".repeat(10), "x".repeat(10) + " ", "a\nb", "", " ", "   "];
const ENUMS = ["sabo", "Sabo", "SABO", " sabo", "sabo ", "säbo", "Särskilt boende", "okänd", "lss", "LSS", "hemtjänst", "", "sabo\t"];
const PERIODS = ["2023", "2023-01", "2023-12", "2023-13", "2023-00", "2023-1", "1989", "1990-01", "2100-12", "2101", " 2023", "2023 ", "2023/01", "2023-01 "];
const SEASONS = ["2023/24", "2023-24", "2023/2024", "2023/25", "1999/00", "2023/24 ", " 2023/24"];

const KINDS: [string, ColumnKind, string[]][] = [
  ["municipality", {type: "municipality"}, CODES],
  ["county", {type: "county"}, [...CODES, "01", "1", "23", "-1", " 1"]],
  ["year", {type: "year"}, [...YEARS, ...NUMBERS]],
  ["integer", {type: "integer"}, [...NUMBERS, ...YEARS]],
  ["decimal scale 1", {type: "decimal", scale: 1}, NUMBERS],
  ["decimal scale 2", {type: "decimal", scale: 2}, NUMBERS],
  ["decimal scale 4", {type: "decimal", scale: 4}, NUMBERS],
  ["date", {type: "date"}, DATES],
  ["text", {type: "text", maxLength: 10}, TEXTS],
  ["enum", {type: "enum", values: ["sabo", "hemtjanst", "lss", "LPIK"], aliases: {"säbo": "sabo", "särskilt boende": "sabo", "hemtjänst": "hemtjanst"}}, [...ENUMS, "LPIK", "lpik", "Lpik"]],
  ["period", {type: "period"}, PERIODS],
  ["season", {type: "season"}, SEASONS]
];

let instance: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

describe("columnSql: the fast path gives the exact rule's value", () => {
  for (const [name, kind, texts] of KINDS) {
    it(name, async () => {
      const known = (t: string) => `(TRY_CAST(${t} AS ENUM('0110', '2380')) IS NOT NULL)`;
      const values = texts.map((t) => `(${lit(t)})`).join(", ");
      for (const k of kind.type === "municipality" ? [undefined, known] : [undefined]) {
        const sql = columnSql(kind, "r", k);
        const rows = await queryRows<{r: string; value: unknown; exact: unknown}>(
          conn,
          `SELECT r, CAST(${sql.value} AS VARCHAR) AS value, CAST(${sql.exact} AS VARCHAR) AS exact FROM (VALUES ${values}) t(r)`
        );
        expect(rows.length).toBe(texts.length);
        for (const row of rows) expect(row.value, JSON.stringify(row.r)).toBe(row.exact);
      }
    });
  }

  it("reads the plain forms, so the fast path is taken and not only the exact one", async () => {
    const rows = await queryRows<Record<string, string>>(
      conn,
      `SELECT CAST(${columnSql({type: "date"}, "'2023-01-05'").value} AS VARCHAR) AS d, CAST(${columnSql({type: "decimal", scale: 2}, "'1 234,50'").value} AS VARCHAR) AS n,
        CAST(${columnSql({type: "decimal", scale: 2}, "'-28505,95'").value} AS VARCHAR) AS c,
        ${columnSql({type: "text", maxLength: 10}, "' Åre '").value} AS t, ${columnSql({type: "municipality"}, "'110'").value} AS m`
    );
    expect(rows[0]).toEqual({d: "2023-01-05", n: "1234.50", c: "-28505.95", t: "Åre", m: "0110"});
  });
});
