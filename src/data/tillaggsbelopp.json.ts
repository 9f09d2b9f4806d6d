// Tilläggsbelopp: the reconciliation of every year (count, band, inside/outside, revision under both
// readings, LPIK uprating, final amount) and its distribution between the municipalities
// (loaders/reports/supplementary-amount.ts, shared with `npx samverkan tillaggsbelopp` and the seminar report).
// inputs: kommuner.csv, inskrivna.csv, inskrivningar.csv, befolkning.csv, fordelningsfaktorer.csv, prisindex.csv
import {runLoader} from "../../loaders/loader-kit.ts";
import {supplementaryAmountReport} from "../../loaders/reports/supplementary-amount.ts";

await runLoader(supplementaryAmountReport);
