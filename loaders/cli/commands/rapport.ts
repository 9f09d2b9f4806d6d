/**
 * `npx samverkan rapport --year Y [--lan 23] [--data DIR] --out rapport.pdf`: the seminar report as an
 * A4 PDF, printed by headless Chromium from the built page, with page numbers, date and data source
 * on every page. Builds the site for the data folder first (into .cache/rapport-dist).
 */
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {ROOT} from "../../warehouse.ts";
import {readParameters} from "../../ingest/ingest.ts";

export async function printReport({dir, year, county, out, dist}: {dir: string; year: number; county: string; out: string; dist: string}): Promise<void> {
  const parameters = await readParameters(dir);
  const build = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "build.ts"), "build"], {
    cwd: ROOT,
    env: {...process.env, SAMVERKAN_DATA: dir, SAMVERKAN_OUT: dist, OBSERVABLE_TELEMETRY_DISABLE: "1"},
    encoding: "utf8"
  });
  if (build.status !== 0) throw new Error(`Bygget misslyckades:\n${build.stderr.slice(-3000)}`);
  if (!existsSync(join(dist, "seminarium", `${year}.html`))) throw new Error(`Det finns ingen seminarierapport för ${year} (rapporter finns för de fem sista åren i underlaget).`);
  const {serve, launch} = await import("../../../test/browser/harness.ts");
  const {server, origin} = await serve(dist);
  const browser = await launch();
  try {
    const page = await browser.newPage({locale: "sv-SE"});
    await page.goto(`${origin}/seminarium/${year}?lan=${county}`, {waitUntil: "networkidle"});
    await page.waitForSelector(".report-section, .report + p, main p", {timeout: 30_000});
    await page.waitForFunction(() => !document.querySelector(".observablehq--loading"));
    const date = new Date().toLocaleDateString("sv-SE");
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    await page.pdf({
      path: out,
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font: 8px system-ui, sans-serif; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between; color: #333;">
        <span>Samverkan i siffror · Seminarierapport ${year} · Källa: ${esc(parameters.dataset.label)} · ${date}</span>
        <span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`,
      margin: {top: "18mm", bottom: "20mm", left: "16mm", right: "16mm"}
    });
  } finally {
    await browser.close();
    server.close();
  }
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
