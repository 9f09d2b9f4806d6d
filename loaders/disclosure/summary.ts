/**
 * What the disclosure pass hid, for the method page and `data/README.md`'s reader: per kind of table,
 * how many cells are published and how many hidden, and why (the reasons of ./policy.ts).
 */
import type {Warehouse} from "../warehouse.ts";
import {queryRows} from "../ingest/sql.ts";
import {disclosurePolicy, policyParagraphs, policyShortText, REASON_TEXT, type DisclosurePolicy, type HiddenReason} from "./policy.ts";

export interface DisclosureSummaryRow {
  table: string;
  cells: number;
  hidden: number;
  byReason: Partial<Record<HiddenReason, number>>;
}

export interface DisclosureSummary {
  dataset: Warehouse["parameters"]["dataset"];
  policy: DisclosurePolicy;
  short: string;
  paragraphs: string[];
  reasons: {reason: HiddenReason; text: string}[];
  tables: DisclosureSummaryRow[];
}

export async function disclosureSummary(wh: Warehouse): Promise<DisclosureSummary> {
  const policy = disclosurePolicy(wh.parameters);
  const count = async (label: string, sql: string): Promise<DisclosureSummaryRow> => {
    const rows = await queryRows<{reason: HiddenReason | null; n: string}>(wh.connection, `SELECT reason, count(*) AS n FROM (${sql}) GROUP BY ALL ORDER BY reason NULLS FIRST`);
    const byReason: DisclosureSummaryRow["byReason"] = {};
    let cells = 0;
    for (const r of rows) {
      cells += Number(r.n);
      if (r.reason) byReason[r.reason] = Number(r.n);
    }
    return {table: label, cells, hidden: Object.values(byReason).reduce((s, n) => s + n, 0), byReason};
  };
  const tables = [
    await count(
      "Vaccination: vaccinerade, ovaccinerade och målgrupp per kommun",
      `SELECT vaccinated_reason AS reason FROM protected_vaccination UNION ALL SELECT unvaccinated_reason FROM protected_vaccination UNION ALL SELECT target_reason FROM protected_vaccination`
    ),
    await count(
      "Vaccination: länets summor",
      `SELECT vaccinated_reason AS reason FROM protected_vaccination_county UNION ALL SELECT unvaccinated_reason FROM protected_vaccination_county UNION ALL SELECT target_reason FROM protected_vaccination_county`
    ),
    await count("Inskrivna per kommun och år", `SELECT reason FROM protected_enrolment WHERE length(period) = 4`),
    await count("Inskrivna per kommun och månad", `SELECT reason FROM protected_enrolment WHERE length(period) = 7`),
    await count("Inskrivna: länets summor", `SELECT reason FROM protected_enrolment_county`)
  ];
  return {
    dataset: wh.parameters.dataset,
    policy,
    short: policyShortText(policy),
    paragraphs: policyParagraphs(policy),
    reasons: (Object.keys(REASON_TEXT) as HiddenReason[]).map((reason) => ({reason, text: REASON_TEXT[reason]})),
    tables: tables.filter((t) => t.cells > 0)
  };
}
