// The four-yearly follow-up of the skatteväxling: every county, every complete review year, in current
// and fixed prices (loaders/reports/tax-swap.ts, shared with `npx samverkan skattevaxling`), as one file
// per county (`<lan>.json`, the page /skattevaxling/<lan>) and `index.json` (where the entry page /skattevaxling/ starts).
// inputs: kommuner.csv, skattevaxling.csv, skatteunderlag.csv, kostnader.csv, kostnader-huvudbok.csv, befolkning.csv, prisindex.csv, medelskattekraft.csv, lansvis-skattesats.csv, standardkostnad-aldreomsorg.csv
import {runArchiveLoader} from "../../loaders/loader-kit.ts";
import {splitTaxSwapReport, taxSwapReport} from "../../loaders/reports/tax-swap.ts";

await runArchiveLoader(async (wh) => {
  const {index, counties} = splitTaxSwapReport(await taxSwapReport(wh));
  return {"index.json": index, ...Object.fromEntries(Object.entries(counties).map(([code, file]) => [`${code}.json`, file]))};
});
