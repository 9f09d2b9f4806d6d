/**
 * Avtalen (page /avtal/<län>, `npx samverkan avtal`): every agreement of every county with its status
 * and decision history, validity, notice and prolongation, and every parameter with value, kind and
 * source. The page and the CLI show the same rows because both come from here.
 */
import type {Warehouse} from "../warehouse.ts";
import {readCounties} from "../counties.ts";
import {agreementStatus, agreementsOf, parameterAnchor, parameterEntries, termEntries, type Agreement, type Kind, type StatusInfo} from "../agreements.ts";
import {agreementFindings, type AgreementFinding} from "./agreement-findings.ts";

export interface AgreementRow {
  id: string;
  anchor: string;
  group: string;
  label: string;
  valueText: string;
  kind: Kind;
  sourceText: string;
  note: string | null;
}

export interface AgreementJson {
  id: string;
  file: string;
  title: string;
  region: string | null;
  parties: string[];
  status: StatusInfo;
  history: Agreement["history"];
  validFrom: string;
  validTo: string | null;
  noticeMonths: number | null;
  prolongYears: number | null;
  /** Validity, notice and prolongation, then every parameter. */
  rows: AgreementRow[];
  counts: Record<Kind, number>;
  principles: {id: string; name: string; indicators: string[]; kind: Kind}[];
}

export interface CountyAgreements {
  code: string;
  name: string;
  region: string;
  agreements: AgreementJson[];
  findings: AgreementFinding[];
}

export interface AgreementsReport {
  counties: CountyAgreements[];
}

export function agreementJson(a: Agreement): AgreementJson {
  const rows = [...termEntries(a), ...parameterEntries(a)].map((e) => ({
    id: e.id,
    anchor: parameterAnchor(e.id),
    group: e.group,
    label: e.label,
    valueText: e.valueText,
    kind: e.kind,
    sourceText: e.sourceText,
    note: e.note ?? null
  }));
  const counts = {avtalat: 0, antagande: 0, beräknat: 0} as Record<Kind, number>;
  for (const r of rows) counts[r.kind]++;
  return {
    id: a.id,
    file: a.file,
    title: a.title,
    region: a.region ?? null,
    parties: a.parties,
    status: agreementStatus(a),
    history: a.history,
    validFrom: a.validFrom,
    validTo: a.validTo,
    noticeMonths: a.noticeMonths,
    prolongYears: a.prolongYears,
    rows,
    counts,
    principles: (a.principles ?? []).map((p) => ({id: p.id, name: p.name, indicators: p.indicators.value, kind: p.indicators.kind}))
  };
}

export async function agreementsReport(wh: Warehouse): Promise<AgreementsReport> {
  const counties = await readCounties(wh.connection);
  const findings = await agreementFindings(wh);
  const list = wh.agreements ?? [];
  return {
    counties: counties.map((c) => {
      const own = agreementsOf(list, c.code);
      const files = new Set(own.map((a) => a.file));
      return {
        code: c.code,
        name: c.name,
        region: c.region,
        agreements: own.map(agreementJson).reverse(),
        findings: findings.filter((f) => f.agreement.split(", ").some((x) => files.has(x)))
      };
    })
  };
}

/** The validity in one Swedish sentence. */
export function validityText(a: Pick<AgreementJson, "validFrom" | "validTo" | "noticeMonths" | "prolongYears">): string {
  const to = a.validTo ? `–${a.validTo}` : " och tills vidare";
  const notice = a.noticeMonths != null ? ` Uppsägning senast ${a.noticeMonths} månader före giltighetstidens slut` : "";
  const prolong = a.prolongYears != null ? `${notice ? "; annars" : " Utan uppsägning"} förlängs avtalet med ${a.prolongYears} år i taget` : "";
  return `Avser tiden ${a.validFrom}${to}.${notice}${prolong}${notice || prolong ? "." : ""}`;
}
