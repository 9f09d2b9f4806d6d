// inputs: kommuner.csv, inskrivna.csv, inskrivningar.csv, befolkning.csv, fordelningsfaktorer.csv, prisindex.csv, skattevaxling.csv, utvecklingsmedel.csv
// The agreement files (avtal/*.json) per county: status, history, every parameter with kind and source,
// and the agreement against the data. Small: one file for all counties.
import {runLoader} from "../../loaders/loader-kit.ts";
import {agreementsReport} from "../../loaders/reports/agreements.ts";

await runLoader(async (wh) => ({dataset: wh.parameters.dataset, ...(await agreementsReport(wh))}));
