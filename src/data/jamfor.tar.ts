// Jämför kommuner and the municipality profiles: every indicator, measure and price basis per
// municipality and year, with changes, ranks, county average and median and the similar municipalities
// (loaders/reports/comparison.ts, model loaders/models/municipality-comparison.ts), as one file per
// county and part (<lan>/meta.json, <lan>/kostnader-lopande.json, …) and per municipality
// (kommun-<code>.json): a page fetches only its own.
// inputs: kommuner.csv, kostnader.csv, kostnader-huvudbok.csv, inskrivna.csv, inskrivningar.csv, vaccination.csv, vaccinationsdoser.csv, mt-enheter.csv, befolkning.csv, prisindex.csv
import {runArchiveLoader} from "../../loaders/loader-kit.ts";
import {comparisonFilesFrom} from "../../loaders/reports/comparison.ts";

await runArchiveLoader(comparisonFilesFrom);
