// Medicinteknik: devices per municipality at each half-year end, the fixed part per half-year, the
// monthly variable invoices and the totals per year (loaders/reports/medtech.ts, shared with
// `npx samverkan mt-faktura`), as one file per county (`<lan>.json`, the page /medicinteknik/<lan>): the
// MT agreement's county gets the whole report, every other county only the counties' status (why it
// has no invoices), so that no page fetches the agreement county's invoices unless it shows them.
// inputs: kommuner.csv, mt-enheter.csv, mt-utrustning.csv, mt-uppdrag.csv, prisindex.csv
import {runArchiveLoader} from "../../loaders/loader-kit.ts";
import {readCounties} from "../../loaders/counties.ts";
import {medtechReport, type MedtechReport} from "../../loaders/reports/medtech.ts";

await runArchiveLoader(async (wh) => {
  const report = await medtechReport(wh);
  const other: MedtechReport = {
    ...report,
    municipalities: [],
    snapshots: [],
    fixed: [],
    fixedErrors: [],
    variable: {...report.variable, rows: [], lines: [], byYear: [], years: [], months: [], errors: []},
    totals: []
  };
  return Object.fromEntries((await readCounties(wh.connection)).map((c) => [`${c.code}.json`, c.code === report.countyCode ? report : other]));
});
