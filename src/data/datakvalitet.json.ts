// The ingest report of this build: every file, every rejected row (the first 500 per file), and the
// agreement files against the data (the agreed band, the stored amounts, the swap, the 50/50 split).
// The timings are left out: the same inputs must give the same bytes. The data folder is named
// relative to the project (or by its own name when it lies elsewhere), never by the build
// machine's absolute path. It declares no inputs: the report names every file of the folder (rows read,
// rejected, unknown file names), so any file there may change it.
import {basename, isAbsolute, relative} from "node:path";
import {runLoader} from "../../loaders/loader-kit.ts";
import {ROOT} from "../../loaders/warehouse.ts";
import {agreementFindings} from "../../loaders/reports/agreement-findings.ts";

await runLoader(async (wh) => {
  const {timings: _timings, dataDir, ...report} = wh.report;
  const inside = relative(ROOT, dataDir);
  const folder = inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : basename(dataDir);
  return {...report, dataDir: folder, agreementFindings: await agreementFindings(wh)};
});
