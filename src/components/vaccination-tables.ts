/**
 * Columns and words of the vaccination page: every count that the report suppressed (null with a
 * reason) is shown as ".." in the table and written as ".." in the CSV, never as 0 or blank; missing
 * values are "–". Percentages with one decimal ("78,4 %"), changes in percentage points.
 */
import type {TableColumn} from "./table.js";
import {formatDecimal, formatInteger, formatKronor, formatPercent, MISSING, SUPPRESSED} from "./format.js";
import type {CoverageRow, VolumeRow} from "../../loaders/reports/vaccination.ts";
import type {FunnelStatus} from "../../loaders/models/vaccination-coverage.ts";

export const STATUS_WORDS: Record<FunnelStatus, string> = {
  above998: "Över 99,8 %-gränsen",
  above95: "Över 95 %-gränsen",
  inside: "Inom 95 %-gränserna",
  below95: "Under 95 %-gränsen",
  below998: "Under 99,8 %-gränsen"
};

/** A count: the number, ".." when suppressed (`hidden`), "–" when missing. */
export const countText = (n: number | null | undefined, hidden: boolean) => (n != null ? formatInteger(n) : hidden ? SUPPRESSED : MISSING);
export const percentText = (p: number | null | undefined, hidden: boolean) => (p != null ? formatPercent(p) : hidden ? SUPPRESSED : MISSING);
export const pointsShort = (p: number | null | undefined) => (p == null ? MISSING : `${p > 0 && formatDecimal(p, 1) !== "0,0" ? "+" : ""}${formatDecimal(p, 1)}`);

/** For the CSV: the number, ".." when suppressed, "" when missing. */
const csvCount = (n: number | null | undefined, hidden: boolean) => (n != null ? n : hidden ? SUPPRESSED : null);
const csvPercent = (p: number | null | undefined, hidden: boolean) => (p != null ? Math.round(p * 1000) / 10 : hidden ? SUPPRESSED : null);

const hidden = (r: CoverageRow) => r.suppressed != null;
const changeHidden = (r: CoverageRow) => r.suppressed != null || !!r.previousSuppressed;

/** The columns of the municipalities' coverage table (`csv`: the CSV variant with codes and ".."). */
export function coverageColumns(previousSeason: string | null, {csv = false} = {}): TableColumn<CoverageRow>[] {
  const cols: TableColumn<CoverageRow>[] = [
    ...(csv ? [{label: "Kommunkod", value: (r: CoverageRow) => r.code}] : []),
    {label: "Kommun", value: (r) => r.name},
    {label: "Vaccinerade", value: (r) => (csv ? csvCount(r.vaccinated, hidden(r)) : r.vaccinated), format: (r) => countText(r.vaccinated, hidden(r)), numeric: true},
    {label: "Ej vaccinerade", value: (r) => (csv ? csvCount(r.unvaccinated, hidden(r)) : r.unvaccinated), format: (r) => countText(r.unvaccinated, hidden(r)), numeric: true},
    {label: "I målgruppen", value: (r) => (csv ? csvCount(r.targetSize, hidden(r)) : r.targetSize), format: (r) => countText(r.targetSize, hidden(r)), numeric: true},
    {label: csv ? "Täckning (%)" : "Täckning", value: (r) => (csv ? csvPercent(r.coverage, hidden(r)) : r.coverage), format: (r) => percentText(r.coverage, hidden(r)), numeric: true, digits: csv ? 1 : undefined}
  ];
  if (previousSeason) {
    cols.push(
      {label: csv ? `Täckning ${previousSeason} (%)` : `Täckning ${previousSeason}`, value: (r) => (csv ? csvPercent(r.previousCoverage, !!r.previousSuppressed) : r.previousCoverage), format: (r) => percentText(r.previousCoverage, !!r.previousSuppressed), numeric: true, digits: csv ? 1 : undefined},
      {
        label: "Förändring (procentenheter)",
        value: (r) => (csv ? (r.changePoints != null ? Math.round(r.changePoints * 10) / 10 : changeHidden(r) ? SUPPRESSED : null) : r.changePoints),
        format: (r) => (r.changePoints == null && changeHidden(r) ? SUPPRESSED : pointsShort(r.changePoints)),
        numeric: true,
        digits: csv ? 1 : undefined
      }
    );
  }
  cols.push({label: "Trattdiagrammet", value: (r) => (r.funnel ? STATUS_WORDS[r.funnel.status] : hidden(r) ? "visas inte (för få)" : MISSING)});
  if (csv) cols.push({label: "Maskering", value: (r) => r.suppressed ?? ""});
  return cols;
}

const volumeHidden = (r: VolumeRow, j: number) => r.status[j] === "primär" || r.status[j] === "sekundär";
const totalHidden = (r: VolumeRow) => r.total == null && r.status.some((s) => s !== "saknas");

/** Doses per vaccine and in all, and (when `cost`) what they would cost at the rate per dose. */
export function volumeColumns(vaccines: readonly {value: string; label: string}[], {cost = false, csv = false} = {}): TableColumn<VolumeRow>[] {
  const cols: TableColumn<VolumeRow>[] = [...(csv ? [{label: "Kommunkod", value: (r: VolumeRow) => r.code}] : []), {label: "Kommun", value: (r) => r.name}];
  vaccines.forEach((v, j) => {
    cols.push({label: `Doser ${v.label.toLowerCase()}`, value: (r) => (csv ? csvCount(r.doses[j], volumeHidden(r, j)) : r.doses[j]), format: (r) => countText(r.doses[j], volumeHidden(r, j)), numeric: true});
  });
  cols.push({label: "Doser totalt", value: (r) => (csv ? csvCount(r.total, totalHidden(r)) : r.total), format: (r) => countText(r.total, totalHidden(r)), numeric: true});
  if (cost) {
    vaccines.forEach((v, j) => {
      cols.push({
        label: `Kostnad ${v.label.toLowerCase()} (kr)`,
        value: (r) => (r.costOre[j] != null ? r.costOre[j]! / 100 : csv && volumeHidden(r, j) ? SUPPRESSED : null),
        format: (r) => (r.costOre[j] != null ? formatKronor(r.costOre[j]) : volumeHidden(r, j) ? SUPPRESSED : MISSING),
        numeric: true,
        digits: csv ? 2 : undefined
      });
    });
    cols.push({
      label: "Kostnad totalt (kr)",
      value: (r) => (r.totalCostOre != null ? r.totalCostOre / 100 : csv && totalHidden(r) ? SUPPRESSED : null),
      format: (r) => (r.totalCostOre != null ? formatKronor(r.totalCostOre) : totalHidden(r) ? SUPPRESSED : MISSING),
      numeric: true,
      digits: csv ? 2 : undefined
    });
  }
  return cols;
}
