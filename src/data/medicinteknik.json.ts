// Medicinteknik: devices per municipality at each half-year end, the fixed part per half-year, the
// monthly variable invoices and the totals per year (loaders/reports/medtech.ts, shared with
// `npx samverkan mt-faktura`).
// inputs: kommuner.csv, mt-enheter.csv, mt-utrustning.csv, mt-uppdrag.csv, prisindex.csv
import {runLoader} from "../../loaders/loader-kit.ts";
import {medtechReport} from "../../loaders/reports/medtech.ts";

await runLoader(medtechReport);
