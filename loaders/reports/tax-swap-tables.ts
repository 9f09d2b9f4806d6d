/**
 * The review tables of the skatteväxling follow-up, defined once: the page (DataTable and its CSV) and
 * `npx samverkan skattevaxling` (text tables) use these columns, so both show the same figures.
 * Amounts are kronor with öre, exact from integer öre (the county row is then visibly the sum of the
 * municipalities); the CSV gets the same amounts as numbers with two decimals and a decimal comma.
 */
import {formatDecimal, formatInteger, formatMnkr, formatPercent} from "../format.ts";
import type {AmountRow, WindowRow, YearRow} from "./tax-swap.ts";

/**
 * A column of DataTable (src/components/table.ts, whose TableColumn it fits) whose shown text is plain
 * text, so that the CLI can print it too.
 */
export interface ReviewColumn<T> {
  label: string;
  /** Sort value and CSV value. */
  value: (row: T) => string | number | null | undefined;
  /** Text shown (default: the value). */
  format?: (row: T) => string;
  numeric?: boolean;
  /** Decimals in the CSV. */
  digits?: number;
}

/** A municipality-year or county-year row of the report. */
export interface YearAmountRow extends YearRow {
  /** A sum row: shown instead of the year ("Summa 2021–2024"). */
  label?: string;
}

/** Exact kronor with öre from integer öre, sv-SE: "−1 234 567,89" (no unit: the column says "kr"). */
export function formatOreKronor(ore: number | null | undefined): string {
  if (ore == null || !Number.isFinite(ore)) return "–";
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  return `${ore < 0 ? "−" : ""}${formatInteger(kr)},${String(rest).padStart(2, "0")}`;
}

/** Whole kronor (per inhabitant): "−1 018". */
export const formatWholeKronor = (ore: number | null | undefined): string =>
  ore == null || !Number.isFinite(ore) ? "–" : formatInteger(Math.sign(ore) * Math.round(Math.abs(ore) / 100));

const kr = (ore: number | null | undefined) => (ore == null ? null : ore / 100);
const signedOre = (ore: number | null | undefined) => (ore != null && ore > 0 ? `+${formatOreKronor(ore)}` : formatOreKronor(ore));

export const OUTCOME_LABEL = {plus: "Plus", minus: "Minus", noll: "Noll"} as const;
export const outcomeLabel = (o: WindowRow["outcome"]): string => (o == null ? "Underlag saknas" : OUTCOME_LABEL[o]);

/** Öre per skattekrona as sv-SE text ("20", "22,5"). */
export const formatOre = (ore: string): string => ore.replace(".", ",");

function money<T>(label: string, get: (r: T) => number | null, signed = false): ReviewColumn<T> {
  return {label, value: (r) => kr(get(r)), format: (r) => (signed ? signedOre(get(r)) : formatOreKronor(get(r))), numeric: true, digits: 2};
}

function perHead<T>(label: string, get: (r: T) => number | null): ReviewColumn<T> {
  return {label, value: (r) => kr(get(r)), format: (r) => signedOre(get(r)), numeric: true, digits: 2};
}

const share = <T extends AmountRow>(label = "Andel 80+ (%)"): ReviewColumn<T> => ({
  label,
  value: (r) => (r.share80 == null ? null : r.share80 * 100),
  format: (r) => formatPercent(r.share80, 1),
  numeric: true,
  digits: 2
});

/**
 * Overview of a review window, one row per municipality (and the county row): the window's sums, per
 * inhabitant and year, the share 80+, the cumulative balance since the swap and plus/minus in words.
 */
export function overviewColumns(
  name: (code: string | null) => string,
  {fromYear, toYear, startYear}: {fromYear: number; toYear: number; startYear: number},
  {csv = false}: {csv?: boolean} = {}
): ReviewColumn<WindowRow>[] {
  // On screen and paper the caption names the period; a CSV file has only its header row, so there the
  // labels carry the period and the municipality code is added.
  const period = csv ? ` ${fromYear}–${toYear}` : "";
  return [
    {label: "Kommun", value: (r) => name(r.municipalityCode)},
    ...(csv ? [{label: "Kommunkod", value: (r: WindowRow) => r.municipalityCode ?? ""}] : []),
    money(`Intäkt${period} (kr)`, (r) => r.revenueOre),
    money(`Kostnad${period} (kr)`, (r) => r.costOre),
    money(`Saldo${period} (kr)`, (r) => r.balanceOre, true),
    perHead(`Saldo per invånare och år${period} (kr)`, (r) => r.balancePerInhabitantOre),
    perHead(`Saldo per invånare 80+ och år${period} (kr)`, (r) => r.balancePerInhabitant80Ore),
    share(`Andel 80+${period} (%)`),
    money(`Ackumulerat saldo ${startYear}–${toYear} (kr)`, (r) => r.cumulativeBalanceOre, true),
    {label: "Utfall", value: (r) => outcomeLabel(r.outcome)}
  ];
}

/**
 * One municipality (or the county) year by year: öre, tax base, revenue, cost, balance, per head,
 * cumulative. `compact`: year, öre, revenue, cost, balance and cumulative (the chart's table).
 * Years in `windowYears` are marked with an asterisk.
 */
export function yearColumns({windowYears, compact = false}: {windowYears?: readonly number[]; compact?: boolean} = {}): ReviewColumn<YearAmountRow>[] {
  const inWindow = new Set(windowYears ?? []);
  const all: (ReviewColumn<YearAmountRow> & {full?: boolean})[] = [
    {label: "År", value: (r) => r.label ?? r.year, format: (r) => r.label ?? (inWindow.has(r.year) ? `${r.year} *` : String(r.year))},
    {label: "Öre per skattekrona", value: (r) => (r.ore ? Number(r.ore) : null), format: (r) => formatOre(r.ore), numeric: true},
    {...money<YearAmountRow>("Skatteunderlag, löpande priser (kr)", (r) => r.taxBaseOre), full: true},
    money("Intäkt (kr)", (r) => r.revenueOre),
    money("Kostnad (kr)", (r) => r.costOre),
    money("Saldo (kr)", (r) => r.balanceOre, true),
    {...perHead<YearAmountRow>("Saldo per invånare (kr)", (r) => r.balancePerInhabitantOre), full: true},
    {...perHead<YearAmountRow>("Saldo per invånare 80+ (kr)", (r) => r.balancePerInhabitant80Ore), full: true},
    {...share<YearAmountRow>(), full: true},
    money("Ackumulerat saldo (kr)", (r) => r.cumulativeBalanceOre, true)
  ];
  return all.filter((c) => !compact || !c.full).map(({full: _, ...c}) => c);
}

/** Every municipality and year, with the county rows: the CSV a finance group takes into Excel. */
export function longColumns(name: (code: string | null) => string, windowYears: readonly number[]): ReviewColumn<YearAmountRow>[] {
  const inWindow = new Set(windowYears);
  const [year, ...rest] = yearColumns();
  return [
    {label: "Kommunkod", value: (r) => r.municipalityCode ?? ""},
    {label: "Kommun", value: (r) => name(r.municipalityCode)},
    {...year, format: undefined, value: (r) => r.year},
    {label: "I uppföljningsperioden", value: (r) => (inWindow.has(r.year) ? "ja" : "nej")},
    ...rest,
    {label: "Folkmängd 31 dec", value: (r) => r.population, numeric: true, digits: 0},
    {label: "Folkmängd 80+ 31 dec", value: (r) => r.population80, numeric: true, digits: 0}
  ];
}

/** The shown text of a cell, as in the page's tables. */
export const cellText = <T>(c: ReviewColumn<T>, r: T): string => (c.format ? c.format(r) : String(c.value(r) ?? "–"));

/**
 * The chart's text alternative in words: revenue and cost in the first and last year, in how many years
 * the balance was negative, and the cumulative balance (figures from the rows, never typed).
 */
export function trendSentence(rows: readonly YearAmountRow[], name: string, prices: string): string {
  const done = rows.filter((r) => r.balanceOre != null);
  if (!done.length) return `${name} saknar intäkt eller kostnad för alla år.`;
  const first = done[0];
  const last = done.at(-1)!;
  const minus = done.filter((r) => r.balanceOre! < 0).length;
  const plus = done.filter((r) => r.balanceOre! > 0).length;
  const n = done.length;
  const count =
    minus === n ? `Saldot var negativt alla ${formatInteger(n)} år` : plus === n ? `Saldot var positivt alla ${formatInteger(n)} år` : `Saldot var negativt ${formatInteger(minus)} av ${formatInteger(n)} år och positivt ${formatInteger(plus)}`;
  const cumulative = last.cumulativeBalanceOre == null ? "" : `; ackumulerat ${first.year}–${last.year} blev det ${formatMnkr(last.cumulativeBalanceOre)}`;
  const gaps = rows.length - n ? ` ${formatInteger(rows.length - n)} år saknar underlag.` : "";
  const ratio = last.costOre ? ` ${last.year} täckte intäkten ${formatDecimal((last.revenueOre! / last.costOre) * 100, 0)} % av kostnaden.` : "";
  return (
    `${name}, ${prices}: intäkten av de växlade örena var ${formatMnkr(first.revenueOre)} ${first.year} och ${formatMnkr(last.revenueOre)} ${last.year}; ` +
    `kostnaden för uppgiften ${formatMnkr(first.costOre)} och ${formatMnkr(last.costOre)}. ${count}${cumulative}.${ratio}${gaps}`
  );
}

export interface MatrixRow {
  label: string;
  /** Per column (the years, then the period): the number for the CSV (kronor, persons, percent). */
  values: (number | null)[];
  /** The shown text of each value. */
  texts: string[];
}

export interface Matrix {
  /** "Mått", the years, "Perioden …". */
  headers: string[];
  rows: MatrixRow[];
  /** What the period column means. */
  note: string;
}

/**
 * The review period of one municipality (or the county) with the years as columns and one measure per
 * row, and the period's totals in the last column: the table a finance group attaches to its report.
 */
export function windowMatrix(years: readonly YearAmountRow[], total: WindowRow, {fromYear, toYear}: {fromYear: number; toYear: number}): Matrix {
  const period = `${fromYear}–${toYear}`;
  const cols = [...years].sort((a, b) => a.year - b.year);
  const row = (label: string, get: (r: AmountRow) => number | null, show: (v: number | null) => string, csv: (v: number) => number, ofTotal = true): MatrixRow => {
    const vals = [...cols.map((r) => get(r)), ofTotal ? get(total) : null];
    return {label, values: vals.map((v) => (v == null ? null : csv(v))), texts: vals.map((v, i) => (i === cols.length && !ofTotal ? "" : show(v)))};
  };
  const krCsv = (ore: number) => ore / 100;
  const signed = (ore: number | null) => signedOre(ore);
  const ore: MatrixRow = {
    label: "Öre per skattekrona",
    values: [...cols.map((r) => (r.ore ? Number(r.ore) : null)), null],
    texts: [...cols.map((r) => formatOre(r.ore)), ""]
  };
  const base: MatrixRow = {
    label: "Skatteunderlag, löpande priser (kr)",
    values: [...cols.map((r) => (r.taxBaseOre == null ? null : r.taxBaseOre / 100)), null],
    texts: [...cols.map((r) => formatOreKronor(r.taxBaseOre)), ""]
  };
  return {
    headers: ["Mått", ...cols.map((r) => String(r.year)), `Perioden ${period}`],
    rows: [
      ore,
      base,
      row("Intäkt (kr)", (r) => r.revenueOre, formatOreKronor, krCsv),
      row("Kostnad (kr)", (r) => r.costOre, formatOreKronor, krCsv),
      row("Saldo (kr)", (r) => r.balanceOre, signed, krCsv),
      row("Folkmängd 31 december", (r) => r.population, formatInteger, (v) => v, false),
      row("Folkmängd 80+ 31 december", (r) => r.population80, formatInteger, (v) => v, false),
      row("Andel 80+ (%)", (r) => r.share80, (v) => formatPercent(v, 1), (v) => Math.round(v * 10000) / 100),
      row("Saldo per invånare (kr)", (r) => r.balancePerInhabitantOre, signed, krCsv),
      row("Saldo per invånare 80+ (kr)", (r) => r.balancePerInhabitant80Ore, signed, krCsv),
      row(`Ackumulerat saldo sedan växlingen (kr)`, (r) => r.cumulativeBalanceOre, signed, krCsv)
    ],
    note: `Perioden ${period}: intäkt, kostnad och saldo är summan av periodens år; per invånare och andel 80+ är per år (periodens saldo delat med folkmängden summerad över åren); ackumulerat saldo vid periodens slut.`
  };
}

/** A row of the income-equalisation table (loaders/reports/tax-swap.ts EqualisationWindow) with the last year's position. */
export interface EqualisationTableRow {
  municipalityCode: string | null;
  ownOre: number | null;
  afterEqualisationOre: number | null;
  effectOre: number | null;
  effectPerInhabitantOre: number | null;
  /** The window's last year: capacity in % of the national mean and bidrag/avgift. */
  capacityPercent?: number | null;
  position?: "bidrag" | "avgift" | "noll" | null;
}

const POSITION_LABEL = {bidrag: "Bidrag (under garantinivån)", avgift: "Avgift (över garantinivån)", noll: "Vid garantinivån"} as const;

/** The swap's worth on the municipality's own tax base and after the income equalisation, over the period. */
export function equalisationColumns(name: (code: string | null) => string, {csv = false}: {csv?: boolean} = {}): ReviewColumn<EqualisationTableRow>[] {
  return [
    {label: "Kommun", value: (r) => name(r.municipalityCode)},
    ...(csv ? [{label: "Kommunkod", value: (r: EqualisationTableRow) => r.municipalityCode ?? ""}] : []),
    {label: "Skattekraft sista året (% av riket)", value: (r) => r.capacityPercent ?? null, format: (r) => (r.capacityPercent == null ? "" : formatPercent(r.capacityPercent / 100, 1)), numeric: true, digits: 1},
    {label: "Inkomstutjämning", value: (r) => (r.position ? POSITION_LABEL[r.position] : "")},
    money("Växlade öre på eget underlag (kr)", (r) => r.ownOre),
    money("Efter inkomstutjämning (kr)", (r) => r.afterEqualisationOre),
    money("Utjämningens effekt (kr)", (r) => r.effectOre, true),
    perHead<EqualisationTableRow>("Effekt per invånare och år (kr)", (r) => r.effectPerInhabitantOre)
  ];
}

/** A row of a scenario table (loaders/models/tax-swap-scenarios.ts ScenarioMunicipality or its county sum). */
export interface ScenarioTableRow {
  municipalityCode: string | null;
  baseBalanceOre: number | null;
  revenueOre: number | null;
  costOre: number | null;
  supplementOre: number | null;
  balanceOre: number | null;
  changeOre: number | null;
  missing?: string[];
}

/** A scenario against the base case, per municipality: the period's balance in both and the change. */
export function scenarioColumns(name: (code: string | null) => string, {supplement = false, csv = false}: {supplement?: boolean; csv?: boolean} = {}): ReviewColumn<ScenarioTableRow>[] {
  return [
    {label: "Kommun", value: (r) => name(r.municipalityCode)},
    ...(csv ? [{label: "Kommunkod", value: (r: ScenarioTableRow) => r.municipalityCode ?? ""}] : []),
    money("Saldo, grundfall (kr)", (r) => r.baseBalanceOre, true),
    money("Intäkt, scenario (kr)", (r) => r.revenueOre),
    ...(supplement ? [money<ScenarioTableRow>("Hemsjukvårdstillägg (kr)", (r) => r.supplementOre)] : []),
    money("Kostnad, scenario (kr)", (r) => r.costOre),
    money("Saldo, scenario (kr)", (r) => r.balanceOre, true),
    money("Förändring mot grundfallet (kr)", (r) => r.changeOre, true),
    {label: "Saknas", value: (r) => (r.missing?.length ? r.missing.join("; ") : "")}
  ];
}
