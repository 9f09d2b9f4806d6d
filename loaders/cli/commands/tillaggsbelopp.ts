/**
 * `npx samverkan tillaggsbelopp --year 2026 [--lasning grans|bas] [--antal N] [--data DIR] [--json]`:
 * the reconciliation of the tilläggsbelopp for a year and its distribution between the municipalities,
 * the same as on the page /tillaggsbelopp (the same report module and model function). `--antal` is the
 * what-if of the page: another count of connected persons, reconciled with the same code.
 */
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {openWarehouse} from "../../warehouse.ts";
import {factsOf, findYear, indexYearText, reconciliationSentence, supplementaryAmountReport, type YearReport} from "../../reports/supplementary-amount.ts";
import {reconcileAndDistribute} from "../../models/supplementary-amount-year.ts";
import {svDecimalText, type Reading} from "../../models/supplementary-amount.ts";
import {formatInteger, formatKronor, formatPercent} from "../../format.ts";
import {textTable} from "../text-table.ts";

const READING_FLAGS: Record<string, Reading> = {grans: "beyond-limit", "beyond-limit": "beyond-limit", bas: "from-base", "from-base": "from-base"};
const POSITION: Record<string, string> = {inside: "inom", above: "över", below: "under"};
const signedKronor = (ore: number) => `${ore > 0 ? "+" : ""}${formatKronor(ore)}`;
const signedInt = (n: number) => `${n > 0 ? "+" : ""}${formatInteger(n)}`;

export const command: Command = {
  name: "tillaggsbelopp",
  usage: "tillaggsbelopp --year ÅR [--lasning grans|bas] [--antal N] [--data MAPP] [--json]",
  summary: "Avstämning av tilläggsbeloppet för ett år och fördelningen mellan kommunerna",
  async run({dir, json, flags}) {
    const yearText = flagString(flags, "year") ?? flagString(flags, "ar");
    const year = yearText == null ? undefined : Number(yearText);
    if (yearText != null && !Number.isInteger(year)) {
      process.stderr.write(`--year ska vara ett år, t.ex. --year 2026 (fick "${yearText}").\n`);
      return 2;
    }
    const readingFlag = flagString(flags, "lasning");
    if (readingFlag != null && !READING_FLAGS[readingFlag]) {
      process.stderr.write(`--lasning ska vara grans (antal utöver närmaste gräns) eller bas (skillnad mot baskantalet) (fick "${readingFlag}").\n`);
      return 2;
    }
    const countText = flagString(flags, "antal");
    const whatIfCount = countText == null ? null : Number(countText);
    if (countText != null && (!Number.isInteger(whatIfCount) || whatIfCount! < 0)) {
      process.stderr.write(`--antal ska vara ett helt antal personer ≥ 0 (fick "${countText}").\n`);
      return 2;
    }
    const wh = await openWarehouse(dir);
    let report;
    try {
      report = await supplementaryAmountReport(wh);
    } finally {
      wh.close();
    }
    const found = findYear(report, year);
    if ("error" in found) {
      process.stderr.write(`${found.error}\n`);
      return 1;
    }
    const y: YearReport = found.year;
    const reading = readingFlag ? READING_FLAGS[readingFlag] : report.parameters.reading;
    const other = reading === "beyond-limit" ? "from-base" : "beyond-limit";
    // The what-if: the same model function as the build and the page.
    const results =
      whatIfCount == null
        ? y.results!
        : {
            [reading]: reconcileAndDistribute({...report.whatIf, ...y.inputs!}, whatIfCount, reading),
            [other]: reconcileAndDistribute({...report.whatIf, ...y.inputs!}, whatIfCount, other)
          };
    const result = results[reading]!;
    const r = result.reconciliation;
    const o = results[other]!.reconciliation;
    const d = result.distribution;
    // With --antal the what-if results stand in for the year's own.
    const sentence = reconciliationSentence(factsOf({...y, results: results as YearReport["results"]}, reading, report.parameters.band.validFrom, report.parameters.levelYear)!);

    if (json) {
      process.stdout.write(
        JSON.stringify(
          {
            dataset: report.dataset,
            countyCode: report.county.code,
            countyName: report.county.name,
            year: y.year,
            countYear: y.countYear,
            beforeAgreement: y.beforeAgreement,
            whatIf: whatIfCount != null,
            count: r.count,
            dataCount: y.count,
            window: y.window,
            band: y.band,
            reading,
            readingLabel: r.readingLabel,
            headline: sentence,
            reconciliation: r,
            otherReading: o,
            factorYear: y.factorYear,
            distribution: d,
            distributionNote: result.distributionNote,
            base: report.base,
            adjustment: report.adjustment,
            index: report.index.years.filter((v) => r.factorSteps.some((s) => s.indexYear === v.year)),
            notes: [...y.notes, ...r.notes],
            method: report.method
          },
          null,
          2
        ) + "\n"
      );
      return 0;
    }

    const band = y.band!;
    const kind = (id: string, fallback: string) => report.provenance[id]?.kind ?? fallback;
    const rows: [string, string][] = [
      [`Anslutna personer ${y.countYear}${whatIfCount != null ? " (antaget, --antal)" : ""}`, formatInteger(r.count)],
      [`Normalvariation (${kind("band.agreed.0", "avtalat")}, basperiod ${band.baseFrom}–${band.baseTo})`, `${formatInteger(band.lower)}–${formatInteger(band.upper)}`],
      ["Läge", POSITION[r.position]],
      [`Personer att justera (${r.readingLabel}; läsarten: ${kind("reading", "antagande")})`, signedInt(r.persons)],
      [`${report.index.name}-faktor från ${r.levelYear} års nivå`, svDecimalText(r.factor)],
      [`Tilläggsbelopp ${y.year} (uppräknat)`, formatKronor(r.supplementaryAmountOre)],
      [`Justeringsbelopp ${y.year} (uppräknat)`, formatKronor(r.adjustmentAmountOre)],
      ["Revidering", signedKronor(r.revisionOre)],
      ["Belopp att fördela", formatKronor(r.finalAmountOre)]
    ];
    const out = [
      `Tilläggsbelopp ${y.year} för ${report.county.name} (${report.county.region}): avstämning av antalet anslutna ${y.countYear}${y.beforeAgreement ? ", före avtalet (jämförelse)" : ""}. Källa: ${report.dataset.label}.`,
      "",
      sentence,
      "",
      textTable(["Avstämning", "Värde"], rows, [false, true]),
      "",
      ...(y.proposal?.differs ? [y.proposal.sentence, ""] : []),
      `Andra läsningen (${o.readingLabel}): ${signedInt(o.persons)} personer, revidering ${signedKronor(o.revisionOre)}, att fördela ${formatKronor(o.finalAmountOre)}.`,
      ""
    ];
    if (r.factorSteps.length) {
      out.push(
        `${report.index.name} (senaste utgåvan för varje år):`,
        textTable(
          ["År", "Förändring", "Status", "Utgåva", "Faktor"],
          r.factorSteps.map((s) => [String(s.indexYear), `${svDecimalText(s.changePercent)} %`, `${s.status ?? ""}${s.demo ? " (Demodata)" : ""}`, s.edition, svDecimalText(s.factor)]),
          [false, true, false, false, true]
        ),
        ...report.index.years.filter((v) => r.factorSteps.some((s) => s.indexYear === v.year) && v.replaced.length).map((v) => indexYearText(v)),
        `Kedjad faktor ${svDecimalText(r.factor)} (sex decimaler; beloppen räknas med den exakta faktorn och avrundas en gång till hela kronor).`,
        ""
      );
    } else {
      out.push(`Ingen uppräkning: beloppen är ${r.levelYear} års nivå (uppräkning från ${report.parameters.upratingFrom}).`, "");
    }
    if (d) {
      const total = d.rows.reduce((s, x) => s + x.amountOre, 0);
      out.push(
        `Fördelning ${y.year} mellan kommunerna (befolkning och fördelningsfaktorer ${y.factorYear}), kronor. ` +
          `Vilar på antaganden: vikterna ${svDecimalText(report.parameters.weights.elderly)}/${svDecimalText(report.parameters.weights.sparsity)}/${svDecimalText(report.parameters.weights.socioeconomics)} (${kind("weights.elderly", "antagande")}) och äldre = ${report.parameters.elderlyAgeBand} (${kind("elderlyAgeBand", "antagande")}); avtalet anger inte vikterna.`,
        textTable(
          ["Kommun", "Kommunkod", "Folkmängd", `Invånare ${report.parameters.elderlyAgeBand}`, "Andel äldre", "Andel glesbygd", "Andel socioekonomi", "Andel totalt", "Belopp"],
          [
            ...d.rows.map((x) => [
              x.name ?? x.municipalityCode,
              x.municipalityCode,
              formatInteger(x.population),
              formatInteger(x.elderly),
              formatPercent(x.shareNumbers.elderly, 2),
              formatPercent(x.shareNumbers.sparsity, 2),
              formatPercent(x.shareNumbers.socioeconomics, 2),
              formatPercent(x.weightNumber, 2),
              formatKronor(x.amountOre)
            ]),
            ["Summa", "", "", "", "", "", "", formatPercent(1, 2), formatKronor(total)]
          ],
          [false, false, true, true, true, true, true, true, true]
        ),
        total === r.finalAmountOre ? `Kontroll: delarna summerar exakt till ${formatKronor(r.finalAmountOre)}.` : `Varning: delarna summerar till ${formatKronor(total)}, inte ${formatKronor(r.finalAmountOre)}.`,
        ""
      );
    } else if (result.distributionNote) {
      out.push(result.distributionNote, "");
    }
    out.push(
      ...(report.agreement ? [`Avtalet: ${report.agreement.title} (${report.agreement.statusText}) Alla siffror med sort och källa: npx samverkan avtal --county ${report.county.code}.`] : []),
      ...(report.method.assumptions ? [report.method.assumptions] : []),
      `Metod: ${r.method}`,
      d ? d.method : "",
      report.method.factorYears,
      report.method.readings,
      report.method.rounding,
      ...y.notes,
      ...r.notes
    );
    process.stdout.write(out.filter((l, i, a) => l !== "" || a[i - 1] !== "").join("\n").replace(/[\u00a0\u202f]/g, " ") + "\n");
    return 0;
  }
};
