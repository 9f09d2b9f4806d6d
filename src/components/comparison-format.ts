/**
 * How Jämför kommuner and the municipality profiles write their precomputed figures: a value with its
 * unit ("1 234 kr", "87,5 %", "12,34"), ".." for a suppressed count, "–" for a missing one, and a
 * change with its sign ("+3,2 %", "−1,4 procentenheter"). Formatting only: the numbers come from the loader.
 */
import {formatDecimal, MISSING, SUPPRESSED} from "./format.js";

export interface MeasureFormat {
  unit: string;
  digits: number;
  change: "procent" | "procentenheter";
}

export type Shown = number | null | string;

const nbsp = "\u00a0";

/** The unit written after a figure: "kr" for every kronor measure, "%" for percentages, none for rates. */
export function shortUnit(m: MeasureFormat): string {
  if (m.unit.startsWith("kr")) return "kr";
  if (m.unit === "%") return "%";
  return "";
}

export function formatFigure(v: Shown, m: MeasureFormat, {unit = true}: {unit?: boolean} = {}): string {
  if (v === SUPPRESSED) return SUPPRESSED;
  if (v == null || typeof v !== "number") return MISSING;
  const u = unit ? shortUnit(m) : "";
  return `${formatDecimal(v, m.digits)}${u ? nbsp + u : ""}`;
}

export function formatChange(c: number | null | undefined, m: MeasureFormat): string {
  if (c == null) return MISSING;
  const text = `${formatDecimal(c, 1)}${nbsp}${m.change === "procent" ? "%" : "procentenheter"}`;
  return c > 0 ? `+${text}` : text;
}

/** A number for sorting and CSV: suppressed stays "..", missing is null. */
export const sortValue = (v: Shown): number | string | null => (v === SUPPRESSED ? SUPPRESSED : typeof v === "number" ? v : null);

/** Axis and column label with its unit, without saying it twice: "Kronor per invånare (kr)", "Täckning (%)", "Personer per 1 000 invånare 80+". */
export function axisText(m: MeasureFormat & {label: string}): string {
  if (m.unit.startsWith("kr")) return `${m.label} (kr)`;
  if (m.unit === "%") return `${m.label} (%)`;
  if (m.label.startsWith("Per ")) return `${m.unit[0].toUpperCase()}${m.unit.slice(1)}`;
  return `${m.label} (${m.unit})`;
}
