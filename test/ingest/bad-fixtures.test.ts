// test/fixtures/bad/: each folder holds one broken input file and the exact report it must give.
// Every case also keeps accepted + rejected = read for every file.
import {describe, expect, it} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {checkFolder} from "../../loaders/cli/check.ts";
import {dataFolder} from "./helpers.ts";
import {DuckDBInstance} from "@duckdb/node-api";
import {ingestFolder} from "../../loaders/ingest/ingest.ts";

const FIXTURES = resolve(import.meta.dirname, "..", "fixtures", "bad");

interface Expected {
  file: string;
  fatal?: string;
  read?: number;
  accepted?: number;
  rejected?: number;
  encoding?: string;
  warnings?: string[];
  names?: string[];
  issues?: {line: number; column: string; value?: string; rule: string; message?: string}[];
  /** Statistics symbols read as missing values, per column. */
  symbols?: {column: string; symbol: string; count: number}[];
  /** befolkning.csv: the rows as read (code, age band, population; null where a symbol stood). */
  population?: [string, string, number | null][];
}

describe("broken input files", () => {
  const cases = readdirSync(FIXTURES).sort();
  it("there are at least 25", () => expect(cases.length).toBeGreaterThanOrEqual(25));
  for (const name of cases) {
    it(name, async () => {
      const expected: Expected = JSON.parse(readFileSync(join(FIXTURES, name, "expected.json"), "utf8"));
      const dir = dataFolder({[expected.file]: readFileSync(join(FIXTURES, name, expected.file))});
      if (expected.fatal) {
        await expect(checkFolder(dir)).rejects.toThrow(expected.fatal);
        // The sentence is for a person: no NUL or other control character echoed from the file.
        const message = await checkFolder(dir).then(() => "", (e: Error) => e.message);
        expect(message).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
        return;
      }
      const report = await checkFolder(dir);
      const f = report.files.find((x) => x.file === expected.file)!;
      expect({read: f.read, accepted: f.accepted, rejected: f.rejected}).toEqual({read: expected.read, accepted: expected.accepted, rejected: expected.rejected});
      if (expected.encoding) expect(f.encoding).toBe(expected.encoding);
      if (expected.warnings) expect(f.warnings).toEqual(expected.warnings);
      const issues = report.issues.filter((i) => i.file === expected.file).map((i) => ({line: i.line, column: i.column, value: i.value, rule: i.rule, message: i.message}));
      if (expected.symbols) expect(f.symbols).toEqual(expected.symbols);
      expected.issues!.forEach((e, k) => e.message !== undefined && expect(issues[k].message).toBe(e.message));
      expect(issues.map(({line, column, rule}) => ({line, column, rule}))).toEqual(expected.issues!.map(({line, column, rule}) => ({line, column, rule})));
      expected.issues!.forEach((e, k) => e.value !== undefined && expect(issues[k].value).toBe(e.value));
      for (const file of report.files) expect(file.accepted + file.rejected, file.file).toBe(file.read);
      if (expected.population) {
        // Symbols are missing values, never 0; the symbol is kept in value_symbols by line.
        const instance = await DuckDBInstance.create(":memory:");
        const conn = await instance.connect();
        await ingestFolder(conn, dir, join(dir, ".work"));
        const rows = (await conn.runAndReadAll("SELECT municipality_code, age_band, population FROM population ORDER BY line")).getRows().map((r) => [r[0], r[1], r[2] == null ? null : Number(r[2])]);
        expect(rows).toEqual(expected.population);
        const kept = (await conn.runAndReadAll("SELECT count(*) FROM value_symbols v JOIN population p USING (line) WHERE v.table_name = 'population' AND p.population IS NULL")).getRows()[0][0];
        expect(Number(kept)).toBe(5);
        conn.closeSync();
        instance.closeSync();
      }
      if (expected.names) {
        // The names arrive intact in the warehouse, whatever the file's encoding.
        const instance = await DuckDBInstance.create(":memory:");
        const conn = await instance.connect();
        await ingestFolder(conn, dir, join(dir, ".work"));
        const names = (await conn.runAndReadAll("SELECT municipality_name FROM municipalities ORDER BY line")).getRows().map((r) => r[0]);
        expect(names).toEqual(expected.names);
        conn.closeSync();
        instance.closeSync();
      }
    });
  }
});
