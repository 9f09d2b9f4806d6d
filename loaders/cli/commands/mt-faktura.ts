/**
 * `npx samverkan mt-faktura --period 2025H2 [--kommun 2380] [--data DIR] [--json]`: the MT invoices of
 * one half-year, the same as on the page /medicinteknik (the same report module): the fixed part of the
 * half-year per municipality (invoiced in advance on the count at the end of the previous half-year) and
 * the variable invoices of its six months, per municipality and in total.
 */
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {openWarehouse} from "../../warehouse.ts";
import {medtechReport, periodInvoices} from "../../reports/medtech.ts";
import {formatDecimal, formatInteger, formatKronor} from "../../format.ts";
import {textTable} from "../text-table.ts";

const kr = (ore: number) => formatKronor(ore, {ore: true}).replace(/\u00a0kr$/, "");
const hours = (t: string) => formatDecimal(Number(t), t.includes(".") ? t.split(".")[1].length : 0);

export const command: Command = {
  name: "mt-faktura",
  usage: "mt-faktura --period ÅÅÅÅH1|ÅÅÅÅH2 [--kommun KOD] [--data MAPP] [--json]",
  summary: "MT-fakturor för ett halvår: fast del per kommun och rörliga månadsfakturor",
  async run({dir, json, flags}) {
    const period = flagString(flags, "period") ?? flagString(flags, "halvar");
    if (!period) {
      process.stderr.write("Ange halvåret: --period 2025H2 (ÅÅÅÅH1 = januari–juni, ÅÅÅÅH2 = juli–december).\n");
      return 2;
    }
    if (!/^\d{4}H[12]$/.test(period)) {
      process.stderr.write(`--period ska vara ett halvår, t.ex. 2025H2 (fick "${period}").\n`);
      return 2;
    }
    const wh = await openWarehouse(dir);
    let report;
    try {
      report = await medtechReport(wh);
    } finally {
      wh.close();
    }
    const found = periodInvoices(report, period);
    if ("error" in found) {
      process.stderr.write(`${found.error}\n`);
      return 1;
    }
    const names = new Map(report.municipalities.map((m) => [m.code, m.name]));
    const nameOf = (code: string | null) => (code == null ? `${report.countyName} (summa)` : names.get(code) ?? code);
    const municipality = flagString(flags, "kommun") ?? null;
    if (municipality && !names.has(municipality)) {
      process.stderr.write(`Kommunkod ${municipality} finns inte i ${report.countyName} (${report.municipalities.map((m) => `${m.code} ${m.name}`).join(", ")}).\n`);
      return 1;
    }
    const keep = <T extends {municipalityCode: string | null}>(rows: readonly T[]) => (municipality ? rows.filter((r) => r.municipalityCode === municipality) : [...rows]);
    const f = found.fixed;

    if (json) {
      process.stdout.write(
        JSON.stringify(
          {
            dataset: report.dataset,
            countyCode: report.countyCode,
            countyName: report.countyName,
            period,
            months: found.months,
            municipalities: report.municipalities,
            municipalityCode: municipality,
            fixed: {
              period: f.period,
              basisDate: f.basisDate,
              devices: f.devices,
              hoursPerYear: f.hoursPerYear,
              rateOre: f.rateOre,
              rateYear: f.rateYear,
              rateForecast: f.rateForecast,
              yearlyKronor: f.yearlyKronor,
              halfYearKronor: f.halfYearKronor,
              totalOre: f.totalOre,
              sumOre: f.sumOre,
              addsUp: f.addsUp,
              missing: f.missing,
              rows: keep(f.rows),
              method: f.method
            },
            variable: {rows: keep(found.variable), lines: keep(found.lines), monthsWithoutData: found.monthsWithoutData, method: report.variable.method},
            perMunicipality: keep(found.perMunicipality),
            county: found.county
          },
          null,
          2
        ) + "\n"
      );
      return 0;
    }

    const fixedRows = [...keep(f.rows)].sort((a, b) => nameOf(a.municipalityCode).localeCompare(nameOf(b.municipalityCode), "sv"));
    const fixedTable = textTable(
      ["Kommun", "Kod", `Produkter ${f.basisDate}`, "Andel (%)", `Fast del ${period} (kr)`],
      [
        ...fixedRows.map((r) => [nameOf(r.municipalityCode), r.municipalityCode, `${formatInteger(r.devices)}${r.stale ? " *" : ""}`, formatDecimal(r.percentTenths / 10, 1), kr(r.amountOre)]),
        ...(municipality ? [] : [[nameOf(null), "", formatInteger(f.devices), formatDecimal(f.rows.reduce((s, r) => s + r.percentTenths, 0) / 10, 1), kr(f.sumOre)]])
      ],
      [false, false, true, true, true]
    );
    const variable = [...keep(found.variable)].sort((a, b) => a.month.localeCompare(b.month) || nameOf(a.municipalityCode).localeCompare(nameOf(b.municipalityCode), "sv"));
    const variableTable = variable.length
      ? textTable(
          ["Månad", "Kommun", "Uppdrag", "Timmar", "Timpris", "Arbete (kr)", "Resor (kr)", "Material (kr)", "Faktura (kr)"],
          [
            ...variable.map((r) => [r.month, nameOf(r.municipalityCode), formatInteger(r.jobs), hours(r.billedHours), formatInteger(r.rateOre / 100), kr(r.labourOre), kr(r.travelOre), kr(r.partsOre), kr(r.totalOre)]),
            ["Summa", "", formatInteger(variable.reduce((s, r) => s + r.jobs, 0)), "", "", kr(variable.reduce((s, r) => s + r.labourOre, 0)), kr(variable.reduce((s, r) => s + r.travelOre, 0)), kr(variable.reduce((s, r) => s + r.partsOre, 0)), kr(variable.reduce((s, r) => s + r.totalOre, 0))]
          ],
          [false, false, true, true, true, true, true, true, true]
        )
      : "(inga uppdrag)";
    const per = [...keep(found.perMunicipality)].sort((a, b) => nameOf(a.municipalityCode).localeCompare(nameOf(b.municipalityCode), "sv"));
    const perTable = textTable(
      ["Kommun", "Fast del (kr)", "Rörlig del (kr)", `Summa ${period} (kr)`],
      [...per.map((r) => [nameOf(r.municipalityCode), kr(r.fixedOre), kr(r.variableOre), kr(r.totalOre)]), ...(municipality ? [] : [[nameOf(null), kr(found.county.fixedOre), kr(found.county.variableOre), kr(found.county.totalOre)]])],
      [false, true, true, true]
    );
    const out = [
      `MT-fakturor ${period} för ${municipality ? names.get(municipality) : `kommunerna i ${report.countyName}`}. Källa: ${report.dataset.label}.`,
      "",
      `Fast del ${period} (faktureras i förskott, antal ${f.basisDate}): ${formatKronor(f.totalOre)}${report.parameters.fixedPricing?.kind === "antagande" ? " (priset är ett antagande)" : ""}`,
      ...(report.parameters.fixedPricing ? [`${report.parameters.fixedPricing.text} Se npx samverkan avtal.`] : []),
      fixedTable,
      f.rows.some((r) => r.stale) ? "* Äldre uttag som förts vidare till dagen." : "",
      f.addsUp ? `Kontroll: kommunernas belopp summerar exakt till ${formatKronor(f.totalOre)}.` : `Varning: kommunernas belopp (${formatKronor(f.sumOre)}) stämmer inte med totalen ${formatKronor(f.totalOre)}.`,
      `Metod: ${f.method}`,
      "",
      `Rörlig del, månadsfakturor ${found.months[0]} – ${found.months.at(-1)}`,
      variableTable,
      found.monthsWithoutData.length ? `Uppdrag saknas i underlaget för ${found.monthsWithoutData.join(", ")}: den rörliga delen för de månaderna är okänd.` : "",
      `Metod: ${report.variable.method}`,
      "",
      `Summa per kommun ${period}`,
      perTable
    ].filter((line, i, all) => line !== "" || all[i - 1] !== "");
    process.stdout.write(out.join("\n").replace(/[\u00a0\u202f]/g, " ") + "\n");
    return 0;
  }
};
