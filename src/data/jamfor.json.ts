// Jämför kommuner and the municipality profiles: every indicator, measure and price basis per
// municipality and year, with changes, ranks, county average and median and the similar municipalities
// (loaders/reports/comparison.ts, model loaders/models/municipality-comparison.ts).
// inputs: kommuner.csv, kostnader.csv, kostnader-huvudbok.csv, inskrivna.csv, inskrivningar.csv, vaccination.csv, mt-enheter.csv, befolkning.csv, prisindex.csv
import {runLoader} from "../../loaders/loader-kit.ts";
import {comparisonReportFrom} from "../../loaders/reports/comparison.ts";

await runLoader(comparisonReportFrom);
