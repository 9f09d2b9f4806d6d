/**
 * `npx samverkan skattevaxling --review 2025 [--lan 24] [--priser lopande|fasta] [--kommun 2480]
 * [--data DIR] [--json]`: the review tables of the skatteväxling follow-up, the same as on the page
 * /skattevaxling (the same report module and the same column definitions).
 */
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {openWarehouse} from "../../warehouse.ts";
import {findReview, pricesText, span, taxSwapReport, type Prices} from "../../reports/tax-swap.ts";
import {cellText, overviewColumns, windowMatrix, type ReviewColumn} from "../../reports/tax-swap-tables.ts";
import {textTable} from "../text-table.ts";

function columnsTable<T>(columns: readonly ReviewColumn<T>[], rows: readonly T[]): string {
  return textTable(
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c) => cellText(c, r))),
    columns.map((c) => !!c.numeric)
  );
}

export const command: Command = {
  name: "skattevaxling",
  usage: "skattevaxling --review ÅR [--lan KOD] [--priser lopande|fasta] [--kommun KOD] [--data MAPP] [--json]",
  summary: "Skatteväxlingens uppföljning (vart fjärde år): översikt per kommun och perioden år för år",
  async run({dir, json, flags}) {
    const reviewText = flagString(flags, "review") ?? flagString(flags, "ar");
    const reviewYear = reviewText == null ? undefined : Number(reviewText);
    if (reviewText != null && !Number.isInteger(reviewYear)) {
      process.stderr.write(`--review ska vara ett år, t.ex. --review 2025 (fick "${reviewText}").\n`);
      return 2;
    }
    const pricesFlag = flagString(flags, "priser") ?? (flags.fasta === true ? "fasta" : "lopande");
    if (pricesFlag !== "lopande" && pricesFlag !== "fasta") {
      process.stderr.write(`--priser ska vara lopande eller fasta (fick "${pricesFlag}").\n`);
      return 2;
    }
    const prices = pricesFlag as Prices;
    const wh = await openWarehouse(dir);
    let report;
    try {
      report = await taxSwapReport(wh);
    } finally {
      wh.close();
    }
    const countyCode = flagString(flags, "lan") ?? report.parameters.countyCode;
    const found = findReview(report, {countyCode, reviewYear, prices});
    if ("error" in found) {
      process.stderr.write(`${found.error}\n`);
      return 1;
    }
    const {county, review, view} = found;
    const names = new Map(county.municipalities.map((m) => [m.code, m.name]));
    const nameOf = (code: string | null) => (code == null ? `${county.countyName} (summa)` : names.get(code) ?? code);
    const municipality = flagString(flags, "kommun") ?? null;
    if (municipality && !names.has(municipality)) {
      process.stderr.write(`Kommunkod ${municipality} finns inte i ${county.countyName} (${county.municipalities.map((m) => `${m.code} ${m.name}`).join(", ")}).\n`);
      return 1;
    }
    const swap = county.swap!;
    const window = {fromYear: review.fromYear, toYear: review.toYear, startYear: swap.startYear};
    const years = (municipality ? view.rows.filter((r) => r.municipalityCode === municipality) : view.county).filter((r) => review.windowYears.includes(r.year));
    const total = municipality ? view.window.rows.find((r) => r.municipalityCode === municipality)! : view.window.county;
    const matrix = windowMatrix(years, total, review);

    if (json) {
      process.stdout.write(
        JSON.stringify(
          {
            dataset: report.dataset,
            countyCode: county.countyCode,
            countyName: county.countyName,
            reviewYear: review.reviewYear,
            fromYear: review.fromYear,
            toYear: review.toYear,
            windowYears: review.windowYears,
            prices: view.prices,
            priceLevel: view.priceLevel,
            ore: swap.ore,
            municipalities: county.municipalities,
            headline: view.headline,
            window: view.window,
            county: view.county,
            rows: view.rows,
            fit: view.fit,
            countyIsSum: view.countyIsSum,
            period: {municipalityCode: municipality, ...matrix},
            method: view.method
          },
          null,
          2
        ) + "\n"
      );
      return 0;
    }

    const priceWords = view.priceLevel ? pricesText("fasta", view.priceLevel.year, view.priceLevel.index) : pricesText("lopande", review.toYear);
    const rows = [...view.window.rows].sort((a, b) => nameOf(a.municipalityCode).localeCompare(nameOf(b.municipalityCode), "sv"));
    const overview = overviewColumns(nameOf, window);
    const out = [
      `Skatteväxlingen i ${county.countyName}: uppföljning ${review.reviewYear} (åren ${span(review.fromYear, review.toYear)}), ${priceWords}. Källa: ${report.dataset.label}.`,
      "",
      view.headline.sentence,
      "",
      `Översikt ${span(review.fromYear, review.toYear)}, belopp i kronor (sista raden: länet = summan av kommunerna)`,
      columnsTable(overview, [...rows, view.window.county]),
      "",
      `${municipality ? names.get(municipality) : county.countyName}, uppföljning ${review.reviewYear}: åren ${span(review.fromYear, review.toYear)}, belopp i kronor`,
      textTable(matrix.headers, matrix.rows.map((r) => [r.label, ...r.texts]), matrix.headers.map((_, i) => i > 0)),
      matrix.note,
      "",
      `Andel 80+ och saldo (SOU 2011:55): ${view.fit.sentence}`,
      "",
      `Metod: ${view.method}`,
      view.countyIsSum ? "Kontroll: länets belopp är för varje år summan av kommunernas." : "Varning: länets belopp stämmer inte med summan av kommunernas.",
      "Effekten på inkomstutjämningen är inte modellerad."
    ];
    process.stdout.write(out.join("\n").replace(/\u00a0/g, " ") + "\n");
    return 0;
  }
};
