// Ersättningar: the agreement's hourly rates per year after index uprating, and the monthly invoices for
// hired staff and sight/hearing representatives (loaders/reports/rates.ts).
// inputs: kommuner.csv, prisindex.csv, insatser.csv
import {runLoader} from "../../loaders/loader-kit.ts";
import {ratesReport} from "../../loaders/reports/rates.ts";

await runLoader(ratesReport);
