/**
 * Saved Kolada API responses (v3, and v2's shape) → rows of the data folder.
 *
 * A response is `{values, count, next_url}` (v2: `next_page`), each value
 * `{kpi, municipality, period, values: [{gender: "T"|"K"|"M", count, status, value|null}]}`. Paged
 * downloads come as several files; every value is kept with its KPI id as its source, a null value
 * stays empty (never 0) and Kolada's status stays beside it. Riket (0000) and the regions (00LL) are
 * kept as references in kolada.csv; the population KPIs also give befolkning.csv.
 */
import {readFile} from "node:fs/promises";
import {basename} from "node:path";
import {ImportError} from "./errors.ts";

/** The Kolada KPIs the site uses (ids from Kolada's KPI list; title as Kolada writes it). */
export const KOLADA_KPIS: Record<string, {title: string; use: string}> = {
  N01951: {title: "Invånare totalt, antal", use: "befolkning.csv (0-64 = totalt − 65-79 − 80+) och kolada.csv"},
  N01956: {title: "Invånare 65-79 år, antal", use: "befolkning.csv (65-79) och kolada.csv"},
  N01957: {title: "Invånare 80+, antal", use: "befolkning.csv (80+) och kolada.csv"},
  N01812: {title: "Invånare 65-79 år, andel (%)", use: "kolada.csv (referens för andelen 65-79)"},
  N01813: {title: "Invånare 80+, andel (%)", use: "kolada.csv (referens för andelen 80+)"},
  N00900: {title: "Skattesats, totalt (%)", use: "kolada.csv (kommunens och regionens skattesats)"},
  N00901: {title: "Skattesats till kommun (%)", use: "kolada.csv"},
  N00048: {title: "Skattekraft, kr/inv", use: "kolada.csv (skatteunderlag per invånare)"},
  N20048: {title: "Kostnad äldreomsorg, kr/inv 80+", use: "kolada.csv"}
};

export const POPULATION_KPIS = {total: "N01951", age65to79: "N01956", age80plus: "N01957"} as const;

export type AreaLevel = "kommun" | "lan" | "riket";

export interface KoladaValue {
  kpi: string;
  /** Kolada's area id: a municipality code, 00LL for a region, 0000 for Riket. */
  area: string;
  level: AreaLevel;
  year: number;
  gender: "T" | "K" | "M";
  /** The value as Kolada wrote it (plain decimal text), or null when Kolada has none. */
  value: string | null;
  status: string;
  count: number | null;
  /** File it was read from (for messages). */
  file: string;
}

export interface KoladaRead {
  values: KoladaValue[];
  /** What was not taken, and why (never silent). */
  notes: string[];
  /** A later page is announced in some file (next_url) and no file holds it. */
  pagesMissing: boolean;
}

/** A JSON number as plain decimal text, as Kolada published it (no exponent, no float noise). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Exponent notation: write it out (toFixed up to 20 digits, then drop trailing zeros).
  const fixed = Math.abs(n) < 1 ? n.toFixed(20) : BigInt(Math.round(n)).toString();
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

export function areaLevel(area: string): AreaLevel | null {
  if (area === "0000") return "riket";
  if (/^00\d{2}$/.test(area)) return "lan";
  if (/^\d{4}$/.test(area)) return "kommun";
  return null;
}

/** Parses one saved response (already JSON-parsed). */
export function parseKoladaResponse(json: unknown, file: string): {values: KoladaValue[]; notes: string[]; next: string | null} {
  const fail = (why: string) => new ImportError(file, `${why} En sparad Kolada-fil ska vara API:ts svar: {"values": [...], "count": ..., "next_url": ...}.`);
  if (!json || typeof json !== "object" || !Array.isArray((json as {values?: unknown}).values)) throw fail("filen har ingen lista \"values\".");
  const body = json as {values: unknown[]; next_url?: unknown; next_page?: unknown};
  const next = typeof body.next_url === "string" && body.next_url ? body.next_url : typeof body.next_page === "string" && body.next_page ? body.next_page : null;
  const values: KoladaValue[] = [];
  const notes: string[] = [];
  body.values.forEach((v, i) => {
    const where = `${file}, värde nr ${i + 1}`;
    if (!v || typeof v !== "object") throw fail(`${where} är inte ett objekt.`);
    const {kpi, municipality, period, values: inner} = v as Record<string, unknown>;
    if (typeof kpi !== "string" || typeof municipality !== "string" || !Array.isArray(inner)) {
      // An ou (organisational unit) response or another endpoint: not a municipality value.
      throw fail(`${where} saknar "kpi", "municipality" eller "values" (är det ett svar från /data/kpi/…?).`);
    }
    const year = typeof period === "number" ? period : typeof period === "string" && /^\d{4}$/.test(period) ? Number(period) : NaN;
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      notes.push(`${where}: perioden ${JSON.stringify(period)} är inte ett år; värdet hoppas över.`);
      return;
    }
    const level = areaLevel(municipality);
    if (!level) {
      notes.push(`${where}: området ${JSON.stringify(municipality)} är varken kommun, region (00LL) eller riket (0000) (t.ex. en kommungrupp); värdet hoppas över.`);
      return;
    }
    for (const g of inner as Record<string, unknown>[]) {
      const gender = g?.gender;
      if (gender !== "T" && gender !== "K" && gender !== "M") {
        notes.push(`${where}: okänt kön ${JSON.stringify(gender)} (T, K eller M); värdet hoppas över.`);
        continue;
      }
      const raw = g.value;
      if (raw != null && typeof raw !== "number") throw fail(`${where}: värdet ${JSON.stringify(raw)} är inte ett tal eller null.`);
      values.push({
        kpi,
        area: municipality,
        level,
        year,
        gender,
        value: raw == null ? null : plainNumber(raw),
        status: typeof g.status === "string" ? g.status : g.status == null ? "" : String(g.status),
        count: typeof g.count === "number" && Number.isInteger(g.count) ? g.count : null,
        file
      });
    }
  });
  return {values, notes, next};
}

/** Reads saved responses (one file per page), in order; the same value twice must agree. */
export async function readKoladaFiles(paths: string[]): Promise<KoladaRead> {
  const all = new Map<string, KoladaValue>();
  const notes: string[] = [];
  let withNext = 0;
  for (const path of paths) {
    const file = basename(path);
    let json: unknown;
    try {
      json = JSON.parse((await readFile(path, "utf8")).replace(/^\uFEFF/, ""));
    } catch (e) {
      throw new ImportError(file, (e as NodeJS.ErrnoException).code === "ENOENT" ? "filen finns inte." : `filen är inte giltig JSON (${(e as Error).message}).`);
    }
    const page = parseKoladaResponse(json, file);
    notes.push(...page.notes);
    if (page.next) withNext++;
    for (const v of page.values) {
      const key = `${v.kpi}|${v.area}|${v.year}|${v.gender}`;
      const before = all.get(key);
      if (before && (before.value !== v.value || before.status !== v.status))
        throw new ImportError(file, `${v.kpi} för ${v.area} ${v.year} (${v.gender}) är ${v.value ?? "tomt"} här men ${before.value ?? "tomt"} i ${before.file}. Använd filer från samma hämtning.`);
      all.set(key, v);
    }
    const unknown = [...new Set(page.values.map((v) => v.kpi).filter((k) => !KOLADA_KPIS[k]))];
    if (unknown.length) notes.push(`${file}: nyckeltal som sidan inte använder (${unknown.join(", ")}) sparas ändå i kolada.csv.`);
  }
  // Pages: N pages of one download have N − 1 links to a next page. Every file pointing further means
  // the last page was not given.
  const pagesMissing = paths.length > 0 && withNext >= paths.length;
  if (pagesMissing) notes.push(`Varje fil pekar vidare till en nästa sida (next_url): den sista sidan saknas, så värden kan fattas. Lägg till alla sidor.`);
  const values = [...all.values()].sort((a, b) => a.kpi.localeCompare(b.kpi) || a.area.localeCompare(b.area) || a.year - b.year || a.gender.localeCompare(b.gender));
  return {values, notes, pagesMissing};
}

/** Rows of kolada.csv: every value read, with its KPI id as the source. */
export function koladaRows(values: KoladaValue[]): Record<string, string>[] {
  return values.map((v) => ({
    nyckeltal: v.kpi,
    område: v.area,
    nivå: v.level,
    år: String(v.year),
    kön: v.gender,
    värde: v.value ?? "",
    status: v.status,
    antal: v.count == null ? "" : String(v.count)
  }));
}

/**
 * Rows of befolkning.csv from the population KPIs (gender T, municipalities): 65-79 and 80+ as
 * published, 0-64 = total − 65-79 − 80+ (exact integers). A municipality-year that lacks one of the
 * three, or has a null among them, gives no rows and a note.
 */
export function populationRows(values: KoladaValue[]): {rows: Record<string, string>[]; notes: string[]} {
  const byKey = new Map<string, Partial<Record<keyof typeof POPULATION_KPIS, KoladaValue>>>();
  const wanted = Object.entries(POPULATION_KPIS) as [keyof typeof POPULATION_KPIS, string][];
  for (const v of values) {
    if (v.level !== "kommun" || v.gender !== "T") continue;
    const name = wanted.find(([, id]) => id === v.kpi)?.[0];
    if (!name) continue;
    const key = `${v.area}|${v.year}`;
    byKey.set(key, {...byKey.get(key), [name]: v});
  }
  const rows: Record<string, string>[] = [];
  const notes: string[] = [];
  for (const [key, got] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const [code, year] = key.split("|");
    const missing = wanted.filter(([name]) => got[name]?.value == null).map(([, id]) => id);
    if (missing.length) {
      notes.push(`Befolkning ${code} ${year}: ${missing.join(", ")} saknas eller är tomt i Kolada; inga rader i befolkning.csv för det året.`);
      continue;
    }
    const int = (v: KoladaValue) => {
      if (!/^\d+$/.test(v.value!)) throw new ImportError(v.file, `${v.kpi} för ${code} ${year} är ${v.value}, inte ett heltal.`);
      return BigInt(v.value!);
    };
    const total = int(got.total!);
    const a = int(got.age65to79!);
    const b = int(got.age80plus!);
    const young = total - a - b;
    if (young < 0n) {
      notes.push(`Befolkning ${code} ${year}: 65-79 (${a}) och 80+ (${b}) är fler än totalt (${total}); inga rader för det året.`);
      continue;
    }
    for (const [band, n] of [["0-64", young], ["65-79", a], ["80+", b]] as const) rows.push({kommunkod: code, år: year, åldersgrupp: band, antal: n.toString()});
  }
  return {rows, notes};
}

/**
 * `--fetch`: downloads `/v3/data/kpi/{kpi}/year/{years}` page by page (per_page 5000) and returns
 * each page's text, to be saved and then read like any saved response. `get` is the network call
 * (tests pass saved responses instead).
 */
export async function fetchKolada(
  kpis: string[],
  years: number[],
  get: (url: string) => Promise<string>,
  base = "https://api.kolada.se/v3"
): Promise<{kpi: string; page: number; url: string; text: string}[]> {
  const out: {kpi: string; page: number; url: string; text: string}[] = [];
  for (const kpi of kpis) {
    if (!/^[A-Z]\d{5}$/.test(kpi)) throw new ImportError(kpi, "är inte ett Kolada-id (en bokstav och fem siffror, t.ex. N01951).");
    let url: string | null = `${base}/data/kpi/${kpi}/year/${years.join(",")}?per_page=5000`;
    for (let page = 1; url; page++) {
      if (page > 200) throw new ImportError(kpi, "fler än 200 sidor; hämtningen avbröts.");
      const text = await get(url);
      out.push({kpi, page, url, text});
      let json: {next_url?: string | null; next_page?: string | null};
      try {
        json = JSON.parse(text);
      } catch {
        throw new ImportError(kpi, `svaret från ${url} är inte JSON.`);
      }
      url = json.next_url || json.next_page || null;
    }
  }
  return out;
}
