// Normalvariation: the agreement's band for every enrolment and cost series of every municipality and
// county, the points outside it in words, SPC rules as extra cues, the monthly XmR charts, and the
// schedule of base windows (loaders/reports/normal-variation.ts), as one file per county (`<lan>.json`,
// the page /normalvariation/<lan>).
// inputs: kommuner.csv, inskrivna.csv, inskrivningar.csv, kostnader.csv, kostnader-huvudbok.csv
import {runArchiveLoader} from "../../loaders/loader-kit.ts";
import {normalVariationReport, splitNormalVariationReport} from "../../loaders/reports/normal-variation.ts";

await runArchiveLoader(async (wh) => {
  const counties = splitNormalVariationReport(await normalVariationReport(wh));
  return Object.fromEntries(Object.entries(counties).map(([code, file]) => [`${code}.json`, file]));
});
