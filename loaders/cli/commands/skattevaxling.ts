/**
 * `npx samverkan skattevaxling --review 2025 [--county 24] [--priser lopande|fasta] [--kommun 2480]
 * [--scenario NAME | --ore N | --tillagg PCT | --index] [--pdf FILE] [--data DIR] [--json]`: the review
 * tables of the skatteväxling follow-up for any county with a swap, the same as on the page
 * /skattevaxling/<lan> (the same report module and the same column definitions): the balance, the
 * income equalisation's effect, the scenarios against the base case, and the review pack as an A4 PDF.
 */
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {openWarehouse} from "../../warehouse.ts";
import {join, resolve} from "node:path";
import {findReview, pricesText, scenarioFor, scenarioFromFlags, span, taxSwapReport, type Prices, type ScenarioView} from "../../reports/tax-swap.ts";
import {cellText, equalisationColumns, overviewColumns, scenarioColumns, windowMatrix, type ReviewColumn} from "../../reports/tax-swap-tables.ts";
import {buildSite, printPdf} from "../../pdf.ts";
import {ROOT} from "../../warehouse.ts";
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
  usage: "skattevaxling --review ÅR [--county KOD] [--priser lopande|fasta] [--kommun KOD] [--scenario NAMN | --ore N | --tillagg PROCENT | --index] [--pdf FIL [--site BYGGD_MAPP]] [--data MAPP] [--json]",
  summary: "Skatteväxlingens uppföljning (vart fjärde år) för varje län med växling: saldo, inkomstutjämningens effekt, scenarier, granskningspaket som PDF",
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
    const countyCode = flagString(flags, "county") ?? flagString(flags, "lan") ?? report.parameters.countyCode;
    const found = findReview(report, {countyCode, reviewYear, prices});
    if ("error" in found) {
      process.stderr.write(`${found.error}\n`);
      return 1;
    }
    const {county, review, view} = found;
    const asked = scenarioFromFlags(county, {scenario: flagString(flags, "scenario"), ore: flagString(flags, "ore"), supplement: flagString(flags, "tillagg"), index: flags.index === true});
    if (asked && "error" in asked) {
      process.stderr.write(`${asked.error}\n`);
      return 2;
    }
    const scenarios: ScenarioView[] = asked ? [scenarioFor(county, review, asked)] : review.scenarios;
    const pdf = flagString(flags, "pdf");
    if (pdf) {
      // --site DIR: print from a site already built from the same data folder (skips the build).
      const site = flagString(flags, "site");
      const dist = site ? resolve(site) : join(ROOT, ".cache", "skattevaxling-dist");
      if (!site) buildSite(dir, dist);
      const query = new URLSearchParams({ar: String(review.reviewYear), priser: prices});
      if (asked?.ore) query.set("ore", asked.ore);
      if (asked?.supplementPercent) query.set("tillagg", asked.supplementPercent);
      if (asked?.costIndex) query.set("index", "1");
      await printPdf({
        dist,
        path: `/skattevaxling/${county.countyCode}?${query}`,
        out: resolve(pdf),
        footer: `Samverkan i siffror · Skatteväxlingen i ${county.countyName}, uppföljning ${review.reviewYear} · Källa: ${report.dataset.label}`,
        ready: "#metod"
      });
      process.stderr.write(`Skrev ${resolve(pdf)}\n`);
      return 0;
    }
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
            method: view.method,
            settings: county.swap!.settings,
            assumptions: county.swap!.assumptions,
            nextReview: county.swap!.nextReview,
            nextReviewText: county.swap!.nextReviewText,
            warnings: [...report.warnings, ...county.warnings],
            equalisation: review.equalisation,
            scenarios,
            fixedPrices: review.fixed ? {priceLevel: review.fixed.priceLevel, window: review.fixed.window} : {error: review.fixedError}
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
      "",
      ...equalisationText(review.equalisation, nameOf, review),
      "",
      ...scenarios.flatMap((sc) => scenarioLines(sc, nameOf, review)),
      "Antaganden och värden (slag: källa):",
      ...swap.assumptions.map((a) => `- ${a.what}: ${a.value} [${a.kind}] (${a.source})`),
      "",
      `Inställningar: ${swap.settings.source}.${swap.settings.note ? ` ${swap.settings.note}` : ""}`,
      swap.nextReviewText
    ];
    const warnings = [...report.warnings, ...county.warnings];
    if (warnings.length) out.splice(1, 0, "", "Varningar om underlaget:", ...warnings.map((w) => `- ${w}`));
    process.stdout.write(out.join("\n").replace(/\u00a0/g, " ") + "\n");
    return 0;
  }
};

function equalisationText(e: import("../../reports/tax-swap.ts").ReviewEqualisation, nameOf: (code: string | null) => string, review: {fromYear: number; toYear: number}): string[] {
  const head = `Inkomstutjämningen: växlingens värde ${span(review.fromYear, review.toYear)} på eget skatteunderlag och efter inkomstutjämningen (löpande priser, kronor)`;
  if (e.missingInput) return [head, e.missingInput];
  const rows = [...e.rows].sort((a, b) => nameOf(a.municipalityCode).localeCompare(nameOf(b.municipalityCode), "sv"));
  return [
    head + (e.demo ? " (medelskattekraften är Demodata)" : ""),
    columnsTable(equalisationColumns(nameOf), [...rows, e.county]),
    ...e.rules.map((r) => `- ${r}`),
    `Metod: ${e.method}`
  ];
}

function scenarioLines(sc: ScenarioView, nameOf: (code: string | null) => string, review: {fromYear: number; toYear: number}): string[] {
  const head = `Scenario ${sc.name} (${sc.label}): ${sc.text}, ${span(review.fromYear, review.toYear)}, mot grundfallet. Slag: ${sc.origin}.`;
  if (!sc.result) return [head, sc.error ?? "", ""];
  const rows = [...sc.result.rows].sort((a, b) => nameOf(a.municipalityCode).localeCompare(nameOf(b.municipalityCode), "sv"));
  const columns = scenarioColumns(nameOf, {supplement: sc.result.spec.supplementPercent != null});
  return [head, columnsTable(columns, [...rows, {municipalityCode: null, ...sc.result.county}]), ""];
}
