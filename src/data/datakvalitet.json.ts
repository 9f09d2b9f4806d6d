// The ingest report of this build: every file, every rejected row (the first 500 per file), and the
// agreement files against the data (the agreed band, the stored amounts, the swap, the 50/50 split).
// The timings are left out: the same inputs must give the same bytes.
import {runLoader} from "../../loaders/loader-kit.ts";
import {agreementFindings} from "../../loaders/reports/agreement-findings.ts";

await runLoader(async (wh) => {
  const {timings: _timings, ...report} = wh.report;
  return {...report, agreementFindings: await agreementFindings(wh)};
});
