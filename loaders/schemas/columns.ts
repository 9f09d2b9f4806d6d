/**
 * Column kinds of the input files. One definition per kind gives the zod type (for small files and
 * row types), the DuckDB parse expression and its validation rule (for bulk files) and the text of
 * data/README.md, so the three cannot drift apart.
 */
import {z} from "zod";

export type ColumnKind =
  | {type: "municipality"}
  | {type: "county"}
  | {type: "year"}
  | {type: "integer"; min?: number; max?: number}
  | {type: "decimal"; min?: number; max?: number; scale?: number}
  | {type: "date"}
  | {type: "text"; maxLength?: number}
  | {type: "enum"; values: readonly string[]; aliases?: Record<string, string>}
  | {type: "period"}
  | {type: "season"};

export interface ColumnSpec {
  /** Header in the CSV file (Swedish, as users write it; matched without case, accents or spaces). */
  header: string;
  /** Column name in DuckDB and in code (English, from the glossary). */
  field: string;
  kind: ColumnKind;
  /** The value may be empty. */
  optional?: boolean;
  /** The column may be missing from the file altogether (then it is empty on every row). */
  optionalColumn?: boolean;
  unit?: string;
  description: string;
}

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** Headers are matched loosely: "År", "ar", " AR " and "år" are the same column. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s\-./()]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export function zodFor(kind: ColumnKind): z.ZodType {
  switch (kind.type) {
    case "municipality":
      return z.string().regex(/^\d{4}$/);
    case "county":
      return z.string().regex(/^\d{2}$/);
    case "year":
      return z.number().int().min(MIN_YEAR).max(MAX_YEAR);
    case "integer":
      return z.number().int().min(kind.min ?? -Infinity).max(kind.max ?? Infinity);
    case "decimal":
      return z.string().regex(/^-?\d+(\.\d+)?$/);
    case "date":
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
    case "text":
      return z.string().min(1).max(kind.maxLength ?? 200);
    case "enum":
      return z.enum(kind.values as [string, ...string[]]);
    case "period":
      return z.string().regex(/^\d{4}(-\d{2})?$/);
    case "season":
      return z.string().regex(/^\d{4}\/\d{2}$/);
  }
}

export function duckdbType(kind: ColumnKind): string {
  switch (kind.type) {
    case "year":
      return "INTEGER";
    case "integer":
      return "BIGINT";
    case "decimal":
      return `DECIMAL(18, ${kind.scale ?? 2})`;
    case "date":
      return "DATE";
    default:
      return "VARCHAR";
  }
}

/** Human text of a kind for data/README.md and for error messages. */
export function describeKind(kind: ColumnKind): string {
  switch (kind.type) {
    case "municipality":
      return "kommunkod, 4 siffror (SCB); 3 siffror fylls ut med inledande nolla";
    case "county":
      return "länskod, 2 siffror (SCB)";
    case "year":
      return `år, heltal ${MIN_YEAR}–${MAX_YEAR}`;
    case "integer":
      return `heltal${range(kind.min, kind.max)}`;
    case "decimal":
      return `decimaltal, decimalkomma eller punkt, högst ${kind.scale ?? 2} decimaler${range(kind.min, kind.max)}`;
    case "date":
      return "datum ÅÅÅÅ-MM-DD";
    case "text":
      return `text, högst ${kind.maxLength ?? 200} tecken`;
    case "enum":
      return `en av: ${kind.values.join(", ")}`;
    case "period":
      return "period: ÅÅÅÅ (år) eller ÅÅÅÅ-MM (månad)";
    case "season":
      return "säsong ÅÅÅÅ/ÅÅ, t.ex. 2023/24 (även 2023-24 och 2023/2024 godtas)";
  }
}

function range(min?: number, max?: number): string {
  if (min == null && max == null) return "";
  if (max == null) return `, minst ${min}`;
  if (min == null) return `, högst ${max}`;
  return `, ${min}–${max}`;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * SQL for one column: `value` normalises the raw text into the typed value (NULL when it cannot be
 * read), `invalid` is true when a non-empty raw value breaks the kind's rule. `raw` is the trimmed
 * text (NULL when empty).
 */
export function columnSql(kind: ColumnKind, rawText: string): {value: string; invalid: string; rule: string} {
  // Trimmed once per value; empty fields already arrive as NULL from the CSV reader.
  const raw = `trim(${rawText})`;
  // Excel writes thousands with (non-breaking) spaces: "1 123,50".
  const compact = `replace(replace(replace(${raw}, ' ', ''), chr(160), ''), chr(8239), '')`;
  switch (kind.type) {
    case "municipality": {
      const ok = `regexp_matches(${raw}, '^\\d{3,4}$')`;
      return {value: `CASE WHEN ${ok} THEN lpad(${raw}, 4, '0') END`, invalid: `NOT ${ok}`, rule: "ogiltig_kommunkod"};
    }
    case "county": {
      const ok = `regexp_matches(${raw}, '^\\d{1,2}$')`;
      return {value: `CASE WHEN ${ok} THEN lpad(${raw}, 2, '0') END`, invalid: `NOT ${ok}`, rule: "ogiltig_lanskod"};
    }
    case "year": {
      const ok = `(regexp_matches(${raw}, '^\\d{4}$') AND TRY_CAST(${raw} AS INTEGER) BETWEEN ${MIN_YEAR} AND ${MAX_YEAR})`;
      return {value: `CASE WHEN ${ok} THEN TRY_CAST(${raw} AS INTEGER) END`, invalid: `NOT ${ok}`, rule: "ogiltigt_ar"};
    }
    case "integer": {
      const ok = `regexp_matches(${compact}, '^-?\\d{1,15}$')`;
      return {value: `CASE WHEN ${ok} THEN TRY_CAST(${compact} AS BIGINT) END`, invalid: `NOT ${ok}`, rule: "ogiltigt_heltal"};
    }
    case "decimal": {
      const scale = kind.scale ?? 2;
      const ok = `regexp_matches(${compact}, '^-?\\d{1,15}([.,]\\d{1,${scale}})?$')`;
      return {
        value: `CASE WHEN ${ok} THEN TRY_CAST(replace(${compact}, ',', '.') AS DECIMAL(18, ${scale})) END`,
        invalid: `NOT ${ok}`,
        rule: "ogiltigt_tal"
      };
    }
    case "date": {
      const parsed = `TRY_CAST(${raw} AS DATE)`;
      const ok = `(regexp_matches(${raw}, '^\\d{4}-\\d{2}-\\d{2}$') AND ${parsed} IS NOT NULL AND year(${parsed}) BETWEEN ${MIN_YEAR} AND ${MAX_YEAR})`;
      return {value: `CASE WHEN ${ok} THEN ${parsed} END`, invalid: `NOT ${ok}`, rule: "ogiltigt_datum"};
    }
    case "text": {
      const ok = `length(${raw}) <= ${kind.maxLength ?? 200}`;
      return {value: `CASE WHEN ${ok} THEN ${raw} END`, invalid: `NOT ${ok}`, rule: "for_lang_text"};
    }
    case "enum": {
      const key = `lower(${raw})`;
      const pairs: [string, string][] = kind.values.map((v) => [v.toLowerCase(), v]);
      for (const [alias, v] of Object.entries(kind.aliases ?? {})) pairs.push([alias.toLowerCase(), v]);
      const cases = pairs.map(([a, v]) => `WHEN ${q(a)} THEN ${q(v)}`).join(" ");
      const value = `CASE ${key} ${cases} END`;
      return {value, invalid: `(${value}) IS NULL`, rule: "okant_varde"};
    }
    case "period": {
      const ok = `(regexp_matches(${raw}, '^\\d{4}(-(0[1-9]|1[0-2]))?$') AND TRY_CAST(left(${raw}, 4) AS INTEGER) BETWEEN ${MIN_YEAR} AND ${MAX_YEAR})`;
      return {value: `CASE WHEN ${ok} THEN ${raw} END`, invalid: `NOT ${ok}`, rule: "ogiltig_period"};
    }
    case "season": {
      // 2023/24, 2023-24, 2023/2024 → 2023/24, and the second year must follow the first.
      const m = `regexp_extract(${raw}, '^(\\d{4})[/-](\\d{2}|\\d{4})$', ['a', 'b'])`;
      const ok = `(regexp_matches(${raw}, '^\\d{4}[/-](\\d{2}|\\d{4})$') AND right(${m}.b, 2) = right(CAST(TRY_CAST(${m}.a AS INTEGER) + 1 AS VARCHAR), 2))`;
      return {value: `CASE WHEN ${ok} THEN ${m}.a || '/' || right(${m}.b, 2) END`, invalid: `NOT ${ok}`, rule: "ogiltig_sasong"};
    }
  }
}

/** Range rules (min/max) on the typed value. */
export function rangeSql(kind: ColumnKind, value: string): {invalid: string; rule: string; text: string}[] {
  if (kind.type !== "integer" && kind.type !== "decimal") return [];
  const out = [];
  if (kind.min != null) out.push({invalid: `${value} < ${kind.min}`, rule: kind.min === 0 ? "negativt_varde" : "for_litet_varde", text: `minst ${kind.min}`});
  if (kind.max != null) out.push({invalid: `${value} > ${kind.max}`, rule: "orimligt_stort_varde", text: `högst ${kind.max}`});
  return out;
}
