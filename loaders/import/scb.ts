/**
 * A Statistikdatabasen (SCB, PxWeb) CSV export of population by region and age, as downloaded:
 * UTF-8 with BOM or Windows-1252, CRLF, a title line above the table, regions written
 * "0114 Upplands Väsby", ages "0 år" … "100+ år" (or bands such as "65-69 år"), sex in a column or
 * in the headers, years in the headers ("2023", "Folkmängd 2023") or in a column "år", symbols such
 * as ".." for missing values, and footnotes under the table. → befolkning.csv rows in the bands
 * 0-64, 65-79 and 80+.
 *
 * Such an export may not name its year anywhere: the year then comes from --year, and without it the
 * import stops rather than guess.
 *
 * The same table as SCB's PxWebApi gives it with value codes (e.g. TAB638 "Folkmängd efter region,
 * civilstånd, ålder och kön" as CSV: `"Region","Civilstand","Alder","Kon","BE0101N1 2023"`, regions as
 * bare codes "2514", sex as 1 = män and 2 = kvinnor, ages "0" … "100+") is read too; a civilstånd
 * column is summed over.
 */
import {readFile} from "node:fs/promises";
import {isUtf8} from "node:buffer";
import {basename} from "node:path";
import {parseCsv} from "./data-file.ts";
import {detectDelimiter} from "../ingest/text-file.ts";
import {ImportError} from "./errors.ts";

export interface ScbRead {
  rows: {kommunkod: string; år: string; åldersgrupp: string; antal: string}[];
  notes: string[];
  /** The municipalities read (code → name as SCB writes it). */
  names: Map<string, string>;
  year: number;
}

type Sex = "män" | "kvinnor" | "totalt";
const BANDS = [
  {band: "0-64", from: 0, to: 64},
  {band: "65-79", from: 65, to: 79},
  {band: "80+", from: 80, to: Infinity}
] as const;

const sexOf = (s: string, codes = false): Sex | null => {
  const t = s.trim().toLowerCase();
  // SCB's value codes for kön (PxWebApi): 1 = män, 2 = kvinnor, 1+2 = totalt.
  if (codes && t === "1") return "män";
  if (codes && t === "2") return "kvinnor";
  if (codes && t === "1+2") return "totalt";
  if (/\b(män|man|men)\b/.test(t)) return "män";
  if (/\b(kvinnor|kvinna|women)\b/.test(t)) return "kvinnor";
  if (/\b(totalt|total|båda könen|samtliga)\b/.test(t)) return "totalt";
  return null;
};

/** An age label as a range of ages; "totalt" is null (a total, not an age). */
export function parseAge(label: string): {from: number; to: number} | "total" | null {
  const t = label.trim().toLowerCase().replace(/\s*år\s*$/, "").replace(/–/g, "-");
  if (/^(totalt|total|totalt ålder|samtliga åldrar|alla åldrar)$/.test(t) || /^totalt/.test(t)) return "total";
  let m = /^(\d{1,3})$/.exec(t);
  if (m) return {from: Number(m[1]), to: Number(m[1])};
  m = /^(\d{1,3})\s*-\s*(\d{1,3})$/.exec(t);
  if (m) return {from: Number(m[1]), to: Number(m[2])};
  m = /^(\d{1,3})\s*\+$/.exec(t) ?? /^(\d{1,3})\s*(?:år\s*)?(?:och äldre|eller äldre|-w|-)$/.exec(t);
  if (m) return {from: Number(m[1]), to: Infinity};
  return null;
}

const yearIn = (s: string): number | null => {
  const m = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(s);
  return m ? Number(m[1]) : null;
};

/**
 * "0114 Upplands Väsby" → code and name; "00 Riket", "01 Stockholms län" are not municipalities. A bare
 * code ("2514", as SCB's API writes value codes) has no name.
 */
export function parseRegion(label: string): {code: string; name: string; level: "kommun" | "lan" | "riket"} | null {
  const m = /^\s*(\d{2}|\d{4})(?:\s+(.+?))?\s*$/.exec(label);
  if (!m) return null;
  const code = m[1];
  return {code, name: m[2] ?? "", level: code === "00" || code === "0000" ? "riket" : code.length === 2 ? "lan" : "kommun"};
}

export async function readScbPopulation(path: string, yearFlag?: number): Promise<ScbRead> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new ImportError(file, "filen finns inte.");
  }
  const text = new TextDecoder(isUtf8(bytes) ? "utf-8" : "windows-1252").decode(bytes).replace(/^\uFEFF/, "");
  const lines = text.split(/\r\n|\n|\r/);
  // The header: the first line with a "region" column (the title and blank lines come before it).
  const headerAt = lines.findIndex((l) => /(^|[";,\t])\s*"?region"?\s*([";,\t]|$)/i.test(l));
  if (headerAt < 0) throw new ImportError(file, `hittar ingen rubrikrad med kolumnen "region". Exportera tabellen från Statistikdatabasen som CSV med rubrik (region, ålder, …).`);
  const delimiter = detectDelimiter(lines[headerAt]);
  // The table ends at the first blank line after it; what follows is footnotes.
  let end = lines.findIndex((l, i) => i > headerAt && l.trim() === "");
  if (end < 0) end = lines.length;
  const footnotes = lines.slice(end).filter((l) => l.trim() !== "").length;
  const table = parseCsv(lines.slice(headerAt, end).join("\n"), delimiter);
  const [header, ...body] = table;
  const h = header.map((c) => c.trim().toLowerCase());
  const regionCol = h.indexOf("region");
  const ageCol = h.findIndex((c) => c === "ålder" || c === "alder" || c === "age");
  if (ageCol < 0) throw new ImportError(file, `kolumnen "ålder" saknas. Välj variabeln ålder (ettårsklasser eller åldersgrupper) när tabellen exporteras; befolkning.csv behöver 0-64, 65-79 och 80+.`);
  const sexCol = h.findIndex((c) => c === "kön" || c === "kon" || c === "sex");
  const yearCol = h.findIndex((c) => c === "år" || c === "ar" || c === "year" || c === "tid");
  // Civilstånd (TAB638 and its API form): the population is the sum over it.
  const civilCol = h.findIndex((c) => c === "civilstånd" || c === "civilstand" || c === "marital status");
  const dims = new Set([regionCol, ageCol, sexCol, yearCol, civilCol].filter((i) => i >= 0));
  // Value columns: every other column; its header may name a year and a sex.
  const valueCols = header.map((c, i) => ({i, label: c.trim(), year: yearIn(c), sex: sexOf(c)})).filter((c) => !dims.has(c.i));
  if (!valueCols.length) throw new ImportError(file, "tabellen har inga värdekolumner.");

  // Which year: named by the file (a year column or year headers), or --year.
  const named = new Set<number>();
  if (yearCol >= 0) for (const r of body) if (yearIn(r[yearCol] ?? "") != null) named.add(yearIn(r[yearCol])!);
  for (const c of valueCols) if (c.year != null) named.add(c.year);
  let year: number;
  if (yearFlag != null) {
    if (named.size && !named.has(yearFlag)) throw new ImportError(file, `filen har år ${[...named].sort().join(", ")}, inte ${yearFlag}.`);
    year = yearFlag;
  } else if (named.size === 1) year = [...named][0];
  else if (named.size > 1) throw new ImportError(file, `filen har flera år (${[...named].sort().join(", ")}). Ange vilket med --year ÅÅÅÅ.`);
  else throw new ImportError(file, "filen säger inte vilket år folkmängden avser. Ange året med --year ÅÅÅÅ (folkmängd 31 december det året); importen gissar inte.");

  const notes: string[] = [];
  if (footnotes) notes.push(`${file}: ${footnotes} rader under tabellen (fotnoter) lästes inte som data.`);
  const names = new Map<string, string>();
  // count[code][band] as exact integers; a band with a symbol ("..") is unknown.
  const counts = new Map<string, Map<string, bigint | null>>();
  const covered = new Map<string, {from: number; to: number}[]>();
  const bySex = new Map<string, Set<Sex>>();
  const skippedLevels = {lan: 0, riket: 0};
  let lineNo = headerAt + 1;
  for (const r of body) {
    lineNo++;
    if (r.every((c) => c.trim() === "")) continue;
    const region = parseRegion(r[regionCol] ?? "");
    if (!region) throw new ImportError(file, `rad ${lineNo}: regionen ${JSON.stringify(r[regionCol] ?? "")} ska skrivas med kod och namn, t.ex. "0114 Upplands Väsby" (eller bara koden, som SCB:s API skriver den).`);
    if (region.level !== "kommun") {
      skippedLevels[region.level]++;
      continue;
    }
    if (region.name || !names.has(region.code)) names.set(region.code, region.name);
    const age = parseAge(r[ageCol] ?? "");
    if (age == null) throw new ImportError(file, `rad ${lineNo}: åldern ${JSON.stringify(r[ageCol] ?? "")} känns inte igen (t.ex. "67 år", "65-69 år", "100+ år" eller "totalt ålder").`);
    if (age === "total") continue;
    const band = BANDS.find((b) => age.from >= b.from && age.to <= b.to);
    if (!band) throw new ImportError(file, `rad ${lineNo}: åldersgruppen ${JSON.stringify(r[ageCol])} går över gränserna 65 och 80 och kan inte delas på 0-64, 65-79 och 80+. Exportera ettårsklasser eller femårsklasser.`);
    if (yearCol >= 0 && yearIn(r[yearCol] ?? "") !== year) continue;
    const rowSex = sexCol >= 0 ? sexOf(r[sexCol] ?? "", true) : null;
    if (sexCol >= 0 && !rowSex) throw new ImportError(file, `rad ${lineNo}: könet ${JSON.stringify(r[sexCol] ?? "")} känns inte igen (män, kvinnor eller totalt, eller SCB:s koder 1 och 2).`);
    const civil = civilCol >= 0 ? (r[civilCol] ?? "").trim() : "";
    const used = new Set<Sex>();
    for (const c of valueCols) {
      if (c.year != null && c.year !== year) continue;
      const sex = c.sex ?? rowSex ?? "totalt";
      if (used.has(sex)) throw new ImportError(file, `rad ${lineNo}: flera värdekolumner för samma år och kön (${valueCols.map((v) => `"${v.label}"`).join(", ")}). Exportera bara folkmängden.`);
      used.add(sex);
      const cell = (r[c.i] ?? "").trim();
      const sexKey = `${region.code}|${sex}`;
      const perSex = counts.get(sexKey) ?? new Map<string, bigint | null>();
      counts.set(sexKey, perSex);
      (bySex.get(region.code) ?? bySex.set(region.code, new Set()).get(region.code)!).add(sex);
      const compact = cell.replace(/[\s\u00a0\u202f]/g, "");
      let n: bigint | null;
      if (/^\d+$/.test(compact)) n = BigInt(compact);
      else if (/^\d+[,.]0+$/.test(compact)) n = BigInt(compact.replace(/[,.]0+$/, ""));
      else if (/^(\.\.|\.|-|–|x|)$/i.test(compact)) n = null;
      else throw new ImportError(file, `rad ${lineNo}, kolumn "${c.label}": ${JSON.stringify(cell)} är inte ett antal.`);
      if (n == null) notes.push(`${region.code}${region.name ? ` ${region.name}` : ""}, ${r[ageCol]}${sex !== "totalt" ? `, ${sex}` : ""}: värdet ${JSON.stringify(cell)} saknas i SCB:s tabell.`);
      const before = perSex.get(band.band);
      perSex.set(band.band, before === null || n === null ? null : (before ?? 0n) + n);
      // Ages are checked per civilstånd: each civilstånd covers every age once.
      const coverKey = `${sexKey}|${civil}`;
      (covered.get(coverKey) ?? covered.set(coverKey, []).get(coverKey)!).push(age);
    }
  }
  if (skippedLevels.lan || skippedLevels.riket) notes.push(`${file}: ${skippedLevels.lan + skippedLevels.riket} rader för län eller riket hoppades över (befolkning.csv har kommuner).`);
  if (!names.size) throw new ImportError(file, "tabellen har inga kommuner (regioner med fyrsiffrig kod).");

  const rows: ScbRead["rows"] = [];
  for (const [code] of [...names].sort(([a], [b]) => a.localeCompare(b))) {
    const sexes = bySex.get(code) ?? new Set<Sex>();
    // Both sexes, or the total: the total is used when given.
    const use: Sex[] = sexes.has("totalt") ? ["totalt"] : sexes.has("män") && sexes.has("kvinnor") ? ["män", "kvinnor"] : [];
    if (!use.length) throw new ImportError(file, `${code}${names.get(code) ? ` ${names.get(code)}` : ""}: ${sexes.size ? `bara ${[...sexes].join(", ")} finns` : `inga värden för ${year}`}; befolkningen behöver båda könen eller totalt.`);
    // Ages must cover 0 and up once, without a gap or overlap, or the bands would be wrong.
    const label = `${code}${names.get(code) ? ` ${names.get(code)}` : ""}`;
    for (const sex of use) {
      const keys = [...covered.keys()].filter((k) => k.startsWith(`${code}|${sex}|`));
      for (const key of keys) {
        const ages = [...covered.get(key)!].sort((a, b) => a.from - b.from);
        const civil = key.split("|")[2];
        const where = `${label}${civil ? ` (civilstånd ${civil})` : ""}`;
        let next = 0;
        for (const a of ages) {
          if (a.from !== next) throw new ImportError(file, `${where}: åldrarna ${a.from < next ? `${a.from} år förekommer två gånger` : `hoppar från ${next} till ${a.from} år`}; tabellen måste ha alla åldrar en gång (0 år till 100+ år).`);
          next = a.to + 1;
        }
        if (next !== Infinity) throw new ImportError(file, `${where}: den äldsta åldersgruppen (t.ex. "100+ år") saknas.`);
      }
    }
    for (const b of BANDS) {
      const parts = use.map((s) => counts.get(`${code}|${s}`)?.get(b.band));
      if (parts.some((p) => p == null)) {
        notes.push(`${code}${names.get(code) ? ` ${names.get(code)}` : ""} ${year} ${b.band}: ett värde saknas i tabellen; ingen rad skrivs för åldersgruppen.`);
        continue;
      }
      rows.push({kommunkod: code, år: String(year), åldersgrupp: b.band, antal: parts.reduce((x, y) => x! + y!, 0n)!.toString()});
    }
  }
  return {rows, notes, names, year};
}
