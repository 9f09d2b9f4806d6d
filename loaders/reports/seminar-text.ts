/**
 * The sentences of the seminar report, built from the figures: change the data and the sentences
 * change with them (rises or falls, which municipalities stand out). Pure functions, tested.
 */
import {formatDecimal, formatMnkr, formatPercent} from "../format.ts";

export interface Change {
  name: string;
  current: number | null;
  previous: number | null;
}

/** Relative change, null when the base is missing or zero. */
export const relativeChange = (c: {current: number | null; previous: number | null}): number | null =>
  c.current == null || c.previous == null || c.previous === 0 ? null : (c.current - c.previous) / c.previous;

const verb = (r: number, [up, down, same]: [string, string, string]) => (r > 0.0005 ? up : r < -0.0005 ? down : same);
const pct = (r: number) => formatPercent(Math.abs(r));
const signedPct = (r: number) => `${r > 0 ? "+" : r < 0 ? "−" : "±"}${formatDecimal(Math.abs(r) * 100, 1)} %`;

/** Names the municipalities that changed most in each direction (at most two each). */
export function standOut(changes: readonly Change[]): string {
  const ranked = changes
    .map((c) => ({name: c.name, r: relativeChange(c)}))
    .filter((c): c is {name: string; r: number} => c.r != null)
    .sort((a, b) => b.r - a.r);
  const up = ranked.filter((c) => c.r > 0.0005).slice(0, 2);
  const down = ranked.filter((c) => c.r < -0.0005).reverse().slice(0, 2);
  const list = (xs: {name: string; r: number}[]) => xs.map((c) => `${c.name} (${signedPct(c.r)})`).join(" och ");
  const parts: string[] = [];
  if (up.length) parts.push(`störst ökning: ${list(up)}`);
  if (down.length) parts.push(`störst minskning: ${list(down)}`);
  return parts.length ? `${parts.join("; ")}.` : "Ingen kommun ändrades nämnvärt.";
}

/** "Kommunernas kostnader … steg med 3,2 % till 412,5 mnkr 2025 (411,1 mnkr 2024); störst ökning: …" */
export function costSentence(county: string, year: number, totalOre: number, previousOre: number | null, changes: readonly Change[]): string {
  const r = relativeChange({current: totalOre, previous: previousOre});
  const head =
    r == null
      ? `Kostnaderna för hälso- och sjukvård i hemmet i ${county} var ${formatMnkr(totalOre)} ${year}.`
      : `Kostnaderna för hälso- och sjukvård i hemmet i ${county} ${verb(r, ["steg", "minskade", "var oförändrade"])}${Math.abs(r) > 0.0005 ? ` med ${pct(r)}` : ""} till ${formatMnkr(totalOre)} ${year} (${formatMnkr(previousOre)} ${year - 1}).`;
  const first = standOut(changes);
  return `${head} ${first.charAt(0).toUpperCase()}${first.slice(1)}`;
}

/** "1 234 personer var inskrivna i hemsjukvården 2025, 3,0 % fler än 2024; …" */
export function enrolmentSentence(county: string, year: number, total: number, previous: number | null, changes: readonly Change[], service = "hemsjukvården"): string {
  const r = relativeChange({current: total, previous});
  const head =
    r == null
      ? `${formatDecimal(total, 0)} personer var inskrivna i ${service} i ${county} ${year}.`
      : `${formatDecimal(total, 0)} personer var inskrivna i ${service} i ${county} ${year}, ${Math.abs(r) > 0.0005 ? `${pct(r)} ${r > 0 ? "fler" : "färre"} än` : "lika många som"} ${year - 1}.`;
  const first = standOut(changes);
  return `${head} ${first.charAt(0).toUpperCase()}${first.slice(1)}`;
}

export interface FundsProject {
  project: string;
  budgetOre: number;
  spentOre: number;
}

/** Joint development funds: how much of the budget was used, the 50/50 split, and low users. */
export function fundsSentence(year: number, projects: readonly FundsProject[], regionShareOre: number, municipalShareOre: number, lowShare = 0.7): string {
  if (!projects.length) return `Inga projekt med gemensamma utvecklingsmedel redovisades ${year}.`;
  const budget = projects.reduce((s, p) => s + p.budgetOre, 0);
  const spent = projects.reduce((s, p) => s + p.spentOre, 0);
  const low = projects.filter((p) => p.budgetOre > 0 && p.spentOre / p.budgetOre < lowShare).map((p) => p.project);
  const over = projects.filter((p) => p.spentOre > p.budgetOre).map((p) => p.project);
  const parts = [
    `Av ${formatMnkr(budget)} i gemensamma utvecklingsmedel ${year} förbrukades ${formatMnkr(spent)} (${formatPercent(budget ? spent / budget : 0, 0)}); regionen bär ${formatMnkr(regionShareOre)} och kommunerna ${formatMnkr(municipalShareOre)}.`
  ];
  if (over.length) parts.push(`Över budget: ${over.join(", ")}.`);
  if (low.length) parts.push(`Under ${formatPercent(lowShare, 0)} av budgeten använd: ${low.join(", ")}.`);
  return parts.join(" ");
}
