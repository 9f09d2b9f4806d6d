/**
 * `npx samverkan avtal [--county NN] [--data DIR] [--json]`: every agreement of a county (or of all
 * counties) with its status and decision history, validity, and every parameter with value, kind and
 * source, the same as the page /avtal/<län> (the same report, loaders/reports/agreements.ts).
 */
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {openWarehouse} from "../../warehouse.ts";
import {agreementsReport, validityText, type CountyAgreements} from "../../reports/agreements.ts";
import {textTable} from "../text-table.ts";

export function renderCounty(c: CountyAgreements): string {
  const out: string[] = [];
  out.push(`${c.name} (${c.code})`);
  if (!c.agreements.length) {
    out.push(`  Ingen avtalsfil för länet (avtal/${c.code}-<år>.json).`, "");
    return out.join("\n");
  }
  for (const a of c.agreements) {
    out.push("", `${a.title} (${a.file})`);
    out.push(`Status: ${a.status.text}`);
    for (const h of a.history) out.push(`  ${h.date}  ${h.status}  ${h.by}${h.note ? `: ${h.note}` : ""}`);
    out.push(validityText(a));
    out.push(`Siffror: ${a.counts.avtalat} avtalade, ${a.counts.antagande} antaganden, ${a.counts["beräknat"]} beräknade.`, "");
    out.push(textTable(["Grupp", "Parameter", "Värde", "Sort", "Källa"], a.rows.map((r) => [r.group, r.label, r.valueText, r.kind, r.sourceText]), [false, false, true, false, false]));
    if (a.principles.length) {
      out.push("", "Principerna och indikatorerna som följer dem:");
      for (const p of a.principles) out.push(`  ${p.name}: ${p.indicators.join(", ")} (${p.kind})`);
    }
  }
  if (c.findings.length) {
    out.push("", "Avtalet mot underlaget:");
    for (const f of c.findings) out.push(`  ${f.differs ? "SKILJER SIG" : "stämmer"}  ${f.message}`);
  }
  out.push("");
  return out.join("\n");
}

export const command: Command = {
  name: "avtal",
  usage: "avtal [--county KOD] [--data MAPP] [--json]",
  summary: "Avtalen: status, beslut, giltighet och varje siffra med sort (avtalat, antagande, beräknat) och källa",
  async run({dir, json, flags}) {
    const wh = await openWarehouse(dir);
    let report;
    try {
      report = await agreementsReport(wh);
    } finally {
      wh.close();
    }
    const code = flagString(flags, "county") ?? flagString(flags, "lan");
    const counties = code ? report.counties.filter((c) => c.code === code) : report.counties;
    if (code && !counties.length) {
      process.stderr.write(`Länskod ${code} finns inte i underlaget (${report.counties.map((c) => `${c.code} ${c.name}`).join(", ")}).\n`);
      return 1;
    }
    process.stdout.write(json ? JSON.stringify(code ? counties[0] : {counties}, null, 2) + "\n" : counties.map(renderCounty).join("\n"));
    return 0;
  }
};
