// The seminar report of every county and report year (a few sections each), as one file per county and
// year (`<lan>/<year>.json`, the page /seminarium/<lan>/<year>).
import {runArchiveLoader} from "../../loaders/loader-kit.ts";
import {reportYears, seminarReports} from "../../loaders/reports/seminar.ts";

await runArchiveLoader(async (wh) => {
  const reports = await seminarReports(wh, reportYears(wh.parameters.years));
  return Object.fromEntries(reports.map((r) => [`${r.countyCode}/${r.year}.json`, r]));
});
