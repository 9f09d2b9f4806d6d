/**
 * `npx samverkan rapport --year Y [--lan 23] [--data DIR] --out rapport.pdf`: the seminar report as an
 * A4 PDF, printed by headless Chromium from the report's page, with page numbers, date and data source
 * on every page.
 *
 * Only the one report is rendered, never the whole site: the report of that county and year is computed
 * here from the warehouse (the same module as the site's loader, loaders/reports/seminar.ts), written
 * with the site's list of counties as the page's two data files into a temporary Framework project that
 * holds nothing but the seminar page (src/seminarium/[lan]/[year].md, as the site has it), the
 * components and the style sheet, and Framework builds that one page. Everything it uses is a
 * dependency (Framework, esbuild, playwright-core), so `npm ci --omit=dev` is enough.
 */
import {spawnSync} from "node:child_process";
import {cp, copyFile, mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {openWarehouse, ROOT} from "../../warehouse.ts";
import {siteInfo} from "../../loader-kit.ts";
import {readParameters} from "../../ingest/ingest.ts";
import {reportYears, seminarReports} from "../../reports/seminar.ts";
import {printPdf} from "../../pdf.ts";

/** A reason the report cannot be made that the reader can act on (another county or year): said in one sentence, no stack trace. */
export class ReportUnavailable extends Error {}

/** The seminar page as the site has it: its route and the data files it fetches. */
const PAGE = join("seminarium", "[lan]", "[year].md");

/**
 * Builds the seminar page of one county and year alone, into `<work>/dist`, and returns that folder and
 * the page's path. Throws a Swedish sentence when the county or the year has no report.
 */
export async function buildReportPage({dir, year, county, work}: {dir: string; year: number; county: string; work: string}): Promise<{dist: string; path: string; source: string}> {
  const wh = await openWarehouse(dir);
  let site, report;
  const source = wh.parameters.dataset.label;
  try {
    site = await siteInfo(wh);
    if (!site.counties.some((c) => c.code === county)) {
      throw new ReportUnavailable(`Det finns inget län ${county} i underlaget (kommuner.csv). Län i underlaget: ${site.counties.map((c) => `${c.code} ${c.name}`).join(", ")}.`);
    }
    const years = reportYears(wh.parameters.years);
    if (!years.includes(year)) throw new ReportUnavailable(`Det finns ingen seminarierapport för ${year} (rapporter finns för de fem sista åren i underlaget: ${[...years].sort().join(", ")}).`);
    [report] = await seminarReports(wh, [year], county);
  } finally {
    wh.close();
  }
  const src = join(work, "src");
  const dist = join(work, "dist");
  await mkdir(join(src, "seminarium", "[lan]"), {recursive: true});
  await copyFile(join(ROOT, "src", PAGE), join(src, PAGE));
  await cp(join(ROOT, "src", "components"), join(src, "components"), {recursive: true});
  await copyFile(join(ROOT, "src", "style.css"), join(src, "style.css"));
  // The style sheet and Framework find the packages as in the project (src/../node_modules).
  await symlink(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  // Framework's copies of the packages from the site's last build, when there is one: nothing to fetch or bundle again.
  for (const cache of ["_npm", "_node"]) {
    const from = join(ROOT, "src", ".observablehq", "cache", cache);
    if (existsSync(from)) await cp(from, join(src, ".observablehq", "cache", cache), {recursive: true});
  }
  // The page's data files, as the site's loaders would give them (src/data/site.json.ts, src/data/seminarium.tar.ts).
  await mkdir(join(src, "data", "seminarium", county), {recursive: true});
  await writeFile(join(src, "data", "site.json"), JSON.stringify(site));
  await writeFile(join(src, "data", "seminarium", county, `${year}.json`), JSON.stringify(report));
  const config = {
    title: "Samverkan i siffror",
    root: src,
    output: dist,
    lang: "sv",
    theme: "air",
    globalStylesheets: [],
    style: "style.css",
    search: false,
    toc: false,
    pager: false,
    sidebar: false,
    pages: [],
    header: `<span class="site-title">Samverkan i siffror</span>`,
    footer: "",
    dynamicPaths: [`/seminarium/${county}/${year}`],
    duckdb: {extensions: []}
  };
  await writeFile(join(work, "observablehq.config.js"), `export default ${JSON.stringify(config, null, 2)};\n`);
  const bin = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
  const build = spawnSync(process.execPath, [bin, "build", "--config", join(work, "observablehq.config.js")], {
    cwd: work,
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"},
    encoding: "utf8"
  });
  if (build.status !== 0 || !existsSync(join(dist, "seminarium", county, `${year}.html`))) {
    throw new Error(`Rapportsidan kunde inte byggas:\n${`${build.stdout ?? ""}\n${build.stderr ?? ""}`.trim().slice(-3000)}`);
  }
  return {dist, path: `/seminarium/${county}/${year}`, source};
}

export async function printReport({dir, year, county, out}: {dir: string; year: number; county: string; out: string}): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "samverkan-rapport-"));
  try {
    const {dist, path, source} = await buildReportPage({dir, year, county, work});
    await printPdf({
      dist,
      path,
      out,
      footer: `Samverkan i siffror · Seminarierapport ${year} · Källa: ${source}`,
      ready: ".report-section, .report + p, main p"
    });
  } finally {
    await rm(work, {recursive: true, force: true});
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
    const county = flagString(flags, "lan") ?? flagString(flags, "county") ?? parameters.supplementaryAmount.countyCode;
    try {
      await printReport({dir, year, county, out: resolve(out)});
    } catch (e) {
      if (!(e instanceof ReportUnavailable)) throw e;
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    process.stderr.write(`Skrev ${resolve(out)}\n`);
    return 0;
  }
};
