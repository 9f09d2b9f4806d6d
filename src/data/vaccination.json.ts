// Vaccination coverage, funnel limits, reference figures and the municipalities' vaccination work, with
// small counts suppressed before they reach the JSON (loaders/reports/vaccination.ts).
// inputs: kommuner.csv, vaccination.csv, vaccination-referens.csv, vaccinationsvolym.csv, vaccinationsdoser.csv
import {runLoader} from "../../loaders/loader-kit.ts";
import {vaccinationReport} from "../../loaders/reports/vaccination.ts";

await runLoader(vaccinationReport);
