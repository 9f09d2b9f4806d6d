/**
 * The disclosure pass as pure functions (policy in ./policy.ts): raw person counts in, published
 * counts out (null where hidden) with the reason. Built on loaders/models/small-counts.ts
 * (suppressTable: primary and secondary suppression with the exact linear-algebra check).
 *
 * Vaccination: one table per county, season, target group and vaccine: the municipalities as rows,
 * "vaccinated | not vaccinated" as columns, the target group as row total and the county as column
 * totals. The not-vaccinated count is the complement (target − vaccinated), a count of persons too.
 * Enrolment: one table per county, service and kind of period (years, months): municipalities ×
 * periods with the county's sums (a municipality without a value counts as 0; the county's sum of such
 * a period is marked incomplete).
 */
import {suppressTable, type CellRef, type Reason} from "../models/small-counts.ts";
import type {DisclosurePolicy, HiddenReason} from "./policy.ts";

export interface VaccinationCount {
  code: string;
  season: string;
  targetGroup: string;
  vaccine: string;
  vaccinated: number;
  targetSize: number;
}

/** The protected cells of one vaccination row, municipal or county (null: hidden). */
interface ProtectedVaccinationCells {
  season: string;
  targetGroup: string;
  vaccine: string;
  /** null: hidden. */
  vaccinated: number | null;
  unvaccinated: number | null;
  targetSize: number | null;
  vaccinatedReason: HiddenReason | null;
  unvaccinatedReason: HiddenReason | null;
  targetReason: HiddenReason | null;
}

export interface ProtectedVaccinationRow extends ProtectedVaccinationCells {
  code: string;
  countyCode: string;
}

export interface ProtectedVaccinationCounty extends ProtectedVaccinationCells {
  countyCode: string;
  /** Hidden cells of the whole table (municipalities and county), for "n celler dolda". */
  hiddenCells: number;
}

const word = (r: Reason | null, complement = false, allOrNone = false): HiddenReason | null =>
  r == null ? null : r === "secondary" ? "sekundär" : allOrNone ? "alla-eller-ingen" : complement ? "komplement" : "primär";

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const g = out.get(k);
    if (g) g.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The vaccination tables, protected. `countyOf` maps a municipality to its county; others are left out. */
export function protectVaccination(
  counts: readonly VaccinationCount[],
  countyOf: ReadonlyMap<string, string>,
  policy: DisclosurePolicy
): {rows: ProtectedVaccinationRow[]; counties: ProtectedVaccinationCounty[]} {
  const rows: ProtectedVaccinationRow[] = [];
  const counties: ProtectedVaccinationCounty[] = [];
  const known = counts.filter((c) => countyOf.has(c.code));
  const groups = groupBy(known, (c) => `${countyOf.get(c.code)}|${c.season}|${c.targetGroup}|${c.vaccine}`);
  for (const [k, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [countyCode] = k.split("|");
    group.sort((a, b) => a.code.localeCompare(b.code));
    const table = group.map((c) => [c.vaccinated, c.targetSize - c.vaccinated]);
    // 0 %/100 % in a small group: both cells of the row are primary.
    const allOrNone = (i: number) => {
      const c = group[i];
      return policy.allOrNoneBelow > 0 && c.targetSize > 0 && c.targetSize < policy.allOrNoneBelow && (c.vaccinated === 0 || c.vaccinated === c.targetSize);
    };
    const t = suppressTable(table, policy.threshold, {primary: (ref: CellRef) => ref.kind === "cell" && allOrNone(ref.row)});
    group.forEach((c, i) => {
      const aon = allOrNone(i) && !(c.vaccinated >= 1 && c.vaccinated < policy.threshold);
      rows.push({
        code: c.code,
        countyCode,
        season: c.season,
        targetGroup: c.targetGroup,
        vaccine: c.vaccine,
        vaccinated: t.cells[i][0],
        unvaccinated: t.cells[i][1],
        targetSize: t.rowTotals[i],
        vaccinatedReason: word(t.cellReasons[i][0], false, aon),
        unvaccinatedReason: word(t.cellReasons[i][1], true, aon),
        targetReason: word(t.rowTotalReasons[i])
      });
    });
    const hiddenCells =
      t.cellReasons.flat().filter((r) => r != null).length + t.rowTotalReasons.filter((r) => r != null).length + t.colTotalReasons.filter((r) => r != null).length + (t.grandReason ? 1 : 0);
    counties.push({
      countyCode,
      season: group[0].season,
      targetGroup: group[0].targetGroup,
      vaccine: group[0].vaccine,
      vaccinated: t.colTotals[0],
      unvaccinated: t.colTotals[1],
      targetSize: t.grandTotal,
      vaccinatedReason: word(t.colTotalReasons[0]),
      unvaccinatedReason: word(t.colTotalReasons[1], true),
      targetReason: word(t.grandReason),
      hiddenCells
    });
  }
  return {rows, counties};
}

export interface EnrolmentCount {
  code: string;
  period: string;
  service: string;
  enrolled: number;
}

export interface ProtectedEnrolmentRow {
  code: string;
  countyCode: string;
  period: string;
  service: string;
  enrolled: number | null;
  reason: HiddenReason | null;
}

export interface ProtectedEnrolmentCounty {
  countyCode: string;
  period: string;
  service: string;
  /** The county's sum (the true sum of its municipalities' counts); null: hidden. */
  enrolled: number | null;
  reason: HiddenReason | null;
  /** Every municipality of the county has a count for the period. */
  complete: boolean;
  /** Hidden municipal cells of the period. */
  hiddenCells: number;
}

const isMonth = (p: string) => /^\d{4}-\d{2}$/.test(p);

/** The enrolment tables, protected. `municipalitiesOf` lists each county's municipalities. */
export function protectEnrolment(
  counts: readonly EnrolmentCount[],
  countyOf: ReadonlyMap<string, string>,
  policy: DisclosurePolicy
): {rows: ProtectedEnrolmentRow[]; counties: ProtectedEnrolmentCounty[]} {
  const rows: ProtectedEnrolmentRow[] = [];
  const counties: ProtectedEnrolmentCounty[] = [];
  const members = new Map<string, number>();
  for (const c of countyOf.values()) members.set(c, (members.get(c) ?? 0) + 1);
  const known = counts.filter((c) => countyOf.has(c.code));
  const groups = groupBy(known, (c) => `${countyOf.get(c.code)}|${c.service}|${isMonth(c.period) ? "m" : "y"}`);
  for (const [k, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [countyCode, service] = k.split("|");
    const codes = [...new Set(group.map((r) => r.code))].sort();
    const periods = [...new Set(group.map((r) => r.period))].sort();
    const at = new Map(group.map((r) => [`${r.code}|${r.period}`, r.enrolled]));
    const t = suppressTable(codes.map((c) => periods.map((p) => at.get(`${c}|${p}`) ?? 0)), policy.threshold);
    codes.forEach((c, i) =>
      periods.forEach((p, j) => {
        if (!at.has(`${c}|${p}`)) return;
        rows.push({code: c, countyCode, period: p, service, enrolled: t.cells[i][j], reason: word(t.cellReasons[i][j])});
      })
    );
    periods.forEach((p, j) => {
      const present = codes.filter((c) => at.has(`${c}|${p}`)).length;
      counties.push({
        countyCode,
        period: p,
        service,
        enrolled: t.colTotals[j],
        reason: word(t.colTotalReasons[j]),
        complete: present === (members.get(countyCode) ?? 0),
        hiddenCells: codes.filter((c, i) => at.has(`${c}|${p}`) && t.cellReasons[i][j] != null).length
      });
    });
  }
  return {rows, counties};
}
