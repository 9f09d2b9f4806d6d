/**
 * `npx samverkan rapport --year Y [--lan 23] [--data DIR] --out rapport.pdf`: the seminar report as an
 * A4 PDF, printed by headless Chromium from the built page, with page numbers, date and data source
 * on every page. Builds the site for the data folder first (into .cache/rapport-dist).
 */
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {ROOT} from "../../warehouse.ts";
import {readParameters} from "../../ingest/ingest.ts";
import {buildSite, printPdf} from "../../pdf.ts";

export async function printReport({dir, year, county, out, dist}: {dir: string; year: number; county: string; out: string; dist: string}): Promise<void> {
  const parameters = await readParameters(dir);
  buildSite(dir, dist);
  if (!existsSync(join(dist, "seminarium", `${year}.html`))) throw new Error(`Det finns ingen seminarierapport för ${year} (rapporter finns för de fem sista åren i underlaget).`);
  await printPdf({
    dist,
    path: `/seminarium/${year}?lan=${county}`,
    out,
    footer: `Samverkan i siffror · Seminarierapport ${year} · Källa: ${parameters.dataset.label}`,
    ready: ".report-section, .report + p, main p"
  });
}

export const command: Command = {
  name: "rapport",
  usage: "rapport --year ÅR [--lan KOD] [--data MAPP] --out FIL.pdf",
  summary: "Seminarierapporten som PDF (A4, sidnummer, datum och källa på varje sida)",
  async run({dir, flags}) {
    const year = Number(flagString(flags, "year"));
    const out = flagString(flags, "out");
    if (!Number.isInteger(year) || !out) {
      process.stderr.write("Ange --year och --out, t.ex. npx samverkan rapport --year 2025 --out rapport.pdf\n");
      return 2;
    }
    const parameters = await readParameters(dir);
    const county = flagString(flags, "lan") ?? parameters.supplementaryAmount.countyCode;
    await printReport({dir, year, county, out: resolve(out), dist: join(ROOT, ".cache", "rapport-dist")});
    process.stderr.write(`Skrev ${resolve(out)}\n`);
    return 0;
  }
};
