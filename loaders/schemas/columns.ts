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

/**
 * The symbols of published statistics (SCB, Kolada, Folkhälsomyndigheten) in place of a number. They
 * are read as a missing value with the symbol kept (table `value_symbols`), never as 0 and never as
 * an error.
 */
export const STATISTICS_SYMBOLS: Record<string, string> = {
  "..": "uppgift saknas eller är för osäker (t.ex. för få)",
  ".": "uppgift kan inte förekomma (ej tillämpligt)",
  "-": "uppgift saknas",
  "–": "uppgift saknas",
  "—": "uppgift saknas",
  x: "uppgift kan inte redovisas (sekretess)",
  X: "uppgift kan inte redovisas (sekretess)"
};

/** SQL: the (untrimmed) text is one of the statistics symbols, after trimming. */
export function symbolSql(text: string): string {
  // A regular expression, not IN (…): DuckDB may turn an IN list into a join, which would cost the
  // reading statement its ordered insert (and the line numbers).
  return `regexp_full_match(${text}, ' *(\\.\\.?|[-–—xX]) *')`;
}

/** Kinds whose value may be a statistics symbol instead of a number. */
export const isNumericKind = (kind: ColumnKind): boolean => kind.type === "integer" || kind.type === "decimal";

/** An enum value as it is matched: lower case, "–" as "-", no spaces, no trailing "år" ("80+ år" is "80+"). */
export function enumKey(value: string): string {
  return value.toLowerCase().replace(/[–—]/g, "-").replace(/\s*år$/, "").replace(/\s+/g, "");
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
      return `heltal${range(kind.min, kind.max)} (3776,0 godtas; .., ., -, – och x läses som saknat värde)`;
    case "decimal":
      return `decimaltal, decimalkomma eller punkt, högst ${kind.scale ?? 2} decimaler${range(kind.min, kind.max)} (.., ., -, – och x läses som saknat värde)`;
    case "date":
      return "datum ÅÅÅÅ-MM-DD";
    case "text":
      return `text, högst ${kind.maxLength ?? 200} tecken`;
    case "enum":
      return `en av: ${kind.values.join(", ")}${kind.aliases && Object.keys(kind.aliases).length ? ` (även ${Object.keys(kind.aliases).join(", ")})` : ""}`;
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
 * SQL for one column. `exact` is the rule itself: it normalises the trimmed raw text into the typed
 * value, NULL when the text cannot be read as the kind (empty fields already arrive as NULL from the
 * CSV reader). `value` gives the same result faster: `fast` is a cheap test on the untrimmed text that
 * only passes text the exact rule accepts unchanged (so no trim, no regular expression with anchors,
 * no normalising), and `fastValue` its typed value; everything else goes through `exact`. The test in
 * test/ingest/column-sql.test.ts holds `value` equal to `exact` on a list of awkward values.
 * `known` (municipality only) makes the SQL test whether a text is a known code: such a code is valid as written.
 */
export function columnSql(kind: ColumnKind, rawText: string, known?: (text: string) => string): {value: string; exact: string; rule: string} {
  const {exact, rule, fast, fastValue, value} = columnRule(kind, rawText, known);
  return {value: value ?? (fast ? `CASE WHEN ${fast} THEN ${fastValue ?? rawText} ELSE ${exact} END` : exact), exact, rule};
}

const YEAR_RE = "(199\\d|20\\d\\d|2100)";

function columnRule(
  kind: ColumnKind,
  rawText: string,
  known?: (text: string) => string
): {exact: string; rule: string; fast?: string; fastValue?: string; value?: string} {
  // Trimmed once per value; empty fields already arrive as NULL from the CSV reader.
  const raw = `trim(${rawText})`;
  // Excel writes thousands with (non-breaking) spaces: "1 123,50". SCB's published tables write a
  // negative number with a non-breaking hyphen ("‑928", U+2011) or a minus sign (U+2212): a minus.
  const compact = `replace(replace(replace(replace(replace(${raw}, ' ', ''), chr(160), ''), chr(8239), ''), chr(8209), '-'), chr(8722), '-')`;
  // Full-string match (RE2, no anchors needed): the fast tests below only let through plain ASCII.
  const full = (re: string) => `regexp_full_match(${rawText}, '${re}')`;
  switch (kind.type) {
    case "municipality": {
      const ok = `regexp_matches(${raw}, '^\\d{3,4}$')`;
      return {
        exact: `CASE WHEN ${ok} THEN lpad(${raw}, 4, '0') END`,
        rule: "ogiltig_kommunkod",
        // Codes in kommuner.csv are four digits; a lookup is cheaper than a regular expression.
        fast: known ? known(rawText) : full("\\d{4}")
      };
    }
    case "county": {
      const ok = `regexp_matches(${raw}, '^\\d{1,2}$')`;
      return {exact: `CASE WHEN ${ok} THEN lpad(${raw}, 2, '0') END`, rule: "ogiltig_lanskod", fast: full("\\d{2}")};
    }
    case "year": {
      const ok = `(regexp_matches(${raw}, '^\\d{4}$') AND TRY_CAST(${raw} AS INTEGER) BETWEEN ${MIN_YEAR} AND ${MAX_YEAR})`;
      return {exact: `CASE WHEN ${ok} THEN TRY_CAST(${raw} AS INTEGER) END`, rule: "ogiltigt_ar", fast: full(YEAR_RE), fastValue: `CAST(${rawText} AS INTEGER)`};
    }
    case "integer": {
      // A count written with zero decimals, as statistics tables do ("3776,0", "3776.0"), is that count.
      // Not "1.000": three decimals after a point may be a thousands separator.
      const ok = `regexp_matches(${compact}, '^-?\\d{1,15}(,0+|\\.0{1,2})?$')`;
      return {
        exact: `CASE WHEN ${ok} THEN TRY_CAST(regexp_replace(${compact}, '[.,]0+$', '') AS BIGINT) END`,
        rule: "ogiltigt_heltal",
        fast: full("-?\\d{1,15}"),
        fastValue: `CAST(${rawText} AS BIGINT)`
      };
    }
    case "decimal": {
      const scale = kind.scale ?? 2;
      const ok = `regexp_matches(${compact}, '^-?\\d{1,15}([.,]\\d{1,${scale}})?$')`;
      return {
        exact: `CASE WHEN ${ok} THEN TRY_CAST(replace(${compact}, ',', '.') AS DECIMAL(18, ${scale})) END`,
        rule: "ogiltigt_tal",
        // Swedish exports write the decimal comma: a fast path for it too (the exact rule's regular
        // expressions and replacements cost 1,4 s on 5 million ledger amounts).
        fast: full(`-?\\d{1,15}([.,]\\d{1,${scale}})?`),
        fastValue: `TRY_CAST(replace(${rawText}, ',', '.') AS DECIMAL(18, ${scale}))`
      };
    }
    case "date": {
      const parsed = `TRY_CAST(${raw} AS DATE)`;
      const ok = `(regexp_matches(${raw}, '^\\d{4}-\\d{2}-\\d{2}$') AND ${parsed} IS NOT NULL AND year(${parsed}) BETWEEN ${MIN_YEAR} AND ${MAX_YEAR})`;
      // A date read back as text equals the text only when it was written ÅÅÅÅ-MM-DD and exists.
      const cast = `TRY_CAST(${rawText} AS DATE)`;
      return {
        exact: `CASE WHEN ${ok} THEN ${parsed} END`,
        rule: "ogiltigt_datum",
        fast: `(CAST(${cast} AS VARCHAR) = ${rawText} AND ${cast} BETWEEN DATE '${MIN_YEAR}-01-01' AND DATE '${MAX_YEAR}-12-31')`,
        fastValue: cast
      };
    }
    case "text": {
      const max = kind.maxLength ?? 200;
      // Only white space (spaces, tabs, no-break spaces) is no text: NULL, reported as a missing value.
      const ok = `(length(${raw}) <= ${max} AND NOT ${blankSql(raw)})`;
      // Plain ASCII (bytes = characters) that starts with a printing character and does not end with a
      // space: trim leaves it be (the only ASCII character trim removes is the space), and it is not blank.
      return {
        exact: `CASE WHEN ${ok} THEN ${raw} END`,
        rule: "for_lang_text",
        fast: `(strlen(${rawText}) <= ${max} AND strlen(${rawText}) = length(${rawText}) AND ascii(${rawText}) > 32 AND ${rawText} NOT LIKE '% ')`
      };
    }
    case "enum": {
      // Matched as enumKey does it: case, dashes, spaces and a trailing "år" do not matter.
      const key = `regexp_replace(regexp_replace(replace(replace(lower(${raw}), '–', '-'), '—', '-'), '\\s*år$', ''), '\\s+', '', 'g')`;
      const pairs = new Map<string, string>();
      for (const v of kind.values) pairs.set(enumKey(v), v);
      for (const [alias, v] of Object.entries(kind.aliases ?? {})) if (!pairs.has(enumKey(alias))) pairs.set(enumKey(alias), v);
      const cases = [...pairs].map(([a, v]) => `WHEN ${q(a)} THEN ${q(v)}`).join(" ");
      const exact = `CASE ${key} ${cases} END`;
      // Values written exactly as allowed are the common case. A CASE, not IN (…): DuckDB turns a
      // longer IN list into a join, and a join costs the reading statement its ordered insert.
      return {exact, rule: "okant_varde", value: `CASE ${rawText} ${kind.values.map((v) => `WHEN ${q(v)} THEN ${q(v)}`).join(" ")} ELSE ${exact} END`};
    }
    case "period": {
      const ok = `(regexp_matches(${raw}, '^\\d{4}(-(0[1-9]|1[0-2]))?$') AND TRY_CAST(left(${raw}, 4) AS INTEGER) BETWEEN ${MIN_YEAR} AND ${MAX_YEAR})`;
      return {exact: `CASE WHEN ${ok} THEN ${raw} END`, rule: "ogiltig_period", fast: full(`${YEAR_RE}(-(0[1-9]|1[0-2]))?`)};
    }
    case "season": {
      // 2023/24, 2023-24, 2023/2024 → 2023/24, and the second year must follow the first.
      const m = `regexp_extract(${raw}, '^(\\d{4})[/-](\\d{2}|\\d{4})$', ['a', 'b'])`;
      const ok = `(regexp_matches(${raw}, '^\\d{4}[/-](\\d{2}|\\d{4})$') AND right(${m}.b, 2) = right(CAST(TRY_CAST(${m}.a AS INTEGER) + 1 AS VARCHAR), 2))`;
      return {exact: `CASE WHEN ${ok} THEN ${m}.a || '/' || right(${m}.b, 2) END`, rule: "ogiltig_sasong"};
    }
  }
}

/** SQL: the text is only white space (or empty). */
export function blankSql(text: string): string {
  return `regexp_full_match(${text}, '[\\s\\x{00a0}\\x{202f}]*')`;
}

/** Range rules (min/max) on the typed value. */
export function rangeSql(kind: ColumnKind, value: string): {invalid: string; rule: string; text: string}[] {
  if (kind.type !== "integer" && kind.type !== "decimal") return [];
  const out = [];
  if (kind.min != null) out.push({invalid: `${value} < ${kind.min}`, rule: kind.min === 0 ? "negativt_varde" : "for_litet_varde", text: `minst ${kind.min}`});
  if (kind.max != null) out.push({invalid: `${value} > ${kind.max}`, rule: "orimligt_stort_varde", text: `högst ${kind.max}`});
  return out;
}
