/**
 * Per-line details of the sight and hearing representatives' assignments (syn-/hörselombud): each
 * assignment is work for one patient, so a dated line in a municipality with few assignments comes
 * close to pointing at a person. Policy (./policy.ts): the lines of a month, municipality, kind and
 * direction with fewer assignments than the threshold are published as ONE line for the month, without
 * dates or line numbers; the amounts stay exact (the sum of the lines, so the invoices still add up).
 * Hired staff (inhyrd personal) is work for the other party, not for a named patient: shown per line.
 */
import {dec, sum} from "../models/exact.ts";
import {decimalText} from "../models/hourly-rates.ts";

export interface DatedLine {
  line: number;
  date: string;
  municipalityCode: string;
  performer: string;
  kind: string;
  hours: string;
  billedHours: number;
  rateOre: number;
  amountOre: number;
}

/** A published line: a dated assignment, or a month's assignments merged (`merged`, date "YYYY-MM", no line number). */
export type PublishedLine<T extends DatedLine> = (T & {merged?: undefined}) | (Omit<T, "line"> & {line: null; merged: true});

export const PATIENT_KINDS: readonly string[] = ["synombud", "horselombud"];

export function coarsenPatientLines<T extends DatedLine>(lines: readonly T[], threshold: number): PublishedLine<T>[] {
  const groups = new Map<string, T[]>();
  for (const l of lines) {
    if (!PATIENT_KINDS.includes(l.kind)) continue;
    const k = `${l.date.slice(0, 7)}|${l.municipalityCode}|${l.kind}|${l.performer}|${l.rateOre}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(l);
  }
  const out: PublishedLine<T>[] = [];
  const done = new Set<string>();
  for (const l of lines) {
    if (!PATIENT_KINDS.includes(l.kind)) {
      out.push(l as PublishedLine<T>);
      continue;
    }
    const k = `${l.date.slice(0, 7)}|${l.municipalityCode}|${l.kind}|${l.performer}|${l.rateOre}`;
    const g = groups.get(k)!;
    if (g.length >= threshold) {
      out.push(l as PublishedLine<T>);
      continue;
    }
    if (done.has(k)) continue;
    done.add(k);
    // No time of day of any assignment survives the merge; other hour columns are summed like the hours.
    const {start: _start, end: _end, ...rest} = l as T & {start?: unknown; end?: unknown};
    const sums: Record<string, string> = {};
    for (const k of ["paidHours", "unpaidHours"])
      if (typeof (l as Record<string, unknown>)[k] === "string") sums[k] = decimalText(sum(g.map((x) => dec((x as Record<string, unknown>)[k] as string))));
    out.push({
      ...(rest as T),
      ...sums,
      line: null,
      merged: true,
      date: l.date.slice(0, 7),
      hours: decimalText(sum(g.map((x) => dec(x.hours)))),
      billedHours: g.reduce<number>((s, x) => s + x.billedHours, 0),
      amountOre: g.reduce<number>((s, x) => s + x.amountOre, 0)
    });
  }
  return out;
}
