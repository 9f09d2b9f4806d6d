/**
 * The agreements as data: one file per agreement, `avtal/<länskod>-<från år>.json` in the data folder
 * (zod schema in loaders/schemas/agreement.ts). Every figure carries its kind and source; the agreement
 * its decision history, validity, notice period and prolongation.
 *
 * `wh.parameters` keeps its older shape (supplementaryAmount, medtech, rates, taxSwap, agreement, …):
 * parametersFromAgreements makes it from parametrar.json (the data set's settings) and the agreement
 * files, so code that reads `wh.parameters.supplementaryAmount.posts` gets the value of the agreement's
 * parameter. Pages, CSVs and the CLI that show a figure take its kind from here (parameterEntries).
 */
import {existsSync} from "node:fs";
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {AgreementSchema, swedishIssue, type AgreedSource, type AgreementFile, type AgreementStatus, type Kind, type Param} from "./schemas/agreement.ts";
import {IngestFatalError} from "./ingest/errors.ts";
import {ParametersSchema, type Parameters, type Settings} from "./schemas/parameters.ts";

export type {AgreedSource, AgreementFile, AgreementStatus, Kind, Param} from "./schemas/agreement.ts";
export {KINDS} from "./schemas/agreement.ts";

export const AGREEMENTS_DIR = "avtal";

/** One agreement as read: its file's content plus its id ("23-2026") and file name ("avtal/23-2026.json"). */
export type Agreement = AgreementFile & {id: string; file: string};

const FILE_NAME = /^(\d{2})-(\d{4})\.json$/;

/**
 * Reads every agreement file of a data folder (`<dir>/avtal/*.json`; a folder that itself holds the
 * files also works), sorted by county and first year. A file that cannot be used stops with a Swedish
 * sentence naming the file and the field.
 */
export async function readAgreements(dir: string): Promise<Agreement[]> {
  const folder = existsSync(join(dir, AGREEMENTS_DIR)) ? join(dir, AGREEMENTS_DIR) : dir;
  if (folder === dir && !(await readdir(dir)).some((f) => FILE_NAME.test(f)))
    throw new IngestFatalError(`${AGREEMENTS_DIR}/`, `mappen med avtalsfiler saknas i ${dir}. Kopiera data/${AGREEMENTS_DIR} dit (en fil per avtal, t.ex. ${AGREEMENTS_DIR}/23-2026.json).`);
  const names = (await readdir(folder)).filter((f) => f.toLowerCase().endsWith(".json")).sort();
  const out: Agreement[] = [];
  for (const name of names) {
    const file = `${AGREEMENTS_DIR}/${name}`;
    const m = FILE_NAME.exec(name);
    if (!m) throw new IngestFatalError(file, `filnamnet ska vara <länskod>-<första år>.json, t.ex. 23-2026.json.`);
    let json: unknown;
    try {
      json = JSON.parse((await readFile(join(folder, name), "utf8")).replace(/^\uFEFF/, ""));
    } catch (e) {
      throw new IngestFatalError(file, `filen är inte giltig JSON (${(e as Error).message}).`);
    }
    out.push(parseAgreement(json, file));
  }
  if (!out.length) throw new IngestFatalError(`${AGREEMENTS_DIR}/`, `mappen ${folder} har inga avtalsfiler (t.ex. 23-2026.json).`);
  return out;
}

/** Validates one agreement's JSON; `file` ("avtal/23-2026.json") names it in errors and gives its id. */
export function parseAgreement(json: unknown, file: string): Agreement {
  const parsed = AgreementSchema.safeParse(json, {reportInput: true});
  if (!parsed.success) throw new IngestFatalError(file, `fel i avtalsfilen:\n${parsed.error.issues.map((i) => `${file}: ${swedishIssue(i)}`).join("\n")}`);
  const a = parsed.data;
  const id = file.replace(/^.*\//, "").replace(/\.json$/i, "");
  const m = FILE_NAME.exec(`${id}.json`);
  const problems: string[] = [];
  if (m && m[1] !== a.countyCode) problems.push(`fältet "countyCode" är ${a.countyCode} men filnamnet säger län ${m[1]}`);
  if (m && Number(m[2]) !== Number(a.validFrom.slice(0, 4))) problems.push(`fältet "validFrom" börjar ${a.validFrom.slice(0, 4)} men filnamnet säger ${m[2]}`);
  if (a.validTo && a.validTo < a.validFrom) problems.push(`fältet "validTo" (${a.validTo}) ligger före "validFrom" (${a.validFrom})`);
  const dates = a.history.map((h) => h.date);
  if (dates.some((d, i) => i > 0 && d < dates[i - 1])) problems.push(`fältet "history" ska stå i datumordning`);
  const sa = a.supplementaryAmount;
  if (sa) {
    const w = sa.weights;
    const sum = [w.elderly, w.sparsity, w.socioeconomics].reduce((s, x) => s + Math.round(Number(x.value) * 1e6), 0);
    if (sum !== 1e6) problems.push(`fälten "supplementaryAmount.weights.*" ska summera till 1`);
    sa.band.agreed.forEach((b, i) => {
      if (b.value.lower > b.value.upper) problems.push(`fältet "supplementaryAmount.band.agreed.${i}.value" har lower större än upper`);
    });
  }
  const dev = a.developmentFunds;
  if (dev && Number(dev.regionSharePercent.value) + Number(dev.municipalSharePercent.value) !== 100)
    problems.push(`fälten "developmentFunds.regionSharePercent" och "municipalSharePercent" ska summera till 100`);
  if (problems.length) throw new IngestFatalError(file, `fel i avtalsfilen:\n${problems.map((p) => `${file}: ${p}`).join("\n")}`);
  return {...a, id, file};
}

/** The agreement of a county that is in force in a year (the newest that started by then and has not ended), or null. */
export function agreementFor(list: readonly Agreement[], countyCode: string, year: number): Agreement | null {
  const candidates = list
    .filter((a) => a.countyCode === countyCode && Number(a.validFrom.slice(0, 4)) <= year)
    .filter((a) => {
      const end = endedOn(a);
      return !end || Number(end.slice(0, 4)) >= year;
    })
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return candidates[0] ?? null;
}

/** The agreements of a county, oldest first. */
export function agreementsOf(list: readonly Agreement[], countyCode: string): Agreement[] {
  return list.filter((a) => a.countyCode === countyCode).sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}

/** The date the agreement ended (history "upphört"), else null: it runs on (prolonged, or until further notice). */
export function endedOn(a: Pick<AgreementFile, "history">): string | null {
  return a.history.find((h) => h.status === "upphört")?.date ?? null;
}

export interface StatusInfo {
  status: AgreementStatus;
  date: string;
  by: string;
  /** Swedish: what the status means, never "gäller" on the site's own authority. */
  text: string;
}

const STATUS_WORDS: Record<AgreementStatus, string> = {
  förslag: "Förslag",
  rekommenderat: "Rekommenderat",
  antaget: "Antaget",
  upphört: "Upphört"
};

/** The agreement's status: its latest decision. */
export function agreementStatus(a: Pick<AgreementFile, "history">): StatusInfo {
  const last = a.history.at(-1)!;
  const word = STATUS_WORDS[last.status];
  const text =
    last.status === "rekommenderat"
      ? `${word} av ${last.by} ${last.date}. Varje part beslutar själv om att anta överenskommelsen; sidan visar inte att den gäller förrän antagandena är inskrivna i avtalsfilen.`
      : last.status === "förslag"
        ? `${word} från ${last.by} ${last.date}, inte beslutat.`
        : last.status === "antaget"
          ? `${word} av ${last.by} ${last.date}.`
          : `${word} ${last.date} (${last.by}).`;
  return {status: last.status, date: last.date, by: last.by, text};
}

// ---------------------------------------------------------------------------------------------------
// Every parameter as a row (page /avtal/<län>, `samverkan avtal`, links from figures)

export interface ParameterEntry {
  /** Dotted path in the file, e.g. "supplementaryAmount.weights.elderly"; also the anchor on /avtal/<län>. */
  id: string;
  group: string;
  label: string;
  value: unknown;
  /** The value in Swedish ("47,18", "129–169 (basår 2019–2024, från 2026)"). */
  valueText: string;
  kind: Kind;
  /** The source in one Swedish line: document and section, who chose it and why, or the formula. */
  sourceText: string;
  source: Param<unknown>["source"];
  note?: string;
}

const GROUPS: Record<string, string> = {
  supplementaryAmount: "Tilläggsbelopp",
  medtech: "Medicinteknik (MT)",
  rates: "Timpriser och arbetstid",
  developmentFunds: "Gemensamma utvecklingsmedel",
  taxSwap: "Skatteväxling",
  vaccination: "Vaccination",
  principles: "Principer och indikatorer"
};

export const PARAMETER_LABELS: Record<string, string> = {
  "supplementaryAmount.service": "Tjänst i inskrivna.csv som räknas som anslutna",
  "supplementaryAmount.levelYear": "Beloppens nivå (år)",
  "supplementaryAmount.posts": "Antal heltidstjänster",
  "supplementaryAmount.readinessFactor": "Faktor för grundberedskap",
  "supplementaryAmount.monthlySalary": "Månadslön distriktssköterska, kr",
  "supplementaryAmount.months": "Månader per år",
  "supplementaryAmount.payrollOverheadPercent": "PO-pålägg, %",
  "supplementaryAmount.amount": "Tilläggsbelopp, kr",
  "supplementaryAmount.adjustmentAmount": "Justeringsbelopp per ansluten person, kr",
  "supplementaryAmount.baseCount": "Antal anslutna som justeringsbeloppet bygger på",
  "supplementaryAmount.band.baseFrom": "Normalvariationens första basår",
  "supplementaryAmount.band.baseTo": "Normalvariationens sista basår",
  "supplementaryAmount.band.k": "Antal standardavvikelser",
  "supplementaryAmount.band.sd": "Standardavvikelse: stickprov (n − 1) eller population (n)",
  "supplementaryAmount.band.recomputeEvery": "Normalvariationen räknas om vart n:e år",
  "supplementaryAmount.band.validFrom": "Första avstämningsår",
  "supplementaryAmount.band.agreed.*": "Avtalad normalvariation",
  "supplementaryAmount.upratingIndex": "Uppräkningsindex",
  "supplementaryAmount.upratingFrom": "Uppräkning från",
  "supplementaryAmount.reading": "Läsart för revideringen",
  "supplementaryAmount.weights.elderly": "Vikt: andel äldre",
  "supplementaryAmount.weights.sparsity": "Vikt: glesbygd",
  "supplementaryAmount.weights.socioeconomics": "Vikt: socioekonomi",
  "supplementaryAmount.elderlyAgeBand": "Äldre räknas som",
  "supplementaryAmount.followUpEvery": "Uppföljning och utvärdering vart n:e år",
  "medtech.baseHoursPerYear": "Resursbehov: timmar per år",
  "medtech.minutesPerDevice": "Resursbehov: minuter per registrerad produkt",
  "medtech.hourlyRate.baseYear": "MT timpris: basår",
  "medtech.hourlyRate.kronor": "MT timpris (rörlig del), kr",
  "medtech.hourlyRate.index": "MT timpris: uppräkningsindex",
  "medtech.hourlyRate.startedHour": "MT timpris: per påbörjad timme",
  "medtech.fixedPartPricing": "Pris för fasta delen",
  "medtech.baseCostPerYear": "Fast del: baskostnad per år, kr",
  "medtech.costPerDevicePerYear": "Fast del: kostnad per produkt och år, kr",
  "medtech.fixedInvoiceEveryMonths": "Fast del faktureras i förskott var n:e månad",
  "medtech.variableInvoiceEveryMonths": "Rörlig del faktureras var n:e månad",
  "rates.hiredStaff.baseYear": "Inhyrd personal: basår",
  "rates.hiredStaff.kronor": "Inhyrd personal, kr per påbörjad timme",
  "rates.hiredStaff.index": "Inhyrd personal: uppräkningsindex",
  "rates.hiredStaff.startedHour": "Inhyrd personal: per påbörjad timme",
  "rates.sightHearing.baseYear": "Syn-/hörselombud: basår",
  "rates.sightHearing.kronor": "Syn-/hörselombud, kr per påbörjad timme",
  "rates.sightHearing.index": "Syn-/hörselombud: uppräkningsindex",
  "rates.sightHearing.startedHour": "Syn-/hörselombud: per påbörjad timme",
  "rates.workHours.dayStart": "Dagtid börjar",
  "rates.workHours.dayEnd": "Dagtid slutar",
  "rates.workHours.nightPaid": "Kväll och natt ersätts",
  "rates.workHours.untimedRows": "Rader utan klockslag räknas som",
  "developmentFunds.regionSharePercent": "Regionens andel, %",
  "developmentFunds.municipalSharePercent": "Kommunernas andel, %",
  "developmentFunds.followUpEvery": "Uppföljning vart n:e år",
  "taxSwap.startYear": "Skatteväxlingens första år",
  "taxSwap.reviewEvery": "Uppföljning vart n:e år",
  "taxSwap.costCategories": "Kostnadsslag som räknas som den växlade uppgiften",
  "taxSwap.principal": "Huvudman för kostnaderna",
  "taxSwap.swaps.*": "Växlade öre per skattekrona",
  "vaccination.pricePerDoseKronor": "Pris per given dos, kr"
};

const VALUE_WORDS: Record<string, string> = {
  "beyond-limit": "personer utöver närmaste gräns",
  "from-base": "skillnad mot baskantalet",
  sample: "stickprov (n − 1)",
  population: "population (n)",
  timpris: "resursbehovet i timmar × rörliga delens timpris",
  styckkostnad: "baskostnad + kostnad per produkt",
  dag: "dagtid",
  kommun: "kommunen",
  region: "regionen"
};

/** Digit groups of five digits or more: "3 735 428", "47 000"; years and "1123" stay as written. */
const group = (text: string) => {
  const [int, frac] = text.split(".");
  const g = int.replace(/^-/, "").length >= 5 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") : int;
  return frac ? `${g}.${frac}` : g;
};

/** A value in Swedish: "47,18", "ja", "129–169 (basår 2019–2024, från 2026)", "25 öre från 2016 (föreslagen)". */
export function valueText(value: unknown): string {
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (typeof value === "number") return group(String(value));
  if (typeof value === "string") return VALUE_WORDS[value] ?? (/^-?\d+(\.\d+)?$/.test(value) ? group(value).replace(".", ",") : value);
  if (Array.isArray(value)) return value.map(valueText).join(", ");
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("lower" in v && "upper" in v) return `${v.lower}–${v.upper} (basår ${v.baseFrom}–${v.baseTo}, från avstämningen ${v.validFrom})`;
    if ("ore" in v && "fromYear" in v) return `${valueText(v.ore)} öre från ${v.fromYear} (${v.decision})`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** The source in one Swedish line. */
export function sourceText(p: Pick<Param<unknown>, "kind" | "source">): string {
  if (p.kind === "avtalat") {
    const s = p.source as AgreedSource;
    return `${s.document}, ${s.section}${s.page ? `, s. ${s.page}` : ""}`;
  }
  if (p.kind === "antagande") {
    const s = p.source as {by: string; reason: string};
    return `Antagande av ${s.by}: ${s.reason}`;
  }
  return `Beräknat: ${(p.source as {formula: string}).formula}`;
}

const isParam = (x: unknown): x is Param<unknown> =>
  !!x && typeof x === "object" && "kind" in x && "value" in x && "source" in x && ["avtalat", "antagande", "beräknat"].includes((x as {kind: string}).kind);

/** Every parameter of an agreement as a row, in file order. */
export function parameterEntries(a: AgreementFile): ParameterEntry[] {
  const out: ParameterEntry[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (isParam(node)) {
      const id = path.join(".");
      const generic = path.map((p) => (/^\d+$/.test(p) ? "*" : p)).join(".");
      out.push({
        id,
        group: GROUPS[path[0]] ?? path[0],
        label: PARAMETER_LABELS[generic] ?? PARAMETER_LABELS[id] ?? id,
        value: node.value,
        valueText: valueText(node.value),
        kind: node.kind,
        sourceText: sourceText(node),
        source: node.source,
        ...(node.note ? {note: node.note} : {})
      });
      return;
    }
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, String(i)]));
    else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  for (const key of Object.keys(GROUPS)) {
    if (key === "principles") continue;
    walk((a as Record<string, unknown>)[key], [key]);
  }
  for (const p of a.principles ?? []) {
    out.push({
      id: `principles.${p.id}`,
      group: GROUPS.principles,
      label: `Princip: ${p.name}`,
      value: p.name,
      valueText: p.name,
      kind: "avtalat",
      sourceText: sourceText({kind: "avtalat", source: p.source}),
      source: p.source
    });
    out.push({
      id: `principles.${p.id}.indicators`,
      group: GROUPS.principles,
      label: `Indikatorer som följer principen ${p.name}`,
      value: p.indicators.value,
      valueText: valueText(p.indicators.value),
      kind: p.indicators.kind,
      sourceText: sourceText(p.indicators),
      source: p.indicators.source
    });
  }
  return out;
}

/** The validity, notice and prolongation as rows (kind avtalat, from termsSource). */
export function termEntries(a: AgreementFile): ParameterEntry[] {
  const rows: [string, string, unknown, string][] = [
    ["validFrom", "Giltighetstiden börjar", a.validFrom, a.validFrom],
    ["validTo", "Giltighetstiden slutar", a.validTo, a.validTo ?? "tills vidare"],
    ["noticeMonths", "Uppsägning senast (månader före slutet)", a.noticeMonths, a.noticeMonths == null ? "anges inte" : `${a.noticeMonths} månader`],
    ["prolongYears", "Förlängs utan uppsägning med", a.prolongYears, a.prolongYears == null ? "anges inte" : `${a.prolongYears} år i taget`]
  ];
  return rows.map(([id, label, value, text]) => ({id, group: "Giltighet", label, value, valueText: text, kind: "avtalat", sourceText: sourceText({kind: "avtalat", source: a.termsSource}), source: a.termsSource}));
}

/** The anchor of a parameter on /avtal/<län> ("supplementaryAmount.weights.elderly" → "p-supplementaryAmount-weights-elderly"). */
export const parameterAnchor = (id: string) => `p-${id.replace(/[^A-Za-z0-9]+/g, "-")}`;
/** The link to a parameter's entry, relative to the site root. */
export const parameterHref = (countyCode: string, id: string) => `/avtal/${countyCode}#${parameterAnchor(id)}`;

/** A figure's kind and where it comes from, compact for pages and CSVs: {kind, source, href}. */
export interface Provenance {
  id: string;
  kind: Kind;
  source: string;
  href: string;
}

/** The provenance of one parameter of an agreement (by dotted path). */
export function provenanceOf(a: Agreement, id: string): Provenance {
  const entry = parameterEntries(a).find((e) => e.id === id) ?? termEntries(a).find((e) => e.id === id);
  if (!entry) throw new Error(`${a.file}: parametern ${id} finns inte`);
  return {id, kind: entry.kind, source: entry.sourceText, href: parameterHref(a.countyCode, id)};
}

/** Every parameter of the kind, e.g. all assumptions a group of figures rests on. */
export function provenanceWhere(a: Agreement, prefix: string, kind?: Kind): Provenance[] {
  return parameterEntries(a)
    .filter((e) => (e.id === prefix || e.id.startsWith(`${prefix}.`)) && (!kind || e.kind === kind))
    .map((e) => ({id: e.id, kind: e.kind, source: e.sourceText, href: parameterHref(a.countyCode, e.id)}));
}

// ---------------------------------------------------------------------------------------------------
// The older shape of wh.parameters

/** The values of a group of parameters (drops kind and source). */
export function valuesOf<T>(node: T): Unwrap<T> {
  if (isParam(node)) return valuesOf(node.value) as Unwrap<T>;
  if (Array.isArray(node)) return node.map((x) => valuesOf(x)) as Unwrap<T>;
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, valuesOf(v)])) as Unwrap<T>;
  return node as Unwrap<T>;
}
export type Unwrap<T> = T extends {value: infer V; kind: Kind} ? Unwrap<V> : T extends readonly (infer E)[] ? Unwrap<E>[] : T extends object ? {[K in keyof T]: Unwrap<T[K]>} : T;

/** The first agreement (in county and year order) that holds a group; the error names what is missing. */
export function agreementWith<K extends keyof AgreementFile>(list: readonly Agreement[], key: K): Agreement & {[P in K]-?: NonNullable<AgreementFile[P]>} {
  const a = list.find((x) => x[key] != null);
  if (!a) throw new IngestFatalError(`${AGREEMENTS_DIR}/`, `ingen avtalsfil har fältet "${String(key)}", som sidorna behöver. Se data/README.md.`);
  return a as Agreement & {[P in K]-?: NonNullable<AgreementFile[P]>};
}

/**
 * `wh.parameters` in its older shape, from parametrar.json's settings and the agreement files. Each
 * group comes from the first agreement (county and year order) that holds it; `agreement` (validity)
 * from the agreement that holds the tilläggsbelopp (the site's home county).
 */
export function parametersFromAgreements(settings: Settings, list: readonly Agreement[]): Parameters {
  const home = agreementWith(list, "supplementaryAmount");
  const mt = agreementWith(list, "medtech");
  const rates = agreementWith(list, "rates");
  const swap = agreementWith(list, "taxSwap");
  const vacc = agreementWith(list, "vaccination");
  const dev = list.find((a) => a.developmentFunds);
  const {fixedPartPricing, baseCostPerYear, costPerDevicePerYear, fixedInvoiceEveryMonths: _f, variableInvoiceEveryMonths: _v, ...medtech} = valuesOf(mt.medtech);
  const unitCosts = fixedPartPricing === "styckkostnad" ? {baseCostPerYear, costPerDevicePerYear} : {};
  const {swaps: _swaps, ...taxSwap} = valuesOf(swap.taxSwap);
  const raw = {
    ...settings,
    supplementaryAmount: {countyCode: home.countyCode, ...valuesOf(home.supplementaryAmount)},
    medtech: {countyCode: mt.countyCode, ...medtech, ...unitCosts},
    rates: valuesOf(rates.rates),
    taxSwap: {countyCode: swap.countyCode, ...taxSwap},
    vaccination: valuesOf(vacc.vaccination),
    agreement: {validFrom: home.validFrom, validTo: home.validTo ?? "", prolongYears: home.prolongYears ?? 0},
    ...(dev ? {developmentFunds: {countyCode: dev.countyCode, ...valuesOf(dev.developmentFunds!)}} : {})
  };
  const parsed = ParametersSchema.safeParse(raw);
  if (!parsed.success) throw new IngestFatalError(`${AGREEMENTS_DIR}/`, `avtalsfilernas värden räcker inte:\n${parsed.error.issues.map((i) => swedishIssue(i)).join("\n")}`);
  return parsed.data;
}
