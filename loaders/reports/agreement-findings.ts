/**
 * Avtalet mot underlaget (page /datakvalitet, `npx samverkan avtal`): what the agreement files state
 * against what the loaded data give. Nothing here changes a figure: an agreed value stays agreed, and
 * a difference is a finding for the parties.
 * - The agreed normal-variation band against the band the loaded base-year counts give.
 * - The stored tilläggsbelopp and justeringsbelopp against the agreement's own formula.
 * - The swapped öre in skattevaxling.csv against the swap the agreement file records.
 * - Development funds: every row of utvecklingsmedel.csv whose split is not the agreed one (50/50),
 *   named by file and line.
 */
import type {Warehouse} from "../warehouse.ts";
import {queryRows} from "../ingest/sql.ts";
import {agreementFor, agreementsOf, type Agreement} from "../agreements.ts";
import {supplementaryAmountBase, adjustmentAmount} from "../models/supplementary-amount.ts";
import {formatKronor} from "../format.ts";
import {supplementaryAmountReport} from "./supplementary-amount.ts";

export interface AgreementFinding {
  /** Short rule name, e.g. "utvecklingsmedel_50_50". */
  rule: string;
  /** The file the finding is about ("utvecklingsmedel.csv", "avtal/23-2026.json"). */
  file: string;
  line: number | null;
  /** The agreement file it is checked against. */
  agreement: string;
  /** true: data and agreement differ (a finding); false: they agree (shown as a check). */
  differs: boolean;
  message: string;
}

const sv = (text: string) => String(Number(text)).replace(".", ",");
const same = (a: string, b: string) => Number(a) === Number(b);

/** Development funds: the rows whose split is not the agreement's (pure, for tests). */
export function fundSplitFindings(
  rows: readonly {line: number; countyCode: string; project: string; year: number; region: string; municipal: string}[],
  agreements: readonly Agreement[],
  file = "utvecklingsmedel.csv"
): AgreementFinding[] {
  const out: AgreementFinding[] = [];
  for (const r of rows) {
    const a = [agreementFor(agreements, r.countyCode, r.year), ...agreementsOf(agreements, r.countyCode)].find((x) => x?.developmentFunds) ?? null;
    if (!a) continue;
    const d = a.developmentFunds!;
    if (same(r.region, d.regionSharePercent.value) && same(r.municipal, d.municipalSharePercent.value)) continue;
    const inForce = agreementFor(agreements, r.countyCode, r.year)?.id === a.id;
    out.push({
      rule: "utvecklingsmedel_fordelning",
      file,
      line: r.line,
      agreement: a.file,
      differs: true,
      message:
        `${file} rad ${r.line}: projektet ${r.project} ${r.year} delas ${sv(r.region)}/${sv(r.municipal)} (regionen/kommunerna), ` +
        `men avtalet anger ${sv(d.regionSharePercent.value)}/${sv(d.municipalSharePercent.value)} (${a.title}, ${d.regionSharePercent.kind === "avtalat" ? d.regionSharePercent.source.section : "avtalsfilen"}).` +
        (inForce ? "" : ` Avtalet avser tiden från ${a.validFrom}; raden jämförs med det eftersom inget äldre avtal för länet anger fördelningen.`)
    });
  }
  return out;
}

export async function agreementFindings(wh: Warehouse): Promise<AgreementFinding[]> {
  const out: AgreementFinding[] = [];
  const list = wh.agreements ?? [];

  // The band and the stored amounts.
  const home = list.find((a) => a.supplementaryAmount);
  if (home) {
    const report = await supplementaryAmountReport(wh);
    if (report.bandCheck) out.push({rule: "normalvariation_avtalad", file: "inskrivna.csv", line: null, agreement: home.file, differs: report.bandCheck.differs, message: report.bandCheck.sentence});
    const sa = home.supplementaryAmount!;
    const base = supplementaryAmountBase({posts: sa.posts.value, readinessFactor: sa.readinessFactor.value, monthlySalary: sa.monthlySalary.value, months: sa.months.value, payrollOverheadPercent: sa.payrollOverheadPercent.value});
    const adj = adjustmentAmount(base, sa.baseCount.value);
    const amountOk = base.amountOre === sa.amount.value * 100;
    const adjOk = adj.amountOre === sa.adjustmentAmount.value * 100;
    out.push({
      rule: "tillaggsbelopp_formel",
      file: home.file,
      line: null,
      agreement: home.file,
      differs: !amountOk || !adjOk,
      message:
        amountOk && adjOk
          ? `Avtalets tilläggsbelopp ${formatKronor(sa.amount.value * 100)} och justeringsbelopp ${formatKronor(sa.adjustmentAmount.value * 100)} stämmer med avtalets formel (${base.method.replace(/\.$/, "")}).`
          : `Avtalsfilens belopp stämmer inte med formeln: tilläggsbeloppet ${formatKronor(sa.amount.value * 100)} mot beräknat ${formatKronor(base.amountOre)}, justeringsbeloppet ${formatKronor(sa.adjustmentAmount.value * 100)} mot beräknat ${formatKronor(adj.amountOre)}. Kontrollera siffrorna i ${home.file}.`
    });
  }

  // The swap: skattevaxling.csv against the agreement file.
  const swaps = await queryRows<{county: string; fromYear: number; ore: string; line: string}>(
    wh.connection,
    `SELECT county_code AS county, from_year AS "fromYear", CAST(ore AS VARCHAR) AS ore, CAST(line AS VARCHAR) AS line FROM tax_swap ORDER BY 1, 2`
  ).catch(() => []);
  for (const a of list.filter((x) => x.taxSwap)) {
    for (const s of a.taxSwap!.swaps) {
      const row = swaps.find((r) => r.county === a.countyCode && r.fromYear === s.value.fromYear);
      const differs = !row || !same(row.ore, s.value.ore);
      out.push({
        rule: "skattevaxling_avtal",
        file: "skattevaxling.csv",
        line: row ? Number(row.line) : null,
        agreement: a.file,
        differs,
        message: !row
          ? `${a.file} anger ${sv(s.value.ore)} öre från ${s.value.fromYear} (${s.value.decision}), men skattevaxling.csv har ingen rad för län ${a.countyCode} från ${s.value.fromYear}.`
          : differs
            ? `skattevaxling.csv rad ${row.line}: ${sv(String(Number(row.ore)))} öre från ${row.fromYear} för län ${a.countyCode}, men ${a.file} anger ${sv(s.value.ore)} öre (${s.value.decision}). Sidorna räknar med skattevaxling.csv.`
            : `skattevaxling.csv rad ${row.line} stämmer med avtalsfilen: ${sv(s.value.ore)} öre från ${s.value.fromYear} (${s.value.decision}).`
      });
    }
  }

  // Development funds 50/50.
  const funds = await queryRows<{line: string; county: string; project: string; year: number; region: string; municipal: string}>(
    wh.connection,
    `SELECT CAST(line AS VARCHAR) AS line, county_code AS county, project, year, CAST(region_share_percent AS VARCHAR) AS region, CAST(municipal_share_percent AS VARCHAR) AS municipal FROM development_funds ORDER BY line`
  ).catch(() => []);
  const fundRows = funds.map((r) => ({line: Number(r.line), countyCode: r.county, project: r.project, year: r.year, region: r.region, municipal: r.municipal}));
  const bad = fundSplitFindings(fundRows, list);
  out.push(...bad);
  const checked = list.filter((a) => a.developmentFunds);
  if (checked.length && !bad.length && fundRows.length)
    out.push({rule: "utvecklingsmedel_fordelning", file: "utvecklingsmedel.csv", line: null, agreement: checked.map((a) => a.file).join(", "), differs: false, message: `Alla rader i utvecklingsmedel.csv för län ${[...new Set(checked.map((a) => a.countyCode))].join(", ")} delas som avtalet anger (${checked.map((a) => `${sv(a.developmentFunds!.regionSharePercent.value)}/${sv(a.developmentFunds!.municipalSharePercent.value)}`).join(", ")}).`});
  return out;
}
