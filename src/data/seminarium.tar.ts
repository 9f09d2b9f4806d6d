// The seminar report of every county and report year (a few sections each), as one file per county and
// year (`<lan>/<year>.json`, the page /seminarium/<lan>/<year>). Its sections read every input but kolada.csv.
// inputs: kommuner.csv, kostnader.csv, kostnader-huvudbok.csv, inskrivna.csv, inskrivningar.csv, utvecklingsmedel.csv, skattevaxling.csv, medelskattekraft.csv, lansvis-skattesats.csv, standardkostnad-aldreomsorg.csv, skatteunderlag.csv, befolkning.csv, prisindex.csv, mt-enheter.csv, mt-utrustning.csv, mt-uppdrag.csv, insatser.csv, vaccination.csv, vaccinationsdoser.csv, vaccination-referens.csv, vaccinationsvolym.csv, fordelningsfaktorer.csv
import {runArchiveLoader} from "../../loaders/loader-kit.ts";
import {reportYears, seminarReports} from "../../loaders/reports/seminar.ts";

await runArchiveLoader(async (wh) => {
  const reports = await seminarReports(wh, reportYears(wh.parameters.years));
  return Object.fromEntries(reports.map((r) => [`${r.countyCode}/${r.year}.json`, r]));
});
