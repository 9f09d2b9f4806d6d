/**
 * Swedish number formats, the one module every page, component, sentence and CLI uses:
 * "3 735 428 kr", "41,3 %", "−25 940 kr". Groups are separated by a non-breaking space and the minus
 * sign is U+2212, as in Swedish typesetting (and so that numbers never break across lines).
 *
 * One decimals rule per unit (pages, tables, CSVs, the PDF; a column of a table keeps one rule):
 *
 * | unit                                  | decimals | function                         | example        |
 * | ------------------------------------- | -------- | -------------------------------- | -------------- |
 * | kronor (amounts, kr per invånare)     | 0        | formatKronor(öre), formatKr(kr)  | 3 735 428 kr   |
 * | kronor where the rule is in öre       | 2        | formatKronor(öre, {ore: true})   | 1 234,50 kr    |
 *   (hourly rates, price per unit, the agreement's own öre figures such as a tax swap's öre per
 *   skattekrona, which are written in öre: formatOre)
 * | miljoner kronor (mnkr)                | 1        | formatMnkr(öre)                  | 12,3 mnkr      |
 * | percent and percentage points         | 1        | formatPercent(fraction)          | 41,3 %         |
 * | change in percent                     | 1        | signed(formatPercent(…))         | +3,2 %         |
 * | rates per 1 000 invånare              | 1        | formatDecimal(x, 1)              | 12,4           |
 * | counts (persons, devices, doses)      | 0        | formatInteger                    | 1 204          |
 * | hours (billed in quarter hours)       | 2        | formatHours(h)                   | 7,50           |
 * | uprating factors, allocation indices  | 4        | formatDecimal(x, 4)              | 1,0280         |
 * | similarity distances, weights         | 2        | formatDecimal(x, 2)              | 0,35           |
 *
 * Round once, where the rule says (exact money is rounded by the model, not here); a table column
 * states its unit in its header and shows every row with the same number of decimals
 * (test/browser/decimals.test.ts scans the built pages' tables for that).
 */
const nbsp = "\u00a0";
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, nbsp);

export function formatInteger(n: number | bigint | null | undefined): string {
  if (n == null || (typeof n === "number" && !Number.isFinite(n))) return "–";
  const s = typeof n === "bigint" ? n.toString() : Math.round(n).toString();
  return s.startsWith("-") ? `−${group(s.slice(1))}` : group(s);
}

export function formatDecimal(n: number | null | undefined, digits = 1): string {
  if (n == null || !Number.isFinite(n)) return "–";
  const s = Math.abs(n).toFixed(digits);
  const [int, frac] = s.split(".");
  const sign = n < 0 && Number(s) !== 0 ? "−" : "";
  return `${sign}${group(int)}${frac ? `,${frac}` : ""}`;
}

/** Öre → "3 735 428 kr" (whole kronor, half away from zero) or with öre when asked. */
export function formatKronor(ore: number | null | undefined, {ore: showOre = false} = {}): string {
  if (ore == null || !Number.isFinite(ore)) return "–";
  if (showOre) return `${formatDecimal(ore / 100, 2)}${nbsp}kr`;
  const kr = Math.sign(ore) * Math.round(Math.abs(ore) / 100);
  return `${formatInteger(kr)}${nbsp}kr`;
}

/** Kronor (a display number, not money arithmetic) → "1 234 kr" or "12,50 kr". */
export function formatKr(kr: number | null | undefined, digits = 0): string {
  return kr == null || !Number.isFinite(kr) ? "–" : `${formatDecimal(kr, digits)}${nbsp}kr`;
}

/** Hours, always with two decimals (time is billed in quarter hours): "7,50", "0,25". Takes the text of an exact decimal too. */
export function formatHours(h: number | string | null | undefined): string {
  return h == null || h === "" ? "–" : formatDecimal(Number(h), 2);
}

export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  return fraction == null || !Number.isFinite(fraction) ? "–" : `${formatDecimal(fraction * 100, digits)}${nbsp}%`;
}

/** Signed change: "+3,2 %" / "−1 234 kr". */
export function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text;
}

/** Million kronor with one decimal: "123,4 mnkr". */
export function formatMnkr(ore: number | null | undefined, digits = 1): string {
  return ore == null ? "–" : `${formatDecimal(ore / 100 / 1e6, digits)}${nbsp}mnkr`;
}

/** A series value: "174" for counts, "12,34 mnkr" for amounts in kronor (display only). */
export function formatSeriesValue(kind: "enrolment" | "cost", value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return kind === "cost" ? `${formatDecimal(value / 1e6, 2)}\u00a0mnkr` : Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, 1);
}

/** The symbol for a suppressed count (as Kolada and official statistics: too few to show). */
export const SUPPRESSED = "..";
export const MISSING = "–";

/** A number as Swedish Excel reads it in a CSV cell: decimal comma, no grouping. */
export function excelNumber(n: number | null | undefined, digits?: number): string {
  if (n == null || !Number.isFinite(n)) return "";
  return (digits == null ? String(n) : n.toFixed(digits)).replace(".", ",");
}
