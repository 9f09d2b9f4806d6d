// The four-yearly follow-up of the skatteväxling: every county, every complete review year, in current
// and fixed prices (loaders/reports/tax-swap.ts, shared with `npx samverkan skattevaxling`).
// inputs: kommuner.csv, skattevaxling.csv, skatteunderlag.csv, kostnader.csv, kostnader-huvudbok.csv, befolkning.csv, prisindex.csv
import {runLoader} from "../../loaders/loader-kit.ts";
import {taxSwapReport} from "../../loaders/reports/tax-swap.ts";

await runLoader(taxSwapReport);
