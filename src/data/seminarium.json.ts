// The seminar report of every county and report year (a few sections each).
import {runLoader} from "../../loaders/loader-kit.ts";
import {reportYears, seminarReports} from "../../loaders/reports/seminar.ts";

await runLoader(async (wh) => ({dataset: wh.parameters.dataset, reports: await seminarReports(wh, reportYears(wh.parameters.years))}));
