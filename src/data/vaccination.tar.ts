// Vaccination coverage, funnel limits, reference figures and the municipalities' vaccination work, with
// small counts suppressed before they reach the JSON (loaders/reports/vaccination.ts), as `index.json`
// (seasons, vaccines, target groups, methods and which counties have data) and one file per county
// (`<lan>.json`, the page /vaccination/<lan>; null for a county without data): a page never fetches
// another county's figures.
// inputs: kommuner.csv, vaccination.csv, vaccination-referens.csv, vaccinationsvolym.csv, vaccinationsdoser.csv
import {runArchiveLoader} from "../../loaders/loader-kit.ts";
import {readCounties} from "../../loaders/counties.ts";
import {vaccinationReport} from "../../loaders/reports/vaccination.ts";

await runArchiveLoader(async (wh) => {
  const {counties: areas, ...common} = await vaccinationReport(wh);
  const files: Record<string, unknown> = {"index.json": {...common, counties: areas.map((a) => ({countyCode: a.countyCode, countyName: a.countyName}))}};
  for (const c of await readCounties(wh.connection)) files[`${c.code}.json`] = areas.find((a) => a.countyCode === c.code) ?? null;
  return files;
});
