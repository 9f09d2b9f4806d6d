/** Swedish number formats for text output (CLI, generated sentences): 3 735 428 kr, 41,3 %. */
const nbsp = "\u00a0";
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, nbsp);

export function formatInteger(n: number | bigint): string {
  const s = typeof n === "bigint" ? n.toString() : Math.round(n).toString();
  return s.startsWith("-") ? `−${group(s.slice(1))}` : group(s);
}

export function formatDecimal(n: number, digits = 1): string {
  const s = Math.abs(n).toFixed(digits);
  const [int, frac] = s.split(".");
  const sign = n < 0 && Number(s) !== 0 ? "−" : "";
  return `${sign}${group(int)}${frac ? `,${frac}` : ""}`;
}

/** Öre → "3 735 428 kr" (whole kronor) or with öre when `ore` is set. */
export function formatKronor(ore: number, {ore: showOre = false} = {}): string {
  return showOre ? `${formatDecimal(ore / 100, 2)}${nbsp}kr` : `${formatInteger(Math.round(ore / 100))}${nbsp}kr`;
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${formatDecimal(fraction * 100, digits)}${nbsp}%`;
}
